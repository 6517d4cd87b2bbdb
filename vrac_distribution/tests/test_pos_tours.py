# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.vrac_groupement.models.vrac_order_cycle import CYCLE_PROCESS

from .common import VracDistributionCase, setup_vrac_till


@tagged("post_install", "-at_install")
class TestPosTours(VracDistributionCase, HttpCase):
    """The cashier collects the bags of the open distribution, in the browser."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        setup_vrac_till(cls)
        (cls.pasta | cls.oil | cls.lentils | cls.apples).available_in_pos = True
        cls.r3.vrac_household_number = "VRT-503"
        # Die's households collect at their own distribution.
        point_die = cls.env["vrac.pickup.point"].create(
            {
                "name": "Test salle des fêtes de Die",
                "partner_id": cls.social_centre.id,
                "groupement_ids": [Command.set(cls.die.ids)],
            }
        )
        cls.distribution_die = cls.env["vrac.distribution"].create(
            {
                "kind": "point",
                "date": "2026-12-18",
                "pickup_point_id": point_die.id,
                "cycle_ids": [Command.set(cls.cycle.ids)],
            }
        )
        (cls.distribution | cls.distribution_die).action_prepare()
        cls.distribution.action_open()
        cls.pos_config.with_user(cls.cashier).open_ui()

    def _start(self, tour):
        self.start_tour(
            f"/pos/ui?config_id={self.pos_config.id}", tour, login=self.cashier.login
        )

    def test_collect_with_a_new_weight(self):
        order = self.household_order(self.r3)
        bag = order.picking_ids
        apples = order.order_line.filtered(lambda line: line.product_id == self.apples)
        self._start("vrac_distribution_pos_collect")
        pos_order = self.env["pos.order"].search([("partner_id", "=", self.r3.id)])
        self.assertEqual(pos_order.state, "paid")
        self.assertEqual(pos_order.vrac_distribution_id, self.distribution)
        self.assertEqual(bag.state, "done")
        self.assertEqual(order.picking_ids, bag, "everything collected")
        self.assertEqual(apples.product_uom_qty, 1.8)
        self.assertEqual(apples.qty_delivered, 1.8)
        self.assertAlmostEqual(pos_order.amount_total, order.amount_total)

    def test_collect_to_the_gram_and_the_cent(self):
        """2.941 kg of lentils allocated at 8.31 EUR/kg: the till settles
        2.941 kg and 24.44 EUR (2.941 x 8.31 = 24.43971), as the order."""
        order = self.household_order(self.r1)
        lentils = order.order_line.filtered(
            lambda line: line.product_id == self.lentils
        )
        CYCLE_PROCESS.on(lentils).price_unit = 8.31
        lentils.vrac_weight_served = 2.941
        self.assertEqual(lentils.price_subtotal, 24.44)
        self._start("vrac_distribution_pos_collect_grams")
        pos_order = self.env["pos.order"].search([("partner_id", "=", self.r1.id)])
        self.assertEqual(pos_order.state, "paid")
        pos_line = pos_order.lines.filtered(
            lambda line: line.product_id == self.lentils
        )
        self.assertAlmostEqual(pos_line.qty, 2.941)
        self.assertEqual(pos_line.price_subtotal_incl, 24.44)
        self.assertAlmostEqual(lentils.qty_delivered, 2.941)
        self.assertEqual(lentils.price_subtotal, 24.44)
        self.assertAlmostEqual(pos_order.amount_total, order.amount_total)

    def test_weight_zero_refused_at_the_till(self):
        order = self.household_order(self.r3)
        self._start("vrac_distribution_pos_weight_zero")
        self.assertFalse(
            self.env["pos.order"].search([("partner_id", "=", self.r3.id)])
        )
        self.assertEqual(order.picking_ids.state, "assigned")

    def test_order_of_another_distribution_not_offered(self):
        self.assertEqual(
            self.household_order(self.d2).vrac_distribution_id, self.distribution_die
        )
        self._start("vrac_distribution_pos_other_distribution")
