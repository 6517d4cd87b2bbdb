# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import etree, html

from odoo.tests import TransactionCase

from odoo.addons.vrac_groupement.tests.common import HOUSEHOLD_PRICES

from .common import VracDistributionCase


class TestFiguresInViews(TransactionCase):
    def test_weights_served_without_useless_decimals(self):
        """The weights screen reads "2" packets and "2,941" kg, not "2,000"."""
        view = self.env.ref("vrac_distribution.sale_order_line_view_tree_weights")
        arch = etree.fromstring(
            self.env["sale.order.line"].get_views([(view.id, "list")])["views"]["list"][
                "arch"
            ]
        )
        widgets = {node.get("name"): node.get("widget") for node in arch.iter("field")}
        for name in ("vrac_ordered_qty", "vrac_allocated_qty", "vrac_weight_served"):
            self.assertEqual(widgets[name], "vrac_quantity", name)


class TestFiguresInFrenchSheets(VracDistributionCase):
    """The printed sheets in French: "2 Units", "1,5 kg", "1,62 kg", amounts
    in the company's currency format, dates without seconds.

    A guard: these sheets were already right when the screens were fixed.
    """

    # The households' prices: pasta 1.35 a packet, oil 8.20 a bottle,
    # lentils 2.40 and apples 2.00 a kg.
    household_prices = HOUSEHOLD_PRICES

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.distribution.action_prepare()
        cls.order_line(cls, cls.r1, cls.lentils).vrac_weight_served = 1.62

    def text(self, report, records):
        content, _type = (
            self.env["ir.actions.report"]
            .with_context(lang="fr_FR")
            ._render_qweb_html(report, records.ids)
        )
        return " ".join(html.fromstring(content).text_content().split())

    def assertNoNoise(self, text):
        self.assertNotRegex(text, r"\d,000\b", "no useless decimals")
        self.assertNotRegex(text, r"\d\d:\d\d:\d\d", "no seconds")
        self.assertNotIn("EUR ", text)

    def test_bag_sheets(self):
        text = self.text(
            "vrac_distribution.report_vrac_distribution_bags", self.distribution
        )
        uom = self.pasta.uom_id.with_context(lang="fr_FR").name
        self.assertIn(f"{self.pasta.display_name} 2 {uom}", text)
        # The weight served becomes the quantity.
        self.assertIn(f"{self.lentils.display_name} 1,62 kg 1,62 kg", text)
        self.assertIn(f"{self.apples.display_name} 2,5 kg", text)
        self.assertNoNoise(text)

    def test_cycle_orders_per_household(self):
        text = self.text(
            "vrac_groupement.report_vrac_order_cycle_household", self.cycle
        )
        self.assertIn(f"{self.lentils.display_name} 1,5 kg 1,5 kg", text)
        currency = self.cycle.currency_id
        # "2,40 €" for a euro company, "$ 2,40" for a dollar one: never its code.
        amount = "2,40"
        expected = (
            f"{amount}\N{NO-BREAK SPACE}{currency.symbol}"
            if currency.position == "after"
            else f"{currency.symbol}\N{NO-BREAK SPACE}{amount}"
        )
        self.assertIn(
            expected.replace("\N{NO-BREAK SPACE}", " "),
            text.replace("\N{NO-BREAK SPACE}", " "),
        )
        self.assertNoNoise(text)
