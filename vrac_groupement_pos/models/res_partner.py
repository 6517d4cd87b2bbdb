# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _load_pos_data_fields(self, config_id):
        # Also the fields of the partners the till searches later
        # (pos.data searchRead reads the loaded fields).
        fields = super()._load_pos_data_fields(config_id)
        return fields + [
            field for field in self._vrac_pos_partner_fields() if field not in fields
        ]

    @api.model
    def _vrac_pos_partner_fields(self):
        """Household fields the till needs: never a tier nor anything on income.

        Hook: the addons that add a household feature to the till add its
        fields here.
        """
        return [
            "vrac_household_number",
            "vrac_is_household",
            "commercial_partner_id",
            "membership_state",
            "membership_stop",
            "vrac_is_member_today",
        ]
