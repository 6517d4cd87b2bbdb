# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class PosSession(models.Model):
    _inherit = "pos.session"

    def _get_pos_ui_pos_config(self, params):
        """The till offers only the orders of its open distribution: it
        needs that distribution's id (False when none is open)."""
        config = super()._get_pos_ui_pos_config(params)
        config["vrac_distribution_id"] = self.config_id.vrac_distribution_id.id
        # Items sold by weight: a weight of 0 is refused at payment.
        config["vrac_weight_category_id"] = self.env.ref("uom.product_uom_categ_kgm").id
        return config
