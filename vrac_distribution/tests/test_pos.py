# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.vrac_groupement.models.vrac_order_cycle import CYCLE_PROCESS
from odoo.addons.vrac_groupement.tests.common import HOUSEHOLD_PRICES
from odoo.addons.vrac_tarifs.tests.common import till_order_data

from .common import VracTillCase, bag_lines


@tagged("post_install", "-at_install")
class TestPosCollection(VracTillCase):
    # The households' prices: pasta 1.35 a packet, oil 8.20 a bottle,
    # lentils 2.40 and apples 2.00 a kg.
    household_prices = HOUSEHOLD_PRICES

    """Households collect their bags and pay at the till of the distribution."""

    def test_full_collection(self):
        bag = self.bag(self.order_r1)
        self.assertEqual(bag.batch_id, self.distribution.batch_id)
        pos_order = self.settle(self.order_r1)
        self.assertEqual(pos_order.state, "paid")
        self.assertEqual(pos_order.vrac_distribution_id, self.distribution)
        self.assertFalse(pos_order.picking_ids, "the bag is the delivery")
        self.assertEqual(bag.state, "done")
        self.assertFalse(self.order_r1.picking_ids - bag, "no backorder")
        for line in self.order_r1.order_line:
            self.assertEqual(line.qty_delivered, line.product_uom_qty, line.name)
            self.assertEqual(line.qty_invoiced, line.product_uom_qty, line.name)
        # 2 x 1.35 + 8.20 + 1.5 kg x 2.40 + 2.5 kg x 2.00
        self.assertAlmostEqual(pos_order.amount_total, 19.50)
        self.assertAlmostEqual(self.order_r1.amount_total, 19.50)
        self.assertAlmostEqual(self.order_r1.amount_unpaid, 0.0)

    def test_bulk_weight_changed_at_the_till(self):
        apples = self.sale_line(self.order_r1, self.apples)
        self.assertEqual(apples.price_unit, 2.00)
        self.assertEqual(apples.product_uom_qty, 2.5)
        pos_order = self.settle(self.order_r1, {self.apples: 2.7})
        self.assertEqual(apples.vrac_weight_served, 2.7)
        self.assertEqual(apples.product_uom_qty, 2.7)
        self.assertEqual(apples.price_unit, 2.00)
        self.assertAlmostEqual(apples.price_subtotal, 5.40)  # 2.7 kg x 2.00
        self.assertEqual(apples.qty_delivered, 2.7)
        move = apples.move_ids.filtered(lambda m: m.state == "done")
        self.assertEqual(move.quantity, 2.7)
        bag = self.bag(self.order_r1)
        self.assertEqual(bag.state, "done")
        self.assertFalse(self.order_r1.picking_ids - bag, "no backorder of grams")
        # 19.50 with 0.2 kg of apples more, 0.40
        self.assertAlmostEqual(pos_order.amount_total, 19.90)
        self.assertAlmostEqual(self.order_r1.amount_total, 19.90)

    def test_gram_and_cent_settled_at_the_till(self):
        """2.941 kg of lentils at 8.31 EUR/kg: 24.44 EUR (2.941 x 8.31 =
        24.43971), not 2.940 kg and 24.43 EUR."""
        kg, litre = (
            self.env.ref("uom.product_uom_kgm"),
            self.env.ref("uom.product_uom_litre"),
        )
        self.assertEqual((kg.rounding, litre.rounding), (0.001, 0.001))
        # Odoo's 0.01 comes back (e.g. uom's data): every update sets it again.
        (kg | litre).rounding = 0.01
        self.env["vrac.order.cycle.line"]._vrac_ensure_gram_precision()
        self.assertEqual((kg.rounding, litre.rounding), (0.001, 0.001))
        lentils = self.sale_line(self.order_r1, self.lentils)
        CYCLE_PROCESS.on(lentils).price_unit = 8.31
        lentils.vrac_weight_served = 2.941  # "Record the weights"
        self.assertAlmostEqual(lentils.product_uom_qty, 2.941)
        self.assertEqual(lentils.price_subtotal, 24.44)
        pos_order = self.settle(self.order_r1)
        pos_line = pos_order.lines.filtered(
            lambda line: line.product_id == self.lentils
        )
        self.assertAlmostEqual(pos_line.qty, 2.941)
        self.assertEqual(pos_line.price_subtotal, 24.44)
        self.assertAlmostEqual(lentils.qty_delivered, 2.941)
        move = lentils.move_ids.filtered(lambda m: m.state == "done")
        self.assertAlmostEqual(move.quantity, 2.941)
        self.assertFalse(self.order_r1.picking_ids - self.bag(self.order_r1))
        self.assertAlmostEqual(pos_order.amount_total, self.order_r1.amount_total)

    def test_weight_zero_refused_at_the_till(self):
        """Lentils weighed 0 at the till: refused with the back office's words,
        instead of a paid order whose lentils stay in a backorder."""
        lentils = self.sale_line(self.order_r1, self.lentils)
        with self.assertRaises(ValidationError) as back_office:
            lentils.vrac_weight_served = 0.0
        message = (
            "The weight of Test Lentilles vertes (vrac) for Foyer Martin must be "
            "above 0 kg (you typed 0.000). To leave the item out, remove it from "
            "the order instead."
        )
        self.assertEqual(back_office.exception.args[0], message)
        with self.assertRaises(ValidationError) as till:
            self.settle(self.order_r1, {self.lentils: 0})
        self.assertEqual(till.exception.args[0], message)
        self.assertFalse(self.session.order_ids)
        self.assertEqual(self.bag(self.order_r1).state, "assigned")
        self.assertEqual(lentils.qty_delivered, 0.0)
        # Left out of the till order, the lentils wait in a backorder.
        self.settle(self.order_r1, {self.lentils: None})
        self.assertEqual(self.bag(self.order_r1).state, "done")
        self.assertEqual(lentils.qty_delivered, 0.0)
        self.assertEqual(lentils.product_uom_qty, 1.5)

    def test_partial_collection_leaves_a_backorder(self):
        pasta = self.sale_line(self.order_r1, self.pasta)
        oil = self.sale_line(self.order_r1, self.oil)
        self.settle(self.order_r1, {self.pasta: 1, self.oil: None})
        bag = self.bag(self.order_r1)
        self.assertEqual(bag.state, "done")
        backorder = self.order_r1.picking_ids - bag
        self.assertEqual(backorder.backorder_id, bag)
        self.assertIn(backorder.state, ("assigned", "confirmed"))
        self.assertEqual(
            {m.product_id: m.product_uom_qty for m in backorder.move_ids},
            {self.pasta: 1, self.oil: 1},
        )
        self.assertEqual(pasta.qty_delivered, 1)
        self.assertEqual(oil.qty_delivered, 0)
        self.assertEqual(pasta.product_uom_qty, 2, "the household may come back")
        # It comes back for the rest.
        self.settle(
            self.order_r1, {self.pasta: 1, self.lentils: None, self.apples: None}
        )
        self.assertEqual(backorder.state, "done")
        self.assertEqual(pasta.qty_delivered, 2)
        self.assertEqual(oil.qty_delivered, 1)

    def test_surplus_product_delivered_by_the_till(self):
        pos_order = self.settle(self.order_r1, extra=[(self.soap, 2, 2.5)])
        self.assertEqual(self.bag(self.order_r1).state, "done")
        picking = pos_order.picking_ids
        self.assertEqual(len(picking), 1)
        self.assertEqual(picking.move_ids.product_id, self.soap)
        self.assertEqual(picking.move_ids.quantity, 2)
        self.assertEqual(picking.state, "done")

    def test_session_closing_delivers_the_surplus_only(self):
        """Tills that update the stock at closing: the bags are delivered at
        payment, the session's picking holds the surplus only."""
        self.session.update_stock_at_closing = True
        pos_order = self.settle(self.order_r1, extra=[(self.soap, 2, 2.5)])
        self.assertFalse(pos_order.picking_ids)
        self.assertEqual(self.bag(self.order_r1).state, "done")
        total = sum(self.session.order_ids.mapped("amount_total"))
        self.session.post_closing_cash_details(total)
        self.session.close_session_from_ui()
        self.assertEqual(self.session.state, "closed")
        self.assertEqual(self.session.picking_ids.move_ids.product_id, self.soap)
        for line in self.order_r1.order_line:
            self.assertEqual(line.qty_delivered, line.product_uom_qty, line.name)

    def test_cashier_reads_the_orders_of_open_distributions(self):
        orders = (
            self.env["sale.order"]
            .with_user(self.cashier)
            .search([("vrac_cycle_id", "=", self.cycle.id)])
        )
        self.assertEqual(orders, self.distribution.sale_order_ids)
        self.distribution.state = "preparing"
        self.env.invalidate_all()
        orders = (
            self.env["sale.order"]
            .with_user(self.cashier)
            .search([("vrac_cycle_id", "=", self.cycle.id)])
        )
        self.assertFalse(orders, "not before the doors open")

    def _die_distribution(self):
        """Die's households collect elsewhere, at their own distribution."""
        point_die = self.env["vrac.pickup.point"].create(
            {
                "name": "Test salle des fêtes de Die",
                "partner_id": self.social_centre.id,
                "groupement_ids": self.die.ids,
            }
        )
        other = self.env["vrac.distribution"].create(
            {
                "kind": "point",
                "date": "2026-12-18",
                "pickup_point_id": point_die.id,
                "cycle_ids": [Command.set(self.cycle.ids)],
            }
        )
        other.action_prepare()
        return other

    def test_order_of_another_distribution_refused(self):
        other = self._die_distribution()
        order_d1 = self.household_order(self.d1)
        self.assertEqual(order_d1.vrac_distribution_id, other)
        with self.assertRaisesRegex(UserError, "not collected at distribution"):
            self.settle(order_d1)
        self.assertEqual(self.bag(order_d1).state, "assigned")

    def test_till_cannot_name_another_distribution(self):
        """The till sends every field of its orders: a distribution it names
        is not taken, the order belongs to the distribution open at the till,
        so the bag of a coming distribution of the same till is refused."""
        other = self._die_distribution()
        other.pos_config_id = self.session.config_id
        order_d1 = self.household_order(self.d1)
        data = till_order_data(
            self.session, self.cashier, order_d1.partner_id, bag_lines(order_d1)
        )
        data["vrac_distribution_id"] = other.id
        with self.assertRaisesRegex(UserError, "not collected at distribution"):
            self.env["pos.order"].with_user(self.cashier).sync_from_ui([data])
        self.assertEqual(self.bag(order_d1).state, "assigned")
        # A draft saved with another distribution stays the till's.
        data = till_order_data(
            self.session, self.cashier, order_d1.partner_id, [], payments=[]
        )
        data.update(state="draft", vrac_distribution_id=other.id)
        result = self.env["pos.order"].with_user(self.cashier).sync_from_ui([data])
        draft = self.env["pos.order"].browse(result["pos.order"][0]["id"])
        self.assertEqual(draft.vrac_distribution_id, self.distribution)

    def test_order_without_open_distribution_refused(self):
        self.distribution.state = "preparing"
        with self.assertRaisesRegex(UserError, "no distribution is open"):
            self.settle(self.order_r1)

    def test_ordinary_sale_order_still_settled(self):
        sale_order = self.env["sale.order"].create(
            {
                "partner_id": self.social_centre.id,
                "user_id": False,
                "order_line": [
                    Command.create({"product_id": self.soap.id, "product_uom_qty": 3})
                ],
            }
        )
        sale_order.action_confirm()
        pos_order = self.settle(sale_order)
        self.assertEqual(pos_order.state, "paid")
        self.assertEqual(sale_order.order_line.qty_delivered, 3)

    def test_till_summary(self):
        order_r2 = self.household_order(self.r2)
        self.settle(
            self.order_r1, payments=[(self.cash_method, 0.5), (self.card_method, 0.5)]
        )
        self.settle(
            order_r2, extra=[(self.soap, 1, 2.5)], payments=[(self.card_method, 1.0)]
        )
        summary = self.distribution.with_user(self.volunteer)._vrac_till_summary()
        # Foyer Martin 19.50, Foyer Romans 2 3 x 1.35 + 8.20 = 12.25
        collected = 19.50 + 12.25
        self.assertAlmostEqual(
            self.order_r1.amount_total + order_r2.amount_total, collected
        )
        self.assertEqual(summary["order_count"], 2)
        self.assertAlmostEqual(summary["collected_amount"], collected)
        self.assertAlmostEqual(summary["surplus_amount"], 2.5)
        payments = dict(summary["payments"])
        self.assertEqual(set(payments), {"Test Espèces", "Test Carte"})
        self.assertAlmostEqual(sum(payments.values()), collected + 2.5)
        self.assertAlmostEqual(
            payments["Test Espèces"],
            9.75,  # half of Foyer Martin's 19.50
        )
