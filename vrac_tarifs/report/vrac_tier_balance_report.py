# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL


class VracTierBalanceReport(models.Model):
    """Péréquation: sales at tier prices against the cost of the goods sold.

    One row per line sold at the till or on a confirmed sale order, without
    the customer: the report tells how much each tier brings above (or
    below) cost, per group and period, never who bought what.
    """

    _name = "vrac.tier.balance.report"
    _description = "Balance per tier"
    _auto = False
    _order = "date desc"
    _rec_name = "date"
    # Pending changes of these fields are flushed before the view is read.
    _depends = {
        "pos.order": [
            "company_id",
            "currency_rate",
            "date_order",
            "partner_id",
            "state",
            "vrac_tier_id",
        ],
        "pos.order.line": [
            "order_id",
            "price_subtotal",
            "product_id",
            "qty",
            "reward_id",
            "sale_order_line_id",
            "total_cost",
        ],
        "sale.order": [
            "company_id",
            "currency_rate",
            "date_order",
            "partner_id",
            "state",
            "vrac_tier_id",
        ],
        "sale.order.line": [
            "display_type",
            "order_id",
            "price_subtotal",
            "product_id",
            "product_uom_qty",
            "purchase_price",
        ],
        "res.partner": ["commercial_partner_id", "vrac_groupement_id"],
        "res.company": ["currency_id"],
        "vrac.tier": ["percent"],
    }

    date = fields.Datetime(readonly=True)
    company_id = fields.Many2one("res.company", string="Branch", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    groupement_id = fields.Many2one(
        "vrac.groupement", string="Purchasing group", readonly=True
    )
    tier_id = fields.Many2one("vrac.tier", readonly=True)
    origin = fields.Selection(
        [("pos", "Point of sale"), ("sale", "Sale order")], readonly=True
    )
    sales = fields.Monetary(
        readonly=True,
        help="Sales at tier prices, taxes excluded, in the branch's currency.",
    )
    cost = fields.Monetary(
        string="Cost of goods sold",
        readonly=True,
        help="Cost price of the goods sold when they were sold.",
    )
    balance = fields.Monetary(
        readonly=True,
        help="Sales minus cost: above zero the tier covers more than its cost, "
        "below zero it is covered by the others.",
    )
    rounding = fields.Monetary(
        readonly=True,
        help="What the rounding of the tier's prices brought (above zero) or "
        "cost (below zero): the sales minus the cost changed by the tier's "
        "percentage (as the tier is today). 0 for a tier without rounding.",
    )
    quantity = fields.Float(digits="Product Unit of Measure", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s UNION ALL %s)",
                SQL.identifier(self._table),
                self._vrac_query_pos(),
                self._vrac_query_sale(),
            )
        )

    # Both halves give the same columns, in this order:
    # id, date, company_id, currency_id, groupement_id, tier_id, origin,
    # sales, cost, balance, rounding, quantity. Amounts are converted to the currency
    # of the company with the rate stored on the order.

    def _vrac_query_pos(self):
        rate = SQL("COALESCE(NULLIF(o.currency_rate, 0), 1.0)")
        return SQL(
            """
            SELECT -l.id AS id,
                   o.date_order AS date,
                   o.company_id AS company_id,
                   company.currency_id AS currency_id,
                   customer.vrac_groupement_id AS groupement_id,
                   o.vrac_tier_id AS tier_id,
                   'pos' AS origin,
                   l.price_subtotal / %(rate)s AS sales,
                   l.total_cost / %(rate)s AS cost,
                   (l.price_subtotal - l.total_cost) / %(rate)s AS balance,
                   (l.price_subtotal
                    - l.total_cost * (1 + COALESCE(tier.percent, 0) / 100.0))
                       / %(rate)s AS rounding,
                   l.qty AS quantity
              FROM pos_order_line l
              JOIN pos_order o ON o.id = l.order_id
              JOIN res_company company ON company.id = o.company_id
              LEFT JOIN vrac_tier tier ON tier.id = o.vrac_tier_id
              LEFT JOIN res_partner partner ON partner.id = o.partner_id
              LEFT JOIN res_partner customer
                     ON customer.id = partner.commercial_partner_id
             WHERE %(where)s
            """,
            rate=rate,
            where=self._vrac_where_pos(),
        )

    def _vrac_where_pos(self):
        """Goods sold at the till, but the lines settling a sale order (the
        sale order's own lines count them)."""
        return SQL(
            "o.state IN ('paid', 'done', 'invoiced') AND l.sale_order_line_id IS NULL"
            " AND l.reward_id IS NULL AND %s",
            self._vrac_not_a_means_of_payment(),
        )

    def _vrac_not_a_means_of_payment(self):
        """Lines of goods only: a funder's share, a solidarity coupon, gift or
        discount and a food credit are paid by someone else than the tier,
        not sold to it."""
        return SQL(
            """l.product_id NOT IN (
                SELECT pp.id FROM product_product pp
                  JOIN product_template pt ON pt.id = pp.product_tmpl_id
                 WHERE pt.vrac_funder_share
                UNION SELECT unnest(ARRAY[f.coupon_product_id, f.discount_product_id,
                                          f.donation_product_id])
                  FROM vrac_solidarity_fund f
            )"""
        )

    def _vrac_query_sale(self):
        rate = SQL("COALESCE(NULLIF(o.currency_rate, 0), 1.0)")
        return SQL(
            """
            SELECT l.id AS id,
                   o.date_order AS date,
                   o.company_id AS company_id,
                   company.currency_id AS currency_id,
                   customer.vrac_groupement_id AS groupement_id,
                   o.vrac_tier_id AS tier_id,
                   'sale' AS origin,
                   l.price_subtotal / %(rate)s AS sales,
                   l.purchase_price * l.product_uom_qty / %(rate)s AS cost,
                   (l.price_subtotal - l.purchase_price * l.product_uom_qty)
                       / %(rate)s AS balance,
                   (l.price_subtotal - l.purchase_price * l.product_uom_qty
                    * (1 + COALESCE(tier.percent, 0) / 100.0))
                       / %(rate)s AS rounding,
                   l.product_uom_qty AS quantity
              FROM sale_order_line l
              JOIN sale_order o ON o.id = l.order_id
              JOIN res_company company ON company.id = o.company_id
              LEFT JOIN vrac_tier tier ON tier.id = o.vrac_tier_id
              LEFT JOIN res_partner partner ON partner.id = o.partner_id
              LEFT JOIN res_partner customer
                     ON customer.id = partner.commercial_partner_id
             WHERE %(where)s
            """,
            rate=rate,
            where=self._vrac_where_sale(),
        )

    def _vrac_where_sale(self):
        """Confirmed orders, goods only (hook)."""
        return SQL(
            "o.state = 'sale' AND l.display_type IS NULL AND %s",
            self._vrac_not_a_means_of_payment(),
        )
