# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.osv.expression import NEGATIVE_TERM_OPERATORS, OR

COORDINATORS = "vrac_groupement.group_coordinator"


class ProductPricelist(models.Model):
    """The pricelist of a tier is named alike for every tier ("Household
    prices"): cashiers, volunteers and accountants read it on households,
    orders and at the till, and it must not tell the tier. Coordinators read
    the tier's name instead."""

    _inherit = "product.pricelist"

    @api.depends_context("uid", "vrac_hide_tier_names")
    def _compute_display_name(self):
        res = super()._compute_display_name()
        tiers = self._vrac_tiers_shown()
        for pricelist in self:
            tier = tiers.get(pricelist._origin.id)
            if tier:
                pricelist.display_name = f"{tier.name} ({pricelist.currency_id.name})"
        return res

    @api.model
    def _search_display_name(self, operator, value):
        # Coordinators also find a tier's pricelist by the tier's name.
        domain = super()._search_display_name(operator, value)
        if (
            value
            and isinstance(value, str)
            and operator not in NEGATIVE_TERM_OPERATORS
            and self._vrac_user_sees_tiers()
        ):
            tiers = (
                self.env["vrac.tier"]
                .with_context(active_test=False)
                .search([("name", operator, value), ("pricelist_id", "!=", False)])
            )
            if tiers:
                domain = OR([domain, [("id", "in", tiers.pricelist_id.ids)]])
        return domain

    def _vrac_user_sees_tiers(self):
        return not self.env.context.get(
            "vrac_hide_tier_names"
        ) and self.env.user.has_group(COORDINATORS)

    def _vrac_tiers_shown(self):
        """{pricelist id: tier} of the tier pricelists in self, for coordinators.

        Anyone else gets an empty dict: they read the neutral name only.
        """
        ids = [pricelist_id for pricelist_id in self._origin.ids if pricelist_id]
        if not ids or not self._vrac_user_sees_tiers():
            return {}
        # sudo: the current user is a coordinator, who reads tiers; the display
        # name may be computed for a pricelist of another branch shown on a
        # record they may read.
        tiers = (
            self.env["vrac.tier"]
            .sudo()
            .with_context(active_test=False)
            .search([("pricelist_id", "in", ids)])
        )
        return {tier.pricelist_id.id: tier for tier in tiers}

    @api.model
    def _vrac_tier_pricelist_ids(self):
        """The ids of every tier's pricelist (archived tiers too)."""
        # sudo: tiers are coordinators' data; only their pricelists' ids are
        # returned, which the caller already reads on households and orders.
        return set(
            self.env["vrac.tier"]
            .sudo()
            .with_context(active_test=False)
            .search([("pricelist_id", "!=", False)])
            .pricelist_id.ids
        )

    # Point of sale --------------------------------------------------------------

    def _load_pos_data(self, data):
        # The till reads the pricelists' names: the tiers' are all "Price" there.
        res = super()._load_pos_data(data)
        session = self.env["pos.session"].browse(data["pos.session"]["data"][0]["id"])
        session._vrac_hide_tier_names(res["data"])
        return res
