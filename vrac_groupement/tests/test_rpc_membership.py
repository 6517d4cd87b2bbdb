# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Memberships over RPC, as the web client asks: who reads them, who makes them."""

import json

from odoo import Command, fields
from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT

from .common import VracGroupementCase
from .rpc import ACCESS_ERROR, VALIDATION_ERROR, VracRpcCase

REASON = "Orientée par le CCAS, situation d'urgence"


@tagged("post_install", "-at_install")
class TestRpcMembership(VracRpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        VracGroupementCase.setup_vrac_groupements(cls)
        cls.fee = cls.env.ref("vrac_groupement.product_membership_year")
        cls.accountant = new_test_user(
            cls.env,
            login="vrac_rpc_accountant",
            name="Agnès Comptable",
            groups="account.group_account_invoice",
        )
        # Another branch, with a household member of its own group.
        cls.artois = cls.env["res.company"].create({"name": "Test VRAC Artois"})
        cls.lens = cls.env["vrac.groupement"].create(
            {
                "name": "Test Lens",
                "code": "T-LENS",
                "town": "Lens",
                "company_id": cls.artois.id,
            }
        )
        cls.household_lens = cls.env["res.partner"].create(
            {"name": "Foyer Lefebvre", "vrac_groupement_id": cls.lens.id}
        )
        paid_on = fields.Date.today()
        cls.line_romans, cls.line_die, cls.line_lens = (
            cls.household_romans | cls.household_die | cls.household_lens
        )._vrac_record_membership_payment(cls.fee, 1.0, paid_on)
        cls.household_free = cls.env["res.partner"].create(
            {
                "name": "Foyer Durand",
                "vrac_groupement_id": cls.romans.id,
                "free_member": True,
                "vrac_free_member_reason": REASON,
            }
        )

    def _visible_lines(self):
        lines = self.rpc_ok(
            "membership.membership_line",
            "search_read",
            [
                (
                    "partner",
                    "in",
                    (self.line_romans | self.line_die | self.line_lens).partner.ids,
                )
            ],
            ["partner", "member_price", "state"],
        )
        return {line["id"] for line in lines}

    def test_membership_lines_per_group_and_branch(self):
        self.rpc_login(self.volunteer.login)
        self.assertEqual(self._visible_lines(), set(self.line_romans.ids))
        self.rpc_refused(
            "membership.membership_line",
            "read",
            self.line_die.ids,
            ["member_price"],
            errors=(ACCESS_ERROR,),
        )
        self.rpc_login(self.coordinator.login)
        self.assertEqual(
            self._visible_lines(), set((self.line_romans | self.line_die).ids)
        )
        self.rpc_login(self.accountant.login)
        self.assertEqual(
            self._visible_lines(), set((self.line_romans | self.line_die).ids)
        )

    def test_volunteer_creates_a_household_that_gets_a_number(self):
        # The household number is drawn as the volunteer (no superuser).
        self.rpc_login(self.volunteer.login)
        household_id = self.rpc_ok(
            "res.partner",
            "create",
            {"name": "Foyer Nguyen", "vrac_groupement_id": self.romans.id},
        )
        household = self.env["res.partner"].browse(household_id)
        self.assertRegex(household.vrac_household_number, r"^\d{5}$")
        self.assertNotEqual(
            household.vrac_household_number,
            self.household_romans.vrac_household_number,
        )
        self.assertEqual(household.company_id, self.romans.company_id)

    def test_volunteer_cannot_make_a_household_member(self):
        household = self.env["res.partner"].create(
            {"name": "Foyer Petit", "vrac_groupement_id": self.romans.id}
        )
        self.rpc_login(self.volunteer.login)
        today = fields.Date.today()
        paid = {
            "partner": household.id,
            "membership_id": self.fee.id,
            "member_price": 0.0,
            "date": fields.Date.to_string(today),
            "vrac_paid_date": fields.Date.to_string(today),
        }
        message = self.rpc_refused(
            "membership.membership_line", "create", [paid], errors=(ACCESS_ERROR,)
        )
        self.assertIn("paid by invoice or at the till", message)
        self.rpc_refused(
            "res.partner",
            "write",
            household.ids,
            {"member_lines": [Command.create(paid)]},
            errors=(ACCESS_ERROR,),
        )
        # Nor stretch a membership by a year, nor take one away.
        self.rpc_refused(
            "membership.membership_line",
            "write",
            self.line_romans.ids,
            {"date_to": fields.Date.to_string(fields.Date.add(today, years=2))},
            errors=(ACCESS_ERROR,),
        )
        self.rpc_refused(
            "membership.membership_line",
            "unlink",
            self.line_romans.ids,
            errors=(ACCESS_ERROR,),
        )
        self.rpc_refused(
            "res.partner",
            "write",
            household.ids,
            {"free_member": True, "vrac_free_member_reason": "Ami"},
            errors=(ACCESS_ERROR,),
        )
        self.assertFalse(household.member_lines)
        self.assertEqual(household.membership_state, "none")

    def test_free_membership_reason_is_for_coordinators(self):
        household = self.household_free
        self.rpc_login(self.volunteer.login)
        form_id = self.env.ref("vrac_groupement.res_partner_view_form_household").id
        views = self.rpc_ok("res.partner", "get_views", [[form_id, "form"]])
        arch = views["views"]["form"]["arch"]
        self.assertIn('name="free_member"', arch)
        self.assertNotIn("vrac_free_member_reason", arch)
        # The volunteer opens the household with the fields of the form.
        spec = {name: {} for name in views["models"]["res.partner"]["fields"]}
        spec.pop("vrac_free_member_reason", None)
        for name in ("child_ids", "member_lines", "vrac_referring_partner_id"):
            spec[name] = {"fields": {"display_name": {}}}
        [read] = self.rpc_ok("res.partner", "web_read", household.ids, spec)
        self.assertEqual(read["name"], "Foyer Durand")
        self.assertTrue(read["free_member"])
        self.assertEqual(read["membership_state"], "free")
        self.assertNotIn(REASON, json.dumps([views, read], ensure_ascii=False))
        self.rpc_refused(
            "res.partner",
            "read",
            household.ids,
            ["vrac_free_member_reason"],
            errors=(ACCESS_ERROR,),
        )
        self.rpc_login(self.coordinator.login)
        [read] = self.rpc_ok(
            "res.partner", "read", household.ids, ["vrac_free_member_reason"]
        )
        self.assertEqual(read["vrac_free_member_reason"], REASON)

    def test_coordinator_grants_a_free_membership_with_a_reason(self):
        household = self.household_die
        household.member_lines.sudo().unlink()
        self.rpc_login(self.coordinator.login)
        self.rpc_refused(
            "res.partner",
            "write",
            household.ids,
            {"free_member": True},
            errors=(VALIDATION_ERROR,),
        )
        self.rpc_ok(
            "res.partner",
            "write",
            household.ids,
            {"free_member": True, "vrac_free_member_reason": REASON},
        )
        self.assertEqual(household.membership_state, "free")

    def test_accountant_invoices_the_membership(self):
        """The invoice still makes the household a member."""
        household = self.env["res.partner"].create(
            {"name": "Foyer Petit", "vrac_groupement_id": self.romans.id}
        )
        self.rpc_login(self.accountant.login)
        move_id = self.rpc_ok(
            "account.move",
            "create",
            {
                "move_type": "out_invoice",
                "partner_id": household.id,
                "invoice_line_ids": [
                    Command.create({"product_id": self.fee.id, "price_unit": 1.0})
                ],
            },
        )
        self.rpc_ok("account.move", "action_post", [move_id])
        self.assertEqual(household.member_lines.member_price, 1.0)
        self.assertEqual(household.membership_state, "invoiced")
