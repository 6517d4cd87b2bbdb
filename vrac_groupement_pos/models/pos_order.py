# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PosOrder(models.Model):
    _inherit = "pos.order"

    def _process_saved_order(self, draft):
        res = super()._process_saved_order(draft)
        if not draft:
            self._vrac_record_memberships()
        return res

    def _vrac_record_memberships(self):
        """A membership fee paid at the till makes the household a member.

        An invoiced order is left to the membership module, which records
        the membership from the invoice.
        """
        for order in self:
            if (
                order.state not in ("paid", "done")
                or order.to_invoice
                or order.account_move
            ):
                continue
            household = order.partner_id.commercial_partner_id
            if not household.vrac_is_household:
                continue
            paid_date = fields.Date.context_today(order, order.date_order)
            for line in order.lines:
                if line.product_id.membership and line.qty > 0:
                    household._vrac_record_membership_payment(
                        line.product_id, line.price_subtotal_incl, paid_date
                    )
