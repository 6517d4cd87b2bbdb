# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    @api.depends("move_id.partner_id", "move_id.move_type")
    def _compute_analytic_distribution(self):
        """The lines of a household's invoices and refunds (membership fees,
        sales invoiced without an order) land on the household's group's
        analytic account, unless a distribution model or the user says
        otherwise. Lines from a sale order keep the order line's."""
        res = super()._compute_analytic_distribution()
        for line in self:
            if (
                line.display_type != "product"
                or line.analytic_distribution
                or line.move_id.move_type not in ("out_invoice", "out_refund")
            ):
                continue
            # Superuser: an accountant may not read the household's group; only the
            # analytic account of the group of this invoice's customer is taken.
            household = line.move_id.partner_id.commercial_partner_id.sudo()
            analytic = household.vrac_groupement_id.analytic_account_id
            if analytic:
                line.analytic_distribution = {str(analytic.id): 100.0}
        return res
