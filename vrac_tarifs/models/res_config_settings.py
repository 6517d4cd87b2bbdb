# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    vrac_default_tier_id = fields.Many2one(
        related="company_id.vrac_default_tier_id", readonly=False
    )
    vrac_tier_review_months = fields.Integer(
        related="company_id.vrac_tier_review_months", readonly=False
    )

    # Point of sale settings, written to the point of sale being edited.
    pos_vrac_use_tiers = fields.Boolean(
        related="pos_config_id.vrac_use_tiers", readonly=False
    )
    pos_vrac_solidarity_fund_id = fields.Many2one(
        related="pos_config_id.vrac_solidarity_fund_id", readonly=False
    )

    @api.onchange("pos_vrac_use_tiers")
    def _onchange_pos_vrac_use_tiers(self):
        """Show at once the pricelists the tiers will set on saving."""
        if not self.pos_vrac_use_tiers:
            return
        config = self.pos_config_id
        pricelists = config._vrac_tier_pricelists().get(config.company_id)
        if not pricelists:
            return
        self.pos_use_pricelist = True
        self.pos_available_pricelist_ids = pricelists
        # Superuser: the settings reader may not read tiers; only the default tier's
        # pricelist of this config's branch is taken.
        self.pos_pricelist_id = (
            config.company_id.sudo().vrac_default_tier_id.pricelist_id & pricelists
            or pricelists[:1]
        )
