# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.mail.tests.common import MockEmail

from ..models.vrac_order_cycle import CYCLE_PROCESS
from .common import VracCycleCase


@tagged("post_install", "-at_install")
class TestOrderCycle(VracCycleCase, MockEmail):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        r1, r2, r3, r4 = cls.households_romans
        d1, d2 = cls.households_die
        cls.r1, cls.r2, cls.r3, cls.r4, cls.d1, cls.d2 = r1, r2, r3, r4, d1, d2
        # The households' prices (HOUSEHOLD_PRICES): pasta 1.35 a packet,
        # oil 8.20 a bottle, lentils 2.40 and apples 2.00 a kg.
        cls.setup_fixture_prices(cls)
        cls.orders = {
            # pasta: 18 ordered, one case of 20 bought (round up), 2 left over
            # oil: 13 ordered, two cases of 6 bought (round down), 1 short
            # lentils: 10 kg ordered, 25 kg sacks, round down: nothing bought
            # apples: 34.2 kg ordered, capacity 30 kg: 4.2 kg short, to the gram
            r1.id: {
                cls.pasta.id: 3,
                cls.oil.id: 2,
                cls.lentils.id: 3,
                cls.apples.id: 8,
            },
            r2.id: {
                cls.pasta.id: 5,
                cls.oil.id: 3,
                cls.lentils.id: 2.5,
                cls.apples.id: 7.5,
            },
            r3.id: {cls.pasta.id: 4, cls.oil.id: 2, cls.apples.id: 6},
            r4.id: {cls.oil.id: 1, cls.lentils.id: 1.5, cls.apples.id: 5},
            d1.id: {
                cls.pasta.id: 6,
                cls.oil.id: 2,
                cls.lentils.id: 3,
                cls.apples.id: 4.5,
            },
            d2.id: {cls.oil.id: 3, cls.apples.id: 3.2},
        }

    def order_and_close(self, cycle=None):
        cycle = cycle or self.cycle
        cycle._vrac_set_orders(self.orders)
        cycle.with_user(self.coordinator).action_close()
        return cycle

    def allocated(self, product, cycle=None):
        lines = self.env["sale.order.line"].search(
            [
                ("vrac_cycle_id", "=", (cycle or self.cycle).id),
                ("product_id", "=", product.id),
                ("state", "!=", "cancel"),
            ]
        )
        return {line.order_partner_id: line.vrac_allocated_qty for line in lines}

    def receive(self, purchase, quantities):
        """Validate the reception of ``purchase``, {product: quantity received}."""
        picking = purchase.picking_ids.filtered(
            lambda p: p.state not in ("done", "cancel")
        )
        for move in picking.move_ids:
            move.quantity = quantities.get(move.product_id, move.product_uom_qty)
            move.picked = True
        picking.with_context(
            skip_backorder=True, picking_ids_not_to_backorder=picking.ids
        ).button_validate()
        self.assertEqual(picking.state, "done")

    # ------------------------------------------------------------------
    # Household orders
    # ------------------------------------------------------------------
    def test_household_orders_are_sale_orders_of_the_cycle(self):
        orders = self.cycle._vrac_set_orders(self.orders)
        self.assertEqual(len(orders), 6)
        self.assertEqual(self.cycle.order_count, 6)
        order = orders.filtered(lambda o: o.partner_id == self.r1)
        self.assertEqual(order.vrac_groupement_id, self.romans)
        self.assertEqual(order.pricelist_id, self.r1.property_product_pricelist)
        self.assertEqual(order.state, "draft")
        line = self.order_line(self.r1, self.apples)
        self.assertEqual(line.vrac_ordered_qty, 8)
        self.assertEqual(line.product_uom_qty, 8)
        # At the household's own prices: 3 x 1.35 + 2 x 8.20 + 3 kg x 2.40
        # + 8 kg x 2.00 = 4.05 + 16.40 + 7.20 + 16.00.
        self.assertAlmostEqual(order.amount_untaxed, 43.65, places=2)
        self.assertEqual(self.cycle_line(self.apples).ordered_qty, 34.2)
        self.assertEqual(self.cycle_line(self.apples).household_count, 6)

        # Orders change freely while the cycle is open; 0 removes a product.
        self.cycle._vrac_set_orders({self.r1.id: {self.apples.id: 5, self.oil.id: 0}})
        self.assertEqual(self.order_line(self.r1, self.apples).product_uom_qty, 5)
        self.assertFalse(self.order_line(self.r1, self.oil))
        self.assertEqual(len(self.cycle.sale_order_ids), 6, "still one order each")

    def test_case_size_from_packaging_or_vendor(self):
        self.assertEqual(self.cycle_line(self.pasta).case_size, 20, "packaging")
        self.assertEqual(self.cycle_line(self.oil).case_size, 6, "vendor case")
        self.assertEqual(self.cycle_line(self.lentils).case_size, 25)
        self.assertEqual(self.cycle_line(self.oil).vendor_id, self.vendor_spain)
        self.assertEqual(self.cycle_line(self.oil).vendor_price, 7.5)

    # ------------------------------------------------------------------
    # Closing
    # ------------------------------------------------------------------
    def test_close_rounds_to_cases_and_shares_shortfalls(self):
        self.order_and_close()
        self.assertEqual(self.cycle.state, "closed")
        self.assertEqual(self.cycle_line(self.pasta).purchase_qty, 20)
        self.assertEqual(self.cycle_line(self.pasta).surplus_qty, 2)
        self.assertEqual(self.cycle_line(self.oil).purchase_qty, 12)
        self.assertEqual(self.cycle_line(self.lentils).purchase_qty, 0)
        self.assertEqual(self.cycle_line(self.apples).purchase_qty, 30)
        self.assertEqual(self.cycle_line(self.apples).case_count, 3)

        # Pasta: everyone gets what they ordered.
        self.assertEqual(
            self.allocated(self.pasta), {self.r1: 3, self.r2: 5, self.r3: 4, self.d1: 6}
        )
        # Oil: 12 for 13 ordered; the one missing bottle goes to a household
        # that ordered 3 (largest remainder), not to whoever ordered last.
        oil = self.allocated(self.oil)
        self.assertEqual(sum(oil.values()), 12)
        self.assertEqual(oil[self.r4], 1)
        self.assertEqual((oil[self.r1], oil[self.r3], oil[self.d1]), (2, 2, 2))
        self.assertEqual(sorted((oil[self.r2], oil[self.d2])), [2, 3])
        short = self.r2 if oil[self.r2] == 2 else self.d2
        line = self.order_line(short, self.oil)
        self.assertTrue(line.vrac_is_short)
        self.assertEqual(line.vrac_allocation_note, "ordered 3, allocated 2")
        self.assertEqual(line.order_id.amount_untaxed, line.order_id.amount_untaxed)
        # Lentils: less than a sack, round down: nobody gets any.
        self.assertEqual(set(self.allocated(self.lentils).values()), {0})
        # Apples: 30 kg shared to the gram, each within 1 g of its share.
        apples = self.allocated(self.apples)
        self.assertAlmostEqual(sum(apples.values()), 30.0, places=6)
        ordered = {p: q[self.apples.id] for p, q in self.orders.items()}
        for partner, qty in apples.items():
            exact = ordered[partner.id] * 30 / 34.2
            self.assertLessEqual(abs(qty - exact), 0.001 + 1e-9)
            self.assertLessEqual(qty, ordered[partner.id])
            self.assertEqual(round(qty, 3), qty)
        # Every household gets less apples than ordered.
        self.assertEqual(self.cycle.shortfall_count, 6)

        # The order keeps what was ordered until the purchases are confirmed;
        # then it takes the allocation, at the household's own price.
        apple_line = self.order_line(self.r4, self.apples)
        self.assertEqual(apple_line.product_uom_qty, 5)
        self.cycle.with_user(self.coordinator).action_confirm_purchases()
        self.assertAlmostEqual(apple_line.product_uom_qty, apples[self.r4])
        oil_line = self.order_line(self.r4, self.oil)
        self.assertEqual(oil_line.price_unit, 8.20)
        self.assertEqual(apple_line.price_unit, 2.00)
        self.assertAlmostEqual(
            apple_line.order_id.amount_untaxed,
            8.20 + round(apples[self.r4] * 2.00, 2),
            places=2,
        )

    def test_close_prepares_one_purchase_order_per_vendor(self):
        self.order_and_close()
        purchases = self.cycle.purchase_order_ids
        self.assertEqual(
            purchases.partner_id,
            self.vendor_italy | self.vendor_spain | self.vendor_farm,
        )
        self.assertEqual(set(purchases.mapped("state")), {"draft"})
        farm = purchases.filtered(lambda p: p.partner_id == self.vendor_farm)
        self.assertEqual(farm.order_line.product_id, self.apples, "no lentils bought")
        self.assertEqual(farm.order_line.product_qty, 30)
        self.assertEqual(farm.order_line.price_unit, 1.6)
        self.assertEqual(farm.origin, self.cycle.name)
        # Delivered the day before the first distribution (17 December).
        self.assertEqual(str(farm.date_planned.date()), "2026-12-16")
        self.assertEqual(str(farm.order_line.date_planned.date()), "2026-12-16")
        # Analytic: the groups' accounts, in proportion to what they ordered.
        oil = purchases.filtered(lambda p: p.partner_id == self.vendor_spain).order_line
        self.assertEqual(
            oil.analytic_distribution,
            {
                str(self.romans.analytic_account_id.id): 61.54,
                str(self.die.analytic_account_id.id): 38.46,
            },
        )

    def test_closing_twice_says_so_and_changes_nothing(self):
        """The second closing (a second click, two coordinators at once) tells
        the coordinator instead of silently doing nothing."""
        self.order_and_close()
        purchases = self.cycle.purchase_order_ids
        quantities = self.allocated(self.apples)
        cycle = self.cycle.with_user(self.coordinator)
        with self.assertRaisesText(UserError, "This cycle is already closed"):
            cycle.action_close()
        self.assertEqual(self.cycle.state, "closed")
        self.assertEqual(self.cycle.purchase_order_ids, purchases)
        self.assertEqual(self.allocated(self.apples), quantities)
        # In French, as the coordinators read it.
        self.env["res.lang"]._activate_lang("fr_FR")
        with self.assertRaisesText(UserError, "Ce cycle est déjà clôturé"):
            cycle.with_context(lang="fr_FR").action_close()
        cycle.action_confirm_purchases()
        self.assertEqual(self.cycle.state, "ordered")
        with self.assertRaisesText(UserError, "This cycle is already closed"):
            cycle.action_close()
        # A draft cycle is not closed either: it was never opened.
        draft = self.Cycle.create(
            {
                "name": "Test commande de janvier",
                "date_open": "2027-01-04 08:00:00",
                "date_close": "2027-01-14 20:00:00",
            }
        )
        with self.assertRaisesText(UserError, "only an open cycle closes"):
            draft.with_user(self.coordinator).action_close()

    def test_orders_frozen_after_close(self):
        self.order_and_close()
        message = "is closed: orders can no longer change"
        with self.assertRaisesText(UserError, message):
            self.cycle._vrac_set_orders({self.r1.id: {self.pasta.id: 10}})
        line = self.order_line(self.r1, self.pasta)
        with self.assertRaisesText(UserError, message):
            line.with_user(self.volunteer).product_uom_qty = 10
        with self.assertRaisesText(UserError, message):
            line.unlink()
        with self.assertRaisesText(UserError, message):
            self.env["sale.order"].create(
                {"partner_id": self.r4.id, "vrac_cycle_id": self.cycle.id}
            )
        self.assertEqual(line.product_uom_qty, 3)

    def test_reopen_gives_back_orders_and_removes_draft_purchases(self):
        self.order_and_close()
        self.cycle.with_user(self.coordinator).action_reopen()
        self.assertEqual(self.cycle.state, "open")
        self.assertFalse(self.cycle.purchase_order_ids)
        self.assertEqual(self.order_line(self.r1, self.apples).product_uom_qty, 8)
        self.assertFalse(self.order_line(self.r1, self.apples).vrac_is_short)
        self.cycle._vrac_set_orders({self.r1.id: {self.apples.id: 2}})
        self.cycle.with_user(self.coordinator).action_close()
        self.assertEqual(len(self.cycle.purchase_order_ids), 3)

    def test_per_group_purchase_orders_buy_whole_cases(self):
        self.cycle.purchase_split = "groupement"
        self.order_and_close()
        purchases = self.cycle.purchase_order_ids
        # Pasta: Romans 12 -> 20, Die 6 -> 20; oil: Romans 8 -> 6, Die 5 -> 0.
        pasta = purchases.order_line.filtered(
            lambda line: line.product_id == self.pasta
        )
        self.assertEqual(
            {line.order_id.vrac_groupement_id: line.product_qty for line in pasta},
            {self.romans: 20, self.die: 20},
        )
        oil = purchases.order_line.filtered(lambda line: line.product_id == self.oil)
        self.assertEqual(oil.product_qty, 6)
        self.assertEqual(oil.order_id.vrac_groupement_id, self.romans)
        self.assertEqual(
            oil.analytic_distribution, {str(self.romans.analytic_account_id.id): 100.0}
        )
        allocated = self.allocated(self.oil)
        self.assertEqual(allocated[self.d1] + allocated[self.d2], 0, "Die buys no case")
        self.assertEqual(sum(allocated.values()), 6)
        # Apples: capacity 30 kg shared between the groups by whole crates.
        apples = purchases.order_line.filtered(
            lambda line: line.product_id == self.apples
        )
        self.assertEqual(sum(apples.mapped("product_qty")), 30)

    # ------------------------------------------------------------------
    # Purchases and reception
    # ------------------------------------------------------------------
    def test_full_cycle_with_short_delivery(self):
        self.order_and_close()
        self.cycle.with_user(self.coordinator).action_confirm_purchases()
        self.assertEqual(self.cycle.state, "ordered")
        self.assertEqual(
            set(self.cycle.purchase_order_ids.mapped("state")), {"purchase"}
        )
        italy, spain, farm = (
            self.cycle.purchase_order_ids.filtered(lambda p, v=v: p.partner_id == v)
            for v in (self.vendor_italy, self.vendor_spain, self.vendor_farm)
        )
        self.receive(italy, {})
        self.assertEqual(self.cycle.state, "ordered", "two receptions to come")
        # Spain delivers 10 bottles instead of 12: shared again among households.
        self.receive(spain, {self.oil: 10})
        oil = self.allocated(self.oil)
        self.assertEqual(sum(oil.values()), 10)
        # The household orders follow what arrived.
        for partner, qty in oil.items():
            self.assertEqual(self.order_line(partner, self.oil).product_uom_qty, qty)
        for partner, qty in oil.items():
            ordered = self.orders[partner.id][self.oil.id]
            self.assertLessEqual(abs(qty - ordered * 10 / 13), 1)
        self.receive(farm, {})
        self.assertEqual(self.cycle.state, "received")
        self.assertAlmostEqual(sum(self.allocated(self.apples).values()), 30)

        # The vendor bill carries the groups' analytic accounts.
        spain.action_create_invoice()
        bill_line = spain.invoice_ids.invoice_line_ids
        self.assertEqual(bill_line.quantity, 10)
        self.assertIn(
            str(self.romans.analytic_account_id.id), bill_line.analytic_distribution
        )

        self.cycle.with_user(self.coordinator).action_done()
        self.assertEqual(self.cycle.state, "done")

    def test_cancel_keeps_household_orders(self):
        self.order_and_close()
        purchases = self.cycle.purchase_order_ids
        self.cycle.with_user(self.coordinator).action_cancel()
        self.assertEqual(self.cycle.state, "cancel")
        self.assertEqual(set(purchases.mapped("state")), {"cancel"})
        self.assertEqual(len(self.cycle.sale_order_ids), 6)
        self.assertEqual(set(self.cycle.sale_order_ids.mapped("state")), {"cancel"})
        self.assertEqual(self.order_line(self.r1, self.pasta).product_uom_qty, 0)
        line = self.env["sale.order.line"].search(
            [("vrac_cycle_id", "=", self.cycle.id), ("product_id", "=", self.pasta.id)],
            limit=1,
        )
        self.assertTrue(line.vrac_ordered_qty, "what was ordered is kept")

    def test_cancel_refused_once_purchases_confirmed(self):
        self.order_and_close()
        self.cycle.with_user(self.coordinator).action_confirm_purchases()
        with self.assertRaisesText(UserError, "cannot be cancelled"):
            self.cycle.with_user(self.coordinator).action_cancel()

    def test_duplicate_as_next_cycle(self):
        self.order_and_close()
        action = self.cycle.with_user(self.coordinator).action_duplicate_next()
        new = self.Cycle.browse(action["res_id"])
        self.assertEqual(new.state, "draft")
        self.assertEqual(new.line_ids.product_id, self.cycle.line_ids.product_id)
        self.assertEqual(self.cycle_line(self.apples, new).capacity, 30)
        self.assertFalse(new.line_ids.filtered("purchase_qty"))
        self.assertEqual(str(new.date_close), "2027-01-10 20:00:00")
        self.assertEqual(
            new.groupement_line_ids.mapped("distribution_date"),
            [
                self.cycle.groupement_line_ids[0].distribution_date.replace(
                    month=1, year=2027
                ),
                self.cycle.groupement_line_ids[1].distribution_date.replace(
                    month=1, year=2027
                ),
            ],
        )
        self.assertFalse(new.sale_order_ids)

    # ------------------------------------------------------------------
    # Rights
    # ------------------------------------------------------------------
    def test_volunteer_enters_orders_of_their_groups_only(self):
        cycle = self.cycle.with_user(self.volunteer)
        cycle._vrac_set_orders({self.r1.id: {self.pasta.id: 2}})
        self.assertEqual(self.order_line(self.r1, self.pasta).product_uom_qty, 2)
        with self.assertRaises(AccessError):
            cycle._vrac_set_orders({self.d1.id: {self.pasta.id: 2}})
        self.assertFalse(self.order_line(self.d1, self.pasta))

    def test_only_coordinators_close_and_reopen(self):
        self.cycle._vrac_set_orders(self.orders)
        with self.assertRaisesText(AccessError, "Only a coordinator can close"):
            self.cycle.with_user(self.volunteer).action_close()
        self.assertEqual(self.cycle.state, "open")
        self.cycle.with_user(self.coordinator).action_close()
        with self.assertRaisesText(AccessError, "Only a coordinator can reopen"):
            self.cycle.with_user(self.volunteer).action_reopen()
        self.cycle.with_user(self.coordinator).action_reopen()
        self.assertEqual(self.cycle.state, "open")

    # ------------------------------------------------------------------
    # Bad input
    # ------------------------------------------------------------------
    def test_closing_with_products_without_vendor_is_refused(self):
        orphan = self.env["product.product"].create(
            {"name": "Test Café sans fournisseur"}
        )
        self.cycle.line_ids = [(0, 0, {"product_id": orphan.id})]
        self.cycle._vrac_set_orders(self.orders)
        with self.assertRaisesText(UserError, "Test Café sans fournisseur"):
            self.cycle.with_user(self.coordinator).action_close()
        self.assertEqual(self.cycle.state, "open")
        self.assertFalse(self.cycle.purchase_order_ids)
        self.assertFalse(self.cycle.line_ids.filtered("purchase_qty"))

    def test_bad_catalog_and_dates(self):
        with self.assertRaisesText(ValidationError, "case size of Test Penne"):
            self.cycle_line(self.pasta).case_size = 0
        with self.assertRaisesText(ValidationError, "cannot be negative"):
            self.cycle_line(self.pasta).capacity = -5
        with self.assertRaisesText(ValidationError, "closes before it opens"):
            self.cycle.date_close = "2026-11-30 08:00:00"
        with self.assertRaisesText(ValidationError, "comes before the cycle closes"):
            self.cycle.groupement_line_ids[0].distribution_date = "2026-12-05"

    def test_bad_quantities(self):
        with self.assertRaisesText(ValidationError, "cannot be negative"):
            self.cycle._vrac_set_orders({self.r1.id: {self.pasta.id: -2}})
        with self.assertRaisesText(ValidationError, "at most 3 kg of Test Lentilles"):
            self.cycle._vrac_set_orders({self.r1.id: {self.lentils.id: 3.5}})
        with self.assertRaisesText(ValidationError, "order a whole number"):
            self.cycle._vrac_set_orders({self.r1.id: {self.pasta.id: 1.5}})
        outsider = self.env["product.product"].create({"name": "Test Hors catalogue"})
        with self.assertRaisesText(ValidationError, "is not in the catalog"):
            self.cycle._vrac_set_orders({self.r1.id: {outsider.id: 1}})
        stranger = self.Partner.create({"name": "Test Pas un foyer"})
        with self.assertRaisesText(ValidationError, "is not a household of a group"):
            self.cycle._vrac_set_orders({stranger.id: {self.pasta.id: 1}})
        self.assertFalse(self.cycle.sale_order_ids)

    def test_one_order_per_household(self):
        self.cycle._vrac_set_orders({self.r1.id: {self.pasta.id: 1}})
        with self.assertRaisesText(ValidationError, "already has an order"):
            self.env["sale.order"].create(
                {"partner_id": self.r1.id, "vrac_cycle_id": self.cycle.id}
            )

    def test_households_short_are_listed_and_emailed(self):
        self.r2.email = "foyer.r2@example.org"
        self.d2.email = "foyer.d2@example.org"
        self.order_and_close()
        action = self.cycle.action_view_shortfalls()
        lines = self.env["sale.order.line"].search(
            action["domain"] + [("vrac_is_short", "=", True)]
        )
        self.assertEqual(len(lines), 6 + 4 + 1)
        self.assertEqual(len(lines.order_id), self.cycle.shortfall_count)
        self.assertIn("06 11 22 33 44", lines.mapped("vrac_phone"))
        action = self.cycle.action_notify_shortfalls()
        with self.mock_mail_gateway():
            composer = (
                self.env["mail.compose.message"]
                .with_context(**action["context"])
                .create({})
            )
            composer._action_send_mail()
            self.env["mail.mail"].process_email_queue()
        # Households with an email get one; the others are on the list to call.
        self.assertEqual(
            sorted(mail["email_to"][0] for mail in self._mails),
            [
                '"Foyer Die 2" <foyer.d2@example.org>',
                '"Foyer Romans 2" <foyer.r2@example.org>',
            ],
        )
        short_oil = (
            self.r2 if self.order_line(self.r2, self.oil).vrac_is_short else self.d2
        )
        body = next(
            m["body"] for m in self._mails if short_oil.email in m["email_to"][0]
        )
        self.assertIn("Huile d&#39;olive 1 L", body.replace("'", "&#39;"))
        self.assertIn("ordered 3, allocated 2", body)

    def test_volunteer_sees_the_cycles_of_their_groups(self):
        die_only = self.cycle.copy(
            {
                "name": "Test commande de Die",
                "groupement_line_ids": [
                    (
                        0,
                        0,
                        {
                            "groupement_id": self.die.id,
                            "distribution_date": "2026-12-18",
                        },
                    )
                ],
            }
        )
        visible = self.Cycle.with_user(self.volunteer).search([])
        self.assertIn(self.cycle, visible)
        self.assertNotIn(die_only, visible)
        with self.assertRaises(AccessError):
            die_only.with_user(self.volunteer).read(["name"])
        self.assertIn(die_only, self.Cycle.with_user(self.coordinator).search([]))

    def test_orders_only_while_open_and_no_empty_orders(self):
        self.cycle._vrac_set_orders({self.r1.id: {self.pasta.id: 2, self.oil.id: 1}})
        self.assertEqual(self.order_line(self.r1, self.pasta).price_unit, 1.35)
        self.set_fixture_prices(self, {self.pasta: 2.35})
        self.env["product.pricelist.item"].flush_model()
        # Saving the same quantities again keeps the price of the order...
        self.cycle._vrac_set_orders({self.r1.id: {self.pasta.id: 2, self.oil.id: 2}})
        self.assertEqual(self.order_line(self.r1, self.pasta).price_unit, 1.35)
        # ... while a new order takes the new price.
        self.cycle._vrac_set_orders({self.r2.id: {self.pasta.id: 1}})
        self.assertEqual(self.order_line(self.r2, self.pasta).price_unit, 2.35)
        self.cycle._vrac_set_orders({self.r2.id: {self.pasta.id: 0}})
        # Nothing ordered any more: no order left in the cycle.
        self.cycle._vrac_set_orders({self.r1.id: {self.pasta.id: 0, self.oil.id: 0}})
        self.assertFalse(self.cycle.sale_order_ids)
        self.assertEqual(self.cycle.order_count, 0)
        # The same product twice in one order is refused.
        order = self.cycle._vrac_set_orders({self.r1.id: {self.pasta.id: 1}})
        with self.assertRaisesText(ValidationError, "is twice in the order"):
            order.order_line = [
                (0, 0, {"product_id": self.pasta.id, "product_uom_qty": 1})
            ]
        # A draft cycle takes no order yet.
        draft = self.cycle.copy({"name": "Test brouillon"})
        with self.assertRaisesText(UserError, "is not open yet"):
            draft._vrac_set_orders({self.r1.id: {self.pasta.id: 1}})

    def test_allocated_never_exceeds_ordered(self):
        """Even the cycle's own process cannot give a household more than it
        ordered, nor less than nothing."""
        self.order_and_close()
        line = self.order_line(self.r1, self.apples)
        self.assertEqual(line.vrac_ordered_qty, 8)
        process_line = CYCLE_PROCESS.on(line)
        with self.assertRaisesText(ValidationError, "between nothing and what it"):
            process_line.write({"vrac_allocated_qty": 8.001})
        with self.assertRaisesText(ValidationError, "between nothing and what it"):
            process_line.write({"vrac_allocated_qty": -1})
        process_line.write({"vrac_allocated_qty": 8})
        self.assertFalse(line.vrac_is_short)
