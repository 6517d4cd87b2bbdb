# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The fund's limits at the till, through the till's door.

The till posts its orders to ``/web/dataset/call_kw/pos.order/sync_from_ui``
with the amounts it computed: a cashier's browser can send any. The server
refuses a solidarity discount the fund does not give, and nothing of the
refused order stays behind.
"""

from odoo.tests import tagged

from odoo.addons.vrac_groupement.tests.rpc import USER_ERROR, VracRpcCase

from .common import setup_solidarity_fund, solidarity_order_data


@tagged("post_install", "-at_install")
class TestRpcTillFund(VracRpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        setup_solidarity_fund(cls)
        cls.pos_config.open_ui()
        cls.pos_session = cls.pos_config.current_session_id
        cls.pos_session.set_opening_control(0, "")

    def setUp(self):
        super().setUp()
        self.rpc_login("vrac_sol_cashier")
        # The context the till sends with its calls.
        self.till_context = {
            "lang": "en_US",
            "tz": "Europe/Paris",
            "uid": self.cashier.id,
            "allowed_company_ids": self.pos_config.company_id.ids,
            "config_id": self.pos_config.id,
        }
        # A neighbour buys 10 coupons of 1.00: the fund has 10.00.
        self.sync(solidarity_order_data(self, [(self.coupon, 10)]))
        self.env.invalidate_all()
        self.assertEqual(self.fund.balance, 10.0)

    def sync(self, data):
        return self.rpc_ok(
            "pos.order", "sync_from_ui", [data], context=self.till_context
        )

    def refused(self, data):
        return self.rpc_refused(
            "pos.order",
            "sync_from_ui",
            [data],
            context=self.till_context,
            errors=(USER_ERROR,),
        )

    def assert_nothing_left(self, balance):
        self.env.invalidate_all()
        self.assertEqual(len(self.pos_session.order_ids), 1, "the coupons only")
        self.assertEqual(self.fund.balance, balance)

    def test_discount_above_the_fund_percentages_refused(self):
        # 9.00 on a basket of 12.35 is 73 %: the fund gives 30 % at most.
        data = solidarity_order_data(self, [(self.groceries, 1)], discount=9.0)
        message = self.refused(data)
        self.assertIn("at most 30.0 % of the order", message)
        self.assertIn("3.71", message)
        self.assertIn("9.00", message)
        self.assert_nothing_left(10.0)

    def test_discount_with_a_hidden_subtotal_refused(self):
        # The line says 0.00 while its price takes 3.00 from the fund.
        data = solidarity_order_data(self, [(self.groceries, 1)], discount=3.0)
        for command in data["lines"]:
            if command[2]["product_id"] == self.discount.id:
                command[2].update(price_subtotal=0.0, price_subtotal_incl=0.0)
        data.update(amount_total=12.35, amount_paid=12.35)
        data["payment_ids"][0][2]["amount"] = 12.35
        message = self.refused(data)
        self.assertIn("does not match its price", message)
        self.assert_nothing_left(10.0)

    def test_the_tills_own_discount_goes_through(self):
        # 20 % of 12.35, as the till's button computes it.
        data = solidarity_order_data(self, [(self.groceries, 1)], discount=2.47)
        result = self.sync(data)
        order = self.env["pos.order"].browse(result["pos.order"][0]["id"])
        self.assertEqual(order.state, "paid")
        self.assertEqual(order.amount_total, 9.88)
        self.env.invalidate_all()
        self.assertEqual(self.fund.balance, 7.53)
