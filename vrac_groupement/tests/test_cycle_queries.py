# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common import VracCycleCase


@tagged("post_install", "-at_install")
class TestCycleQueries(VracCycleCase):
    """Closing a cycle is set-wise: its queries do not grow with households."""

    def make_cycle(self, households):
        cycle = self.cycle.copy(
            {
                "name": f"Test cycle of {len(households)} households",
                "groupement_line_ids": [
                    (
                        0,
                        0,
                        {
                            "groupement_id": self.romans.id,
                            "distribution_date": "2026-12-17",
                        },
                    )
                ],
            }
        )
        # Oil is rounded down and apples are short at both sizes: both
        # closings share shortfalls, in units and in grams.
        self.cycle_line(self.lentils, cycle).rounding_policy = "up"
        self.cycle_line(self.apples, cycle).capacity = 1.5 * len(households)
        cycle.with_user(self.coordinator).action_open()
        # Every household orders every product, in varied quantities.
        cycle._vrac_set_orders(
            {
                partner.id: {
                    self.pasta.id: 1 + index % 3,
                    self.oil.id: 1 + index % 4,
                    self.lentils.id: (1, 1.5, 2, 2.5, 3)[index % 5],
                    self.apples.id: 1 + (index % 9) * 0.25,
                }
                for index, partner in enumerate(households)
            }
        )
        return cycle

    def count_close_queries(self, size):
        households = self.Partner.create(
            [
                {"name": f"Test foyer {size}-{n}", "vrac_groupement_id": self.romans.id}
                for n in range(size)
            ]
        )
        cycle = self.make_cycle(households)
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        cycle.with_user(self.coordinator).action_close()
        self.env.flush_all()
        count = self.env.cr.sql_log_count - before
        # Shortfalls were shared: the closing did write allocations.
        self.assertTrue(cycle.shortfall_count)
        self.assertEqual(len(cycle.purchase_order_ids), 3)
        self.assertEqual(len(cycle.purchase_order_ids.order_line), 4)
        return count

    def test_closing_queries_do_not_grow_with_households(self):
        self.count_close_queries(8)  # warm the caches (rules, fields, sequences)
        small = self.count_close_queries(10)
        large = self.count_close_queries(100)
        self.assertLessEqual(
            large, small, f"closing: {small} queries for 10 households, {large} for 100"
        )
