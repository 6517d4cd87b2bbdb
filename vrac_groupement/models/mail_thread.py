# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def _message_compute_author(
        self, author_id=None, email_from=None, raise_on_email=True
    ):
        """An internal user without an email address still writes in the
        chatter.

        Many volunteers, coordinators and cashiers of an association have no
        email address in Odoo. Odoo refuses any message they author ("Unable
        to send message"), which stops their work wherever Odoo or the addons
        leave a note: a till session closed, purchase orders confirmed, a
        cycle closed. Their messages are signed with their branch's address
        when it has one, and without an address otherwise (the mail server's
        default sender is then used for any email sent). Portal and public
        users, who write from outside, still need an address.
        """
        author_id, email_from = super()._message_compute_author(
            author_id=author_id, email_from=email_from, raise_on_email=False
        )
        if not email_from:
            user = self.env.user
            if author_id == user.partner_id.id and user._is_internal():
                email_from = user.company_id.partner_id.email_formatted or False
            elif raise_on_email and not self.env.su:
                # Odoo's own refusal, for anyone else.
                return super()._message_compute_author(
                    author_id=author_id,
                    email_from=email_from,
                    raise_on_email=raise_on_email,
                )
        return author_id, email_from
