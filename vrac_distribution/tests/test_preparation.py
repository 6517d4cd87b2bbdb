# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import VracDistributionCase


class TestPreparation(VracDistributionCase):
    def test_prepare_makes_one_batch_of_bags(self):
        self.distribution.with_user(self.volunteer).action_prepare()
        orders = self.distribution.sale_order_ids
        self.assertEqual(
            orders.partner_id, self.households_romans, "Die collects elsewhere"
        )
        self.assertEqual(set(orders.mapped("state")), {"sale"})
        batch = self.distribution.batch_id
        self.assertEqual(batch.picking_ids, orders.picking_ids)
        self.assertEqual(batch.state, "in_progress")
        self.assertEqual(set(batch.picking_ids.mapped("state")), {"assigned"})
