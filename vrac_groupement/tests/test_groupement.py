# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import new_test_user
from odoo.tools import mute_logger

from .common import VracGroupementCase


class TestGroupement(VracGroupementCase):
    def test_analytic_account_created_with_the_group(self):
        account = self.romans.analytic_account_id
        self.assertTrue(account, "Every group gets its analytic account")
        self.assertEqual(account.name, "Test Romans Monnaie")
        self.assertEqual(account.code, "T-ROM")
        self.assertEqual(
            account.plan_id, self.env.ref("vrac_groupement.analytic_plan_groupements")
        )
        self.assertEqual(account.company_id, self.romans.company_id)
        self.assertNotEqual(self.die.analytic_account_id, account)

    def test_renaming_renames_the_analytic_account(self):
        self.romans.write({"name": "Romans - La Monnaie", "code": "ROM2"})
        self.assertEqual(self.romans.analytic_account_id.name, "Romans - La Monnaie")
        self.assertEqual(self.romans.analytic_account_id.code, "ROM2")

    def test_group_with_households_cannot_be_deleted(self):
        with self.assertRaisesText(UserError, "Archive the group instead"):
            self.romans.unlink()
        self.assertTrue(self.romans.exists())
        self.assertTrue(self.household_romans.exists())

    def test_archived_household_still_protects_its_group(self):
        self.household_die.action_archive()
        with self.assertRaises(UserError):
            self.die.unlink()

    def test_archiving_keeps_households(self):
        self.romans.action_archive()
        self.assertFalse(self.romans.active)
        self.assertEqual(self.household_romans.vrac_groupement_id, self.romans)
        self.assertTrue(self.household_romans.active)

    def test_empty_group_deleted_with_its_analytic_account(self):
        group = self.Groupement.create(
            {"name": "Erreur", "code": "ERR", "town": "Lens"}
        )
        account = group.analytic_account_id
        group.unlink()
        self.assertFalse(account.exists())

    @mute_logger("odoo.sql_db")
    def test_code_unique_per_branch(self):
        with self.assertRaises(IntegrityError):
            self.Groupement.create({"name": "Autre", "code": "T-ROM", "town": "Romans"})

    def test_code_reused_in_another_branch(self):
        artois = self.env["res.company"].create({"name": "Antenne Artois"})
        group = self.Groupement.create(
            {"name": "Lens", "code": "T-ROM", "town": "Lens", "company_id": artois.id}
        )
        self.assertEqual(group.analytic_account_id.company_id, artois)

    @mute_logger("odoo.sql_db")
    def test_precarity_target_is_a_percentage(self):
        with self.assertRaises(IntegrityError):
            self.romans.precarity_target = 120

    def test_coordinator_needs_the_coordinator_right(self):
        with self.assertRaisesText(ValidationError, "Coordinator access right"):
            self.die.coordinator_ids = self.volunteer

    @freeze_time("2026-06-15")
    def test_indicators(self):
        Partner = self.Partner
        Partner.create(
            [
                {
                    "name": "Foyer Diallo",
                    "vrac_groupement_id": self.romans.id,
                    "vrac_adult_count": 1,
                    "vrac_child_count": 3,
                    "vrac_join_date": date(2025, 3, 1),
                    "free_member": True,
                    "vrac_free_member_reason": "Orientée par le CCAS",
                    "vrac_is_volunteer": True,
                },
                {
                    "name": "Foyer Petit",
                    "vrac_groupement_id": self.romans.id,
                    "vrac_join_date": date(2024, 1, 10),
                },
            ]
        )
        # A contact of a household is neither a household nor counted as people.
        Partner.create({"name": "Lucas Martin", "parent_id": self.household_romans.id})
        self.assertEqual(self.romans.household_count, 3)
        self.assertEqual(self.romans.person_count, 4 + 4 + 1)
        self.assertEqual(self.romans.member_household_count, 1)
        self.assertEqual(self.romans.volunteer_count, 1)
        # Foyer Martin joined today (2026), Diallo and Petit before this year.
        self.assertEqual(self.romans.new_member_count, 1)
        self.assertEqual(self.die.household_count, 1)
        self.assertEqual(self.die.person_count, 1)

    def _count_indicator_queries(self, groups):
        groups.invalidate_recordset()
        self.env["res.partner"].invalidate_model()
        before = self.cr.sql_log_count
        groups.mapped("person_count")
        return self.cr.sql_log_count - before

    def test_indicators_are_set_wise(self):
        more_groups = self.Groupement.create(
            [{"name": f"G{i}", "code": f"G{i}", "town": "Lens"} for i in range(10)]
        )
        self.Partner.create(
            [
                {"name": f"Foyer {i}", "vrac_groupement_id": group.id}
                for i, group in enumerate(more_groups)
            ]
        )
        two = self._count_indicator_queries(self.romans | self.die)
        twelve = self._count_indicator_queries(self.romans | self.die | more_groups)
        self.assertEqual(two, twelve, "Indicator queries grow with the groups")


class TestUsersWithoutEmail(VracGroupementCase):
    def test_volunteer_without_email_writes_in_the_chatter(self):
        """A volunteer with no email address leaves a note on a household:
        Odoo would refuse it ("Unable to send message")."""
        self.volunteer.partner_id.email = False
        self.env.company.partner_id.email = "contact@vrac-test.example.org"
        household = self.household_romans.with_user(self.volunteer)
        message = household.message_post(body="Appelé le foyer pour la distribution")
        self.assertEqual(message.author_id, self.volunteer.partner_id)
        self.assertIn("contact@vrac-test.example.org", message.email_from)

    def test_portal_user_without_email_is_still_refused(self):
        portal = new_test_user(
            self.env,
            login="vrac_portal_noemail",
            email=False,
            groups="base.group_portal",
        )
        with self.assertRaisesText(UserError, "Unable to send message"):
            self.household_romans.with_user(portal)._message_compute_author(
                author_id=portal.partner_id.id
            )
