# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL


class VracSolidarityFundReport(models.Model):
    """Movements of the solidarity funds, never by household.

    Coupons, donations and discounts of the till (per session), and the
    entries on the funds' accounts made elsewhere (invoices of coupons, gifts
    received on the bank). The view has no customer column: it cannot tell
    who got a discount, only how much the fund gave per day, session or group.
    """

    _name = "vrac.solidarity.fund.report"
    _description = "Solidarity fund movements"
    _auto = False
    _order = "date desc"
    _rec_name = "date"
    # Pending changes of these fields are flushed before the view is read.
    _depends = {
        "pos.order": ["account_move", "date_order", "session_id", "state"],
        "pos.order.line": ["order_id", "price_subtotal", "product_id", "qty"],
        "pos.session": ["move_id"],
        "account.move.line": [
            "account_id",
            "balance",
            "date",
            "move_id",
            "parent_state",
            "product_id",
            "quantity",
        ],
        "vrac.solidarity.fund": [
            "account_id",
            "company_id",
            "coupon_product_id",
            "discount_product_id",
            "donation_product_id",
            "groupement_id",
        ],
        "res.company": ["currency_id"],
    }

    date = fields.Datetime(readonly=True)
    fund_id = fields.Many2one("vrac.solidarity.fund", readonly=True)
    groupement_id = fields.Many2one(
        "vrac.groupement", string="Purchasing group", readonly=True
    )
    company_id = fields.Many2one("res.company", string="Branch", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    session_id = fields.Many2one(
        "pos.session", string="Point of sale session", readonly=True
    )
    kind = fields.Selection(
        [
            ("coupon", "Coupons"),
            ("donation", "Donations"),
            ("discount", "Discounts"),
            ("other", "Other entries"),
        ],
        readonly=True,
    )
    origin = fields.Selection(
        [("pos", "Point of sale"), ("accounting", "Accounting")], readonly=True
    )
    amount = fields.Monetary(
        readonly=True,
        help="Into the fund when positive (coupons, donations), out of it when "
        "negative (discounts).",
    )
    quantity = fields.Float(readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s UNION ALL %s)",
                SQL.identifier(self._table),
                self._vrac_query_pos(),
                self._vrac_query_accounting(),
            )
        )

    # Both halves give the same columns, in this order: id, date, fund_id,
    # groupement_id, company_id, currency_id, session_id, kind, origin,
    # amount, quantity. Amounts are into the fund when positive.

    @staticmethod
    def _vrac_kind(product):
        return SQL(
            """CASE WHEN %(product)s = f.coupon_product_id THEN 'coupon'
                    WHEN %(product)s = f.donation_product_id THEN 'donation'
                    WHEN %(product)s = f.discount_product_id THEN 'discount'
                    ELSE 'other' END""",
            product=product,
        )

    def _vrac_query_pos(self):
        """The fund's lines of the orders paid at the till, invoiced or not."""
        return SQL(
            """
            SELECT l.id * 2 AS id,
                   o.date_order AS date,
                   f.id AS fund_id,
                   f.groupement_id AS groupement_id,
                   f.company_id AS company_id,
                   company.currency_id AS currency_id,
                   o.session_id AS session_id,
                   %(kind)s AS kind,
                   'pos' AS origin,
                   l.price_subtotal AS amount,
                   l.qty AS quantity
              FROM pos_order_line l
              JOIN pos_order o ON o.id = l.order_id
              JOIN vrac_solidarity_fund f
                ON l.product_id IN (
                    f.coupon_product_id, f.donation_product_id, f.discount_product_id
                )
              JOIN res_company company ON company.id = f.company_id
             WHERE o.state IN ('paid', 'done', 'invoiced')
            """,
            kind=self._vrac_kind(SQL("l.product_id")),
        )

    def _vrac_query_accounting(self):
        """Posted entries on the funds' accounts, but those of the till."""
        return SQL(
            """
            SELECT aml.id * 2 + 1 AS id,
                   aml.date::timestamp AS date,
                   f.id AS fund_id,
                   f.groupement_id AS groupement_id,
                   f.company_id AS company_id,
                   company.currency_id AS currency_id,
                   NULL::integer AS session_id,
                   %(kind)s AS kind,
                   'accounting' AS origin,
                   -aml.balance AS amount,
                   COALESCE(aml.quantity, 0) AS quantity
              FROM account_move_line aml
              JOIN vrac_solidarity_fund f ON f.account_id = aml.account_id
              JOIN res_company company ON company.id = f.company_id
             WHERE aml.parent_state = 'posted'
               AND NOT EXISTS (
                    SELECT 1 FROM pos_session s WHERE s.move_id = aml.move_id
               )
               AND NOT EXISTS (
                    SELECT 1 FROM pos_order o WHERE o.account_move = aml.move_id
               )
            """,
            kind=self._vrac_kind(SQL("aml.product_id")),
        )
