# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import Form

from .common import VracDistributionCase


class TestSecurity(VracDistributionCase):
    """Volunteers run the distributions of their groups only; coordinators
    plan and cancel them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_volunteer_die(cls)

    def test_volunteer_runs_a_distribution_of_their_group(self):
        distribution = self.distribution.with_user(self.volunteer)
        self.assertFalse(self.volunteer.has_group("stock.group_stock_user"))
        distribution.action_prepare()
        self.assertEqual(distribution.state, "preparing")
        line = self.order_line(self.r1, self.apples).with_user(self.volunteer)
        line.vrac_weight_served = 2.4
        self.assertEqual(line.product_uom_qty, 2.4)
        self.assertEqual(
            line.sudo().move_ids.filtered(lambda m: m.state != "cancel").quantity, 2.4
        )
        distribution.action_open()
        self.assertEqual(distribution.state, "open")
        self.collect(self.r1)
        action = distribution.action_close()
        wizard = self.env[action["res_model"]].with_user(self.volunteer)
        wizard = wizard.browse(action["res_id"])
        wizard.line_ids.decision = "charge"
        wizard.action_confirm()
        self.assertEqual(self.distribution.state, "closed")
        self.assertEqual(
            set(self.distribution.sale_order_ids.mapped("vrac_collect_state")),
            {"collected"},
        )

    def test_volunteer_of_another_group_is_refused(self):
        distribution = self.distribution.with_user(self.volunteer_die)
        self.assertFalse(
            self.env["vrac.distribution"]
            .with_user(self.volunteer_die)
            .search([("id", "=", self.distribution.id)])
        )
        with self.assertRaises(AccessError):
            distribution.action_prepare()
        self.assertEqual(self.distribution.state, "planned")
        self.distribution.action_prepare()
        for action in ("action_open", "action_record_weights", "action_close"):
            with self.assertRaises(AccessError):
                getattr(distribution, action)()
        self.assertEqual(self.distribution.state, "preparing")
        self.distribution.action_open()
        with self.assertRaises(AccessError):
            distribution.action_close()
        self.assertEqual(self.distribution.state, "open")

    def test_only_coordinators_plan_and_cancel(self):
        Distribution = self.env["vrac.distribution"]
        values = {
            "kind": "point",
            "date": "2027-01-21",
            "pickup_point_id": self.pickup_point.id,
        }
        with self.assertRaises(AccessError):
            Distribution.with_user(self.volunteer).create(values)
        planned = Distribution.with_user(self.coordinator).create(values)
        self.assertEqual(planned.state, "planned")
        with self.assertRaisesText(AccessError, "Only a coordinator can cancel"):
            self.distribution.with_user(self.volunteer).action_cancel()
        self.assertEqual(self.distribution.state, "planned")
        planned.action_cancel()
        self.assertEqual(planned.state, "cancel")

    def test_volunteer_sees_the_orders_of_their_distribution(self):
        self.distribution.action_prepare()
        action = self.distribution.with_user(self.volunteer).action_view_orders()
        orders = (
            self.env["sale.order"].with_user(self.volunteer).search(action["domain"])
        )
        self.assertEqual(orders.partner_id, self.households_romans)
        self.assertEqual(set(orders.mapped("vrac_collect_state")), {"to_collect"})

    def test_volunteer_opens_the_screens(self):
        self.distribution.action_prepare()
        distribution = self.distribution.with_user(self.volunteer)
        with Form(distribution) as form:
            self.assertEqual(form.state, "preparing")
        action = distribution.action_record_weights()
        Line = self.env["sale.order.line"].with_user(self.volunteer)
        spec = {
            name: {}
            for name in (
                "vrac_household_number",
                "order_partner_id",
                "product_id",
                "vrac_allocated_qty",
                "product_uom",
                "vrac_weight_served",
                "price_subtotal",
            )
        }
        result = Line.web_search_read(action["domain"], spec)
        self.assertEqual(result["length"], 3)
        action = distribution.action_view_orders()
        Order = self.env["sale.order"].with_user(self.volunteer)
        spec = {
            name: {}
            for name in (
                "vrac_household_number",
                "partner_id",
                "vrac_phone",
                "amount_total",
                "vrac_collect_state",
            )
        }
        result = Order.web_search_read(action["domain"], spec)
        self.assertEqual(result["length"], 4)
