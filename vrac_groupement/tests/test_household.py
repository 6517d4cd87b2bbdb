# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import Form

from .common import VracGroupementCase


class TestHousehold(VracGroupementCase):
    def test_new_household_gets_a_number_and_its_group_branch(self):
        household = self.household_romans
        self.assertTrue(household.vrac_is_household)
        self.assertTrue(household.vrac_household_number)
        self.assertNotEqual(
            household.vrac_household_number,
            self.household_die.vrac_household_number,
        )
        self.assertEqual(household.company_id, self.romans.company_id)
        self.assertEqual(household.vrac_person_count, 4)
        self.assertEqual(household.vrac_join_date, fields.Date.context_today(household))

    def test_household_form_like_a_volunteer(self):
        form = Form(
            self.Partner.with_user(self.volunteer),
            view="vrac_groupement.res_partner_view_form_household",
        )
        form.name = "Foyer Nguyen"
        form.vrac_groupement_id = self.romans
        form.vrac_adult_count = 1
        form.vrac_child_count = 2
        form.phone = "04 75 00 00 00"
        self.assertEqual(form.vrac_person_count, 3)
        household = form.save()
        self.assertTrue(household.vrac_household_number)
        self.assertEqual(household.vrac_groupement_id, self.romans)

    def test_duplicate_number_refused_in_the_same_branch(self):
        number = self.household_romans.vrac_household_number
        with self.assertRaisesText(ValidationError, "already used"):
            self.Partner.create(
                {
                    "name": "Foyer Doublon",
                    "vrac_groupement_id": self.die.id,
                    "vrac_household_number": number,
                }
            )

    def test_same_number_allowed_in_another_branch(self):
        artois = self.env["res.company"].create({"name": "Antenne Artois"})
        lens = self.Groupement.create(
            {"name": "Lens", "code": "LEN", "town": "Lens", "company_id": artois.id}
        )
        household = self.Partner.create(
            {
                "name": "Foyer Lens",
                "vrac_groupement_id": lens.id,
                "vrac_household_number": self.household_romans.vrac_household_number,
            }
        )
        self.assertEqual(household.company_id, artois)

    def test_household_counts_at_least_one_person(self):
        with self.assertRaisesText(ValidationError, "at least one person"):
            self.household_romans.write({"vrac_adult_count": 0, "vrac_child_count": 0})
        self.household_romans.invalidate_recordset()
        self.assertEqual(self.household_romans.vrac_person_count, 4)
        with self.assertRaisesText(ValidationError, "cannot be negative"):
            self.household_romans.vrac_child_count = -1

    def test_join_date_cannot_be_in_the_future(self):
        tomorrow = fields.Date.context_today(self.household_romans) + timedelta(days=1)
        with self.assertRaisesText(ValidationError, "cannot be in the future"):
            self.household_romans.vrac_join_date = tomorrow

    def test_contacts_belong_to_the_household_group(self):
        contact = self.Partner.create(
            {"name": "Lucas Martin", "parent_id": self.household_romans.id}
        )
        self.assertEqual(contact.vrac_groupement_id, self.romans)
        self.assertFalse(contact.vrac_is_household)
        self.assertTrue(contact.vrac_can_collect)
        self.assertFalse(contact.vrac_household_number)
        self.household_romans.vrac_groupement_id = self.die
        self.assertEqual(contact.vrac_groupement_id, self.die)

    def test_found_by_number_or_phone(self):
        number = self.household_romans.vrac_household_number
        for term in (number, "06 11 22", "Martin"):
            found = self.Partner.name_search(term)
            self.assertIn(self.household_romans.id, [pid for pid, _name in found], term)

    def test_moving_to_a_group_numbers_an_existing_contact(self):
        partner = self.Partner.create({"name": "Nadia Haddad"})
        self.assertFalse(partner.vrac_household_number)
        partner.vrac_groupement_id = self.die
        self.assertTrue(partner.vrac_is_household)
        self.assertTrue(partner.vrac_household_number)
