# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import tagged

from odoo.addons.vrac_groupement.tests.rpc import VracBranchesRpcCase


@tagged("post_install", "-at_install")
class TestShiftBranches(VracBranchesRpcCase):
    """A coordinator of one branch reads the volunteers' shifts of their
    branch's distributions only."""

    branch_login = "vrac_branch_shift"

    def setUp(self):
        super().setUp()
        distributions = self.env["vrac.distribution"]
        for company, town, volunteer in (
            (self.drome, "Romans-sur-Isère", "Monique (Romans)"),
            (self.artois, "Lens", "Karim (Lens)"),
        ):
            groupement = self.env["vrac.groupement"].create(
                {
                    "name": f"Test {town}",
                    "code": f"T{town[:2].upper()}",
                    "town": town,
                    "company_id": company.id,
                }
            )
            premises, volunteer = self.env["res.partner"].create(
                [
                    {
                        "name": f"Centre social de {town}",
                        "street": "1 place du Marché",
                        "city": town,
                    },
                    {"name": volunteer},
                ]
            )
            point = self.env["vrac.pickup.point"].create(
                {
                    "name": f"Centre social de {town}",
                    "partner_id": premises.id,
                    "company_id": company.id,
                    "groupement_ids": [Command.set(groupement.ids)],
                }
            )
            distributions |= distributions.create(
                {
                    "kind": "point",
                    "date": "2026-12-17",
                    "pickup_point_id": point.id,
                    "company_id": company.id,
                    "shift_ids": [
                        Command.create(
                            {
                                "partner_id": volunteer.id,
                                "role": "bags",
                                "hour_from": 8.0,
                                "hour_to": 10.5,
                            }
                        )
                    ],
                }
            )
        self.domain = [("distribution_id", "in", distributions.ids)]

    def _shifts(self, context=None):
        rows = self.rpc_ok(
            "vrac.distribution.shift",
            "search_read",
            self.domain,
            fields=["partner_id", "hours"],
            context=context,
        )
        return sorted((row["partner_id"][1], row["hours"]) for row in rows)

    def test_shifts_of_the_own_branch_only(self):
        self.rpc_login("vrac_branch_shift_drome")
        self.assertEqual(self._shifts(), [("Monique (Romans)", 2.5)])
        # A coordinator of both branches, both chosen, reads both.
        self.rpc_login("vrac_branch_shift_both")
        self.assertEqual(
            self._shifts(
                context={"allowed_company_ids": (self.drome | self.artois).ids}
            ),
            [("Karim (Lens)", 2.5), ("Monique (Romans)", 2.5)],
        )
