# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import Form

from .common import VracTarifsCase


class TestHouseholdTier(VracTarifsCase):
    def test_consumption_units_and_tier_from_resources(self):
        # 2 adults, 3 children of whom 1 is 14 or more: 1 + 0.5 + 0.5 + 2 x 0.3
        household = self.household_romans.sudo()
        household.write({"vrac_child_count": 3, "vrac_teen_count": 1})
        self.assertAlmostEqual(household.vrac_consumption_units, 2.6)
        household.vrac_monthly_resources = 2000  # 769.23 per unit: tier A
        self.assertAlmostEqual(household.vrac_resources_per_unit, 769.23, places=2)
        self.assertEqual(household.vrac_tier_id, self.tier_a)
        household.vrac_monthly_resources = 2600  # 1000 per unit: tier B
        self.assertEqual(household.vrac_tier_id, self.tier_b)
        household.vrac_child_count = 1  # fewer people: 2600 / 2.0 = 1300, B
        household.vrac_teen_count = 0
        household.vrac_monthly_resources = 3000  # 1500: tier C
        self.assertEqual(household.vrac_tier_id, self.tier_c)

    def test_pricelist_follows_the_tier(self):
        household = self.household_romans
        self.assertEqual(household.property_product_pricelist, self.tier_b.pricelist_id)
        household.sudo().vrac_monthly_resources = 500
        self.assertEqual(household.property_product_pricelist, self.tier_a.pricelist_id)
        contact = self.Partner.create(
            {"name": "Lucas Martin", "parent_id": household.id}
        )
        self.assertEqual(contact.property_product_pricelist, self.tier_a.pricelist_id)
        walk_in = self.Partner.create({"name": "Client de passage"})
        self.assertEqual(walk_in.property_product_pricelist, self.tier_b.pricelist_id)
        order = self.env["sale.order"].create(
            {
                "partner_id": household.id,
                "order_line": [(0, 0, {"product_id": self.pasta.id})],
            }
        )
        self.assertEqual(order.pricelist_id, self.tier_a.pricelist_id)
        # Tier A sells at the cost to the cent (it sold 10.35, below cost).
        self.assertAlmostEqual(order.order_line.price_unit, 10.37)

    def test_tier_set_by_hand_needs_a_reason(self):
        form = Form(
            self.household_romans.with_user(self.coordinator),
            view="vrac_groupement.res_partner_view_form_household",
        )
        form.vrac_tier_mode = "manual"
        form.vrac_tier_id = self.tier_a
        with self.assertRaises(AssertionError):  # the reason is required
            form.save()
        form.vrac_tier_reason = "Orientée par l'assistante sociale"
        form.save()
        household = self.household_romans.sudo()
        self.assertEqual(household.vrac_tier_id, self.tier_a)
        # Declared resources no longer move a tier set by hand.
        household.vrac_monthly_resources = 5000
        self.assertEqual(household.vrac_tier_id, self.tier_a)
        with self.assertRaisesText(ValidationError, "Say why"):
            household.vrac_tier_reason = ""

    @freeze_time("2026-03-10")
    def test_review_date_one_year_later(self):
        household = self.household_romans.sudo()
        household.vrac_monthly_resources = 1000
        self.assertEqual(household.vrac_resources_date, date(2026, 3, 10))
        self.assertEqual(household.vrac_tier_review_date, date(2027, 3, 10))
        due = self.Partner.sudo().search(
            [
                ("vrac_is_household", "=", True),
                ("vrac_tier_review_date", "<=", "2027-04-01"),
            ]
        )
        self.assertIn(household, due)

    def test_bad_input_is_refused(self):
        household = self.household_romans.sudo()
        with self.assertRaisesText(ValidationError, "cannot be negative"):
            household.vrac_monthly_resources = -1
        with self.assertRaisesText(ValidationError, "aged 14 or more"):
            household.vrac_teen_count = 3  # the household has 2 children
        household.invalidate_recordset()
        self.assertEqual(household.vrac_monthly_resources, 0)
        self.assertEqual(household.vrac_teen_count, 0)

    def test_precarity_share_against_target(self):
        self.household_romans.sudo().vrac_monthly_resources = 500  # tier A
        self.Partner.create(
            [
                {"name": "Foyer B", "vrac_groupement_id": self.romans.id},  # default B
                {"name": "Foyer A2", "vrac_groupement_id": self.romans.id},
            ]
        )[1].sudo().vrac_monthly_resources = 300
        self.assertAlmostEqual(self.romans.precarity_share, 200 / 3, places=1)
        self.assertFalse(self.romans.precarity_target_met)  # 66.7 % < 70 %
        self.romans.precarity_target = 60
        self.assertTrue(self.romans.precarity_target_met)

    def test_precarity_share_comes_with_the_indicators(self):
        """The share in precarity is computed in the indicators' single pass."""

        def queries(fnames):
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            self.romans.read(fnames)
            return self.cr.sql_log_count - before

        queries(["person_count"])  # warm the caches of the first read
        alone = queries(["person_count"])
        together = queries(["person_count", "precarity_share", "precarity_target_met"])
        self.assertEqual(together, alone, "The share in precarity is a second pass")
