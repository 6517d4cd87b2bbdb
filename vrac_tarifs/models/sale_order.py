# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    # Frozen when the order is created and when it is confirmed, never
    # recomputed: the balance report must tell the tier the household paid,
    # not the one it has today.
    vrac_tier_id = fields.Many2one(
        "vrac.tier",
        string="Tier",
        readonly=True,
        copy=False,
        index="btree_not_null",
        groups="vrac_groupement.group_coordinator",
        help="The household's tier when the order was confirmed.",
    )

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
        """The tier of the order: the customer's effective tier in its company.

        Hook: a module that prices orders otherwise can override it.
        """
        self.ensure_one()
        return self.partner_id.with_company(self.company_id)._vrac_effective_tier()

    def _vrac_set_tier(self):
        """Freeze the customer's current tier on the orders, one write per tier."""
        orders_by_tier = defaultdict(lambda: self.browse())
        for order in self.filtered("partner_id"):
            orders_by_tier[order._vrac_get_tier()] |= order
        # The tier is private: volunteers who enter orders cannot write it.
        for tier, orders in orders_by_tier.items():
            orders.sudo().write({"vrac_tier_id": tier.id})
