# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    vrac_default_tier_id = fields.Many2one(
        related="company_id.vrac_default_tier_id", readonly=False
    )
    vrac_tier_review_months = fields.Integer(
        related="company_id.vrac_tier_review_months", readonly=False
    )
