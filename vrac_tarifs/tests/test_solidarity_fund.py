# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import credit_fund, setup_solidarity_fund, solidarity_order_data


@tagged("post_install", "-at_install")
class TestSolidarityFund(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        setup_solidarity_fund(cls)
        cls.volunteer = new_test_user(
            cls.env,
            login="vrac_sol_volunteer",
            groups="vrac_groupement.group_volunteer",
        )
        cls.coordinator = new_test_user(
            cls.env,
            login="vrac_sol_coordinator",
            groups="vrac_groupement.group_coordinator",
        )
        cls.analytic = cls.groupement_fund.analytic_account_id

    def open_new_session(self):
        self.pos_config.open_ui()
        self.pos_session = self.pos_config.current_session_id
        self.pos_session.set_opening_control(0, "")
        return self.pos_session

    def close_session(self):
        session = self.pos_session
        session.post_closing_cash_details(session.cash_register_balance_end)
        session.close_session_from_ui()

    def _order_data(self, lines, discount=0.0, partner=None):
        """Order data as the till sends it; ``discount`` is a solidarity discount."""
        return solidarity_order_data(self, lines, discount, partner)

    def _sell(self, lines, discount=0.0, partner=None):
        data = self._order_data(lines, discount=discount, partner=partner)
        PosOrder = self.env["pos.order"].with_user(self.cashier)
        result = PosOrder.sync_from_ui([data])
        return self.env["pos.order"].browse(result["pos.order"][0]["id"])

    def _fund_lines(self):
        return self.env["account.move.line"].search(
            [("account_id", "=", self.fund.account_id.id)]
        )

    # Set-up

    def test_fund_creates_its_account_and_products(self):
        account = self.fund.account_id
        self.assertEqual(account.account_type, "liability_current")
        self.assertTrue(account.reconcile)
        self.assertTrue(account.code.startswith("4671"))
        self.assertIn(self.fund.name, account.name)
        products = self.coupon | self.donation | self.discount
        self.assertEqual(len(products), 3)
        for product in products:
            accounts = product.product_tmpl_id.get_product_accounts()
            self.assertEqual(accounts["income"], account)
            self.assertEqual(accounts["expense"], account)
            self.assertFalse(product.taxes_id)
            self.assertEqual(product.type, "service")
        self.assertEqual(self.coupon.lst_price, 1.0)
        self.assertTrue(self.coupon.available_in_pos)
        self.assertFalse(self.discount.available_in_pos)
        # Nothing in the name of the discount tells where it comes from.
        self.assertEqual(self.discount.name, "Discount")
        other = self.env["vrac.solidarity.fund"].create({"name": "Association"})
        self.assertNotEqual(other.account_id, account)
        self.assertNotEqual(other.account_id.code, account.code)

    def test_products_given_to_a_fund_book_to_its_account(self):
        coupon = self.env["product.product"].create(
            {"name": "Bon solidaire Die", "type": "service", "list_price": 1}
        )
        fund = self.env["vrac.solidarity.fund"].create(
            {"name": "Cagnotte Die", "coupon_product_id": coupon.id}
        )
        accounts = coupon.product_tmpl_id.get_product_accounts()
        self.assertEqual(accounts["income"], fund.account_id)
        self.assertEqual(accounts["expense"], fund.account_id)
        # The fund made the other two.
        self.assertTrue(fund.donation_product_id)
        self.assertTrue(fund.discount_product_id)
        # A fund of the whole association has no analytic account.
        self.assertFalse(fund._vrac_get_analytic_distribution())

    def test_fund_with_movements_is_kept(self):
        unused = self.env["vrac.solidarity.fund"].create({"name": "Jamais servie"})
        unused.unlink()
        credit_fund(self.fund, 3.0)
        with self.assertRaisesRegex(UserError, "Archive it instead"):
            self.fund.unlink()

    def test_percentages_are_checked(self):
        self.fund.discount_percentages = " 10, 20 ,30 % "
        self.assertEqual(self.fund._vrac_get_percentages(), [10, 20, 30])
        for wrong in ("abc", "0", "150", "10;20", ","):
            with self.subTest(wrong=wrong), self.assertRaises(ValidationError):
                self.fund.discount_percentages = wrong

    def test_products_belong_to_one_fund(self):
        with self.assertRaises(ValidationError):
            self.env["vrac.solidarity.fund"].create(
                {"name": "Copie", "coupon_product_id": self.coupon.id}
            )

    # Accounting

    def test_session_books_coupons_and_discounts_to_the_cent(self):
        self.open_new_session()
        self._sell([(self.coupon, 2)])
        self._sell([(self.coupon, 5), (self.donation, 3)])
        # 20 % of 12.35 is 2.47
        order = self._sell([(self.groceries, 1)], discount=2.47)
        self.assertEqual(order.amount_total, 9.88)
        # Not booked yet: the balance counts the paid orders of the session.
        self.assertEqual(self.fund.balance, 7.53)
        self.assertFalse(self._fund_lines())
        self.close_session()
        self.assertEqual(self.pos_session.state, "closed")
        lines = self._fund_lines()
        # To the cent: coupons and donations 10.00 in, the discount 2.47 out.
        self.assertEqual(round(sum(lines.mapped("credit")), 2), 10.0)
        self.assertEqual(round(sum(lines.mapped("debit")), 2), 2.47)
        self.assertEqual(round(sum(lines.mapped("balance")), 2), -7.53)
        self.assertEqual(set(lines.mapped("parent_state")), {"posted"})
        for line in lines:
            self.assertEqual(line.analytic_distribution, {str(self.analytic.id): 100.0})
        # Booked once: the balance is the same after closing.
        self.fund.invalidate_recordset(["balance"])
        self.assertEqual(self.fund.balance, 7.53)
        self.assertEqual(self.fund.available_amount, 7.53)

    def test_back_office_invoice_of_coupons_credits_the_fund(self):
        donor = self.env["res.partner"].create({"name": "Boulangerie du Marché"})
        move_form = Form(
            self.env["account.move"].with_context(default_move_type="out_invoice")
        )
        move_form.partner_id = donor
        with move_form.invoice_line_ids.new() as line:
            line.product_id = self.coupon
            line.quantity = 20
        invoice = move_form.save()
        invoice.action_post()
        [line] = invoice.line_ids.filtered(
            lambda line: line.account_id == self.fund.account_id
        )
        self.assertEqual(line.credit, 20.0)
        self.assertEqual(line.analytic_distribution, {str(self.analytic.id): 100.0})
        self.assertEqual(self.fund.balance, 20.0)

    # Discounts at the till

    def test_discount_the_fund_cannot_cover_is_refused(self):
        self.fund.floor_amount = 0.5
        self.open_new_session()
        self._sell([(self.coupon, 2)])
        config = self.pos_config.with_user(self.cashier)
        self.assertEqual(config.vrac_get_solidarity_available(), 1.5)
        data = self._order_data([(self.groceries, 1)], discount=2.0)
        with (
            mute_logger("odoo.addons.point_of_sale.models.pos_order"),
            self.assertRaisesRegex(UserError, "cannot cover this discount"),
        ):
            self.env["pos.order"].with_user(self.cashier).sync_from_ui([data])
        self.assertFalse(
            self.env["pos.order"].search([("pos_reference", "=", data["name"])])
        )
        self.assertEqual(self.fund.balance, 2.0)
        # The same order with a discount the fund covers goes through.
        self._sell([(self.groceries, 1)], discount=1.5)
        self.fund.invalidate_recordset(["balance", "available_amount"])
        self.assertEqual(self.fund.balance, 0.5)
        self.assertEqual(self.fund.available_amount, 0.0)

    def test_discount_of_a_saved_order_is_checked_when_paid(self):
        """A draft saved at the till (18.0: sent again as updates of its lines)
        is checked with the discount saved in the database."""
        self.open_new_session()
        self._sell([(self.coupon, 2)])
        PosOrder = self.env["pos.order"].with_user(self.cashier)
        draft = self._order_data([(self.groceries, 1)], discount=1.5)
        draft.update(state="draft", payment_ids=[])
        order = PosOrder.browse(PosOrder.sync_from_ui([draft])["pos.order"][0]["id"])
        self.assertEqual(order.state, "draft")
        # Another till gives 1.00 of the fund's 2.00 meanwhile.
        self._sell([(self.groceries, 1)], discount=1.0)
        discount_line = order.lines.filtered(
            lambda line: line.product_id == self.discount
        )
        paid = self._order_data([(self.groceries, 1)], discount=1.5)
        paid.update(
            uuid=draft["uuid"],
            # Only what changed: the line's note, no product nor amount.
            lines=[Command.update(discount_line.id, {"note": "vu"})],
        )
        with (
            mute_logger("odoo.addons.point_of_sale.models.pos_order"),
            self.assertRaisesRegex(UserError, "cannot cover this discount"),
        ):
            PosOrder.sync_from_ui([paid])
        self.assertEqual(order.state, "draft")

    def test_crafted_discount_lines_are_refused(self):
        """The server, not the till, holds the fund's limits: a discount line
        whose subtotal is not its price (the fund's balance adds the
        subtotals, the session's entry books the price), or above the fund's
        highest percentage of the order (cash out of the till), is refused."""
        self.open_new_session()
        self._sell([(self.coupon, 10)])
        PosOrder = self.env["pos.order"].with_user(self.cashier)
        hidden = self._order_data([(self.groceries, 1)], discount=9.0)
        [line] = [
            command[2]
            for command in hidden["lines"]
            if command[2]["product_id"] == self.discount.id
        ]
        line.update(price_subtotal=0.0, price_subtotal_incl=0.0)
        hidden.update(amount_total=12.35, amount_paid=12.35)
        hidden["payment_ids"][0][2]["amount"] = 12.35
        with (
            mute_logger("odoo.addons.point_of_sale.models.pos_order"),
            self.assertRaisesRegex(UserError, "does not match its price"),
            # The request is rolled back, as any RPC that fails.
            self.env.cr.savepoint(),
        ):
            PosOrder.sync_from_ui([hidden])
        # 30 % of 12.35 at most: 9.00 would pay the household in cash.
        data = self._order_data([(self.groceries, 1)], discount=9.0)
        with (
            mute_logger("odoo.addons.point_of_sale.models.pos_order"),
            self.assertRaisesRegex(UserError, "at most 30.0 % of the order"),
            self.env.cr.savepoint(),
        ):
            PosOrder.sync_from_ui([data])
        self.env.invalidate_all()
        self.assertFalse(
            self.env["pos.order"].search(
                [("pos_reference", "in", [hidden["name"], data["name"]])]
            )
        )
        self.fund.invalidate_recordset(["balance"])
        self.assertEqual(self.fund.balance, 10.0)
        # The highest percentage goes through.
        self._sell([(self.groceries, 1)], discount=3.71)

    def test_refund_of_a_discount_goes_back_to_the_fund(self):
        self.open_new_session()
        self._sell([(self.coupon, 10)])
        order = self._sell([(self.groceries, 1)], discount=3.7)
        self.assertEqual(self.fund.balance, 6.3)
        refund = order.refund()
        refund_order = self.env["pos.order"].browse(refund["res_id"])
        payment = self.env["pos.make.payment"].with_context(
            active_ids=refund_order.ids, active_id=refund_order.id
        )
        payment.create({"payment_method_id": self.cash_method.id}).check()
        self.fund.invalidate_recordset(["balance"])
        self.assertEqual(self.fund.balance, 10.0)

    def test_cashier_reads_only_the_available_amount(self):
        self.open_new_session()
        self._sell([(self.coupon, 4)])
        config = self.pos_config.with_user(self.cashier)
        self.assertEqual(config.vrac_get_solidarity_available(), 4.0)
        with self.assertRaises(AccessError):
            self.fund.with_user(self.cashier).read(["balance"])
        with self.assertRaises(AccessError):
            self.pos_config.with_user(self.volunteer).vrac_get_solidarity_available()
        with self.assertRaises(AccessError):
            self.fund.with_user(self.volunteer).read(["name"])

    def test_till_data_has_no_amount(self):
        session = self.open_new_session()
        data = session.with_user(self.cashier).load_data([])
        fund_data = data["pos.config"]["data"][0]["_vrac_solidarity_fund"]
        self.assertEqual(fund_data["percentages"], [10, 20, 30])
        self.assertEqual(fund_data["discount_product_id"], self.discount.id)
        self.assertEqual(fund_data["discount_label"], "Discount")
        self.assertFalse({"balance", "available", "floor"} & set(fund_data))
        products = {
            product["id"]: product for product in data["product.product"]["data"]
        }
        self.assertTrue(
            {self.coupon.id, self.donation.id, self.discount.id} <= set(products)
        )
        # The discount is never picked by hand, and says nothing of the fund.
        self.assertIn(
            self.discount.id,
            data["pos.session"]["data"][0]["_pos_special_products_ids"],
        )
        self.assertEqual(products[self.discount.id]["display_name"], "Discount")

    # Report

    def test_report_by_day_session_group_never_by_household(self):
        household = self.env["res.partner"].create(
            {"name": "Foyer Secret", "vrac_groupement_id": self.groupement_fund.id}
        )
        self.open_new_session()
        self._sell([(self.coupon, 2)])
        self._sell([(self.groceries, 1)], discount=1.24, partner=household)
        credit_fund(self.fund, 5.0)
        Report = self.env["vrac.solidarity.fund.report"]
        # No field, no column of the view can name a household.
        self.assertFalse(
            [
                name
                for name, field in Report._fields.items()
                if "partner" in name or field.comodel_name == "res.partner"
            ]
        )
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = %s",
            [Report._table],
        )
        columns = {row[0] for row in self.env.cr.fetchall()}
        self.assertIn("amount", columns)
        self.assertFalse({column for column in columns if "partner" in column})

        def movements():
            rows = Report.with_user(self.coordinator).read_group(
                [("fund_id", "=", self.fund.id)],
                ["amount:sum", "quantity:sum"],
                ["date:day", "session_id", "groupement_id", "kind"],
                lazy=False,
            )
            self.assertNotIn("Foyer Secret", json.dumps(rows, default=str))
            for row in rows:
                self.assertFalse([key for key in row if "partner" in key])
                self.assertEqual(row["groupement_id"][0], self.groupement_fund.id)
            return {
                (row["kind"], bool(row["session_id"])): round(row["amount"], 2)
                for row in rows
            }

        expected = {
            ("coupon", True): 2.0,
            ("discount", True): -1.24,
            ("other", False): 5.0,
        }
        self.assertEqual(movements(), expected)
        # Once the session is booked, its movements are not counted twice.
        self.close_session()
        self.assertEqual(movements(), expected)
        with self.assertRaises(AccessError):
            Report.with_user(self.cashier).read_group([], ["amount:sum"], ["kind"])
