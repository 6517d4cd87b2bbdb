# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PurchaseOrder(models.Model):
    _inherit = "purchase.order"

    vrac_cycle_id = fields.Many2one(
        "vrac.order.cycle",
        string="Order cycle",
        index=True,
        copy=False,
        readonly=True,
        check_company=True,
    )
    vrac_groupement_id = fields.Many2one(
        "vrac.groupement",
        string="Purchasing group",
        readonly=True,
        copy=False,
        help="Set when the cycle buys for each group apart.",
    )

    def button_confirm(self):
        result = super().button_confirm()
        self.vrac_cycle_id._vrac_update_state_from_purchases()
        return result
