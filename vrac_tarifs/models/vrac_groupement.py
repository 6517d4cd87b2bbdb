# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class VracGroupement(models.Model):
    _inherit = "vrac.groupement"

    precarity_share = fields.Float(
        string="Share in precarity (%)",
        compute="_compute_indicators",
        digits=(5, 1),
        help="Share of the group's households whose tier is a precarity tier.",
    )
    precarity_target_met = fields.Boolean(compute="_compute_indicators")

    @api.depends("precarity_target")
    def _compute_indicators(self):
        return super()._compute_indicators()

    def _vrac_set_indicators(self, values):
        res = super()._vrac_set_indicators(values)
        households = values.get("households", 0)
        share = 100.0 * values.get("precarity", 0) / households if households else 0
        self.precarity_share = share
        self.precarity_target_met = share >= self.precarity_target
        return res

    def _vrac_get_indicators(self):
        result = super()._vrac_get_indicators()
        # Households in a precarity tier, counted without reading any income.
        # Superuser: volunteers may not read tiers; only the default tier of the current
        # branch is taken.
        default_tier = self.env.company.sudo().vrac_default_tier_id
        # Superuser: tiers are private; only counts per tier of the households of the
        # groups of `self` leave here.
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
