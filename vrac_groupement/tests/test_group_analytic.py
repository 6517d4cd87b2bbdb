# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import new_test_user

from .common import VracCycleCase

INCOME_EXPENSE = ("income", "income_other", "expense", "expense_direct_cost")


class TestGroupAnalytic(VracCycleCase):
    """Every sale and fee of a group lands on the group's analytic account,
    as the group form says: the household's orders, their invoices and the
    membership invoices."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.accountant = new_test_user(
            cls.env,
            login="vrac_test_group_accountant",
            name="Aline Comptable",
            email=False,
            groups="base.group_user,base.group_partner_manager,"
            "account.group_account_invoice",
        )
        cls.romans_analytic = {str(cls.romans.analytic_account_id.id): 100.0}
        cls.die_analytic = {str(cls.die.analytic_account_id.id): 100.0}

    def assertGroupAccount(self, moves, distribution):
        """Every journal item of ``moves`` on an income or expense account
        carries ``distribution`` and its analytic line."""
        items = moves.line_ids.filtered(
            lambda line: line.account_id.account_type in INCOME_EXPENSE
        )
        self.assertTrue(items)
        for item in items:
            self.assertEqual(item.analytic_distribution, distribution, item.name)
            self.assertAlmostEqual(
                sum(item.analytic_line_ids.mapped("amount")), item.balance * -1
            )

    def test_household_orders_and_invoices_carry_the_group(self):
        self.assertTrue(self.romans.analytic_account_id)
        self.cycle.with_user(self.volunteer)._vrac_set_orders(
            {self.household_romans.id: {self.pasta.id: 2, self.oil.id: 1}}
        )
        self.cycle.with_user(self.coordinator)._vrac_set_orders(
            {self.household_die.id: {self.pasta.id: 4}}
        )
        romans_line = self.order_line(self.household_romans, self.pasta)
        self.assertEqual(romans_line.analytic_distribution, self.romans_analytic)
        self.assertEqual(
            self.order_line(self.household_romans, self.oil).analytic_distribution,
            self.romans_analytic,
        )
        die_line = self.order_line(self.household_die, self.pasta)
        self.assertEqual(die_line.analytic_distribution, self.die_analytic)
        # The orders are confirmed and invoiced, the accountant posts.
        orders = romans_line.order_id | die_line.order_id
        orders.with_user(self.coordinator).action_confirm()
        invoices = orders.with_user(self.coordinator)._create_invoices()
        invoices.with_user(self.accountant).action_post()
        romans_invoice = romans_line.invoice_lines.move_id
        self.assertEqual(romans_invoice.partner_id, self.household_romans)
        self.assertGroupAccount(romans_invoice, self.romans_analytic)
        self.assertGroupAccount(die_line.invoice_lines.move_id, self.die_analytic)
        # The group's account holds the whole sale of its household (its
        # price depends on the addons installed: tiers change it).
        self.assertGreater(romans_invoice.amount_untaxed, 0.0)
        analytic_lines = romans_invoice.line_ids.analytic_line_ids
        self.assertEqual(len(analytic_lines), 2, "pasta and oil")
        self.assertAlmostEqual(
            sum(analytic_lines.mapped("amount")), romans_invoice.amount_untaxed
        )

    def test_membership_invoice_carries_the_group(self):
        fee = self.env.ref("vrac_groupement.product_membership_year")
        wizard = (
            self.env["membership.invoice"]
            .with_user(self.accountant)
            .with_context(active_ids=self.household_romans.ids)
            .create({"product_id": fee.id, "member_price": 5.0})
        )
        action = wizard.membership_invoice()
        invoice = self.env["account.move"].search(action["domain"])
        self.assertEqual(invoice.partner_id, self.household_romans)
        invoice.with_user(self.accountant).action_post()
        self.assertEqual(invoice.amount_total, 5.0)
        self.assertGroupAccount(invoice, self.romans_analytic)
