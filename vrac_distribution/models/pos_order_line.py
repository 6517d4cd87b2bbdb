# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class PosOrderLine(models.Model):
    _inherit = "pos.order.line"

    def _vrac_bag_lines(self):
        """Lines settling a household order of a distribution (sold, not
        refunded): the household's bag delivers them."""
        return self.filtered(
            lambda line: (
                line.qty > 0
                # Superuser: cashiers have no sales rights; only the sale line settled
                # by each line of `self` is looked at.
                and line.sudo().sale_order_line_id.order_id.vrac_distribution_id
            )
        )
