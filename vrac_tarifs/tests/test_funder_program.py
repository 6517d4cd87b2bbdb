# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.point_of_sale.tests.common import TestPoSCommon
from odoo.addons.vrac_groupement.tests.common import VracAssertMixin

from .common import (
    VracTarifsCase,
    create_soap,
    sell_at_cost,
    setup_funder,
    setup_vrac_till,
    till_order_data,
)


class TestFunderProgram(VracTarifsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.basket, cls.soap = cls.env["product.product"].create(
            [
                {
                    "name": "Panier légumes bio",
                    "type": "consu",
                    "list_price": 12.35,
                    "standard_price": 12.35,
                    "taxes_id": [Command.clear()],
                },
                {
                    "name": "Savon",
                    "type": "consu",
                    "list_price": 3.0,
                    "standard_price": 3.0,
                    "taxes_id": [Command.clear()],
                },
            ]
        )
        setup_funder(cls, cls.env, cls.basket)
        cls.today = fields.Date.context_today(cls.env.user)
        cls.household_romans.vrac_household_number = "R-0042"
        cls.household_die.vrac_household_number = "D-0007"
        cls.env["vrac.funder.program.enrolment"].create(
            {"program_id": cls.program.id, "partner_id": cls.household_romans.id}
        )

    def _order(self, household, lines):
        return self.env["sale.order"].create(
            {
                "partner_id": household.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_qty": qty,
                            "price_unit": price,
                        }
                    )
                    for product, qty, price in lines
                ],
            }
        )

    def _share_line(self, order):
        return order.order_line.filtered(
            lambda line: line.product_id == self.program.share_product_id
        )

    # Configuration and bad input

    def test_share_above_100_percent_is_refused(self):
        for share in (0.0, -10.0, 100.5):
            with self.assertRaisesText(ValidationError, "at most 100 %"):
                self.program.share_percent = share
        self.program.share_percent = 100.0
        self.assertEqual(self.program.share_percent, 100.0)

    def test_negative_budget_is_refused(self):
        with self.assertRaisesText(ValidationError, "cannot be negative"):
            self.program.budget = -1.0

    def test_enrolment_outside_program_dates_is_refused(self):
        with self.assertRaisesText(ValidationError, "must lie within the dates"):
            self.env["vrac.funder.program.enrolment"].create(
                {
                    "program_id": self.program.id,
                    "partner_id": self.household_die.id,
                    "date_from": self.program.date_from - relativedelta(days=1),
                    "date_to": self.program.date_to,
                }
            )
        with self.assertRaisesText(ValidationError, "must lie within the dates"):
            self.program.date_to = self.today - relativedelta(days=1)
        # Nothing of the refused changes is kept.
        self.assertEqual(self.program.enrolment_ids.partner_id, self.household_romans)
        self.assertGreater(self.program.date_to, self.today)

    def test_only_households_are_enrolled(self):
        with self.assertRaisesText(ValidationError, "only households"):
            self.env["vrac.funder.program.enrolment"].create(
                {"program_id": self.program.id, "partner_id": self.vendor.id}
            )

    def test_enrolment_dates_default_to_the_program(self):
        program_form = Form(self.program)
        with program_form.enrolment_ids.new() as enrolment:
            enrolment.partner_id = self.household_die
        program_form.save()
        enrolment = self.program.enrolment_ids.filtered(
            lambda line: line.partner_id == self.household_die
        )
        self.assertEqual(enrolment.date_from, self.program.date_from)
        self.assertEqual(enrolment.date_to, self.program.date_to)

    def test_share_product_books_on_the_clearing_account(self):
        product = self.program.share_product_id
        self.assertTrue(product.vrac_funder_share)
        self.assertEqual(product.property_account_income_id, self.clearing)
        self.assertFalse(product.taxes_id)
        self.assertIn(self.funder.name, product.name)

    # Sale orders

    def test_sale_order_share_exact_to_the_cent(self):
        order = self._order(
            self.household_romans, [(self.basket, 3, 12.35), (self.soap, 1, 3.0)]
        )
        order.action_confirm()
        share = self._share_line(order)
        # 50 % of 37.05 is 18.525: 18.53 for the funder, the soap stays to pay.
        self.assertEqual(share.price_unit, -18.53)
        self.assertFalse(share.tax_id)
        self.assertAlmostEqual(order.amount_total, 21.52, places=2)
        self.assertAlmostEqual(self.program.budget_used, 18.53, places=2)
        # The household's invoice: full sales, the share on the clearing account.
        invoice = order._create_invoices()
        invoice.action_post()
        lines = invoice.line_ids
        clearing = lines.filtered(lambda line: line.account_id == self.clearing)
        self.assertAlmostEqual(clearing.debit, 18.53, places=2)
        income = lines.filtered(lambda line: line.display_type == "product") - clearing
        self.assertAlmostEqual(sum(income.mapped("credit")), 40.05, places=2)
        self.assertAlmostEqual(invoice.amount_residual, 21.52, places=2)

    def test_not_eligible_household_pays_full_price(self):
        order = self._order(self.household_die, [(self.basket, 2, 12.35)])
        order.action_confirm()
        self.assertFalse(self._share_line(order))
        self.assertAlmostEqual(order.amount_total, 24.70, places=2)

    def test_enrolment_dates_limit_the_share(self):
        enrolment = self.program.enrolment_ids
        enrolment.date_to = self.today - relativedelta(days=1)
        order = self._order(self.household_romans, [(self.basket, 1, 12.35)])
        order.action_confirm()
        self.assertFalse(self._share_line(order))

    def test_household_eligible_by_tag(self):
        tag = self.env["res.partner.category"].create({"name": "Orienté CCAS"})
        self.program.partner_category_ids = tag
        self.household_die.category_id = tag
        order = self._order(self.household_die, [(self.basket, 1, 12.35)])
        order.action_vrac_apply_funder_shares()
        self.assertEqual(self._share_line(order).price_unit, -6.18)
        # Applied again (and on confirmation): updated, never doubled.
        order.order_line.filtered(lambda line: line.product_id == self.basket).write(
            {"product_uom_qty": 2, "price_unit": 12.35}
        )
        order.action_confirm()
        self.assertEqual(len(self._share_line(order)), 1)
        self.assertEqual(self._share_line(order).price_unit, -12.35)

    def test_eligible_by_tier(self):
        self.program.tier_ids = self.tier_c
        self.household_die.write(
            {"vrac_tier_id": self.tier_c.id, "vrac_tier_reason": "T"}
        )
        order = self._order(self.household_die, [(self.basket, 1, 12.35)])
        order.action_confirm()
        self.assertEqual(self._share_line(order).price_unit, -6.18)

    def test_eligible_categories(self):
        category = self.env["product.category"].create({"name": "Paniers"})
        child = self.env["product.category"].create(
            {"name": "Paniers d'hiver", "parent_id": category.id}
        )
        self.soap.categ_id = child
        self.program.write(
            {"product_ids": [Command.clear()], "product_categ_ids": category.ids}
        )
        order = self._order(
            self.household_romans, [(self.basket, 1, 12.35), (self.soap, 1, 3.0)]
        )
        order.action_confirm()
        self.assertEqual(self._share_line(order).price_unit, -1.5)

    def test_budget_cap_refuses_the_share_beyond(self):
        self.program.budget = 20.0
        first = self._order(self.household_romans, [(self.basket, 3, 12.35)])
        first.action_confirm()
        self.assertEqual(self._share_line(first).price_unit, -18.53)
        self.assertAlmostEqual(self.program.budget_remaining, 1.47, places=2)
        second = self._order(self.household_romans, [(self.basket, 3, 12.35)])
        second.action_confirm()
        # Only what is left of the budget; the household pays the rest.
        self.assertEqual(self._share_line(second).price_unit, -1.47)
        self.assertAlmostEqual(second.amount_total, 35.58, places=2)
        self.assertIn(
            "Paniers à moitié prix is used up: Fondation Test Paniers pays "
            "$&nbsp;1.47 instead of $&nbsp;18.53 on this order.",
            second.message_ids[:3].mapped("body")[0],
        )
        third = self._order(self.household_romans, [(self.basket, 1, 12.35)])
        third.action_confirm()
        self.assertFalse(self._share_line(third))
        self.program.invalidate_recordset()
        self.assertAlmostEqual(self.program.budget_used, 20.0, places=2)
        self.assertEqual(self.program.budget_remaining, 0.0)

    def test_volunteer_confirms_a_share(self):
        self.romans.user_ids |= self.volunteer
        self.volunteer.groups_id |= self.env.ref("sales_team.group_sale_salesman")
        order = self._order(self.household_romans, [(self.basket, 2, 12.35)])
        order.with_user(self.volunteer).action_confirm()
        self.assertEqual(self._share_line(order).price_unit, -12.35)

    # Monthly invoice to the funder

    def test_monthly_invoice_to_the_funder(self):
        self.env["vrac.funder.program.enrolment"].create(
            {"program_id": self.program.id, "partner_id": self.household_die.id}
        )
        orders = (
            self._order(self.household_romans, [(self.basket, 3, 12.35)])
            | self._order(self.household_romans, [(self.basket, 1, 12.35)])
            | self._order(self.household_die, [(self.basket, 2, 12.35)])
        )
        orders.action_confirm()
        # 18.53 + 6.18 + 12.35
        invoice = self.program._vrac_invoice_month(self.today)
        self.assertEqual(len(invoice), 1)
        self.assertEqual(invoice.state, "draft")
        self.assertEqual(invoice.partner_id, self.funder)
        self.assertEqual(invoice.vrac_funder_period, self.today.replace(day=1))
        line = invoice.invoice_line_ids
        self.assertEqual(line.account_id, self.clearing)
        self.assertFalse(line.tax_ids)
        self.assertAlmostEqual(invoice.amount_total, 37.06, places=2)
        self.assertIn("2 households served", line.name)
        self.assertIn("3 baskets", line.name)
        for household in self.household_romans | self.household_die:
            self.assertNotIn(household.name, line.name)
            self.assertNotIn(household.vrac_household_number, line.name)
        # Once only per month.
        self.assertFalse(self.program._vrac_invoice_month(self.today))
        self.assertEqual(self.program.invoice_count, 1)
        # Households invoiced and the funder invoiced: the clearing account is
        # balanced and the funder owes the shares.
        household_invoices = orders._create_invoices()
        household_invoices.action_post()
        invoice.action_post()
        balance = sum(
            self.env["account.move.line"]
            .search(
                [("account_id", "=", self.clearing.id), ("parent_state", "=", "posted")]
            )
            .mapped("balance")
        )
        self.assertAlmostEqual(balance, 0.0, places=2)
        self.assertAlmostEqual(invoice.amount_residual, 37.06, places=2)
        self.assertEqual(
            invoice.line_ids.filtered(
                lambda line: line.account_id.account_type == "asset_receivable"
            ).partner_id,
            self.funder,
        )

    def test_funder_invoice_split_on_the_groups_accounts(self):
        """The funder's invoice lands on the groups' analytic accounts, in
        proportion to their households' shares."""
        self.env["vrac.funder.program.enrolment"].create(
            {"program_id": self.program.id, "partner_id": self.household_die.id}
        )
        orders = self._order(
            self.household_romans, [(self.basket, 4, 12.35)]
        ) | self._order(self.household_die, [(self.basket, 2, 12.35)])
        orders.action_confirm()
        # Romans 24.70, Die 12.35: two thirds and one third of 37.05.
        invoice = self.program._vrac_invoice_month(self.today)
        self.assertAlmostEqual(invoice.amount_total, 37.05, places=2)
        self.assertEqual(
            invoice.invoice_line_ids.analytic_distribution,
            {
                str(self.romans.analytic_account_id.id): 66.67,
                str(self.die.analytic_account_id.id): 33.33,
            },
        )
        invoice.action_post()
        self.assertAlmostEqual(
            sum(invoice.line_ids.analytic_line_ids.mapped("amount")), 37.05
        )

    def test_invoice_with_household_numbers_when_allowed(self):
        self.program.invoice_households = "number"
        self._order(self.household_romans, [(self.basket, 1, 12.35)]).action_confirm()
        line = self.program._vrac_invoice_month(self.today).invoice_line_ids
        self.assertIn("R-0042", line.name)
        self.assertNotIn(self.household_romans.name, line.name)

    def test_invoice_action_and_cron(self):
        last_month = self.today - relativedelta(months=1)
        order = self._order(self.household_romans, [(self.basket, 2, 12.35)])
        order.date_order = fields.Datetime.to_datetime(last_month)
        order.action_confirm()
        order.date_order = fields.Datetime.to_datetime(last_month)
        action = self.program.action_invoice_last_month()
        invoice = self.env["account.move"].search(action["domain"])
        self.assertAlmostEqual(invoice.amount_total, 12.35, places=2)
        self.assertEqual(
            invoice.invoice_date, self.program._vrac_month_bounds(last_month)[1]
        )
        # The monthly cron finds it done.
        self.env["vrac.funder.program"]._vrac_cron_invoice_funders()
        self.assertEqual(self.program.invoice_count, 1)
        with self.assertRaisesText(UserError, "No share to invoice"):
            self.program.action_invoice_last_month()

    def test_eligibility_is_set_based(self):
        households = self.env["res.partner"].create(
            [
                {"name": f"Foyer Lot {index}", "vrac_groupement_id": self.romans.id}
                for index in range(20)
            ]
        )
        self.env["vrac.funder.program.enrolment"].create(
            [
                {"program_id": self.program.id, "partner_id": household.id}
                for household in households[::2]
            ]
        )

        def count(partners):
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            result = self.program._vrac_eligible_households(partners, self.today)
            return self.cr.sql_log_count - before, result

        count(households[:2])
        few, _result = count(households[:4])
        many, result = count(households)
        self.assertEqual(few, many)
        self.assertEqual(result[self.program], households[::2])


