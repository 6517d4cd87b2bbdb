# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError


class MembershipLine(models.Model):
    _inherit = "membership.membership_line"

    # Editable computes: the membership module writes fixed dates at creation,
    # rolling memberships follow their payment date.
    date_from = fields.Date(
        compute="_compute_vrac_rolling_dates", store=True, readonly=False
    )
    date_to = fields.Date(
        compute="_compute_vrac_rolling_dates", store=True, readonly=False
    )
    vrac_paid_date = fields.Date(
        string="Paid on",
        help="For a membership paid outside an invoice (at the till), the day "
        "it was paid.",
        copy=False,
    )

    @api.depends(
        "membership_id.vrac_membership_rolling",
        "account_invoice_id.payment_state",
        "account_invoice_id.invoice_date",
        "vrac_paid_date",
    )
    def _compute_vrac_rolling_dates(self):
        """A rolling membership runs from its payment date for N months.

        Until it is paid, it runs from the invoice date (or the day it was
        recorded). Memberships with fixed dates keep the dates of the product,
        set by the membership module when the line is created.
        """
        for line in self:
            product = line.membership_id
            if not product.vrac_membership_rolling:
                line.date_from = line.date_from
                line.date_to = line.date_to
                continue
            start = (
                line._vrac_get_payment_date()
                or line.account_invoice_id.invoice_date
                or line.date
                or fields.Date.context_today(line)
            )
            line.date_from = start
            line.date_to = start + relativedelta(
                months=product.vrac_membership_months, days=-1
            )

    def _vrac_get_payment_date(self):
        """The day the membership was paid, or False while it is not."""
        self.ensure_one()
        if self.vrac_paid_date:
            return self.vrac_paid_date
        move = self.account_invoice_id
        if move.payment_state not in ("paid", "in_payment"):
            return False
        partials = move.line_ids.matched_credit_ids
        dates = [date for date in partials.mapped("max_date") if date]
        return max(dates) if dates else move.invoice_date

    def _check_access(self, operation):
        """Volunteers read the memberships of their groups, never make them.

        Volunteers manage contacts, which gives them every right on membership
        lines in the membership module: a volunteer could make a household a
        member without payment. A membership comes from an invoice or a fee
        paid at the till (recorded by the point of sale), or is granted free
        by a coordinator on the household.
        """
        result = super()._check_access(operation)
        if result or operation == "read" or not self._vrac_user_only_volunteer():
            return result
        return self, lambda: AccessError(
            _(
                "Memberships are paid by invoice or at the till; only a "
                "coordinator can give a free membership, on the household."
            )
        )

    @api.model
    def _vrac_user_only_volunteer(self):
        """A volunteer who is neither a coordinator nor an invoicing user."""
        user = self.env.user
        return (
            user.has_group("vrac_groupement.group_volunteer")
            and not user.has_group("vrac_groupement.group_coordinator")
            and not user.has_group("account.group_account_invoice")
        )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.filtered(
            "membership_id.vrac_membership_rolling"
        )._compute_vrac_rolling_dates()
        return lines

    @api.depends("vrac_paid_date")
    def _compute_state(self):
        # The membership module only knows invoiced lines (its query fails on
        # lines without invoice): lines paid at the till are paid on their date.
        invoiced = self.filtered("account_invoice_line")
        res = super(MembershipLine, invoiced)._compute_state()
        for line in self - invoiced:
            line.state = "paid" if line.vrac_paid_date else "none"
        return res

    @api.constrains("member_price")
    def _check_vrac_member_price(self):
        for line in self:
            if line.member_price < 0:
                raise ValidationError(_("A membership fee cannot be negative."))
