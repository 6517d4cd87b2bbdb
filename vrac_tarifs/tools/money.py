# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Checks shared by the money of the funds, programs and food credits."""

from odoo.tools import SQL


def lock_money_rows(records):
    """Serialise the transactions that spend the money of ``records``.

    Call it in the transaction that checks a balance or a budget and then
    spends it. Odoo runs its transactions in REPEATABLE READ: after a
    ``SELECT ... FOR UPDATE`` the second transaction would still read its
    old snapshot, without the order the first one just committed. An UPDATE
    of the row (which changes nothing) makes PostgreSQL refuse the second
    transaction with a serialization failure as soon as the first commits;
    the web server then replays the request in a new transaction, which sees
    the first one's spending (``odoo.service.model.retrying``).
    """
    if records.ids:
        records.env.cr.execute(
            SQL(
                "UPDATE %s SET write_date = write_date WHERE id IN %s",
                SQL.identifier(records._table),
                tuple(records.ids),
            )
        )
