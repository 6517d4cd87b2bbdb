# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.tests import Form

from odoo.addons.vrac_groupement.models.vrac_order_cycle import CYCLE_PROCESS
from odoo.addons.vrac_groupement.tests.common import HOUSEHOLD_PRICES

from .common import VracDistributionCase


class TestClose(VracDistributionCase):
    # The households' prices: pasta 1.35 a packet, oil 8.20 a bottle,
    # lentils 2.40 and apples 2.00 a kg.
    household_prices = HOUSEHOLD_PRICES

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.prepare_and_open(cls)
        cls.next_distribution = cls.env["vrac.distribution"].create(
            {
                "kind": "point",
                "date": "2027-01-21",
                "pickup_point_id": cls.pickup_point.id,
                "cycle_ids": [(6, 0, cls.cycle.ids)],
            }
        )

    def close_wizard(self, decisions=None):
        """Close as the volunteer; ``decisions``: {household: decision}."""
        action = self.distribution.with_user(self.volunteer).action_close()
        self.assertEqual(action["res_model"], "vrac.distribution.close")
        wizard = (
            self.env["vrac.distribution.close"]
            .with_user(self.volunteer)
            .browse(action["res_id"])
        )
        for line in wizard.line_ids:
            decision = (decisions or {}).get(line.partner_id)
            if decision:
                line.decision = decision
        return wizard

    def test_close_all_collected_needs_no_wizard(self):
        for household in self.households_romans:
            order = self.collect(household)
            self.assertEqual(order.vrac_collect_state, "collected")
        result = self.distribution.with_user(self.volunteer).action_close()
        self.assertIs(result, True)
        self.assertEqual(self.distribution.state, "closed")
        self.assertEqual(self.distribution.batch_id.state, "done")

    def test_uncollected_bags_listed(self):
        self.collect(self.r1)
        self.collect(self.r2, {self.pasta: 3})
        r2_order = self.household_order(self.r2)
        self.assertEqual(r2_order.vrac_collect_state, "partial")
        wizard = self.close_wizard()
        self.assertEqual(wizard.line_ids.partner_id, self.r2 | self.r3 | self.r4)
        r2_line = wizard.line_ids.filtered(lambda line: line.partner_id == self.r2)
        self.assertIn(self.oil.display_name, r2_line.left_description)
        self.assertNotIn(self.pasta.display_name, r2_line.left_description)
        # The bottle of oil left (8.20) of 3 x 1.35 + 8.20.
        self.assertAlmostEqual(r2_line.amount_left, 8.20)
        self.assertAlmostEqual(r2_line.amount_total, 12.25)
        self.assertEqual(r2_line.amount_total, r2_order.amount_total)
        r1_line = self.close_wizard().line_ids.filtered(
            lambda line: line.partner_id == self.r1
        )
        self.assertFalse(r1_line, "Foyer Martin collected everything")

    def test_closing_without_deciding_changes_nothing(self):
        wizard = self.close_wizard({self.r1: "charge"})
        orders = self.distribution.sale_order_ids
        pickings = orders.picking_ids
        with self.assertRaisesText(
            UserError, "Decide what to do with each uncollected bag"
        ) as cm:
            wizard.action_confirm()
        self.assertIn("Foyer Romans 2", str(cm.exception))
        self.assertNotIn("Foyer Martin", str(cm.exception))
        self.assertEqual(self.distribution.state, "open")
        self.assertEqual(self.distribution.sale_order_ids, orders)
        self.assertEqual(set(orders.mapped("state")), {"sale"})
        self.assertEqual(set(orders.mapped("vrac_collect_state")), {"to_collect"})
        self.assertEqual(set(pickings.mapped("state")), {"assigned"})
        self.assertFalse(orders.invoice_ids)

    def test_keep_for_the_next_distribution(self):
        later = self.next_distribution.copy({"date": "2027-02-18"})
        die_only = self.env["vrac.distribution"].create(
            {
                "kind": "point",
                "date": "2027-01-07",
                "pickup_point_id": self.pickup_point.copy(
                    {"groupement_ids": [(6, 0, self.die.ids)]}
                ).id,
            }
        )
        for household in self.households_romans - self.r2:
            self.collect(household)
        r2_order = self.household_order(self.r2)
        picking = r2_order.picking_ids
        wizard = self.close_wizard(
            {self.r2: "keep", self.r3: "charge", self.r4: "charge"}
        )
        action = wizard.action_confirm()
        self.assertEqual(self.distribution.state, "closed")
        self.assertEqual(r2_order.vrac_distribution_id, self.next_distribution)
        self.assertNotEqual(r2_order.vrac_distribution_id, later)
        self.assertNotEqual(r2_order.vrac_distribution_id, die_only)
        self.assertEqual(r2_order.state, "sale")
        self.assertEqual(picking.state, "assigned", "the bag waits")
        self.assertNotEqual(picking.batch_id, self.distribution.batch_id)
        self.assertEqual(self.distribution.batch_id.state, "done")
        # The next distribution prepares it with its own bags.
        self.next_distribution.action_prepare()
        self.assertIn(picking, self.next_distribution.batch_id.picking_ids)
        # The volunteers call the household.
        self.assertEqual(action["res_model"], "vrac.distribution.close.line")
        to_call = self.env[action["res_model"]].search(action["domain"])
        self.assertEqual(to_call.partner_id, self.r2)
        self.assertEqual(to_call.decision, "keep")
        self.assertIn("Foyer Romans 2", self.distribution.message_ids[0].body)

    def test_keep_into_a_preparing_distribution_joins_its_batch(self):
        late_household = self.Partner.create(
            {"name": "Foyer Retardataire", "vrac_groupement_id": self.romans.id}
        )
        CYCLE_PROCESS.on(self.env["sale.order"]).create(
            {
                "partner_id": late_household.id,
                "vrac_cycle_id": self.cycle.id,
                "order_line": [
                    (0, 0, {"product_id": self.pasta.id, "product_uom_qty": 1})
                ],
            }
        )
        self.next_distribution.action_prepare()
        next_batch = self.next_distribution.batch_id
        self.assertTrue(next_batch)
        for household in self.households_romans - self.r3:
            self.collect(household)
        self.close_wizard({self.r3: "keep"}).action_confirm()
        r3_order = self.household_order(self.r3)
        self.assertEqual(r3_order.vrac_distribution_id, self.next_distribution)
        self.assertEqual(r3_order.picking_ids.batch_id, next_batch)

    def test_keep_without_a_next_distribution_is_refused(self):
        self.next_distribution.with_user(self.coordinator).action_cancel()
        wizard = self.close_wizard(dict.fromkeys(self.households_romans, "keep"))
        with self.assertRaisesText(UserError, "No distribution is planned after"):
            wizard.action_confirm()
        self.assertEqual(self.distribution.state, "open")
        orders = self.distribution.sale_order_ids
        self.assertEqual(orders.partner_id, self.households_romans)
        self.assertIn(
            self.household_order(self.r1).picking_ids,
            self.distribution.batch_id.picking_ids,
        )

    def test_return_to_stock_cancels_the_order(self):
        for household in self.households_romans - self.r3:
            self.collect(household)
        r3_order = self.household_order(self.r3)
        apples_in_stock = self.apples.qty_available
        self.close_wizard({self.r3: "cancel"}).action_confirm()
        self.assertEqual(self.distribution.state, "closed")
        self.assertEqual(r3_order.state, "cancel")
        self.assertEqual(r3_order.vrac_collect_state, "cancel")
        self.assertEqual(r3_order.picking_ids.state, "cancel")
        self.assertEqual(self.apples.qty_available, apples_in_stock, "still in stock")
        self.assertFalse(r3_order.invoice_ids)

    def test_return_to_stock_after_partial_collection(self):
        for household in self.households_romans - self.r1:
            self.collect(household)
        r1_order = self.collect(self.r1, {self.pasta: 2, self.oil: 1})
        self.assertEqual(r1_order.vrac_collect_state, "partial")
        collected = 2 * 1.35 + 8.20
        lentils_in_stock = self.lentils.qty_available
        self.close_wizard({self.r1: "cancel"}).action_confirm()
        self.assertEqual(r1_order.state, "sale", "what was collected stays sold")
        self.assertEqual(r1_order.vrac_collect_state, "collected")
        self.assertEqual(self.order_line(self.r1, self.lentils).product_uom_qty, 0)
        self.assertEqual(self.order_line(self.r1, self.apples).product_uom_qty, 0)
        self.assertEqual(self.order_line(self.r1, self.pasta).product_uom_qty, 2)
        self.assertAlmostEqual(r1_order.amount_total, collected)
        backorder = r1_order.picking_ids.filtered(lambda p: p.backorder_id)
        self.assertEqual(backorder.state, "cancel")
        self.assertEqual(self.lentils.qty_available, lentils_in_stock)

    def test_charge_anyway(self):
        for household in self.households_romans - self.r4:
            self.collect(household)
        r4_order = self.household_order(self.r4)
        action = self.close_wizard({self.r4: "charge"}).action_confirm()
        self.assertEqual(self.distribution.state, "closed")
        self.assertEqual(r4_order.picking_ids.state, "done")
        self.assertEqual(r4_order.vrac_collect_state, "collected")
        invoice = r4_order.invoice_ids
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.move_type, "out_invoice")
        self.assertEqual(invoice.partner_id, self.r4)
        self.assertAlmostEqual(invoice.amount_total, r4_order.amount_total)
        to_call = self.env[action["res_model"]].search(action["domain"])
        self.assertEqual(to_call.partner_id, self.r4)

    def test_charge_after_partial_collection(self):
        for household in self.households_romans - self.r2:
            self.collect(household)
        r2_order = self.collect(self.r2, {self.pasta: 3})
        self.close_wizard({self.r2: "charge"}).action_confirm()
        self.assertEqual(r2_order.vrac_collect_state, "collected")
        oil_line = self.order_line(self.r2, self.oil)
        self.assertEqual(oil_line.qty_delivered, oil_line.product_uom_qty)
        self.assertEqual(r2_order.invoice_ids.state, "posted")

    def test_one_decision_per_bag_and_call_list(self):
        self.collect(self.r1)
        wizard = self.close_wizard()
        with Form(wizard) as form:
            form.decision = "charge"
        self.assertEqual(set(wizard.line_ids.mapped("decision")), {"charge"})
        wizard.line_ids.filtered(
            lambda line: line.partner_id == self.r3
        ).decision = "keep"
        wizard.line_ids.filtered(
            lambda line: line.partner_id == self.r4
        ).decision = "cancel"
        action = wizard.action_confirm()
        to_call = self.env[action["res_model"]].search(action["domain"])
        self.assertEqual(to_call.partner_id, self.r2 | self.r3)
        body = self.distribution.message_ids[0].body
        self.assertIn("Households to call", body)
        self.assertIn("Foyer Romans 2", body)
        self.assertIn("Foyer Romans 3", body)
        self.assertNotIn("Foyer Romans 4", body)
        self.assertEqual(self.household_order(self.r4), self.env["sale.order"])

    def test_volunteer_without_email_closes_with_households_to_call(self):
        """Many volunteers have no email address in Odoo: the list of
        households to call is noted in the chatter all the same."""
        self.volunteer.partner_id.email = False
        self.collect(self.r1)
        wizard = self.close_wizard(
            {self.r2: "keep", self.r3: "charge", self.r4: "charge"}
        )
        action = wizard.action_confirm()
        self.assertEqual(self.distribution.state, "closed")
        to_call = self.env[action["res_model"]].search(action["domain"])
        self.assertEqual(to_call.partner_id, self.r2 | self.r3 | self.r4)
        note = self.distribution.message_ids[0]
        self.assertIn("Households to call", note.body)
        self.assertIn("Foyer Romans 2", note.body)
        self.assertEqual(note.author_id, self.volunteer.partner_id)

    def test_close_only_an_open_distribution(self):
        self.next_distribution.action_prepare()
        with self.assertRaisesText(UserError, "only an open distribution closes"):
            self.next_distribution.action_close()

    def test_bag_collected_after_the_list_was_made(self):
        self.collect(self.r1)
        wizard = self.close_wizard(
            dict.fromkeys(self.households_romans - self.r1, "charge")
        )
        self.collect(self.r2)
        wizard.action_confirm()
        self.assertEqual(self.distribution.state, "closed")
        self.assertFalse(self.household_order(self.r2).invoice_ids, "paid at the till")
        self.assertEqual(self.household_order(self.r3).invoice_ids.state, "posted")

    def test_bag_left_after_the_list_was_made(self):
        wizard = self.close_wizard(dict.fromkeys(self.households_romans, "charge"))
        wizard.line_ids.filtered(lambda line: line.partner_id == self.r1).unlink()
        with self.assertRaisesText(UserError, "Some bags were left"):
            wizard.action_confirm()
        self.assertEqual(self.distribution.state, "open")
