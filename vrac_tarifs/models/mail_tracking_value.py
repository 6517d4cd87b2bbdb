# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class MailTrackingValue(models.Model):
    _inherit = "mail.tracking.value"

    @api.model
    def _create_tracking_values(
        self, initial_value, new_value, col_name, col_info, record
    ):
        # A change of pricelist (on an order) is kept in the chatter that
        # volunteers read: keep the neutral name even when a coordinator
        # made the change.
        if col_info.get("type") == "many2one" and (
            getattr(new_value, "_name", None) == "product.pricelist"
        ):
            initial_value = initial_value.with_context(vrac_hide_tier_names=True)
            new_value = new_value.with_context(vrac_hide_tier_names=True)
        return super()._create_tracking_values(
            initial_value, new_value, col_name, col_info, record
        )
