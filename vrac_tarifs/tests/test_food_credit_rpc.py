# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import new_test_user, tagged

from odoo.addons.vrac_groupement.tests.rpc import ACCESS_ERROR, VracRpcCase

# The context of the menu "Monthly food credits" (loyalty_program_action_food_credit).
FOOD_CREDIT_CONTEXT = {
    "lang": "en_US",
    "default_program_type": "ewallet",
    "default_vrac_food_credit": True,
    "default_applies_on": "future",
    "default_trigger": "auto",
}


@tagged("post_install", "-at_install")
class TestFoodCreditByCoordinator(VracRpcCase):
    """A coordinator, not the Odoo administrator, sets up a monthly food
    credit from the form, over RPC as the web client does."""

    def setUp(self):
        super().setUp()
        self.coordinator = new_test_user(
            self.env,
            login="vrac_rpc_credit_coordinator",
            name="Coralie Coordinatrice",
            groups="vrac_groupement.group_coordinator",
        )
        self.top_up = self.env["product.product"].create(
            {"name": "Test recharge crédit RPC", "type": "service"}
        )
        self.rpc_login("vrac_rpc_credit_coordinator")

    def _program_vals(self):
        """What the form sends on saving a new eWallet food credit."""
        return {
            "name": "Caisse alimentaire Saint-Nicolas",
            "program_type": "ewallet",
            "applies_on": "future",
            "trigger": "auto",
            "vrac_food_credit": True,
            "vrac_credit_base": 50.0,
            "vrac_credit_per_person": 20.0,
            "vrac_credit_rule": "expire",
            "rule_ids": [
                [
                    0,
                    "virtual_1",
                    {
                        "reward_point_amount": 1,
                        "reward_point_mode": "money",
                        "reward_point_split": False,
                        "product_ids": [[6, False, self.top_up.ids]],
                    },
                ]
            ],
            "reward_ids": [
                [
                    0,
                    "virtual_2",
                    {
                        "reward_type": "discount",
                        "discount_mode": "per_point",
                        "discount": 1,
                        "discount_applicability": "order",
                        "required_points": 1,
                        "description": "Crédit alimentaire",
                    },
                ]
            ],
        }

    def test_coordinator_creates_and_renames_food_credit(self):
        program_id = self.rpc_ok(
            "loyalty.program",
            "create",
            [self._program_vals()],
            context=FOOD_CREDIT_CONTEXT,
        )[0]
        program = self.env["loyalty.program"].browse(program_id)
        self.assertTrue(program.vrac_food_credit)
        self.assertEqual(program.vrac_credit_base, 50.0)
        reward = program.reward_ids
        self.assertEqual(len(reward), 1)
        # Odoo made the product of the reward line; approved products only.
        self.assertEqual(reward.discount_line_product_id.name, "Crédit alimentaire")
        self.assertEqual(reward.discount_applicability, "specific")
        self.assertEqual(
            reward.discount_product_tag_id,
            self.env.ref("vrac_tarifs.product_tag_food_credit"),
        )
        # Renaming the reward renames its product, archiving archives it.
        self.rpc_ok(
            "loyalty.program",
            "write",
            [program_id],
            {"reward_ids": [[1, reward.id, {"description": "Crédit du mois"}]]},
            context=FOOD_CREDIT_CONTEXT,
        )
        self.assertEqual(reward.discount_line_product_id.name, "Crédit du mois")
        # (action_archive returns nothing: the answer has no "result".)
        answer = self.rpc(
            "loyalty.program",
            "action_archive",
            [program_id],
            context=FOOD_CREDIT_CONTEXT,
        )
        self.assertNotIn("error", answer)
        self.assertFalse(program.active)
        self.assertFalse(reward.discount_line_product_id.active)

    def test_coordinator_still_cannot_create_products(self):
        """The reward's product is made for them: products themselves stay
        the catalog managers' (no right given by the food credit)."""
        self.rpc_refused(
            "product.product",
            "create",
            [{"name": "Test produit du coordinateur"}],
            context=FOOD_CREDIT_CONTEXT,
            errors=(ACCESS_ERROR,),
        )
        self.rpc_refused(
            "product.product",
            "write",
            [self.top_up.id],
            {"name": "Renommé"},
            context=FOOD_CREDIT_CONTEXT,
            errors=(ACCESS_ERROR,),
        )
