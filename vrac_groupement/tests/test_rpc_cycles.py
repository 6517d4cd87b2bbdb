# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Order cycles over RPC: what a volunteer and a coordinator may do, through
the same door as the web client (``/web/dataset/call_kw``)."""

from lxml import etree

from odoo.tests import new_test_user, tagged

from .common import VracCycleCase, VracGroupementCase
from .rpc import USER_ERROR, VALIDATION_ERROR, VracRpcCase

# The context key that used to lift the "cycle is closed" guard.
OLD_PROCESS_CONTEXT = {"vrac_cycle_process": True, "lang": "en_US"}

RELATIONAL = ("many2one", "many2many", "one2many")
SUBVIEWS = ("tree", "form", "kanban")


@tagged("post_install", "-at_install")
class TestRpcCycles(VracRpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        VracGroupementCase.setup_vrac_groupements(cls)
        VracCycleCase.setup_vrac_cycle(cls)
        # A volunteer without an email address, as many are.
        cls.volunteer_no_email = new_test_user(
            cls.env,
            login="vrac_rpc_cycle_volunteer",
            name="Vincent Sans Courriel",
            email=False,
            groups="vrac_groupement.group_volunteer",
        )
        cls.romans.user_ids |= cls.volunteer_no_email
        r1, r2 = cls.households_romans[:2]
        cls.r1, cls.r2 = r1, r2
        cls.cycle._vrac_set_orders(
            {
                r1.id: {cls.pasta.id: 3, cls.oil.id: 5, cls.apples.id: 20},
                r2.id: {cls.pasta.id: 2, cls.oil.id: 2, cls.apples.id: 15},
                cls.household_die.id: {cls.oil.id: 1},
            }
        )
        # A closed cycle: draft purchase orders exist, apples are short.
        cls.closed = cls.cycle
        cls.closed.with_user(cls.coordinator).action_close()
        cls.open_cycle = cls.cycle.copy({"name": "Test commande de janvier"})
        cls.open_cycle.with_user(cls.coordinator).action_open()

    def line_of(self, household, product, cycle=None):
        return self.env["sale.order.line"].search(
            [
                ("vrac_cycle_id", "=", (cycle or self.closed).id),
                ("order_partner_id", "=", household.id),
                ("product_id", "=", product.id),
                ("state", "!=", "cancel"),
            ]
        )

    # ------------------------------------------------------------------
    # The views, as the web client loads them
    # ------------------------------------------------------------------
    def view_spec(self, node, model, models):
        """The web_read specification of the fields of ``node`` (a view arch)."""
        fields_info = models[model]
        fields_info = fields_info.get("fields", fields_info)
        spec = {}
        for field_node in self.field_nodes(node):
            name = field_node.get("name")
            info = fields_info[name]
            if info["type"] not in RELATIONAL:
                spec[name] = {}
                continue
            subviews = [child for child in field_node if child.tag in SUBVIEWS]
            if subviews:
                sub = {}
                for subview in subviews:
                    sub.update(self.view_spec(subview, info["relation"], models))
                spec[name] = {"fields": sub}
            elif info["type"] == "one2many":
                spec[name] = {}
            else:
                spec[name] = {"fields": {"display_name": {}}}
        return spec

    def field_nodes(self, node):
        for child in node:
            if child.tag == "field":
                yield child
            elif isinstance(child.tag, str):
                yield from self.field_nodes(child)

    def load_views(self, model):
        """get_views for the list and the form, like the client opening the menu."""
        result = self.rpc_ok(
            model,
            "get_views",
            views=[[False, "list"], [False, "form"], [False, "search"]],
            options={"load_filters": True, "toolbar": True},
        )
        specs = {}
        for view_type in ("list", "form"):
            arch = etree.fromstring(result["views"][view_type]["arch"])
            specs[view_type] = self.view_spec(arch, model, result["models"])
        return specs

    def open_cycles_as(self, login):
        """The cycles list, then each cycle's form, as ``login`` in the client."""
        self.rpc_login(login)
        specs = self.load_views("vrac.order.cycle")
        listed = self.rpc_ok(
            "vrac.order.cycle",
            "web_search_read",
            domain=[],
            specification=specs["list"],
            limit=80,
            context={"lang": "en_US"},
        )
        records = {rec["id"]: rec for rec in listed["records"]}
        forms = self.rpc_ok(
            "vrac.order.cycle",
            "web_read",
            list(records),
            specification=specs["form"],
            context={"lang": "en_US"},
        )
        return specs, records, {rec["id"]: rec for rec in forms}

    def test_volunteer_opens_the_cycles_list_and_forms(self):
        """A volunteer opens the list and the forms of the cycles of their
        group: the counts are those of their group; nothing about purchases."""
        for login in ("vrac_test_volunteer", "vrac_rpc_cycle_volunteer"):
            with self.subTest(login=login):
                specs, records, forms = self.open_cycles_as(login)
                self.assertNotIn("purchase_count", specs["form"])
                self.assertNotIn("purchase_order_ids", specs["form"])
                self.assertIn(self.closed.id, records)
                self.assertIn(self.open_cycle.id, records)
                # Two households of Romans ordered (Die is not theirs).
                self.assertEqual(records[self.closed.id]["order_count"], 2)
                self.assertEqual(forms[self.closed.id]["order_count"], 2)
                self.assertEqual(forms[self.closed.id]["shortfall_count"], 2)
                self.assertEqual(len(forms[self.closed.id]["line_ids"]), 4)

    def test_demo_volunteer_opens_the_cycles(self):
        """The demo volunteer of Romans opens the cycles list and forms."""
        specs, records, forms = self.open_cycles_as("benevole.romans")
        demo_cycle = self.env.ref(
            "vrac_groupement.vrac_order_cycle_drome_2026_11_demo",
            raise_if_not_found=False,
        )
        if demo_cycle:
            self.assertIn(demo_cycle.id, records)
            self.assertIn(demo_cycle.id, forms)

    def test_coordinator_sees_the_purchase_orders(self):
        specs, records, forms = self.open_cycles_as("vrac_test_coordinator")
        self.assertIn("purchase_count", specs["form"])
        self.assertEqual(
            forms[self.closed.id]["purchase_count"],
            len(self.closed.purchase_order_ids),
        )
        self.assertTrue(forms[self.closed.id]["purchase_count"])
        # A new cycle's form, as the client fills it in.
        new = self.rpc_ok("vrac.order.cycle", "onchange", [], {}, [], specs["form"])
        self.assertEqual(new["value"]["state"], "draft")

    # ------------------------------------------------------------------
    # Closed means closed: no flag from the client lifts the guard
    # ------------------------------------------------------------------
    def test_client_context_does_not_reopen_a_closed_cycle(self):
        """Sending the cycle process key in the context changes nothing: the
        closed cycle's orders stay as they are, for a volunteer and a
        coordinator alike."""
        line = self.line_of(self.r1, self.pasta)
        order = line.order_id
        self.assertEqual(line.product_uom_qty, 3)
        for login in ("vrac_test_volunteer", "vrac_test_coordinator"):
            self.rpc_login(login)
            for context in (
                OLD_PROCESS_CONTEXT,
                dict(OLD_PROCESS_CONTEXT, vrac_cycle_process="<server flag>"),
            ):
                with self.subTest(login=login, context=context):
                    message = self.rpc_refused(
                        "sale.order.line",
                        "write",
                        line.ids,
                        {"product_uom_qty": 30},
                        context=context,
                        errors=(USER_ERROR,),
                    )
                    self.assertIn("is closed", message)
                    self.rpc_refused(
                        "sale.order.line",
                        "unlink",
                        line.ids,
                        context=context,
                        errors=(USER_ERROR,),
                    )
                    self.rpc_refused(
                        "sale.order.line",
                        "create",
                        {
                            "order_id": order.id,
                            "product_id": self.lentils.id,
                            "product_uom_qty": 2,
                        },
                        context=context,
                        errors=(USER_ERROR,),
                    )
                    self.rpc_refused(
                        "sale.order",
                        "create",
                        {"partner_id": self.r2.id, "vrac_cycle_id": self.closed.id},
                        context=context,
                        errors=(USER_ERROR, VALIDATION_ERROR),
                    )
                    self.rpc_refused(
                        "sale.order",
                        "web_save",
                        order.ids,
                        {"order_line": [(1, line.id, {"product_uom_qty": 30})]},
                        specification={"amount_total": {}},
                        context=context,
                        errors=(USER_ERROR,),
                    )
        line.invalidate_recordset()
        self.assertEqual(line.product_uom_qty, 3)
        self.assertEqual(line.vrac_ordered_qty, 3)
        self.assertEqual(len(order.order_line), 3)

    def test_closed_cycle_money_is_frozen(self):
        """On a closed cycle nobody changes what a household pays or gets:
        price, discount, taxes, allocation, "Update prices"."""
        line = self.line_of(self.r1, self.apples)
        self.assertEqual(line.vrac_ordered_qty, 20)
        allocated = line.vrac_allocated_qty
        self.assertLess(allocated, 20, "apples are short: 35 kg for 30")
        price = line.price_unit
        for login in ("vrac_test_volunteer", "vrac_test_coordinator"):
            self.rpc_login(login)
            for vals in (
                {"price_unit": 0.0},
                {"discount": 100.0},
                {"discount": 50.0},
                {"vrac_allocated_qty": 25.0},
                {"vrac_allocated_qty": 20.0},
                {"tax_id": [(5, 0, 0)]},
                {"product_uom": self.env.ref("uom.product_uom_gram").id},
            ):
                with self.subTest(login=login, vals=vals):
                    message = self.rpc_refused(
                        "sale.order.line",
                        "write",
                        line.ids,
                        vals,
                        context=OLD_PROCESS_CONTEXT,
                        errors=(USER_ERROR,),
                    )
                    self.assertIn("is closed", message)
            self.rpc_refused(
                "sale.order",
                "action_update_prices",
                line.order_id.ids,
                context=OLD_PROCESS_CONTEXT,
                errors=(USER_ERROR,),
            )
        line.invalidate_recordset()
        self.assertEqual(line.price_unit, price)
        self.assertEqual(line.discount, 0.0)
        self.assertEqual(line.vrac_allocated_qty, allocated)

    def test_open_cycle_orders_still_change(self):
        """While the cycle is open, the volunteer changes an order over RPC;
        an allocation above the order is refused with a clear message."""
        self.open_cycle._vrac_set_orders({self.r1.id: {self.pasta.id: 2}})
        line = self.line_of(self.r1, self.pasta, cycle=self.open_cycle)
        self.rpc_login("vrac_test_volunteer")
        self.rpc_ok(
            "sale.order.line",
            "write",
            line.ids,
            {"product_uom_qty": 4},
            context={"lang": "en_US"},
        )
        self.assertEqual(line.vrac_ordered_qty, 4)
        self.assertEqual(line.vrac_allocated_qty, 4)
        message = self.rpc_refused(
            "sale.order.line",
            "write",
            line.ids,
            {"vrac_allocated_qty": 6},
            context={"lang": "en_US"},
            errors=(VALIDATION_ERROR,),
        )
        self.assertIn("between nothing and what it ordered (4)", message)
        self.assertEqual(line.vrac_allocated_qty, 4)

    def test_coordinator_closes_and_reopens_over_rpc(self):
        """The cycle's own process still changes the orders: closing shares
        the apples out, reopening gives them back."""
        self.open_cycle._vrac_set_orders(
            {
                self.r1.id: {self.apples.id: 20},
                self.r2.id: {self.apples.id: 15},
            }
        )
        self.rpc_login("vrac_test_coordinator")
        self.rpc_ok("vrac.order.cycle", "action_close", self.open_cycle.ids)
        self.assertEqual(self.open_cycle.state, "closed")
        line = self.line_of(self.r1, self.apples, cycle=self.open_cycle)
        self.assertLess(line.vrac_allocated_qty, 20)
        self.rpc_ok("vrac.order.cycle", "action_reopen", self.open_cycle.ids)
        self.assertEqual(self.open_cycle.state, "open")
        self.assertEqual(line.vrac_allocated_qty, 20)

    # ------------------------------------------------------------------
    # Closing never buys at 0
    # ------------------------------------------------------------------
    def test_closing_refused_without_vendor_price(self):
        """A product ordered whose vendor has no price stops the closing,
        named with its vendor; nothing is done. A product nobody ordered
        does not stop it."""
        honey, jam = self.env["product.product"].create(
            [
                {
                    "name": "Test Miel 250 g",
                    "list_price": 5.0,
                    "seller_ids": [(0, 0, {"partner_id": self.vendor_farm.id})],
                },
                {
                    "name": "Test Confiture 300 g",
                    "list_price": 3.0,
                    "seller_ids": [(0, 0, {"partner_id": self.vendor_farm.id})],
                },
            ]
        )
        cycle = self.open_cycle
        cycle.line_ids = [
            (0, 0, {"product_id": honey.id}),
            (0, 0, {"product_id": jam.id}),
        ]
        honey_line = cycle.line_ids.filtered(lambda line: line.product_id == honey)
        self.assertEqual(honey_line.vendor_id, self.vendor_farm)
        self.assertEqual(honey_line.vendor_price, 0.0)
        cycle._vrac_set_orders(
            {
                self.r1.id: {honey.id: 2, self.apples.id: 20},
                self.r2.id: {self.apples.id: 15},
            }
        )
        self.rpc_login("vrac_test_coordinator")
        message = self.rpc_refused(
            "vrac.order.cycle",
            "action_close",
            cycle.ids,
            context={"lang": "en_US"},
            errors=(USER_ERROR,),
        )
        self.assertIn("would be bought at 0", message)
        self.assertIn("Test Miel 250 g from Test Ferme des Coteaux", message)
        self.assertNotIn("Confiture", message)
        self.assertEqual(cycle.state, "open")
        self.assertFalse(cycle.purchase_order_ids)
        self.assertEqual(
            self.line_of(self.r1, self.apples, cycle).vrac_allocated_qty, 20
        )
        self.assertEqual(honey_line.purchase_qty, 0)
        # The coordinator types the price: the closing buys at that price.
        self.rpc_ok(
            "vrac.order.cycle.line", "write", honey_line.ids, {"vendor_price": 4.1}
        )
        self.rpc_ok("vrac.order.cycle", "action_close", cycle.ids)
        self.assertEqual(cycle.state, "closed")
        bought = cycle.purchase_order_ids.order_line.filtered(
            lambda line: line.product_id == honey
        )
        self.assertEqual(bought.price_unit, 4.1)
        self.assertEqual(bought.product_qty, 2)
