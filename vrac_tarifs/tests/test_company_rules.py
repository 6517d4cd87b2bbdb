# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import tagged

from odoo.addons.vrac_groupement.tests.rpc import VracBranchesRpcCase


@tagged("post_install", "-at_install")
class TestFoodCreditBranches(VracBranchesRpcCase):
    """A coordinator of one branch reads the food credit of their branch
    only: the credit issued to its households and the monthly figures."""

    branch_login = "vrac_branch_credit"

    def setUp(self):
        super().setUp()
        # One food credit per branch: 50 a month in Drôme, 30 in Artois.
        self.credit_drome, self.credit_artois = self.env["loyalty.program"].create(
            [
                {
                    "name": "Test caisse alimentaire Drôme",
                    "program_type": "ewallet",
                    "company_id": company.id,
                    "vrac_food_credit": True,
                    "vrac_credit_base": amount,
                }
                for company, amount in ((self.drome, 50.0), (self.artois, 30.0))
            ]
        )
        self.credit_artois.name = "Test caisse alimentaire Artois"
        household_drome, household_artois = self.env["res.partner"].create(
            [{"name": "Foyer Martin (Romans)"}, {"name": "Foyer Leroy (Lens)"}]
        )
        self.env["loyalty.card"].create(
            [
                {"program_id": self.credit_drome.id, "partner_id": household_drome.id},
                {
                    "program_id": self.credit_artois.id,
                    "partner_id": household_artois.id,
                },
            ]
        )
        (self.credit_drome | self.credit_artois)._vrac_top_up(date(2026, 11, 1))
        self.programs = [
            ("program_id", "in", (self.credit_drome | self.credit_artois).ids)
        ]

    def _read(self, model, fields, context=None):
        rows = self.rpc_ok(
            model, "search_read", self.programs, fields=fields, context=context
        )
        return sorted((row["program_id"][1], row[fields[1]]) for row in rows)

    def test_credit_moves_of_the_own_branch_only(self):
        self.rpc_login("vrac_branch_credit_drome")
        self.assertEqual(
            self._read("vrac.food.credit.move", ["program_id", "amount"]),
            [("Test caisse alimentaire Drôme", 50.0)],
        )
        # A coordinator of both branches, both chosen, reads both.
        self.rpc_login("vrac_branch_credit_both")
        self.assertEqual(
            self._read(
                "vrac.food.credit.move",
                ["program_id", "amount"],
                context={"allowed_company_ids": (self.drome | self.artois).ids},
            ),
            [
                ("Test caisse alimentaire Artois", 30.0),
                ("Test caisse alimentaire Drôme", 50.0),
            ],
        )

    def test_monthly_figures_of_the_own_branch_only(self):
        self.rpc_login("vrac_branch_credit_drome")
        self.assertEqual(
            self._read("vrac.food.credit.report", ["program_id", "issued"]),
            [("Test caisse alimentaire Drôme", 50.0)],
        )
        self.rpc_login("vrac_branch_credit_both")
        self.assertEqual(
            self._read(
                "vrac.food.credit.report",
                ["program_id", "issued"],
                context={"allowed_company_ids": (self.drome | self.artois).ids},
            ),
            [
                ("Test caisse alimentaire Artois", 30.0),
                ("Test caisse alimentaire Drôme", 50.0),
            ],
        )
