# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class VracFoodCreditMove(models.Model):
    """Credit issued to, or expired on, a household's food credit card."""

    _name = "vrac.food.credit.move"
    _inherit = ["vrac.money.mixin"]
    _description = "Food credit issued or expired"
    _order = "date desc, id desc"

    program_id = fields.Many2one(
        "loyalty.program", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="program_id.company_id", store=True)
    currency_id = fields.Many2one(related="program_id.currency_id")
    card_id = fields.Many2one("loyalty.card", required=True, ondelete="cascade")
    partner_id = fields.Many2one("res.partner", string="Household", index=True)
    groupement_id = fields.Many2one(
        "vrac.groupement", string="Purchasing group", index=True
    )
    date = fields.Date(string="Month", required=True)
    kind = fields.Selection([("issue", "Issued"), ("expire", "Expired")], required=True)
    amount = fields.Monetary(required=True)
