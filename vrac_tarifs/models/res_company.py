# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    vrac_default_tier_id = fields.Many2one(
        "vrac.tier",
        string="Default tier",
        domain="[('company_id', '=', id)]",
        help="Tier of households without a tier, and of customers who are not "
        "member households.",
    )
    vrac_tier_review_months = fields.Integer(
        string="Tier review after (months)",
        default=12,
    )

    def write(self, vals):
        res = super().write(vals)
        if "vrac_default_tier_id" in vals:
            # Points of sale with tiers take the new default pricelist.
            # No superuser here: the sync itself runs as superuser (points of
            # sale the writer may not write), for the branches of `self` only.
            self.env["pos.config"]._vrac_sync_tier_configs(self)
            self.env["res.partner"].invalidate_model(["property_product_pricelist"])
        return res
