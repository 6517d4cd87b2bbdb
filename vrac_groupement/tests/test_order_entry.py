# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, HttpCase, tagged

from .common import VracCycleCase, VracGroupementCase


class TestOrderEntry(VracCycleCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The households' prices (HOUSEHOLD_PRICES): pasta 1.35 a packet,
        # oil 8.20 a bottle, lentils 2.40 and apples 2.00 a kg.
        cls.setup_fixture_prices(cls)

    def open_entry(self, household, user=None, cycle=None):
        """The entry screen as the volunteer sees it, the household chosen."""
        Entry = self.env["vrac.order.entry"]
        if user:
            Entry = Entry.with_user(user)
        form = Form(
            Entry.with_context(default_cycle_id=(cycle or self.cycle).id),
            view="vrac_groupement.vrac_order_entry_view_form",
        )
        form.partner_id = household
        return form

    def type_quantities(self, form, quantities):
        for index in range(len(form.line_ids)):
            with form.line_ids.edit(index) as line:
                if line.product_id in quantities:
                    line.quantity = quantities[line.product_id]
        return form.save()

    def enter(self, household, quantities, user=None, cycle=None):
        return self.type_quantities(
            self.open_entry(household, user=user, cycle=cycle), quantities
        )

    def ordered(self, household):
        """{product: quantity ordered} of the household's order in the cycle."""
        order = self.env["sale.order"].search(
            [
                ("vrac_cycle_id", "=", self.cycle.id),
                ("partner_id", "=", household.id),
                ("state", "!=", "cancel"),
            ]
        )
        return {line.product_id: line.vrac_ordered_qty for line in order.order_line}

    def test_entry_creates_the_order_at_the_household_prices(self):
        entry = self.enter(self.household_romans, {self.pasta: 4, self.lentils: 2.5})
        self.assertEqual(
            entry.line_ids.product_id,
            self.pasta | self.oil | self.lentils | self.apples,
            "One line per product of the catalog, in its order",
        )
        prices = {line.product_id: line.price_unit for line in entry.line_ids}
        # The household's own prices.
        self.assertEqual(
            prices,
            {self.pasta: 1.35, self.oil: 8.20, self.lentils: 2.40, self.apples: 2.00},
        )
        # 4 x 1.35 + 2.5 kg x 2.40 = 5.40 + 6.00
        self.assertAlmostEqual(entry.amount_total, 11.40, places=2)
        self.assertFalse(entry.order_id)

        action = entry.action_save()

        order = entry.order_id
        self.assertEqual(order.vrac_cycle_id, self.cycle)
        self.assertEqual(order.pricelist_id, self.fixture_pricelist)
        self.assertEqual(
            self.ordered(self.household_romans), {self.pasta: 4, self.lentils: 2.5}
        )
        self.assertAlmostEqual(order.amount_total, entry.amount_total)
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(
            action["params"]["next"]["type"], "ir.actions.act_window_close"
        )

    def test_prices_are_computed_set_wise(self):
        Pricelist = type(self.env["product.pricelist"])
        with patch.object(
            Pricelist,
            "_get_products_price",
            autospec=True,
            side_effect=Pricelist._get_products_price,
        ) as get_prices:
            entry = self.env["vrac.order.entry"].create(
                {"cycle_id": self.cycle.id, "partner_id": self.household_romans.id}
            )
            self.assertEqual(len(entry.line_ids.mapped("price_unit")), 4)
            self.assertEqual(get_prices.call_count, 1, "One call for the 4 products")
            entry.line_ids[:3].quantity = 2
            entry.line_ids.mapped("price_unit")
            self.assertEqual(
                get_prices.call_count, 2, "One call per quantity, not per line"
            )

    def test_total_with_taxes_is_the_order_total(self):
        tax = self.env["account.tax"].create(
            {"name": "Test TVA 5,5 %", "amount": 5.5, "type_tax_use": "sale"}
        )
        (self.pasta | self.oil).taxes_id = tax
        entry = self.enter(self.household_die, {self.pasta: 3, self.oil: 1})
        # The household's prices (3 x 1.35 + 8.20 = 4.05 + 8.20), plus 5.5 %
        # VAT rounded on each line (0.22 + 0.45).
        self.assertAlmostEqual(entry.amount_untaxed, 12.25, places=2)
        self.assertAlmostEqual(entry.amount_tax, 0.67, places=2)
        self.assertAlmostEqual(entry.amount_total, 12.92, places=2)
        entry.action_save()
        self.assertAlmostEqual(entry.order_id.amount_tax, entry.amount_tax)
        self.assertAlmostEqual(entry.order_id.amount_total, entry.amount_total)

    def test_reopened_entry_shows_the_order_and_changes_it(self):
        self.enter(
            self.household_romans, {self.pasta: 4, self.oil: 2, self.lentils: 1.5}
        ).action_save()
        order = self.env["sale.order"].search(
            [("vrac_cycle_id", "=", self.cycle.id)], limit=1
        )

        form = self.open_entry(self.household_romans)
        self.assertEqual(form.order_id, order)
        shown = {}
        for index in range(len(form.line_ids)):
            with form.line_ids.edit(index) as line:
                shown[line.product_id] = line.quantity
        self.assertEqual(
            shown,
            {self.pasta: 4, self.oil: 2, self.lentils: 1.5, self.apples: 0},
        )
        entry = self.type_quantities(
            form, {self.pasta: 6, self.oil: 0, self.apples: 2.25}
        )
        entry.action_save_next()

        self.assertEqual(
            self.ordered(self.household_romans),
            {self.pasta: 6, self.lentils: 1.5, self.apples: 2.25},
            "Quantity 0 removes the oil, the other products are changed or added",
        )
        self.assertEqual(
            self.env["sale.order"].search_count(
                [("vrac_cycle_id", "=", self.cycle.id), ("state", "!=", "cancel")]
            ),
            1,
            "The household keeps one order in the cycle",
        )
        self.assertAlmostEqual(order.amount_total, entry.amount_total)

    def test_save_and_next_opens_a_blank_entry_on_the_same_cycle(self):
        action = self.enter(self.household_romans, {self.pasta: 1}).action_save_next()
        next_action = action["params"]["next"]
        self.assertEqual(next_action["res_model"], "vrac.order.entry")
        self.assertEqual(next_action["target"], "new")
        self.assertEqual(next_action["context"], {"default_cycle_id": self.cycle.id})
        self.assertIn("Foyer Martin", action["params"]["message"])

    def test_quantities_are_checked_by_the_order_lines(self):
        cases = [
            ({self.lentils: 3.5}, "at most 3 kg"),
            ({self.pasta: 1.5}, "order a whole number"),
            ({self.oil: -1}, "cannot be negative"),
        ]
        for quantities, message in cases:
            with self.subTest(message=message):
                entry = self.enter(self.household_romans, quantities)
                with self.assertRaisesText(ValidationError, message):
                    entry.action_save()
        self.assertFalse(self.ordered(self.household_romans))

    def test_nothing_typed_for_a_new_household_is_refused(self):
        entry = self.enter(self.household_romans, {})
        with self.assertRaisesText(UserError, "No quantity is typed"):
            entry.action_save()

    def test_volunteer_enters_orders_of_the_groups_they_serve(self):
        entry = self.enter(
            self.household_romans,
            {self.pasta: 2, self.apples: 1.5},
            user=self.volunteer,
        )
        entry.action_save_next()
        self.assertEqual(
            self.ordered(self.household_romans), {self.pasta: 2, self.apples: 1.5}
        )
        # Changing it again, as the volunteer.
        self.enter(
            self.household_romans, {self.pasta: 0}, user=self.volunteer
        ).action_save()
        self.assertEqual(self.ordered(self.household_romans), {self.apples: 1.5})

    def test_volunteer_cannot_enter_for_a_group_they_do_not_serve(self):
        entry = self.env["vrac.order.entry"].with_user(self.volunteer)
        domain = [
            ("vrac_is_household", "=", True),
            ("vrac_groupement_id", "in", self.cycle.groupement_ids.ids),
        ]
        households = self.env["res.partner"].with_user(self.volunteer).search(domain)
        self.assertIn(self.household_romans, households)
        self.assertNotIn(self.household_die, households)
        with self.assertRaises(AccessError):
            entry.create(
                {
                    "cycle_id": self.cycle.id,
                    "partner_id": self.household_die.id,
                    "line_ids": [
                        Command.create(
                            {
                                "cycle_line_id": self.cycle_line(self.pasta).id,
                                "quantity": 2,
                            }
                        )
                    ],
                }
            ).action_save()
        self.assertFalse(self.ordered(self.household_die))

    def test_closed_cycle_is_refused(self):
        entry = self.enter(self.household_romans, {self.pasta: 2})
        self.cycle.with_user(self.coordinator).action_close()
        with self.assertRaisesText(UserError, "is closed"):
            entry.action_save()
        self.assertFalse(self.ordered(self.household_romans))

    def test_draft_cycle_is_refused(self):
        draft = self.cycle.copy({"name": "Test commande de janvier"})
        self.assertEqual(draft.state, "draft")
        entry = self.enter(self.household_romans, {self.pasta: 2}, cycle=draft)
        with self.assertRaisesText(UserError, "is not open yet"):
            entry.action_save()


@tagged("post_install", "-at_install")
class TestOrderEntryTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        VracGroupementCase.setup_vrac_groupements(cls)
        VracCycleCase.setup_vrac_cycle(cls)
        cls.volunteer.password = "vrac_test_volunteer"
        cls.household_romans.vrac_household_number = "T-4242"
        # The tour's figures: pasta at 1.50 a packet, lentils at 3.00 a kg.
        VracCycleCase.setup_fixture_prices(cls, {cls.pasta: 1.50, cls.lentils: 3.00})

    def test_volunteer_enters_an_order_at_the_keyboard(self):
        self.start_tour("/web", "vrac_order_entry_tour", login="vrac_test_volunteer")
        order = self.env["sale.order"].search(
            [
                ("vrac_cycle_id", "=", self.cycle.id),
                ("partner_id", "=", self.household_romans.id),
            ]
        )
        self.assertEqual(
            {line.product_id: line.product_uom_qty for line in order.order_line},
            {self.pasta: 4, self.lentils: 2.5},
        )
        self.assertAlmostEqual(order.amount_total, 4 * 1.50 + 2.5 * 3.00)
        refused = self.households_romans.filtered(lambda h: h.name == "Foyer Romans 2")
        self.assertFalse(
            self.env["sale.order"].search([("partner_id", "=", refused.id)]),
            "Half a packet was refused: nothing saved for the second household",
        )
