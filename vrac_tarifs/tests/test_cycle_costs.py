# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.vrac_groupement.tests.common import VracCycleCase


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
