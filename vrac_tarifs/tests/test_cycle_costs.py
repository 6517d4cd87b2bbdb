# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import new_test_user, tagged

from odoo.addons.vrac_groupement.tests.common import (
    VracCycleCase,
    VracGroupementCase,
)
from odoo.addons.vrac_groupement.tests.rpc import VracRpcCase


@tagged("post_install", "-at_install")
class TestCycleCosts(VracCycleCase):
    """Cost prices follow what an order cycle actually pays its vendors."""

    def test_confirmed_purchase_prices_update_costs(self):
        self.vendor_spain.vrac_logistics_percent = 10.0
        self.cycle._vrac_set_orders(
            {
                self.household_romans.id: {self.oil.id: 2, self.pasta.id: 4},
                self.household_die.id: {self.oil.id: 4},
            }
        )
        self.cycle.with_user(self.coordinator).action_close()
        spain = self.cycle.purchase_order_ids.filtered(
            lambda p: p.partner_id == self.vendor_spain
        )
        # The vendor's price went up since the price list was written.
        spain.order_line.price_unit = 8.00
        self.cycle.with_user(self.coordinator).action_confirm_purchases()

        self.assertAlmostEqual(self.oil.standard_price, 8.80, places=2)
        self.assertEqual(self.oil.vrac_cost_vendor_id, self.vendor_spain)
        self.assertAlmostEqual(self.oil.vrac_cost_vendor_price, 8.00, places=2)
        self.assertAlmostEqual(self.oil.vrac_cost_logistics, 0.80, places=2)
        # Pasta: bought at its price list price, no logistics share.
        self.assertAlmostEqual(self.pasta.standard_price, 1.20, places=2)
        # Lentils were not bought: their cost is left as it was.
        self.assertAlmostEqual(self.lentils.standard_price, 2.40, places=2)
        self.assertFalse(self.lentils.vrac_cost_vendor_id)


@tagged("post_install", "-at_install")
class TestCycleByCoordinatorWithoutEmail(VracRpcCase):
    """Many coordinators have no email address in Odoo: they close a cycle
    and confirm its purchase orders from the web client all the same."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        VracGroupementCase.setup_vrac_groupements(cls)
        VracCycleCase.setup_vrac_cycle(cls)
        cls.mailless = new_test_user(
            cls.env,
            login="vrac_rpc_mailless_coordinator",
            name="Nadia Sans Courriel",
            email=False,
            groups="vrac_groupement.group_coordinator,purchase.group_purchase_user",
        )
        cls.romans.coordinator_ids = [Command.link(cls.mailless.id)]
        cls.cycle._vrac_set_orders(
            {
                cls.household_romans.id: {cls.oil.id: 2, cls.pasta.id: 4},
                cls.household_die.id: {cls.oil.id: 4},
            }
        )

    def test_close_and_confirm_purchases_without_email(self):
        self.assertFalse(self.mailless.email)
        self.rpc_login("vrac_rpc_mailless_coordinator")
        self.rpc_ok("vrac.order.cycle", "action_close", [self.cycle.id])
        self.assertEqual(self.cycle.state, "closed")
        self.rpc_ok("vrac.order.cycle", "action_confirm_purchases", [self.cycle.id])
        self.assertEqual(self.cycle.state, "ordered")
        self.assertEqual(
            set(self.cycle.purchase_order_ids.mapped("state")), {"purchase"}
        )
        # The cost note is in the cycle's chatter, by the coordinator.
        note = self.cycle.message_ids.filtered(
            lambda message: "Cost prices updated" in (message.body or "")
        )
        self.assertEqual(len(note), 1)
        self.assertIn("for 2 product(s)", note.body)
        self.assertEqual(note.author_id, self.mailless.partner_id)
