# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError

from .common import VracGroupementCase


class TestSecurity(VracGroupementCase):
    def test_volunteer_sees_the_households_of_their_groups_only(self):
        households = self.Partner.with_user(self.volunteer).search(
            [("vrac_is_household", "=", True)]
        )
        self.assertIn(self.household_romans, households)
        self.assertNotIn(self.household_die, households)
        with self.assertRaises(AccessError):
            self.household_die.with_user(self.volunteer).read(["name", "phone"])

    def test_volunteer_edits_the_households_of_their_groups_only(self):
        self.household_romans.with_user(self.volunteer).write({"phone": "0601020304"})
        self.assertEqual(self.household_romans.phone, "0601020304")
        with self.assertRaises(AccessError):
            self.household_die.with_user(self.volunteer).write({"phone": "0600000000"})
        self.assertFalse(self.household_die.phone)

    def test_volunteer_cannot_register_a_household_in_another_group(self):
        with self.assertRaises(AccessError):
            self.Partner.with_user(self.volunteer).create(
                {"name": "Foyer Intrus", "vrac_groupement_id": self.die.id}
            )

    def test_volunteer_reads_their_groups_and_cannot_change_them(self):
        groups = self.Groupement.with_user(self.volunteer).search([])
        self.assertEqual(groups, self.romans)
        with self.assertRaises(AccessError):
            self.romans.with_user(self.volunteer).write({"name": "Renommé"})
        with self.assertRaises(AccessError):
            self.Groupement.with_user(self.volunteer).create(
                {"name": "Nouveau", "code": "NEW", "town": "Valence"}
            )

    def test_coordinator_runs_every_group_of_the_branch(self):
        groups = self.Groupement.with_user(self.coordinator).search([])
        self.assertEqual(groups & (self.romans | self.die), self.romans | self.die)
        self.household_die.with_user(self.coordinator).write({"vrac_child_count": 1})
        group = self.Groupement.with_user(self.coordinator).create(
            {"name": "Valence", "code": "VAL", "town": "Valence"}
        )
        self.assertTrue(group.analytic_account_id)
        with self.assertRaises(AccessError):
            group.with_user(self.coordinator).unlink()

    def test_groups_of_another_branch_are_hidden(self):
        artois = self.env["res.company"].create({"name": "Antenne Artois"})
        lens = self.Groupement.create(
            {"name": "Lens", "code": "LEN", "town": "Lens", "company_id": artois.id}
        )
        household_lens = self.Partner.create(
            {"name": "Foyer Lens", "vrac_groupement_id": lens.id}
        )
        self.assertNotIn(lens, self.Groupement.with_user(self.coordinator).search([]))
        with self.assertRaises(AccessError):
            household_lens.with_user(self.coordinator).read(["name"])
