# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.tools import SQL

from ..models.vrac_funder_program import POS_COUNTED_STATES, SALE_COUNTED_STATES


class VracIndicatorFact(models.Model):
    """Solidarity flows: the fund, the funders' shares, the food credit.

    Read from the base tables only (not from the fund or food credit report
    views, which this module may create after this one at install).

    The group of a row:
    - fund movements: the fund's group; for a fund of the whole association,
      the group of the household of the till order (coupons and discounts),
      none for the fund's other entries (gifts on the bank...), which then
      show in the pivot without group and in no group's report;
    - funder shares and food credit used: the group of the order's household
      (for a sale order, its own group first);
    - food credit issued: the group recorded on the credit move.
    Dates are those of the orders (UTC) and of the entries.
    """

    _inherit = "vrac.indicator.fact"
    # Pending changes of these fields are flushed before the view is read.
    _depends = {
        "pos.order": ["date_order", "partner_id", "state", "account_move"],
        "pos.order.line": [
            "order_id",
            "product_id",
            "price_subtotal",
            "price_subtotal_incl",
            "reward_id",
        ],
        "pos.session": ["move_id"],
        "sale.order": ["date_order", "partner_id", "vrac_groupement_id"],
        "sale.order.line": ["order_id", "product_id", "price_total", "state"],
        "account.move.line": [
            "account_id",
            "balance",
            "date",
            "move_id",
            "parent_state",
            "product_id",
        ],
        "res.partner": ["commercial_partner_id", "vrac_groupement_id"],
        "vrac.solidarity.fund": [
            "account_id",
            "company_id",
            "coupon_product_id",
            "discount_product_id",
            "donation_product_id",
            "groupement_id",
        ],
        "vrac.funder.program": ["company_id", "funder_id", "share_product_id"],
        "vrac.food.credit.move": [
            "amount",
            "company_id",
            "date",
            "groupement_id",
            "kind",
        ],
        "loyalty.reward": ["program_id"],
        "loyalty.program": ["company_id", "vrac_food_credit"],
    }

    funder_id = fields.Many2one("res.partner", readonly=True)

    @api.model
    def _vrac_fact_indicators(self):
        return super()._vrac_fact_indicators() + [
            ("solidarity_in", _("Solidarity fund: coupons sold and donations")),
            ("solidarity_out", _("Solidarity fund: discounts granted")),
            ("program_share", _("Paid by funder programs")),
            ("food_credit_issued", _("Food credit issued")),
            ("food_credit_used", _("Food credit used")),
        ]

    @api.model
    def _vrac_fact_columns(self):
        """The funder of a program's share (empty for the other facts)."""
        return dict(super()._vrac_fact_columns(), funder_id=SQL("NULL::integer"))

    @api.model
    def _vrac_fact_sources(self):
        return {
            **super()._vrac_fact_sources(),
            **self._vrac_solidarity_fund_sources(),
            **self._vrac_funder_share_sources(),
            **self._vrac_food_credit_sources(),
        }

    @staticmethod
    def _vrac_household_group(order):
        """The group of the household of an order (its commercial partner)."""
        return SQL(
            """(SELECT household.vrac_groupement_id
                  FROM res_partner customer
                  JOIN res_partner household
                    ON household.id = customer.commercial_partner_id
                 WHERE customer.id = %s.partner_id)""",
            SQL.identifier(order),
        )

    def _vrac_solidarity_fund_sources(self):
        """Coupons and donations in, discounts out.

        Same movements as `vrac.solidarity.fund.report`: the fund's lines of
        the paid till orders, and the posted entries on the fund's account
        but those of the till (session entries and invoices of till orders).
        Out of the accounting entries without product, credits (gifts on the
        bank) count as donations; debits are neither in nor out.
        """
        pos_line = """
              FROM pos_order_line l
              JOIN pos_order o ON o.id = l.order_id
              JOIN vrac_solidarity_fund f ON l.product_id IN %(products)s
             WHERE o.state IN %(states)s
        """
        till = {
            "id": SQL("l.id"),
            "date": SQL("o.date_order::date"),
            "groupement_id": SQL(
                "COALESCE(f.groupement_id, %s)", self._vrac_household_group("o")
            ),
            "company_id": SQL("f.company_id"),
        }
        entry = """
              FROM account_move_line aml
              JOIN vrac_solidarity_fund f ON f.account_id = aml.account_id
             WHERE aml.parent_state = 'posted'
               AND NOT EXISTS (
                    SELECT 1 FROM pos_session s WHERE s.move_id = aml.move_id
               )
               AND NOT EXISTS (
                    SELECT 1 FROM pos_order o WHERE o.account_move = aml.move_id
               )
               AND %(condition)s
        """
        accounting = {
            "id": SQL("aml.id"),
            "date": SQL("aml.date"),
            "groupement_id": SQL("f.groupement_id"),
            "company_id": SQL("f.company_id"),
        }
        return {
            "solidarity_in_till": {
                **till,
                "indicator": "solidarity_in",
                "value": SQL("l.price_subtotal"),
                "from": SQL(
                    pos_line,
                    products=SQL("(f.coupon_product_id, f.donation_product_id)"),
                    states=POS_COUNTED_STATES,
                ),
            },
            "solidarity_out_till": {
                **till,
                "indicator": "solidarity_out",
                "value": SQL("-l.price_subtotal"),
                "from": SQL(
                    pos_line,
                    products=SQL("(f.discount_product_id)"),
                    states=POS_COUNTED_STATES,
                ),
            },
            "solidarity_in_entry": {
                **accounting,
                "indicator": "solidarity_in",
                "value": SQL("-aml.balance"),
                "from": SQL(
                    entry,
                    condition=SQL(
                        """(aml.product_id IN (f.coupon_product_id,
                                           f.donation_product_id)
                    OR (aml.product_id IS NULL AND aml.balance < 0))"""
                    ),
                ),
            },
            "solidarity_out_entry": {
                **accounting,
                "indicator": "solidarity_out",
                "value": SQL("aml.balance"),
                "from": SQL(
                    entry, condition=SQL("aml.product_id = f.discount_product_id")
                ),
            },
        }

    def _vrac_funder_share_sources(self):
        """The funders' shares, at the till and on sale orders.

        The share lines are negative: the value is what the funder pays.
        """
        share = {
            "id": SQL("l.id"),
            "date": SQL("o.date_order::date"),
            "company_id": SQL("p.company_id"),
            "indicator": "program_share",
            "funder_id": SQL("p.funder_id"),
        }
        return {
            "program_share_till": {
                **share,
                "groupement_id": self._vrac_household_group("o"),
                "value": SQL("-l.price_subtotal_incl"),
                "from": SQL(
                    """
              FROM pos_order_line l
              JOIN pos_order o ON o.id = l.order_id
              JOIN vrac_funder_program p ON p.share_product_id = l.product_id
             WHERE o.state IN %s
               -- a share settled with its sale order counts with the order
               AND l.sale_order_line_id IS NULL
                    """,
                    POS_COUNTED_STATES,
                ),
            },
            "program_share_sale": {
                **share,
                "groupement_id": SQL(
                    "COALESCE(o.vrac_groupement_id, %s)",
                    self._vrac_household_group("o"),
                ),
                "value": SQL("-l.price_total"),
                "from": SQL(
                    """
              FROM sale_order_line l
              JOIN sale_order o ON o.id = l.order_id
              JOIN vrac_funder_program p ON p.share_product_id = l.product_id
             WHERE l.state IN %s
                    """,
                    SALE_COUNTED_STATES,
                ),
            },
        }

    def _vrac_food_credit_sources(self):
        """Food credit issued and used, as in `vrac.food.credit.report`:
        used is what the households paid with it."""
        return {
            "food_credit_issued": {
                "id": SQL("m.id"),
                "date": SQL("m.date"),
                "groupement_id": SQL("m.groupement_id"),
                "company_id": SQL("m.company_id"),
                "indicator": "food_credit_issued",
                "value": SQL("m.amount"),
                "from": SQL(
                    """
              FROM vrac_food_credit_move m
             WHERE m.kind = 'issue'
                    """
                ),
            },
            "food_credit_used": {
                "id": SQL("l.id"),
                "date": SQL("o.date_order::date"),
                "groupement_id": self._vrac_household_group("o"),
                "company_id": SQL("program.company_id"),
                "indicator": "food_credit_used",
                "value": SQL("-l.price_subtotal_incl"),
                "from": SQL(
                    """
              FROM pos_order_line l
              JOIN pos_order o ON o.id = l.order_id
              JOIN loyalty_reward reward ON reward.id = l.reward_id
              JOIN loyalty_program program ON program.id = reward.program_id
             WHERE program.vrac_food_credit
               AND o.state IN %s
                    """,
                    POS_COUNTED_STATES,
                ),
            },
        }
