# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class LoyaltyCard(models.Model):
    _name = "loyalty.card"
    _inherit = ["loyalty.card", "vrac.money.mixin"]

    vrac_groupement_id = fields.Many2one(
        related="partner_id.commercial_partner_id.vrac_groupement_id",
        string="Purchasing group",
        store=True,
    )
    vrac_contribution = fields.Monetary(
        string="Monthly contribution",
        currency_field="currency_id",
        help="What the household gives every month to the credit fund, by its "
        "means; paid with the program's contribution product.",
    )

    @api.constrains("partner_id", "program_id")
    def _check_vrac_single_card(self):
        cards = self.filtered(
            lambda card: card.partner_id and card.program_id.vrac_food_credit
        )
        if not cards:
            return
        # Superuser: one food credit card per household and program, also
        # among cards the writer cannot see; only counts for the programs and
        # partners of `self` are read.
        counts = self.sudo()._read_group(
            [
                ("program_id", "in", cards.program_id.ids),
                ("partner_id", "in", cards.partner_id.ids),
            ],
            ["program_id", "partner_id"],
            ["__count"],
        )
        for program, partner, count in counts:
            if count > 1:
                raise ValidationError(
                    _(
                        "%(household)s already has a card of %(program)s: one "
                        "card per household.",
                        household=partner.display_name,
                        program=program.name,
                    )
                )

    def _vrac_credit_move_vals(self, month, kind, amount):
        self.ensure_one()
        return {
            "program_id": self.program_id.id,
            "card_id": self.id,
            "partner_id": self.partner_id.id,
            "groupement_id": self.vrac_groupement_id.id,
            "date": month,
            "kind": kind,
            "amount": amount,
        }
