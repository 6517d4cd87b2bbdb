# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.point_of_sale.tests.common import TestPoSCommon
from odoo.addons.vrac_groupement.tests.common import VracAssertMixin

from .common import (
    VracTarifsCase,
    create_soap,
    sell_at_cost,
    setup_food_credit,
    setup_vrac_till,
)


class TestFoodCredit(VracTarifsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        setup_food_credit(cls, cls.env, cls.pasta)
        cls.today = fields.Date.context_today(cls.env.user)
        # Romans: 2 adults + 2 children = 110 a month; Die: 1 adult = 50.
        cls.basket_soap = cls.env["product.product"].create(
            {"name": "Savon (non approuvé)", "type": "consu"}
        )
        cls.cards = cls.credit.action_vrac_enrol(
            cls.household_romans | cls.household_die
        )

    def _card(self, household):
        return self.cards.filtered(lambda card: card.partner_id == household)

    def test_one_card_per_household(self):
        self.assertEqual(len(self.cards), 2)
        self.assertFalse(self.credit.action_vrac_enrol(self.household_romans))
        contact = self.env["res.partner"].create(
            {"name": "Léa Martin", "parent_id": self.household_romans.id}
        )
        self.assertFalse(self.credit.action_vrac_enrol(contact))
        self.assertEqual(
            self.env["loyalty.card"].search_count(
                [("program_id", "=", self.credit.id)]
            ),
            2,
        )

    def test_archived_card_is_still_the_households_card(self):
        """Cards can be archived on 18.0: an archived card is not topped up, is
        not doubled by a second card, and enrolling again reactivates it."""
        card = self._card(self.household_die)
        card.active = False
        self.credit._vrac_top_up(self.today)
        self.assertEqual(card.points, 0.0)
        with self.assertRaisesText(ValidationError, "one card per household"):
            self.env["loyalty.card"].create(
                {"program_id": self.credit.id, "partner_id": self.household_die.id}
            )
        self.assertFalse(self.credit.action_vrac_enrol(self.household_die))
        self.assertTrue(card.active)

    def test_bad_input(self):
        with self.assertRaisesText(UserError, "Only member households"):
            self.credit.action_vrac_enrol(self.vendor)
        with self.assertRaisesText(ValidationError, "cannot be negative"):
            self.credit.vrac_credit_per_person = -5.0
        with self.assertRaisesText(ValidationError, "must be an eWallet"):
            self.env["loyalty.program"].create(
                {
                    "name": "Pas un portefeuille",
                    "program_type": "promotion",
                    "vrac_food_credit": True,
                }
            )

    def test_fund_account_on_the_products(self):
        product = self.credit.reward_ids.discount_line_product_id
        self.assertEqual(product.property_account_income_id, self.credit_fund)
        self.assertEqual(self.credit.reward_ids.discount_applicability, "specific")
        # Contributions by the households' means are income of the fund.
        contribution = self.env["product.product"].create(
            {"name": "Cotisation caisse", "type": "service", "list_price": 5.0}
        )
        self.credit.vrac_contribution_product_id = contribution
        self.assertEqual(contribution.property_account_income_id, self.credit_fund)
        self._card(self.household_romans).vrac_contribution = 5.0
        approved = (self.pasta | self.basket_soap).filtered_domain(
            self.credit.reward_ids._get_discount_product_domain()
        )
        self.assertEqual(approved, self.pasta)

    def test_reward_restricted_to_approved_products(self):
        """A food credit made from Odoo's eWallet template pays approved products."""
        program = self.env["loyalty.program"].create(
            {
                "name": "Depuis le modèle",
                "program_type": "ewallet",
                "reward_ids": [
                    Command.create(
                        {
                            "reward_type": "discount",
                            "discount_mode": "per_point",
                            "discount": 1,
                            "required_points": 1,
                            "discount_applicability": "order",
                        }
                    )
                ],
            }
        )
        program.vrac_food_credit = True
        self.assertEqual(program.reward_ids.discount_applicability, "specific")
        self.assertEqual(program.reward_ids.discount_product_tag_id, self.approved_tag)

    def test_monthly_top_up_with_expiry(self):
        self.credit._vrac_top_up(self.today)
        self.assertEqual(self._card(self.household_romans).points, 110.0)
        self.assertEqual(self._card(self.household_die).points, 50.0)
        # Once a month only.
        self.credit._vrac_top_up(self.today)
        self.assertEqual(self._card(self.household_romans).points, 110.0)
        # 80.35 spent by Romans; next month the rest expires.
        self._card(self.household_romans).points = 29.65
        self._card(self.household_die).points = 0.0
        next_month = self.today + relativedelta(months=1)
        self.credit._vrac_top_up(next_month)
        self.assertEqual(self._card(self.household_romans).points, 110.0)
        self.assertEqual(self._card(self.household_die).points, 50.0)
        moves = self.env["vrac.food.credit.move"].search(
            [("program_id", "=", self.credit.id)]
        )
        expired = moves.filtered(lambda move: move.kind == "expire")
        self.assertEqual(expired.partner_id, self.household_romans)
        self.assertAlmostEqual(expired.amount, 29.65, places=2)
        self.assertEqual(expired.date, next_month.replace(day=1))
        issued = moves.filtered(lambda move: move.kind == "issue")
        self.assertAlmostEqual(sum(issued.mapped("amount")), 320.0, places=2)

    def test_monthly_top_up_carried_over(self):
        self.credit.vrac_credit_rule = "carry"
        self.credit._vrac_top_up(self.today)
        self._card(self.household_romans).points = 29.65
        self.credit._vrac_top_up(self.today + relativedelta(months=1))
        self.assertAlmostEqual(
            self._card(self.household_romans).points, 139.65, places=2
        )
        self.assertEqual(self._card(self.household_die).points, 100.0)
        self.assertFalse(
            self.env["vrac.food.credit.move"].search(
                [("program_id", "=", self.credit.id), ("kind", "=", "expire")]
            )
        )

    def test_cron_tops_up(self):
        self.env["loyalty.program"]._vrac_cron_food_credit()
        self.assertEqual(self._card(self.household_die).points, 50.0)
        self.assertEqual(self.credit.vrac_last_top_up, self.today.replace(day=1))

    def test_top_up_is_set_based(self):
        """Topping up 3 or 30 households of the same size costs the same."""
        households = self.env["res.partner"].create(
            [
                {"name": f"Foyer Lot {index}", "vrac_groupement_id": self.romans.id}
                for index in range(33)
            ]
        )
        other = self.credit.copy({"name": "Autre caisse"})
        warm_up = self.credit.copy({"name": "Caisse d'essai"})
        warm_up.action_vrac_enrol(self.household_die)
        other.action_vrac_enrol(households[:3])
        self.credit.action_vrac_enrol(households[3:])

        def count(program, date):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            program._vrac_top_up(date)
            self.env.flush_all()
            return self.cr.sql_log_count - before

        count(warm_up, self.today)
        few = count(other, self.today)
        self.cards.unlink()
        many = count(self.credit, self.today)
        self.assertEqual(few, many)

    def test_report_per_month_and_group(self):
        self.credit._vrac_top_up(self.today)
        self._card(self.household_romans).points = 10.0
        self.credit._vrac_top_up(self.today + relativedelta(months=1))
        self.env.flush_all()
        rows = self.env["vrac.food.credit.report"].search(
            [("program_id", "=", self.credit.id)]
        )
        by_key = {(row.date, row.groupement_id): row for row in rows}
        first = by_key[(self.today.replace(day=1), self.romans)]
        self.assertAlmostEqual(first.issued, 110.0, places=2)
        second = by_key[
            ((self.today + relativedelta(months=1)).replace(day=1), self.romans)
        ]
        self.assertAlmostEqual(second.expired, 10.0, places=2)
        self.assertAlmostEqual(
            by_key[(self.today.replace(day=1), self.die)].issued, 50.0, places=2
        )


@tagged("post_install", "-at_install")
class TestFoodCreditPos(VracAssertMixin, TestPoSCommon):
    """Spending the credit at the till, through the session's journal entry."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        setup_vrac_till(cls, "vrac_credit_cashier")
        cls.soap = create_soap(cls.env)
        setup_food_credit(cls, cls.env, cls.lentils)
        cls.card = cls.credit.action_vrac_enrol(cls.household_a)
        cls.credit._vrac_top_up(fields.Date.context_today(cls.env.user))

    def _sell(self, lines, credit):
        """A till order of the household, ``credit`` paid with the food credit."""
        reward = self.credit.reward_ids
        return sell_at_cost(
            self,
            lines,
            self.household_a,
            {
                "amount": -credit,
                "product_id": reward.discount_line_product_id.id,
                "is_reward_line": True,
                "reward_id": reward.id,
                "coupon_id": self.card.id,
                "points_cost": credit,
            },
        )

    def test_credit_spent_on_approved_products_is_charged_to_the_fund(self):
        session = self.open_new_session()
        self.assertEqual(self.card.points, 50.0)
        # Lentils (approved) 2.10 x 3 = 6.30 paid by the credit; soap paid.
        order = self._sell([(self.lentils, 3), (self.soap, 1)], credit=6.30)
        self.assertEqual(order.state, "paid")
        self.assertAlmostEqual(order.amount_total, 3.0, places=2)
        session.post_closing_cash_details(order.amount_total)
        session.close_session_from_ui()
        fund_lines = session.move_id.line_ids.filtered(
            lambda line: line.account_id == self.credit_fund
        )
        self.assertAlmostEqual(sum(fund_lines.mapped("debit")), 6.30, places=2)
        self.assertAlmostEqual(sum(fund_lines.mapped("credit")), 0.0, places=2)
        self.env.flush_all()
        [row] = self.env["vrac.food.credit.report"].search(
            [("program_id", "=", self.credit.id)]
        )
        self.assertAlmostEqual(row.used, 6.30, places=2)
        self.assertAlmostEqual(row.issued, 50.0, places=2)
        self.assertEqual(row.groupement_id, self.groupement)

    def test_credit_on_non_approved_products_is_refused(self):
        self.open_new_session()
        with self.assertRaises(UserError) as refused:
            self._sell([(self.lentils, 1), (self.soap, 1)], credit=5.10)
        self.assertIn(
            "approved products only: $\xa05.10 asked for $\xa02.10 of approved",
            refused.exception.args[0],
        )
        self.assertFalse(
            self.env["pos.order"].search([("partner_id", "=", self.household_a.id)])
        )
