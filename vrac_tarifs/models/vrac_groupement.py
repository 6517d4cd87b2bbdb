# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class VracGroupement(models.Model):
    _inherit = "vrac.groupement"

    precarity_share = fields.Float(
        string="Share in precarity (%)",
        compute="_compute_precarity_share",
        digits=(5, 1),
        help="Share of the group's households whose tier is a precarity tier.",
    )
    precarity_target_met = fields.Boolean(compute="_compute_precarity_share")

    @api.depends("precarity_target", "household_ids")
    def _compute_precarity_share(self):
        indicators = self._get_indicators()
        for groupement in self:
            values = indicators.get(groupement.id, {})
            households = values.get("households", 0)
            share = 100.0 * values.get("precarity", 0) / households if households else 0
            groupement.precarity_share = share
            groupement.precarity_target_met = share >= groupement.precarity_target

    def _get_indicators(self):
        result = super()._get_indicators()
        # Households in a precarity tier, counted without reading any income.
        default_tier = self.env.company.sudo().vrac_default_tier_id
        for groupement, tier, count in (
            self.env["res.partner"]
            .sudo()
            ._read_group(
                [
                    ("vrac_groupement_id", "in", self.ids),
                    ("vrac_is_household", "=", True),
                ],
                ["vrac_groupement_id", "vrac_tier_id"],
                ["__count"],
            )
        ):
            if (tier or default_tier).is_precarity:
                values = result[groupement.id]
                values["precarity"] = values.get("precarity", 0) + count
        return result
