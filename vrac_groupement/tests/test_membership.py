# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT

from .common import VracAssertMixin, VracGroupementCase


@tagged("post_install", "-at_install")
class TestMembership(VracAssertMixin, AccountTestInvoicingCommon):
    @classmethod
    def get_default_groups(cls):
        # The test user (AccountTestInvoicingCommon's) runs the association too.
        return super().get_default_groups() | cls.env.ref(
            "vrac_groupement.group_manager"
        )

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        VracGroupementCase.setup_vrac_groupements(cls)
        cls.fee = cls.env.ref("vrac_groupement.product_membership_year")

    def _pay(self, invoice, payment_date):
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({"payment_date": payment_date})._create_payments()

    def _invoice_fee(self, household, invoice_date):
        return self.init_invoice(
            "out_invoice",
            partner=household,
            invoice_date=invoice_date,
            products=self.fee,
            post=True,
        )

    def test_rolling_membership_runs_twelve_months_from_payment(self):
        household = self.household_romans
        with freeze_time("2026-03-02"):
            invoice = self._invoice_fee(household, date(2026, 3, 2))
            self.assertEqual(household.membership_state, "invoiced")
            line = household.member_lines
            self.assertEqual(line.date_from, date(2026, 3, 2))
        with freeze_time("2026-03-20"):
            self._pay(invoice, date(2026, 3, 20))
            self.assertEqual(line.state, "paid")
            self.assertEqual(line.date_from, date(2026, 3, 20))
            self.assertEqual(line.date_to, date(2027, 3, 19))
            self.assertEqual(household.membership_state, "paid")
            self.assertEqual(household.membership_stop, date(2027, 3, 19))
            self.assertEqual(self.romans.member_household_count, 1)

    def test_expired_membership_is_due_for_renewal(self):
        household = self.household_romans
        with freeze_time("2025-01-15"):
            invoice = self._invoice_fee(household, date(2025, 1, 15))
            self._pay(invoice, date(2025, 1, 15))
            self.assertEqual(household.membership_state, "paid")
        renewal_domain = [
            ("vrac_is_household", "=", True),
            ("membership_state", "in", ("paid", "invoiced", "old")),
            ("free_member", "=", False),
            ("membership_stop", "<=", "2026-02-14"),
        ]
        with freeze_time("2026-01-20"):
            # Ends on 2026-01-14: the daily cron marks it expired.
            self.env["res.partner"]._cron_update_membership()
            self.assertEqual(household.membership_state, "old")
            self.assertEqual(self.romans.expired_member_count, 1)
            self.assertIn(household, self.env["res.partner"].search(renewal_domain))
        with freeze_time("2026-01-21"):
            invoice = self._invoice_fee(household, date(2026, 1, 21))
            self._pay(invoice, date(2026, 1, 21))
            self.assertEqual(household.membership_state, "paid")
            self.assertEqual(household.membership_stop, date(2027, 1, 20))
            self.assertNotIn(household, self.env["res.partner"].search(renewal_domain))

    def test_membership_paid_at_the_till(self):
        household = self.household_die
        with freeze_time("2026-05-04"):
            line = household._vrac_record_membership_payment(self.fee, 1.0)
            self.assertEqual(line.state, "paid")
            self.assertEqual(line.date_to, date(2027, 5, 3))
            self.assertEqual(household.membership_state, "paid")
        with freeze_time("2027-05-10"):
            self.env["res.partner"]._cron_update_membership()
            self.assertEqual(household.membership_state, "old")
            # Renewed at the till: a member again for 12 months.
            household._vrac_record_membership_payment(self.fee, 2.0)
            self.assertEqual(household.membership_state, "paid")
            self.assertEqual(household.membership_stop, date(2028, 5, 9))

    def test_member_today_trusts_the_end_date_before_the_nightly_cron(self):
        """The till asks the server whether a household is a member today."""
        household = self.household_die
        self.assertFalse(household.vrac_is_member_today)
        with freeze_time("2026-05-04"):
            household._vrac_record_membership_payment(self.fee, 1.0)
            household.invalidate_recordset(["vrac_is_member_today"])
            self.assertTrue(household.vrac_is_member_today)
        with freeze_time("2027-05-04"):
            # Ended yesterday: still "paid" until the cron runs tonight.
            household.invalidate_recordset(["vrac_is_member_today"])
            self.assertEqual(household.membership_state, "paid")
            self.assertEqual(household.membership_stop, date(2027, 5, 3))
            self.assertFalse(household.vrac_is_member_today)
        romans = self.household_romans.with_user(self.coordinator)
        romans.write({"free_member": True, "vrac_free_member_reason": "CCAS"})
        self.assertTrue(romans.vrac_is_member_today)

    def test_free_membership_granted_by_a_coordinator_with_a_reason(self):
        household = self.household_romans.with_user(self.coordinator)
        with self.assertRaisesText(ValidationError, "Say why"):
            household.free_member = True
        household.write(
            {"free_member": True, "vrac_free_member_reason": "Orientée par le CCAS"}
        )
        self.assertEqual(household.membership_state, "free")

    def test_volunteer_cannot_grant_free_membership(self):
        household = self.household_romans.with_user(self.volunteer)
        with self.assertRaises(AccessError):
            household.write({"free_member": True, "vrac_free_member_reason": "Ami"})
        self.assertFalse(self.household_romans.free_member)

    def test_membership_fee_cannot_be_negative(self):
        with self.assertRaisesText(ValidationError, "cannot be negative"):
            self.fee.list_price = -1
        with self.assertRaisesText(ValidationError, "at least one month"):
            self.fee.vrac_membership_months = 0
