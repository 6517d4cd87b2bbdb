# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Order cycles over RPC: what a volunteer and a coordinator may do, through
the same door as the web client (``/web/dataset/call_kw``)."""

from lxml import etree

from odoo.tests import new_test_user, tagged

from .common import VracCycleCase, VracGroupementCase
from .rpc import ACCESS_ERROR, USER_ERROR, VALIDATION_ERROR, VracRpcCase

# The context key that used to lift the "cycle is closed" guard.
OLD_PROCESS_CONTEXT = {"vrac_cycle_process": True, "lang": "en_US"}

RELATIONAL = ("many2one", "many2many", "one2many")
SUBVIEWS = ("list", "form", "kanban")


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

    def test_volunteer_cannot_close_or_reopen_over_rpc(self):
        """The buttons a volunteer does not see are refused when called
        anyway, with the words of the one coordinator check."""
        self.rpc_login("vrac_test_volunteer")
        message = self.rpc_refused(
            "vrac.order.cycle",
            "action_close",
            self.open_cycle.ids,
            errors=(ACCESS_ERROR,),
        )
        self.assertIn("Only a coordinator can close an order cycle.", message)
        message = self.rpc_refused(
            "vrac.order.cycle",
            "action_reopen",
            self.closed.ids,
            errors=(ACCESS_ERROR,),
        )
        self.assertIn("Only a coordinator can reopen an order cycle.", message)
        self.assertEqual(self.open_cycle.state, "open")
        self.assertEqual(self.closed.state, "closed")

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

    # ------------------------------------------------------------------
    # Bad input: a clear message, never a raw Python error
    # ------------------------------------------------------------------
    # What JSON-RPC can carry where a number is expected (Python's JSON reader
    # takes NaN and Infinity too).
    BAD_NUMBERS = (
        "NaN",
        "nan",
        "Infinity",
        "abc",
        "1e308",
        1e308,
        -1e308,
        float("nan"),
        float("inf"),
        [2],
        {"qty": 2},
    )

    def assert_bad_numbers_refused(self, model, method, make_args, **kwargs):
        for bad in self.BAD_NUMBERS:
            with self.subTest(model=model, method=method, value=bad):
                message = self.rpc_refused(
                    model,
                    method,
                    *make_args(bad),
                    context={"lang": "en_US"},
                    errors=(USER_ERROR, VALIDATION_ERROR),
                    **kwargs,
                )
                self.assertTrue(
                    "is not a number" in message or "far too large" in message,
                    message,
                )

    def test_bad_numbers_in_household_orders(self):
        """Quantities, allocations, prices and discounts of an order line:
        text, NaN, infinite or huge numbers are refused in words."""
        self.open_cycle._vrac_set_orders({self.r1.id: {self.oil.id: 2}})
        line = self.line_of(self.r1, self.oil, cycle=self.open_cycle)
        self.rpc_login("vrac_test_volunteer")
        for field in (
            "product_uom_qty",
            "vrac_ordered_qty",
            "vrac_allocated_qty",
            "price_unit",
            "discount",
        ):
            self.assert_bad_numbers_refused(
                "sale.order.line",
                "write",
                lambda bad, field=field: (line.ids, {field: bad}),
            )
            self.assert_bad_numbers_refused(
                "sale.order.line",
                "create",
                lambda bad, field=field: (
                    {
                        "order_id": line.order_id.id,
                        "product_id": self.pasta.id,
                        field: bad,
                    },
                ),
            )
        message = self.rpc_refused(
            "sale.order.line",
            "write",
            line.ids,
            {"product_uom_qty": -3},
            context={"lang": "en_US"},
            errors=(VALIDATION_ERROR,),
        )
        self.assertIn("cannot be negative", message)
        message = self.rpc_refused(
            "sale.order.line",
            "write",
            line.ids,
            {"vrac_allocated_qty": -1},
            context={"lang": "en_US"},
            errors=(VALIDATION_ERROR,),
        )
        self.assertIn("between nothing and what it ordered (2)", message)
        line.invalidate_recordset()
        self.assertEqual(line.product_uom_qty, 2)
        self.assertEqual(line.vrac_allocated_qty, 2)
        self.assertEqual(len(line.order_id.order_line), 1)
        # A number sent as text is still a number.
        self.rpc_ok("sale.order.line", "write", line.ids, {"product_uom_qty": "3"})
        self.assertEqual(line.vrac_ordered_qty, 3)

    def test_bad_numbers_in_order_entry(self):
        """The order entry screen: its quantities are checked as typed
        (onchange, save); a negative quantity is refused at saving."""
        cycle_line = self.open_cycle.line_ids.filtered(
            lambda line: line.product_id == self.pasta
        )
        self.rpc_login("vrac_test_volunteer")

        def entry_vals(quantity):
            return {
                "cycle_id": self.open_cycle.id,
                "partner_id": self.r1.id,
                "line_ids": [
                    (0, 0, {"cycle_line_id": cycle_line.id, "quantity": quantity})
                ],
            }

        spec = {"line_ids": {"fields": {"quantity": {}, "price_total": {}}}}
        self.assert_bad_numbers_refused(
            "vrac.order.entry",
            "web_save",
            lambda bad: ([], entry_vals(bad)),
            specification=spec,
        )
        self.assert_bad_numbers_refused(
            "vrac.order.entry",
            "onchange",
            lambda bad: ([], entry_vals(bad), ["line_ids"], spec),
        )
        saved = self.rpc_ok(
            "vrac.order.entry",
            "web_save",
            [],
            entry_vals(-2),
            specification=spec,
            context={"lang": "en_US"},
        )
        message = self.rpc_refused(
            "vrac.order.entry",
            "action_save",
            [saved[0]["id"]],
            context={"lang": "en_US"},
            errors=(VALIDATION_ERROR,),
        )
        self.assertIn("cannot be negative", message)
        self.assertFalse(self.line_of(self.r1, self.pasta, cycle=self.open_cycle))

    def test_bad_numbers_in_catalog_and_weights(self):
        """The coordinator's catalog (case size, maximum, capacity, vendor
        price) and the weights served are checked the same way."""
        self.rpc_login("vrac_test_coordinator")
        cycle_line = self.open_cycle.line_ids[:1]
        for field in ("case_size", "max_per_household", "capacity", "vendor_price"):
            self.assert_bad_numbers_refused(
                "vrac.order.cycle.line",
                "write",
                lambda bad, field=field: (cycle_line.ids, {field: bad}),
            )
        if "vrac_weight_served" not in self.env["sale.order.line"]._fields:
            return
        self.open_cycle._vrac_set_orders({self.r1.id: {self.apples.id: 2.5}})
        line = self.line_of(self.r1, self.apples, cycle=self.open_cycle)
        self.assert_bad_numbers_refused(
            "sale.order.line",
            "write",
            lambda bad: (line.ids, {"vrac_weight_served": bad}),
        )

    def test_cycle_name_has_a_size_limit(self):
        """The cycle's name heads its printed sheets and names their files:
        at most 100 characters, said in words; the next cycle's name fits."""
        self.rpc_login("vrac_test_coordinator")
        message = self.rpc_refused(
            "vrac.order.cycle",
            "write",
            self.open_cycle.ids,
            {"name": "Commande de janvier " * 20},
            context={"lang": "en_US"},
            errors=(VALIDATION_ERROR,),
        )
        self.assertIn("use at most 100 characters (400 typed)", message)
        self.rpc_ok(
            "vrac.order.cycle", "write", self.open_cycle.ids, {"name": "J" * 100}
        )
        action = self.rpc_ok(
            "vrac.order.cycle",
            "action_duplicate_next",
            self.open_cycle.ids,
            context={"lang": "en_US"},
        )
        next_name = self.env["vrac.order.cycle"].browse(action["res_id"]).name
        self.assertEqual(len(next_name), 100)
        self.assertTrue(next_name.endswith("\u2026 (next)"), next_name)
