# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


# Kept apart from sale_order_line.py (weights): this is the till's side.
# pylint: disable=consider-merging-classes-inherited
class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    @api.depends("pos_order_line_ids.qty", "order_id.vrac_distribution_id")
    def _compute_qty_delivered(self):
        """pos_sale counts the till's quantities as delivered; a distribution's
        bag is delivered by stock, so they are not counted twice."""
        res = super()._compute_qty_delivered()
        bag_lines = self.filtered(
            lambda line: (
                line.order_id.vrac_distribution_id and line.product_id.type != "service"
            )
        )
        for sale_line in bag_lines:
            pos_lines = sale_line.sudo().pos_order_line_ids._vrac_bag_lines()
            sale_line.qty_delivered -= sum(
                self._convert_qty(sale_line, pos_line.qty, "p2s")
                for pos_line in pos_lines
            )
        return res
