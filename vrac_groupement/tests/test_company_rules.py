# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import TransactionCase, tagged

from .rpc import VracBranchesRpcCase


@tagged("post_install", "-at_install")
class TestEveryModelHasItsBranchRule(TransactionCase):
    """Every record of a VRAC addon that belongs to a branch (a company_id)
    is read only by the people of that branch: a global rule, as Odoo's
    multi-company rules, on each such model of the installed vrac addons."""

    def test_company_rule_on_every_model_with_a_branch(self):
        vrac_models = [
            name
            for name, model in self.env.registry.items()
            if name.startswith("vrac.")
            and not model._abstract
            and not model._transient
            and "company_id" in model._fields
        ]
        # The three addons: at least the models of vrac_groupement.
        self.assertIn("vrac.order.cycle.groupement", vrac_models)
        rules = self.env["ir.rule"].search(
            [("model_id.model", "in", vrac_models), ("global", "=", True)]
        )
        with_rule = {
            rule.model_id.model
            for rule in rules
            if "('company_id', 'in', company_ids" in rule.domain_force
        }
        self.assertEqual(sorted(set(vrac_models) - with_rule), [])


@tagged("post_install", "-at_install")
class TestCycleGroupsBranches(VracBranchesRpcCase):
    """A coordinator of one branch reads the groups served by the cycles of
    their branch only."""

    branch_login = "vrac_branch_cycle"

    def setUp(self):
        super().setUp()
        cycles = self.env["vrac.order.cycle"]
        for company, town, day in (
            (self.drome, "Romans-sur-Isère", "2026-12-17"),
            (self.artois, "Lens", "2026-12-19"),
        ):
            groupement = self.env["vrac.groupement"].create(
                {
                    "name": f"Test {town}",
                    "code": f"T{town[:2].upper()}",
                    "town": town,
                    "company_id": company.id,
                }
            )
            cycles |= cycles.create(
                {
                    "name": f"Test commande de décembre ({town})",
                    "company_id": company.id,
                    "date_open": "2026-12-01 08:00:00",
                    "date_close": "2026-12-10 20:00:00",
                    "groupement_line_ids": [
                        Command.create(
                            {
                                "groupement_id": groupement.id,
                                "distribution_date": day,
                            }
                        )
                    ],
                }
            )
        self.domain = [("cycle_id", "in", cycles.ids)]

    def _groups_served(self, context=None):
        rows = self.rpc_ok(
            "vrac.order.cycle.groupement",
            "search_read",
            self.domain,
            fields=["groupement_id", "distribution_date"],
            context=context,
        )
        return sorted(
            (row["groupement_id"][1], row["distribution_date"]) for row in rows
        )

    def test_groups_served_of_the_own_branch_only(self):
        self.rpc_login("vrac_branch_cycle_drome")
        self.assertEqual(
            self._groups_served(), [("Test Romans-sur-Isère", "2026-12-17")]
        )
        # A coordinator of both branches, both chosen, reads both.
        self.rpc_login("vrac_branch_cycle_both")
        self.assertEqual(
            self._groups_served(
                context={"allowed_company_ids": (self.drome | self.artois).ids}
            ),
            [("Test Lens", "2026-12-19"), ("Test Romans-sur-Isère", "2026-12-17")],
        )
