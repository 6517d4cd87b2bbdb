# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    vrac_indicator_threshold = fields.Integer(
        related="company_id.vrac_indicator_threshold", readonly=False
    )
