# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

# Menus of other addons shown to people whom their action then refuses, with
# the group their action needs.
REFUSING_MENUS = {
    # French POS certification: "POS Inalterability Check" is shown to every
    # point of sale user, and its action writes the company (Access Rights).
    "l10n_fr_pos_cert.menu_check_move_integrity_reporting": "base.group_erp_manager",
}


class IrUiMenu(models.Model):
    _inherit = "ir.ui.menu"

    def _load_menus_blacklist(self):
        """Hide the menus whose action would refuse the user (a cashier of a
        French association clicking "POS Inalterability Check" gets an
        Access Error)."""
        hidden = super()._load_menus_blacklist()
        for xmlid, group in REFUSING_MENUS.items():
            menu = self.env.ref(xmlid, raise_if_not_found=False)
            if menu and not self.env.user.has_group(group):
                hidden.append(menu.id)
        return hidden
