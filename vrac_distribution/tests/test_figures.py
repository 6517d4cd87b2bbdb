# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import etree

from odoo.tests import TransactionCase


class TestFiguresInViews(TransactionCase):
    def test_weights_served_without_useless_decimals(self):
        """The weights screen reads "2" packets and "2,941" kg, not "2,000"."""
        view = self.env.ref("vrac_distribution.sale_order_line_view_tree_weights")
        arch = etree.fromstring(
            self.env["sale.order.line"].get_views([(view.id, "tree")])["views"]["tree"][
                "arch"
            ]
        )
        widgets = {node.get("name"): node.get("widget") for node in arch.iter("field")}
        for name in ("vrac_ordered_qty", "vrac_allocated_qty", "vrac_weight_served"):
            self.assertEqual(widgets[name], "vrac_quantity", name)
