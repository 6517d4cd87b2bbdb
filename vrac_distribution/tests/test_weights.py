# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.vrac_groupement.tests.common import HOUSEHOLD_PRICES

from .common import VracDistributionCase


class TestWeights(VracDistributionCase):
    # The households' prices: pasta 1.35 a packet, oil 8.20 a bottle,
    # lentils 2.40 and apples 2.00 a kg.
    household_prices = HOUSEHOLD_PRICES

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.distribution.action_prepare()

    def bag_move(self, line):
        return line.move_ids.filtered(lambda m: m.state not in ("done", "cancel"))

    def test_weight_served_sets_quantity_price_and_bag(self):
        line = self.order_line(self.r1, self.apples)
        order = line.order_id
        # Foyer Martin: 2 x 1.35 + 8.20 + 1.5 kg x 2.40 + 2.5 kg x 2.00
        self.assertEqual(line.price_unit, 2.00)
        self.assertAlmostEqual(order.amount_total, 2.70 + 8.20 + 3.60 + 5.00)
        moves = order.picking_ids.move_ids
        self.assertEqual(line.product_uom_qty, 2.5)
        line.with_user(self.volunteer).vrac_weight_served = 2.62
        self.assertEqual(line.product_uom_qty, 2.62)
        self.assertEqual(line.price_unit, 2.00, "the same price per kg")
        self.assertAlmostEqual(line.price_subtotal, 5.24)  # 2.62 kg x 2.00
        self.assertAlmostEqual(order.amount_total, 2.70 + 8.20 + 3.60 + 5.24)
        self.assertEqual(line.vrac_ordered_qty, 2.5, "what was ordered is kept")
        move = self.bag_move(line)
        self.assertEqual(len(move), 1)
        self.assertEqual(move.product_uom_qty, 2.62)
        self.assertEqual(move.quantity, 2.62)
        self.assertTrue(move.picked)
        self.assertEqual(order.picking_ids.move_ids, moves, "no extra move")
        self.assertEqual(len(order.picking_ids), 1, "no extra delivery")
        self.assertIn(order.picking_ids, self.distribution.batch_id.picking_ids)

    def test_lighter_weight(self):
        line = self.order_line(self.r3, self.apples)
        line.with_user(self.volunteer).vrac_weight_served = 1.85
        self.assertEqual(line.product_uom_qty, 1.85)
        self.assertAlmostEqual(line.price_subtotal, 3.70)  # 1.85 kg x 2.00
        self.assertEqual(self.bag_move(line).quantity, 1.85)
        self.assertEqual(len(line.order_id.picking_ids), 1)

    def test_weight_of_zero_or_below_is_refused(self):
        line = self.order_line(self.r1, self.lentils)
        self.assertAlmostEqual(line.price_subtotal, 3.60)  # 1.5 kg x 2.40
        for weight in (0.0, -1.0):
            with self.assertRaisesText(ValidationError, "must be above 0"):
                line.with_user(self.volunteer).vrac_weight_served = weight
            self.assertEqual(line.vrac_weight_served, 0.0)
            self.assertEqual(line.product_uom_qty, 1.5)
            self.assertAlmostEqual(line.price_subtotal, 3.60)
            self.assertEqual(self.bag_move(line).product_uom_qty, 1.5)

    def test_product_not_sold_by_weight_is_refused(self):
        line = self.order_line(self.r1, self.pasta)
        with self.assertRaisesText(ValidationError, "is not sold by weight"):
            line.with_user(self.volunteer).vrac_weight_served = 1.0
        self.assertEqual(line.product_uom_qty, 2)

    def test_weight_refused_once_closed(self):
        self.distribution.action_open()
        for household in self.households_romans:
            self.collect(household)
        self.distribution.action_close()
        self.assertEqual(self.distribution.state, "closed")
        line = self.order_line(self.r1, self.apples)
        with self.assertRaisesText(UserError, "the weights can no longer change"):
            line.with_user(self.volunteer).vrac_weight_served = 3.0
        self.assertEqual(line.product_uom_qty, 2.5)

    def test_record_the_weights_screen(self):
        action = self.distribution.with_user(self.volunteer).action_record_weights()
        lines = (
            self.env["sale.order.line"]
            .with_user(self.volunteer)
            .search(action["domain"])
        )
        self.assertEqual(
            lines,
            self.order_line(self.r1, self.lentils)
            | self.order_line(self.r1, self.apples)
            | self.order_line(self.r3, self.apples),
            "the bulk items of the bags, nothing else",
        )
        view = self.env.ref("vrac_distribution.sale_order_line_view_tree_weights")
        self.assertEqual(action["views"], [(view.id, "list")])
        # The volunteer types the weights in that list.
        lines.write({"vrac_weight_served": 1.4})
        self.assertEqual(set(lines.mapped("product_uom_qty")), {1.4})

    def test_record_weights_refused_before_preparing(self):
        self.distribution.with_user(self.coordinator).action_cancel()
        self.distribution.with_user(self.coordinator).action_draft()
        with self.assertRaisesText(UserError, "prepare it first"):
            self.distribution.action_record_weights()

    def test_volunteer_of_another_group_cannot_weigh(self):
        self.setup_volunteer_die(self)
        stranger = self.volunteer_die
        line = self.order_line(self.r1, self.apples)
        with self.assertRaises(AccessError):
            line.with_user(stranger).vrac_weight_served = 2.0
        with self.assertRaises(AccessError):
            self.distribution.with_user(stranger).action_record_weights()
        self.assertEqual(line.product_uom_qty, 2.5)
