# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # Point of sale settings, written to the point of sale being edited.
    pos_vrac_membership_product_id = fields.Many2one(
        related="pos_config_id.vrac_membership_product_id", readonly=False
    )
    pos_vrac_membership_blocking = fields.Boolean(
        related="pos_config_id.vrac_membership_blocking", readonly=False
    )
