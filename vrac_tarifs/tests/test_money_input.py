# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import new_test_user, tagged

from odoo.addons.vrac_groupement.tests.rpc import VALIDATION_ERROR, VracRpcCase

from .common import setup_food_credit, setup_funder


@tagged("post_install", "-at_install")
class TestMoneyInput(VracRpcCase):
    """Amounts of funds, programs and food credits typed by a coordinator,
    over RPC: a clear message for what is not an amount, never a Python
    error; what is right is saved."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.env["res.lang"]._activate_lang("en_US")
        cls.fund = cls.env["vrac.solidarity.fund"].create(
            {"name": "Cagnotte Test Saisie"}
        )
        basket = cls.env["product.product"].create(
            {"name": "Panier Test Saisie", "list_price": 12.35}
        )
        setup_funder(cls, cls.env, basket, budget=100.0)
        setup_food_credit(cls, cls.env, basket)
        cls.coordinator = new_test_user(
            cls.env,
            login="vrac_money_coordinator",
            groups="vrac_groupement.group_coordinator",
            lang="en_US",
        )

    def refused(self, model, record, vals):
        return self.rpc_refused(
            model, "write", record.ids, vals, errors=(VALIDATION_ERROR,)
        )

    def test_negative_floor_is_refused(self):
        self.rpc_login("vrac_money_coordinator")
        message = self.refused(
            "vrac.solidarity.fund", self.fund, {"floor_amount": -20.0}
        )
        self.assertIn("cannot be negative", message)
        self.rpc_ok(
            "vrac.solidarity.fund", "write", self.fund.ids, {"floor_amount": 20}
        )
        self.assertEqual(self.fund.floor_amount, 20.0)

    def test_amounts_that_are_not_numbers_are_refused(self):
        self.rpc_login("vrac_money_coordinator")
        cases = [
            ("vrac.solidarity.fund", self.fund, "floor_amount"),
            ("vrac.funder.program", self.program, "budget"),
            ("vrac.funder.program", self.program, "share_percent"),
            ("loyalty.program", self.credit, "vrac_credit_base"),
            ("loyalty.program", self.credit, "vrac_credit_per_person"),
        ]
        for model, record, field in cases:
            for value in (float("nan"), float("inf"), float("-inf"), "beaucoup"):
                with self.subTest(model=model, field=field, value=value):
                    message = self.refused(model, record, {field: value})
                    self.assertIn("is not an amount", message)
        # Nothing changed.
        self.assertEqual(self.fund.floor_amount, 0.0)
        self.assertEqual(self.program.budget, 100.0)
        self.assertEqual(self.credit.vrac_credit_base, 50.0)
        # A number given as text, as an import may give it, is an amount.
        self.rpc_ok(
            "vrac.funder.program", "write", self.program.ids, {"budget": "80.5"}
        )
        self.assertEqual(self.program.budget, 80.5)

    def test_new_records_with_bad_amounts_are_refused(self):
        self.rpc_login("vrac_money_coordinator")
        answer = self.rpc_refused(
            "vrac.solidarity.fund",
            "create",
            {"name": "Cagnotte NaN", "floor_amount": float("nan")},
            errors=(VALIDATION_ERROR,),
        )
        self.assertIn("is not an amount", answer)
        self.assertFalse(
            self.env["vrac.solidarity.fund"].search([("name", "=", "Cagnotte NaN")])
        )