@tagged("post_install", "-at_install")
class TestFunderProgramPos(VracAssertMixin, TestPoSCommon):
    """The funder's share at the till, through the session's journal entry."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        setup_vrac_till(cls, "vrac_funder_cashier")
        cls.soap = create_soap(cls.env)
        setup_funder(cls, cls.env, cls.lentils, budget=5.0)
        cls.env["vrac.funder.program.enrolment"].create(
            {"program_id": cls.program.id, "partner_id": cls.household_a.id}
        )

    def _sell(self, lines, customer, share):
        """A till order; ``share`` is the line "Paid by" the till added."""
        extra = share and {
            "amount": -share,
            "product_id": self.program.share_product_id.id,
        }
        return sell_at_cost(self, lines, customer, extra or None)

    def test_pos_data_of_the_program(self):
        session = self.open_new_session()
        data = session.with_user(self.cashier).load_data([])
        [program] = data["vrac.funder.program"]["data"]
        self.assertEqual(program["_share_product_id"], self.program.share_product_id.id)
        self.assertEqual(program["_product_ids"], self.lentils.ids)
        self.assertEqual(program["_budget_remaining"], 5.0)
        self.assertEqual(program["_funder_name"], self.funder.name)
        self.assertIn(
            self.program.share_product_id.id,
            data["pos.session"]["data"][0]["_pos_special_products_ids"],
        )
        self.assertIn(
            self.program.share_product_id.id,
            {p["id"] for p in data["product.product"]["data"]},
        )
        partners = {p["id"]: p for p in data["res.partner"]["data"]}
        self.assertEqual(
            partners[self.household_a.id]["vrac_funder_program_ids"], self.program.ids
        )
        self.assertEqual(partners[self.household_c.id]["vrac_funder_program_ids"], [])

    def test_share_at_the_till_goes_to_the_clearing_account(self):
        session = self.open_new_session()
        # Lentils at cost (tier A) 2.10 x 3 = 6.30: 3.15 paid by the funder.
        order = self._sell(
            [(self.lentils, 3), (self.soap, 1)], customer=self.household_a, share=3.15
        )
        self.assertEqual(order.state, "paid")
        self.assertAlmostEqual(order.amount_total, 6.15, places=2)
        self.assertAlmostEqual(self.program.budget_used, 3.15, places=2)
        session.post_closing_cash_details(order.amount_total)
        session.close_session_from_ui()
        lines = session.move_id.line_ids
        clearing = lines.filtered(lambda line: line.account_id == self.clearing)
        self.assertAlmostEqual(clearing.debit, 3.15, places=2)
        self.assertAlmostEqual(sum(clearing.mapped("credit")), 0.0, places=2)
        # The month's invoice to the funder takes it from there.
        invoice = self.program._vrac_invoice_month(fields.Date.context_today(order))
        self.assertAlmostEqual(invoice.amount_total, 3.15, places=2)
        self.assertIn("1 households served", invoice.invoice_line_ids.name)
        self.assertIn("1 baskets", invoice.invoice_line_ids.name)

    def test_share_beyond_budget_is_refused_at_the_till(self):
        self.open_new_session()
        self._sell([(self.lentils, 3)], customer=self.household_a, share=3.15)
        with self.assertRaises(UserError) as refused:
            self._sell([(self.lentils, 3)], customer=self.household_a, share=3.15)
        self.assertIn(
            "is used up: $\xa01.85 left for a share of $\xa03.15.",
            refused.exception.args[0],
        )
        self.program.invalidate_recordset()
        self.assertAlmostEqual(self.program.budget_used, 3.15, places=2)
        # What is left may still be taken.
        order = self._sell([(self.lentils, 3)], customer=self.household_a, share=1.85)
        self.assertEqual(order.state, "paid")
        self.program.invalidate_recordset()
        self.assertAlmostEqual(self.program.budget_remaining, 0.0, places=2)

    def test_crafted_shares_are_refused(self):
        """The till adds the line "Paid by"; the server checks it: the funder
        is invoiced for it."""
        self.program.budget = 0.0
        self.open_new_session()
        # Not eligible: Foyer Colin is not enrolled.
        with (
            self.assertRaisesRegex(UserError, "the program gives this order"),
            # The request is rolled back, as any RPC that fails.
            self.env.cr.savepoint(),
        ):
            self._sell([(self.lentils, 3)], customer=self.household_c, share=3.15)
        # Nobody: no household, no share.
        with (
            self.assertRaisesRegex(UserError, "the program gives this order"),
            # The request is rolled back, as any RPC that fails.
            self.env.cr.savepoint(),
        ):
            self._sell([(self.lentils, 3)], customer=None, share=3.15)
        # More than half of the eligible products (lentils 6.30, soap 3.00).
        with (
            self.assertRaisesRegex(UserError, "the program gives this order"),
            # The request is rolled back, as any RPC that fails.
            self.env.cr.savepoint(),
        ):
            self._sell(
                [(self.lentils, 3), (self.soap, 1)],
                customer=self.household_a,
                share=4.65,
            )
        # A subtotal that is not the line's price.
        data = till_order_data(
            self.pos_session,
            self.cashier,
            self.household_a,
            [
                {"product_id": self.lentils.id, "qty": 3, "price_unit": 2.10},
                {
                    "product_id": self.program.share_product_id.id,
                    "qty": 1,
                    "price_unit": -6.30,
                },
            ],
        )
        share = data["lines"][1][2]
        share.update(price_subtotal=-3.15, price_subtotal_incl=-3.15)
        data.update(amount_total=3.15, amount_paid=3.15)
        data["payment_ids"][0][2]["amount"] = 3.15
        with (
            self.assertRaisesRegex(UserError, "does not match its price"),
            self.env.cr.savepoint(),
        ):
            self.env["pos.order"].with_user(self.cashier).sync_from_ui([data])
        self.env.invalidate_all()
        self.assertFalse(self.pos_session.order_ids)
        # The share the till computes goes through.
        order = self._sell(
            [(self.lentils, 3), (self.soap, 1)], customer=self.household_a, share=3.15
        )
        self.assertEqual(order.state, "paid")
