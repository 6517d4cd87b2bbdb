# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class SaleOrder(models.Model):
    # The tier is frozen when the order is created and when it is confirmed.
    _name = "sale.order"
    _inherit = ["sale.order", "vrac.tier.sale.mixin"]

    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        orders.filtered(lambda order: not order.sudo().vrac_tier_id)._vrac_set_tier()
        return orders

    def action_confirm(self):
        res = super().action_confirm()
        self._vrac_set_tier()
        return res

    def _vrac_get_tier(self):
        """The tier of the order: the customer's effective tier in its company."""
        self.ensure_one()
        return self.partner_id.with_company(self.company_id)._vrac_effective_tier()
