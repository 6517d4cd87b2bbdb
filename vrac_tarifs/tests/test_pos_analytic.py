# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.point_of_sale.tests.common import TestPoSCommon

from .common import sell_at_cost, setup_vrac_till

INCOME_EXPENSE = ("income", "income_other", "expense", "expense_direct_cost")


@tagged("post_install", "-at_install")
class TestPosTakingsPerGroup(TestPoSCommon):
    """The till's takings land on the groups' analytic accounts when the
    cashier closes the session, in proportion to their households' purchases."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        setup_vrac_till(cls, "vrac_pos_group_cashier")
        cls.other_group = cls.env["vrac.groupement"].create(
            {
                "name": "Test Bourg-de-Péage",
                "code": "T-BDP",
                "town": "Bourg-de-Péage",
                "company_id": cls.company.id,
            }
        )
        cls.household_other = cls.env["res.partner"].create(
            {"name": "Foyer Péageois", "vrac_groupement_id": cls.other_group.id}
        )

    def test_session_takings_carry_the_groups(self):
        session = self.open_new_session()
        # At cost (tier A): 2 kg of lentils at 2.10 for Romans, 1 kg for
        # Bourg-de-Péage, and 1 kg for a passer-by (no group).
        sell_at_cost(self, [(self.lentils, 2)], self.household_a)
        sell_at_cost(self, [(self.lentils, 1)], self.household_other)
        sell_at_cost(self, [(self.lentils, 1)], False)
        session = session.with_user(self.cashier)
        session.post_closing_cash_details(0)
        session.close_session_from_ui()
        self.assertEqual(session.state, "closed")
        items = session.move_id.line_ids.filtered(
            lambda line: line.account_id.account_type in INCOME_EXPENSE
        )
        self.assertAlmostEqual(sum(items.mapped("credit")), 8.40)
        # Two thirds for the group of Foyer Arnaud, one third for the other.
        for item in items:
            self.assertEqual(
                item.analytic_distribution,
                {
                    str(self.groupement.analytic_account_id.id): 66.67,
                    str(self.other_group.analytic_account_id.id): 33.33,
                },
            )
        self.assertAlmostEqual(
            sum(items.analytic_line_ids.mapped("amount")), 8.40, places=2
        )
