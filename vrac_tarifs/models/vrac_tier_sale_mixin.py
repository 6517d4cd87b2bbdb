# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import fields, models


class VracTierSaleMixin(models.AbstractModel):
    """The tier a sale was made at, frozen on the order (POS and sale orders).

    The balance report reads it: it must tell the tier the household paid,
    not the one it has today.
    """

    _name = "vrac.tier.sale.mixin"
    _description = "Tier frozen on a sale"

    vrac_tier_id = fields.Many2one(
        "vrac.tier",
        string="Tier",
        readonly=True,
        copy=False,
        index="btree_not_null",
        groups="vrac_groupement.group_coordinator",
        help="The household's tier when the sale was made (the default tier for "
        "customers who are not households).",
    )

    def _vrac_get_tier(self):
        """The tier to freeze on one order (hook of each order model)."""
        raise NotImplementedError()

    def _vrac_set_tier(self):
        """Freeze the tier on the orders, one write per tier."""
        orders_by_tier = defaultdict(lambda: self.browse())
        for order in self:
            orders_by_tier[order._vrac_get_tier()] |= order
        # The tier is private: cashiers and volunteers cannot write it.
        for tier, orders in orders_by_tier.items():
            # Superuser: the tier is private, cashiers and volunteers cannot write it;
            # only the orders of `self`, which the caller creates or writes, get it.
            orders.sudo().write({"vrac_tier_id": tier.id})
