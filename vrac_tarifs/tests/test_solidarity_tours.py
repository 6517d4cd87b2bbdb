# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from .common import credit_fund, setup_solidarity_fund


@tagged("post_install", "-at_install")
class TestSolidarityTours(HttpCase):
    """The solidarity discount as the cashier sees it, in the browser."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The cashier reads the till in English, whatever the database's language.
        setup_solidarity_fund(cls)

    def _start(self, tour):
        self.pos_config.with_user(self.cashier).open_ui()
        self.start_tour(
            f"/pos/ui?config_id={self.pos_config.id}", tour, login=self.cashier.login
        )

    def _orders(self):
        return self.env["pos.order"].search(
            [("session_id", "=", self.pos_config.current_session_id.id)]
        )

    def test_sell_two_coupons(self):
        self._start("vrac_solidarity_pos_coupons")
        order = self._orders()
        self.assertEqual(order.state, "paid")
        self.assertEqual(order.lines.product_id, self.coupon)
        self.assertEqual(order.lines.qty, 2)
        self.assertEqual(self.fund.balance, 2.0)

    def test_discount_lowers_the_fund(self):
        credit_fund(self.fund, 10.0)
        self._start("vrac_solidarity_pos_discount")
        order = self._orders()
        # 18.0 stores the total the till computed, unrounded (9.879999...).
        self.assertAlmostEqual(order.amount_total, 9.88, places=2)
        discount = order.lines.filtered(lambda line: line.product_id == self.discount)
        self.assertEqual(discount.price_subtotal_incl, -2.47)
        self.assertEqual(discount.full_product_name, "Discount")
        self.assertEqual(self.fund.balance, 7.53)

    def test_refused_when_the_fund_is_short(self):
        self.fund.floor_amount = 5.0
        credit_fund(self.fund, 5.0)
        self._start("vrac_solidarity_pos_fund_short")
        self.assertFalse(self._orders().filtered(lambda o: o.state != "draft"))
        self.assertEqual(self.fund.balance, 5.0)

    def test_discount_above_the_fund_refused_nothing_lost(self):
        credit_fund(self.fund, 2.0)
        self._start("vrac_solidarity_pos_too_big")
        order = self._orders()
        self.assertAlmostEqual(order.amount_total, 11.11, places=2)
        self.assertEqual(self.fund.balance, 0.76)
