# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from odoo import fields
from odoo.tests import tagged

from odoo.addons.point_of_sale.tests.common import TestPoSCommon

from .common import setup_households


@tagged("post_install", "-at_install")
class TestPosMembership(TestPoSCommon):
    """The membership check's data and the fee paid at the till."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.config = cls.basic_config
        setup_households(cls)
        cls.contact = cls.env["res.partner"].create(
            {"name": "Lina Expiré", "parent_id": cls.household_expired.id}
        )

    def _sell(self, lines, customer):
        data = self.create_ui_order_data(lines, customer=customer)
        result = self.env["pos.order"].sync_from_ui([data])
        return self.env["pos.order"].browse(result["pos.order"][0]["id"])

    def test_till_data(self):
        session = self.open_new_session()
        data = session.load_data([])
        config = data["pos.config"]["data"][0]
        self.assertEqual(
            config["vrac_membership_product_id"], self.membership_product.id
        )
        self.assertFalse(config["vrac_membership_blocking"])
        products = {p["id"]: p for p in data["product.product"]["data"]}
        self.assertTrue(products[self.membership_product.id]["membership"])
        partner_fields = data["res.partner"]["fields"]
        for name in (
            "vrac_household_number",
            "vrac_is_household",
            "commercial_partner_id",
            "membership_state",
            "membership_stop",
            "vrac_is_member_today",
        ):
            self.assertIn(name, partner_fields)
        # A household searched later comes with them (pos.data.searchRead).
        [far] = self.env["res.partner"].search_read(
            [("vrac_household_number", "ilike", "66009")], partner_fields, load=False
        )
        self.assertEqual(far["id"], self.household_far.id)
        self.assertTrue(far["vrac_is_member_today"])

    def test_unreadable_fields_are_not_described(self):
        """A model loaded with all its fields is described without those the
        user may not read."""
        session = self.open_new_session()
        cashier = self.env["res.users"].create(
            {
                "name": "Caissier Test",
                "login": "vrac_gpos_cashier",
                "groups_id": [
                    fields.Command.set(
                        [
                            self.env.ref("base.group_user").id,
                            self.env.ref("point_of_sale.group_pos_user").id,
                        ]
                    )
                ],
            }
        )
        data = session.with_user(cashier).load_data([])
        orders = self.env["pos.order"].with_user(cashier)
        for name in data["pos.order"]["relations"]:
            self.assertTrue(orders._fields[name].is_accessible(orders.env), name)
        self.assertTrue(json.dumps(data, default=str))

    def test_fee_paid_at_the_till_makes_a_member(self):
        self.open_new_session()
        self.assertEqual(self.household_expired.membership_state, "old")
        order = self._sell([(self.membership_product, 1)], self.household_expired)
        self.assertEqual(order.state, "paid")
        line = self.household_expired.member_lines.filtered(
            lambda line: line.vrac_paid_date == fields.Date.context_today(order)
        )
        self.assertEqual(line.membership_id, self.membership_product)
        self.assertEqual(self.household_expired.membership_state, "paid")

    def test_fee_paid_by_a_contact_makes_the_household_a_member(self):
        self.open_new_session()
        self._sell([(self.membership_product, 1)], self.contact)
        self.assertFalse(self.contact.member_lines)
        self.assertEqual(self.household_expired.membership_state, "paid")

    def test_settings(self):
        self.assertEqual(
            self.config.vrac_membership_product_id, self.membership_product
        )
        self.assertTrue(self.membership_product.available_in_pos)
        self.assertFalse(self.config.vrac_membership_blocking)
        fee = self.env["product.product"].create(
            {"name": "Adhésion solidaire", "membership": True, "list_price": 5.0}
        )
        settings = self.env["res.config.settings"].create(
            {
                "pos_config_id": self.config.id,
                "pos_vrac_membership_product_id": fee.id,
                "pos_vrac_membership_blocking": True,
            }
        )
        settings.execute()
        self.assertEqual(self.config.vrac_membership_product_id, fee)
        self.assertTrue(self.config.vrac_membership_blocking)
        self.assertTrue(fee.available_in_pos)
