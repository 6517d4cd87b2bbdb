# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    vrac_round_stop_id = fields.Many2one(
        "vrac.round.stop",
        string="Mobile round stop",
        ondelete="set null",
        index=True,
        tracking=True,
        help="Where this household collects its bag when the mobile round "
        "serves its group.",
    )
    vrac_round_id = fields.Many2one(
        related="vrac_round_stop_id.round_id", string="Mobile round"
    )
