# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError

from .common import VracTarifsCase
from .pricing_oracle import tier_price


class TestTier(VracTarifsCase):
    def _price(self, tier, product=None):
        product = product or self.pasta
        return tier.pricelist_id._get_product_price(product, 1.0)

    def test_each_tier_manages_a_pricelist_from_cost(self):
        self.assertAlmostEqual(self._price(self.tier_a), 10.37)  # at cost, to the cent
        self.assertAlmostEqual(self._price(self.tier_b), 11.40)  # 10.37 + 10 % = 11.407
        self.assertAlmostEqual(
            self._price(self.tier_c), 12.95
        )  # 10.37 + 25 % = 12.9625
        item = self.tier_b.pricelist_id.item_ids.filtered(
            lambda i: i.applied_on == "3_global"
        )
        self.assertEqual(len(item), 1)
        self.assertEqual(item.base, "standard_price")
        self.assertEqual(item.compute_price, "formula")

    def test_membership_fee_keeps_its_price_in_every_tier(self):
        fee = self.env.ref("vrac_groupement.product_membership_year")
        fee.list_price = 2.0
        for tier in self.tier_a | self.tier_b | self.tier_c:
            self.assertEqual(self._price(tier, fee), 2.0, tier.name)
        self.tier_c.percent = 40  # resynchronising keeps one rule of each kind
        self.assertEqual(len(self.tier_c.pricelist_id.item_ids), 2)
        self.assertEqual(self._price(self.tier_c, fee), 2.0)

    def test_pricelist_follows_tier_changes(self):
        self.tier_c.write({"percent": 30, "rounding": 0.10, "name": "Test C2"})
        self.assertAlmostEqual(
            self._price(self.tier_c), 13.50
        )  # 13.481 rounded to 0.10
        # The pricelist's name tells no tier; coordinators read the tier's.
        pricelist = self.tier_c.pricelist_id
        self.assertEqual(pricelist.name, "Household prices")
        self.assertEqual(
            pricelist.with_user(self.coordinator).display_name,
            f"Test C2 ({pricelist.currency_id.name})",
        )
        self.assertEqual(
            pricelist.with_user(self.volunteer).display_name,
            f"Household prices ({pricelist.currency_id.name})",
        )
        self.tier_c.action_archive()
        self.assertFalse(self.tier_c.pricelist_id.active)

    def test_tier_below_cost_and_zero_cost(self):
        solidarity = self.Tier.create(
            {
                "name": "Solidaire",
                "code": "TS",
                "percent": -20,
                "rounding": 0.05,
                "by_resources": False,
            }
        )
        self.assertAlmostEqual(self._price(solidarity), 8.30)  # 8.296
        free = self.env["product.product"].create({"name": "Don", "standard_price": 0})
        self.assertAlmostEqual(self._price(self.tier_c, free), 0.0)

    def test_rule_matches_the_pricelist(self):
        for tier in self.tier_a | self.tier_b | self.tier_c:
            self.assertAlmostEqual(
                tier_price(10.37, tier.percent, tier.rounding), self._price(tier)
            )

    def test_bad_tiers_are_refused(self):
        with self.assertRaisesText(ValidationError, "100 % below cost"):
            self.tier_a.percent = -101
        with self.assertRaisesText(ValidationError, "to the cent, without rounding"):
            self.tier_a.rounding = 0.05
        with self.assertRaisesText(ValidationError, "cannot be negative"):
            self.tier_b.rounding = -0.05
        with self.assertRaisesText(ValidationError, "overlap"):
            self.tier_b.resource_min = 700
        with self.assertRaisesText(ValidationError, "overlap"):
            self.Tier.create(
                {"name": "Bis", "code": "TX", "resource_min": 900, "resource_max": 1000}
            )
        self.assertEqual(self.tier_a.percent, 0)
        self.assertEqual(self.tier_a.rounding, 0)
        self.assertEqual(self.tier_b.rounding, 0.05)
        self.assertEqual(self.tier_b.resource_min, 800)
        self.assertFalse(self.Tier.search([("code", "=", "TX")]))

    def test_tier_of_households_cannot_be_deleted(self):
        self.household_romans.sudo().write(
            {"vrac_tier_id": self.tier_c.id, "vrac_tier_reason": "Test"}
        )
        with self.assertRaises(UserError):
            self.tier_c.unlink()

    def test_tier_at_cost_sells_at_cost_to_the_cent(self):
        """Pasta 1.22, oil 7.91, apples 1.68: tier A sold them 1.20, 7.90, 1.70."""
        for cost in (1.22, 7.91, 1.68):
            self.pasta.standard_price = cost
            self.assertAlmostEqual(self._price(self.tier_a), cost)
        self.assertEqual(self.tier_a.rounding_note, "No rounding: prices to the cent.")

    def test_half_step_rounds_up_as_the_pricelist(self):
        # 2.86 + 25 % = 3.575, half a step of 0.05: up, in both.
        self.pasta.standard_price = 2.86
        self.assertAlmostEqual(self._price(self.tier_c), 3.60)
        self.assertAlmostEqual(tier_price(2.86, 25, 0.05), 3.60)

    def test_tier_above_cost_never_sells_below_cost(self):
        # 0.11 + 10 % = 0.121: the nearest 0.05 is 0.10, below cost.
        self.pasta.standard_price = 0.11
        self.assertAlmostEqual(self._price(self.tier_b), 0.15)
        self.assertAlmostEqual(tier_price(0.11, 10, 0.05), 0.15)
        self.assertIn("0.05", self.tier_b.rounding_note)
        self.assertIn("never below cost", self.tier_b.rounding_note)
        # A tier below cost rounds to the nearest step, even below.
        self.tier_c.percent = -1
        self.pasta.standard_price = 1.21  # 1.1979
        self.assertAlmostEqual(self._price(self.tier_c), 1.20)

    def test_sale_order_of_a_tier_at_cost(self):
        self.household_romans.sudo().write(
            {"vrac_tier_id": self.tier_a.id, "vrac_tier_reason": "Test"}
        )
        self.pasta.standard_price = 1.22
        order = self.env["sale.order"].create(
            {
                "partner_id": self.household_romans.id,
                "order_line": [
                    (0, 0, {"product_id": self.pasta.id, "product_uom_qty": 3})
                ],
            }
        )
        self.assertEqual(order.pricelist_id, self.tier_a.pricelist_id)
        self.assertEqual(order.order_line.price_unit, 1.22)
        self.assertEqual(order.amount_untaxed, 3.66)
