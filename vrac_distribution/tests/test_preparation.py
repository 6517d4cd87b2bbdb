# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError

from odoo.addons.vrac_groupement.models.vrac_order_cycle import CYCLE_PROCESS

from .common import VracDistributionCase


class TestPreparation(VracDistributionCase):
    def late_order(self, name="Foyer Retardataire"):
        """A household of Romans whose order is entered after the closing."""
        household = self.Partner.create(
            {"name": name, "vrac_groupement_id": self.romans.id}
        )
        return CYCLE_PROCESS.on(self.env["sale.order"]).create(
            {
                "partner_id": household.id,
                "vrac_cycle_id": self.cycle.id,
                "order_line": [
                    (
                        0,
                        0,
                        {
                            "product_id": self.pasta.id,
                            "product_uom_qty": 2,
                            "vrac_ordered_qty": 2,
                            "vrac_allocated_qty": 2,
                        },
                    )
                ],
            }
        )

    def test_prepare_makes_one_batch_of_bags(self):
        self.distribution.with_user(self.volunteer).action_prepare()
        orders = self.distribution.sale_order_ids
        self.assertEqual(
            orders.partner_id, self.households_romans, "Die collects elsewhere"
        )
        self.assertEqual(set(orders.mapped("state")), {"sale"})
        self.assertEqual(self.distribution.state, "preparing")
        batch = self.distribution.batch_id
        self.assertEqual(batch.picking_ids, orders.picking_ids)
        self.assertEqual(batch.state, "in_progress")
        self.assertEqual(set(batch.picking_ids.mapped("state")), {"assigned"})
        self.assertEqual(batch.vrac_distribution_id, self.distribution)
        self.assertEqual(set(orders.mapped("vrac_collect_state")), {"to_collect"})

    def test_add_late_orders_without_duplicates(self):
        self.distribution.action_prepare()
        batch = self.distribution.batch_id
        first_pickings = batch.picking_ids
        late = self.late_order()
        self.distribution.with_user(self.volunteer).action_prepare()
        self.assertEqual(self.distribution.state, "preparing")
        self.assertEqual(self.distribution.batch_id, batch, "the same batch of bags")
        self.assertIn(late, self.distribution.sale_order_ids)
        self.assertEqual(late.state, "sale")
        self.assertEqual(batch.picking_ids, first_pickings | late.picking_ids)
        self.assertEqual(len(batch.picking_ids), 5, "one bag per household")
        self.assertEqual(self.distribution.order_count, 5)
        self.assertEqual(
            self.env["stock.picking.batch"].search_count(
                [("vrac_distribution_id", "=", self.distribution.id)]
            ),
            1,
        )
        self.assertIn("Foyer Retardataire", self.distribution.message_ids[0].body)
        # Running it again changes nothing.
        self.distribution.action_prepare()
        self.assertEqual(len(batch.picking_ids), 5)

    def test_cycle_not_ordered_is_refused(self):
        waiting = self.Cycle.create(
            {
                "name": "Test commande de janvier",
                "date_open": "2027-01-01 08:00:00",
                "date_close": "2027-01-10 20:00:00",
                "groupement_line_ids": [
                    (
                        0,
                        0,
                        {
                            "groupement_id": self.romans.id,
                            "distribution_date": "2027-01-17",
                        },
                    )
                ],
                "line_ids": [(0, 0, {"product_id": self.pasta.id})],
            }
        )
        self.distribution.cycle_ids = waiting
        with self.assertRaisesText(UserError, "is not ordered yet"):
            self.distribution.action_prepare()
        self.assertEqual(self.distribution.state, "planned")
        self.assertFalse(self.distribution.sale_order_ids)

    def test_household_of_a_group_not_served_is_refused(self):
        self.distribution.action_prepare()
        die_order = self.household_order(self.d1)
        self.assertFalse(die_order.vrac_distribution_id)
        with self.assertRaisesText(ValidationError, "does not serve"):
            CYCLE_PROCESS.on(die_order).write(
                {"vrac_distribution_id": self.distribution.id}
            )
        self.assertFalse(die_order.vrac_distribution_id)

    def test_cancel_releases_the_orders(self):
        self.distribution.action_prepare()
        batch = self.distribution.batch_id
        orders = self.distribution.sale_order_ids
        pickings = orders.picking_ids
        self.distribution.with_user(self.coordinator).action_cancel()
        self.assertEqual(self.distribution.state, "cancel")
        self.assertFalse(orders.vrac_distribution_id)
        self.assertEqual(set(orders.mapped("state")), {"sale"}, "still confirmed")
        self.assertEqual(batch.state, "cancel")
        self.assertFalse(pickings.batch_id)
        self.assertEqual(set(pickings.mapped("state")), {"assigned"})
        # Planned again, it collects them again in a new batch.
        self.distribution.with_user(self.coordinator).action_draft()
        self.assertEqual(self.distribution.state, "planned")
        self.distribution.action_prepare()
        self.assertEqual(self.distribution.sale_order_ids, orders)
        self.assertNotEqual(self.distribution.batch_id, batch)
        self.assertEqual(self.distribution.batch_id.picking_ids, pickings)

    def test_reset_to_planned_only_when_nothing_prepared(self):
        self.distribution.action_prepare()
        with self.assertRaisesText(UserError, "has bags prepared"):
            self.distribution.action_draft()
        self.assertEqual(self.distribution.state, "preparing")

    def test_open_needs_prepared_bags(self):
        with self.assertRaisesText(UserError, "prepare its bags first"):
            self.distribution.action_open()
        self.distribution.action_prepare()
        self.distribution.action_open()
        self.assertEqual(self.distribution.state, "open")
        with self.assertRaisesText(UserError, "can no longer change"):
            self.distribution.action_prepare()

    def test_orders_list_of_the_distribution(self):
        self.distribution.action_prepare()
        action = self.distribution.action_view_orders()
        orders = self.env["sale.order"].search(action["domain"])
        self.assertEqual(orders, self.distribution.sale_order_ids)
        view = self.env.ref("vrac_distribution.sale_order_view_tree_vrac")
        self.assertEqual(action["views"][0], (view.id, "list"))
        r1_order = self.household_order(self.r1)
        self.assertEqual(r1_order.vrac_phone, "06 11 22 33 44")

    def test_shift_hours(self):
        shift_vals = {
            "distribution_id": self.distribution.id,
            "partner_id": self.volunteer.partner_id.id,
            "role": "bags",
        }
        Shift = self.env["vrac.distribution.shift"]
        with self.assertRaisesText(ValidationError, "must start before it ends"):
            Shift.create(dict(shift_vals, hour_from=12.0, hour_to=9.0))
        with self.assertRaisesText(ValidationError, "between 0:00 and 24:00"):
            Shift.create(dict(shift_vals, hour_from=20.0, hour_to=25.0))
        Shift.create(
            [
                dict(shift_vals, hour_from=8.0, hour_to=12.5),
                dict(shift_vals, role="till", hour_from=9.0, hour_to=12.0),
            ]
        )
        self.assertAlmostEqual(self.distribution.volunteer_hours, 7.5)
