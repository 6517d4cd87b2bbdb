# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The tiers' pricelists against the pure rule (tests/pricing_oracle.py).

Costs and tier settings are drawn by hypothesis; for each, the price a
household pays (Odoo's pricelist on a product at that cost) must be the
price of the rule, so that the two cannot drift apart.
"""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from odoo.addons.vrac_groupement.tests.common import VracCycleCase

from .common import VracTarifsCase
from .pricing_oracle import tier_price

# Costs to the cent, as the cost price field keeps them.
COSTS = st.integers(min_value=0, max_value=20000).map(lambda cents: cents / 100)
PERCENTS = st.integers(min_value=-5000, max_value=6000).map(lambda bp: bp / 100)
STEPS = st.sampled_from([0.0, 0.01, 0.05, 0.1, 0.2, 0.5, 1.0])
PROPERTY_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


class TestPricingProperty(VracTarifsCase):
    def _pricelist_price(self, tier, cost):
        """The tier's price of a new product at ``cost``, by its pricelist."""
        product = self.env["product.product"].create(
            {"name": "Test Lentilles corail", "type": "consu", "standard_price": cost}
        )
        return tier.pricelist_id._get_product_price(product, 1.0)

    @PROPERTY_SETTINGS
    @given(cost=COSTS, percent=PERCENTS, step=STEPS)
    def test_pricelist_follows_the_rule(self, cost, percent, step):
        if not percent and step > 0.01:
            step = 0.0  # a tier at cost has no rounding (refused otherwise)
        with self.env.cr.savepoint() as savepoint:
            self.tier_b.write({"percent": percent, "rounding": step})
            price = self._pricelist_price(self.tier_b, cost)
            expected = tier_price(cost, percent, step)
            self.assertAlmostEqual(price, expected, places=9)
            if percent >= 0:
                self.assertGreaterEqual(round(price, 2), cost)
            savepoint.rollback()

    @PROPERTY_SETTINGS
    @given(cost=COSTS)
    def test_tier_at_cost_sells_at_cost_to_the_cent(self, cost):
        with self.env.cr.savepoint() as savepoint:
            self.assertEqual(round(self._pricelist_price(self.tier_a, cost), 2), cost)
            savepoint.rollback()


class TestTierAtCostEntryPoints(VracCycleCase):
    """The order entry screen and the household's order: tier A at cost."""

    def test_order_entry_sells_tier_a_at_cost(self):
        tier_a = self.env.ref("vrac_tarifs.vrac_tier_a")
        self.household_romans.write(
            {
                "vrac_tier_mode": "manual",
                "vrac_tier_id": tier_a.id,
                "vrac_tier_reason": "Test",
            }
        )
        # Pasta, oil, apples of a real catalog: tier A sold them 1.20, 7.90,
        # 1.70 when it rounded to 0.05.
        costs = {self.pasta: 1.22, self.oil: 7.91, self.apples: 1.68}
        for product, cost in costs.items():
            product.write({"standard_price": cost, "taxes_id": [(5, 0, 0)]})
        entry = self.env["vrac.order.entry"].create(
            {"cycle_id": self.cycle.id, "partner_id": self.household_romans.id}
        )
        for line in entry.line_ids.filtered(lambda line: line.product_id in costs):
            self.assertAlmostEqual(line.price_unit, costs[line.product_id])
            line.quantity = 2
        entry.action_save()
        order = self.env["sale.order"].search(
            [
                ("vrac_cycle_id", "=", self.cycle.id),
                ("partner_id", "=", self.household_romans.id),
            ]
        )
        self.assertEqual(
            {line.product_id: line.price_unit for line in order.order_line},
            costs,
        )
        self.assertAlmostEqual(order.amount_untaxed, 2 * (1.22 + 7.91 + 1.68))
