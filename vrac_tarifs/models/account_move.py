# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    vrac_funder_program_id = fields.Many2one(
        "vrac.funder.program",
        string="Funder program",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The program whose monthly shares this invoice asks the funder for.",
    )
    vrac_funder_period = fields.Date(
        string="Month invoiced",
        readonly=True,
        copy=False,
        help="First day of the month of the shares invoiced.",
    )
