# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from odoo.tests import new_test_user, tagged

from odoo.addons.vrac_groupement.tests.rpc import ACCESS_ERROR, USER_ERROR, VracRpcCase

from .common import setup_solidarity_fund, solidarity_order_data


@tagged("post_install", "-at_install")
class TestSolidarityDiscountPrivacy(VracRpcCase):
    """Who got a solidarity discount: the cashier sees the order in front of
    them, only coordinators and accountants see the others, over RPC."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        setup_solidarity_fund(cls)
        cls.coordinator = new_test_user(
            cls.env,
            login="vrac_priv_coordinator",
            groups="vrac_groupement.group_coordinator",
        )
        cls.volunteer = new_test_user(
            cls.env,
            login="vrac_priv_volunteer",
            groups="vrac_groupement.group_volunteer",
        )
        cls.accountant = new_test_user(
            cls.env, login="vrac_priv_accountant", groups="account.group_account_user"
        )
        groupement = cls.groupement_fund
        cls.secret, cls.current = cls.env["res.partner"].create(
            [
                {"name": "Foyer Secret", "vrac_groupement_id": groupement.id},
                {"name": "Foyer Devant", "vrac_groupement_id": groupement.id},
            ]
        )
        # Yesterday's session, closed: a discount for Foyer Secret.
        cls.pos_session = cls._open_session()
        cls.coupons = cls._sell_as_cashier([(cls.coupon, 10)])
        cls.old_order = cls._sell_as_cashier(
            [(cls.groceries, 1)], discount=2.47, partner=cls.secret
        )
        cls.pos_session.post_closing_cash_details(
            cls.pos_session.cash_register_balance_end
        )
        cls.pos_session.close_session_from_ui()
        # Today's session: the order in front of the cashier.
        cls.pos_session = cls._open_session()
        cls.current_order = cls._sell_as_cashier(
            [(cls.groceries, 1)], discount=1.24, partner=cls.current
        )

    @classmethod
    def _open_session(cls):
        cls.pos_config.with_user(cls.cashier).open_ui()
        session = cls.pos_config.current_session_id
        session.set_opening_control(0, "")
        return session

    @classmethod
    def _sell_as_cashier(cls, lines, discount=0.0, partner=None):
        data = solidarity_order_data(cls, lines, discount, partner)
        result = cls.env["pos.order"].with_user(cls.cashier).sync_from_ui([data])
        return cls.env["pos.order"].browse(result["pos.order"][0]["id"])

    def _answers(self):
        """What the person gets from lists, groupings and exports on the
        orders and lines that have a discount."""
        discount = [("product_id", "=", self.discount.id)]
        by_lines = [("lines.product_id", "=", self.discount.id)]
        answers = [
            self.rpc(
                "pos.order",
                "read_group",
                by_lines,
                ["amount_total:sum"],
                ["partner_id"],
                lazy=False,
            ),
            # The grouped list of the web client.
            self.rpc(
                "pos.order",
                "web_read_group",
                by_lines,
                ["amount_total:sum"],
                ["partner_id"],
            ),
            self.rpc(
                "pos.order",
                "web_search_read",
                by_lines,
                {"partner_id": {"fields": {"display_name": {}}}, "name": {}},
            ),
            self.rpc(
                "pos.order.line",
                "read_group",
                discount,
                ["price_subtotal:sum"],
                ["order_id"],
                lazy=False,
            ),
            self.rpc(
                "pos.order.line",
                "web_search_read",
                discount,
                {"order_id": {"fields": {"partner_id": {}}}},
            ),
            # Through the other models that reach the orders.
            self.rpc(
                "pos.payment",
                "web_search_read",
                [("pos_order_id.lines.product_id", "=", self.discount.id)],
                {"partner_id": {"fields": {"display_name": {}}}},
            ),
            self.rpc(
                "res.partner",
                "web_search_read",
                [("pos_order_ids.lines.product_id", "=", self.discount.id)],
                {"display_name": {}},
            ),
            self.rpc(
                "res.partner",
                "read",
                self.secret.ids,
                ["pos_order_count", "pos_order_ids"],
            ),
            self.rpc(
                "pos.order",
                "export_data",
                (self.old_order | self.current_order).ids,
                ["partner_id/name", "lines/product_id/name"],
            ),
        ]
        return answers

    def test_cashier_sees_no_household_of_closed_sessions(self):
        self.rpc_login("vrac_sol_cashier")
        answers = self._answers()
        self.assertNotIn("Foyer Secret", json.dumps(answers, default=str))
        # The lists and groupings answer (without it); the export of the old
        # order is refused.
        for answer in answers[:-1]:
            self.assertIn("result", answer)
        self.assertIn(answers[-1]["error"]["data"]["name"], (ACCESS_ERROR, USER_ERROR))
        # Not even by the order: the old order cannot be read.
        self.rpc_refused(
            "pos.order", "read", self.old_order.ids, ["partner_id", "amount_total"]
        )
        grouped = self.rpc_ok(
            "pos.order",
            "read_group",
            [("lines.product_id", "=", self.discount.id)],
            ["amount_total:sum"],
            ["partner_id"],
            lazy=False,
        )
        self.assertEqual(
            [(row["partner_id"][1], row["__count"]) for row in grouped],
            [("Foyer Devant", 1)],
        )

    def test_volunteer_reads_no_till_order(self):
        self.rpc_login("vrac_priv_volunteer")
        for model in ("pos.order", "pos.order.line"):
            with self.subTest(model=model):
                self.rpc_refused(
                    model, "search_read", [], ["display_name"], errors=(ACCESS_ERROR,)
                )

    def test_fund_report_and_entries_name_no_household(self):
        # The cashier has no access to the fund's movements at all.
        self.rpc_login("vrac_sol_cashier")
        self.rpc_refused(
            "vrac.solidarity.fund.report",
            "read_group",
            [],
            ["amount:sum"],
            ["kind"],
            lazy=False,
        )
        # The coordinator reads them by day and kind, never by household.
        self.rpc_login("vrac_priv_coordinator")
        rows = self.rpc_ok(
            "vrac.solidarity.fund.report",
            "read_group",
            [("fund_id", "=", self.fund.id)],
            ["amount:sum"],
            ["kind"],
            lazy=False,
        )
        # Both sessions: 2.47 yesterday, 1.24 in the open session.
        self.assertEqual(
            {row["kind"]: round(row["amount"], 2) for row in rows},
            {"coupon": 10.0, "discount": -3.71},
        )
        self.assertNotIn("Foyer Secret", json.dumps(rows))
        # The closed session booked the discount to the fund without a partner.
        lines = self.env["account.move.line"].search(
            [("account_id", "=", self.fund.account_id.id)]
        )
        self.assertEqual(round(sum(lines.mapped("debit")), 2), 2.47)
        self.assertFalse(lines.partner_id)

    def test_cashier_reads_the_order_in_front_of_them(self):
        self.rpc_login("vrac_sol_cashier")
        [order] = self.rpc_ok(
            "pos.order", "read", self.current_order.ids, ["partner_id", "lines"]
        )
        self.assertEqual(order["partner_id"][1], "Foyer Devant")
        lines = self.rpc_ok(
            "pos.order.line", "read", order["lines"], ["product_id", "price_subtotal"]
        )
        self.assertIn(
            (self.discount.id, -1.24),
            [(line["product_id"][0], line["price_subtotal"]) for line in lines],
        )
        # The coupons of the closed session (no discount) are still there.
        self.rpc_ok("pos.order", "read", self.coupons.ids, ["amount_total"])

    def test_cashier_closes_the_session_of_a_discount(self):
        self.rpc_login("vrac_sol_cashier")
        session = self.pos_session
        self.rpc_ok(
            "pos.session",
            "post_closing_cash_details",
            session.ids,
            session.cash_register_balance_end,
        )
        result = self.rpc_ok("pos.session", "close_session_from_ui", session.ids)
        self.assertTrue(result["successful"], result)
        session.invalidate_recordset(["state"])
        self.assertEqual(session.state, "closed")
        # From now on, that order is as anonymous as the others.
        self.assertNotIn("Foyer Devant", json.dumps(self._answers(), default=str))

    def test_coordinator_and_accountant_see_them(self):
        for login in ("vrac_priv_coordinator", "vrac_priv_accountant"):
            with self.subTest(login=login):
                self.rpc_login(login)
                # The same calls as the cashier's name the household.
                self.assertIn("Foyer Secret", json.dumps(self._answers()))
                grouped = self.rpc_ok(
                    "pos.order",
                    "read_group",
                    [("lines.product_id", "=", self.discount.id)],
                    ["amount_total:sum"],
                    ["partner_id"],
                    lazy=False,
                )
                self.assertEqual(
                    sorted(row["partner_id"][1] for row in grouped),
                    ["Foyer Devant", "Foyer Secret"],
                )
                lines = self.rpc_ok(
                    "pos.order.line",
                    "search_read",
                    [("product_id", "=", self.discount.id)],
                    ["price_subtotal"],
                )
                self.assertEqual(
                    sorted(line["price_subtotal"] for line in lines), [-2.47, -1.24]
                )
