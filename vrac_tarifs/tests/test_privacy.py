# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError

from odoo.addons.mail.tools.discuss import Store

from .common import VracTarifsCase

PRIVATE_FIELDS = [
    "vrac_monthly_resources",
    "vrac_consumption_units",
    "vrac_resources_per_unit",
    "vrac_tier_id",
    "vrac_tier_reason",
    "vrac_tier_mode",
]


class TestPrivacy(VracTarifsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.household_romans.sudo().write(
            {
                "vrac_monthly_resources": 900,
                "vrac_tier_mode": "manual",
                "vrac_tier_id": cls.tier_a.id,
                "vrac_tier_reason": "Orientée par le CCAS",
            }
        )

    def test_volunteer_cannot_read_income_or_tier(self):
        household = self.household_romans.with_user(self.volunteer)
        self.assertEqual(household.read(["name"])[0]["name"], "Foyer Martin")
        for field in PRIVATE_FIELDS:
            with self.subTest(field=field), self.assertRaises(AccessError):
                household.read([field])
        fields = self.Partner.with_user(self.volunteer).fields_get()
        self.assertFalse(set(PRIVATE_FIELDS) & set(fields))

    def test_volunteer_sees_prices_only(self):
        household = self.household_romans.with_user(self.volunteer)
        self.assertEqual(household.property_product_pricelist, self.tier_a.pricelist_id)
        with self.assertRaises(AccessError):
            self.tier_a.with_user(self.volunteer).read(["name", "percent"])

    def test_coordinator_reads_and_sets_them(self):
        household = self.household_romans.with_user(self.coordinator)
        self.assertEqual(household.vrac_monthly_resources, 900)
        self.assertEqual(household.vrac_tier_reason, "Orientée par le CCAS")
        household.vrac_tier_id = self.tier_b
        self.assertEqual(household.vrac_tier_id, self.tier_b)

    def test_tracking_of_tier_changes_is_for_coordinators(self):
        household = self.household_romans.with_user(self.coordinator).with_context(
            tracking_disable=False, mail_notrack=False
        )
        # The fixtures were created without tracking (mail_notrack), which
        # marks them "do not track" until the transaction commits: forget it.
        self.env.cr.precommit.data.pop("mail.tracking.res.partner", None)
        household.write({"vrac_tier_id": self.tier_c.id})
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking values are written before commit
        tier_tracking = household.sudo().message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "vrac_tier_id"
        )
        self.assertTrue(tier_tracking, "Tier changes are tracked")
        # The tracking is read with the groups of its field: coordinators only.
        self.assertEqual(
            household._fields["vrac_tier_id"].groups,
            "vrac_groupement.group_coordinator",
        )
        self.assertFalse(
            tier_tracking._filter_has_field_access(self.env(user=self.volunteer))
        )
        self.assertEqual(
            tier_tracking._filter_has_field_access(self.env(user=self.coordinator)),
            tier_tracking,
        )
        message = tier_tracking.mail_message_id

        def chatter_fields(user):
            # The message as the chatter receives it (mail's Store).
            formatted = Store(
                message.with_user(user), for_current_user=True
            ).get_result()["mail.message"][0]
            return [value["fieldName"] for value in formatted["trackingValues"]]

        self.assertIn("vrac_tier_id", chatter_fields(self.coordinator))
        self.assertNotIn(
            "vrac_tier_id",
            chatter_fields(self.volunteer),
            "A volunteer sees no trace of the tier change in the chatter",
        )
