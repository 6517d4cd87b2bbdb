# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import float_round

from odoo.addons.point_of_sale.tests.common import TestPoSCommon

from .common import setup_vrac_till

COORDINATORS = "vrac_groupement.group_coordinator"


@tagged("post_install", "-at_install")
class TestPosTiers(TestPoSCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        setup_vrac_till(cls, "vrac_pos_cashier")
        cls.contact_a = cls.env["res.partner"].create(
            {"name": "Lina Arnaud", "parent_id": cls.household_a.id}
        )

    def _order_data(self, lines, customer=False, **kwargs):
        """UI order data; prices from the public pricelist (list prices)."""
        pricelist, self.pricelist = self.pricelist, self.currency_pricelist
        try:
            return self.create_ui_order_data(lines, customer=customer, **kwargs)
        finally:
            self.pricelist = pricelist

    def _sell(self, lines, customer=False, **kwargs):
        data = self._order_data(lines, customer=customer, **kwargs)
        result = self.env["pos.order"].with_user(self.cashier).sync_from_ui([data])
        return self.env["pos.order"].browse(result["pos.order"][0]["id"])

    def _search_partners(self, domain):
        """Partners as the till searches them (pos.data.searchRead: the loaded
        fields, many2one as ids)."""
        return (
            self.env["res.partner"]
            .with_user(self.cashier)
            .search_read(
                domain,
                self.env["res.partner"]._load_pos_data_fields(self.config.id),
                load=False,
            )
        )

    # Loading

    def test_partner_loader_fields(self):
        fields_loaded = self.env["res.partner"]._load_pos_data_fields(self.config.id)
        for name in (
            "property_product_pricelist",
            "vrac_household_number",
            "vrac_is_household",
            "membership_state",
            "membership_stop",
        ):
            self.assertIn(name, fields_loaded)
        partner_fields = self.env["res.partner"]._fields
        for name in fields_loaded:
            self.assertNotIn(
                COORDINATORS,
                partner_fields[name].groups or "",
                f"{name} is private to coordinators: the till must not load it.",
            )
        self.assertNotIn("vrac_tier_id", fields_loaded)

    def test_partner_found_by_search_comes_with_its_prices(self):
        self.open_new_session()
        [zoe] = self._search_partners([("vrac_household_number", "ilike", "77009")])
        self.assertEqual(zoe["id"], self.household_far.id)
        self.assertEqual(zoe["property_product_pricelist"], self.tier_c.pricelist_id.id)
        self.assertEqual(zoe["membership_state"], "paid")
        self.assertTrue(zoe["membership_stop"])
        self.assertTrue(zoe["vrac_is_household"])
        self.assertFalse({"vrac_tier_id", "vrac_monthly_resources"} & set(zoe))

    def test_pos_data_never_names_a_tier(self):
        session = self.open_new_session()
        data = session.with_user(self.cashier).load_data([])
        dumped = json.dumps(data, default=str)
        self.assertNotIn("VracTier", dumped)
        self.assertNotIn("vrac_tier_id", dumped)
        pricelists = {p["id"]: p for p in data["product.pricelist"]["data"]}
        self.assertEqual(
            set(pricelists),
            set((self.tier_a | self.tier_b | self.tier_c).pricelist_id.ids),
        )
        self.assertEqual({p["name"] for p in pricelists.values()}, {"Price"})
        self.assertEqual({p["display_name"] for p in pricelists.values()}, {"Price"})
        config = data["pos.config"]["data"][0]
        self.assertEqual(config["pricelist_id"], self.tier_b.pricelist_id.id)
        partners = {p["id"]: p for p in data["res.partner"]["data"]}
        self.assertEqual(
            partners[self.household_c.id]["property_product_pricelist"],
            self.tier_c.pricelist_id.id,
        )
        self.assertEqual(partners[self.household_expired.id]["membership_state"], "old")
        self.assertTrue(config["vrac_use_tiers"])
        self.assertEqual(
            config["vrac_membership_product_id"], self.membership_product.id
        )
        products = {p["id"]: p for p in data["product.product"]["data"]}
        self.assertTrue(products[self.membership_product.id]["membership"])
        # The pricelists of products loaded later are named alike too.
        self.env["product.pricelist.item"].create(
            {
                "pricelist_id": self.tier_c.pricelist_id.id,
                "product_tmpl_id": self.lentils.product_tmpl_id.id,
                "compute_price": "fixed",
                "fixed_price": 2.0,
            }
        )
        later = session.with_user(
            self.cashier
        ).get_pos_ui_product_pricelist_item_by_product(
            self.lentils.product_tmpl_id.ids, self.lentils.ids, self.config.id
        )
        self.assertEqual(
            [(p["id"], p["name"]) for p in later["product.pricelist"]],
            [(self.tier_c.pricelist_id.id, "Price")],
        )
        self.assertNotIn("VracTier", json.dumps(later, default=str))

    def test_partner_loading_is_set_based(self):
        """Loading households costs the same queries for 3 or 30 of them."""
        households = self.env["res.partner"].create(
            [
                {
                    "name": f"Foyer Lot {index:02d}",
                    "vrac_groupement_id": self.groupement.id,
                    "vrac_tier_id": (self.tier_a, self.tier_c)[index % 2].id,
                    "vrac_tier_reason": "Test",
                }
                for index in range(30)
            ]
        )
        households[::3]._vrac_record_membership_payment(
            self.membership_product, 1.0, fields.Date.today()
        )
        contacts = self.env["res.partner"].create(
            [
                {"name": f"Contact {index}", "parent_id": household.id}
                for index, household in enumerate(households[:10])
            ]
        )
        self.open_new_session()

        def count_queries(partners):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            result = self._search_partners([("id", "in", partners.ids)])
            self.assertEqual(len(result), len(partners))
            return self.cr.sql_log_count - before

        count_queries(households[-2:] | contacts[-1:])  # warm the caches
        few = count_queries(households[:3] | contacts[:1])
        many = count_queries(households | contacts)
        self.assertEqual(few, many)

    # Configuration

    def test_config_offers_every_tier_pricelist(self):
        tiers = self.tier_a | self.tier_b | self.tier_c
        self.assertTrue(self.config.use_pricelist)
        self.assertEqual(self.config.available_pricelist_ids, tiers.pricelist_id)
        self.assertEqual(self.config.pricelist_id, self.tier_b.pricelist_id)
        # Switching the pricelists off does not survive the tiers.
        self.config.use_pricelist = False
        self.assertTrue(self.config.use_pricelist)
        # A new point of sale with tiers gets them at once.
        other = self.env["pos.config"].create(
            {"name": "Épicerie mobile", "vrac_use_tiers": True}
        )
        self.assertEqual(other.available_pricelist_ids, tiers.pricelist_id)
        self.assertEqual(other.pricelist_id, self.tier_b.pricelist_id)

    def test_config_follows_new_and_archived_tiers(self):
        self.tier_c.resource_max = 5000
        tier_d = self.env["vrac.tier"].create(
            {"name": "VracTier D", "code": "POS-D", "percent": 40, "resource_min": 5000}
        )
        self.env["pos.config"]._vrac_sync_tier_configs(self.company)
        self.assertIn(tier_d.pricelist_id, self.config.available_pricelist_ids)
        session = self.open_new_session()
        tier_d.action_archive()
        # Archived while a session is open: the session goes on with the
        # prices it loaded, the next one goes without the tier.
        self.env["pos.config"]._vrac_sync_tier_configs(self.company)
        session.post_closing_cash_details(0)
        session.close_session_from_ui()
        self.open_new_session()
        self.assertNotIn(
            tier_d.pricelist_id.id,
            self.config.with_context(active_test=False).available_pricelist_ids.ids,
        )
        # The default tier is the default pricelist, also after a change.
        self.company.vrac_default_tier_id = self.tier_a
        self.config.current_session_id.post_closing_cash_details(0)
        self.config.current_session_id.close_session_from_ui()
        self.open_new_session()
        self.assertEqual(self.config.pricelist_id, self.tier_a.pricelist_id)

    def test_settings_switch_tiers_on(self):
        config = self.env["pos.config"].create({"name": "Sans tarifs"})
        self.assertFalse(config.vrac_use_tiers)
        settings = self.env["res.config.settings"].create(
            {"pos_config_id": config.id, "pos_vrac_use_tiers": True}
        )
        settings.execute()
        self.assertTrue(config.vrac_use_tiers)
        self.assertTrue(config.use_pricelist)
        self.assertEqual(config.pricelist_id, self.tier_b.pricelist_id)
        self.assertNotIn(self.currency_pricelist, config.available_pricelist_ids)

    # Orders

    def test_order_records_the_tier(self):
        self.open_new_session()
        order_c = self._sell([(self.lentils, 2)], customer=self.household_c)
        order_contact = self._sell([(self.lentils, 1)], customer=self.contact_a)
        order_anonymous = self._sell([(self.lentils, 1)])
        self.assertEqual(order_c.vrac_tier_id, self.tier_c)
        self.assertEqual(order_contact.vrac_tier_id, self.tier_a)
        self.assertEqual(order_anonymous.vrac_tier_id, self.tier_b)
        self.env.flush_all()
        self.cr.execute(
            "SELECT vrac_tier_id FROM pos_order WHERE id = %s", [order_c.id]
        )
        self.assertEqual(self.cr.fetchone()[0], self.tier_c.id)
        # The cashier never sees it.
        self.assertNotIn("vrac_tier_id", order_c.with_user(self.cashier).fields_get())
        with self.assertRaises(AccessError):
            order_c.with_user(self.cashier).read(["vrac_tier_id"])
        # The tier of the sale stays when the household changes tier, and
        # goes with a refund.
        self.household_c.write({"vrac_tier_id": self.tier_a.id})
        self.assertEqual(order_c.vrac_tier_id, self.tier_c)
        refund = self.env["pos.order"].browse(
            order_c.with_user(self.cashier).refund()["res_id"]
        )
        self.assertEqual(refund.vrac_tier_id, self.tier_c)

    def test_membership_paid_at_the_till(self):
        self.open_new_session()
        self.assertEqual(self.household_expired.membership_state, "old")
        order = self._sell(
            [(self.membership_product, 1), (self.lentils, 1)],
            customer=self.household_expired,
        )
        self.assertEqual(order.state, "paid")
        line = self.household_expired.member_lines.filtered(
            lambda line: line.vrac_paid_date == fields.Date.context_today(order)
        )
        self.assertEqual(len(line), 1)
        self.assertEqual(line.membership_id, self.membership_product)
        self.assertEqual(line.member_price, 1.0)
        self.assertEqual(self.household_expired.membership_state, "paid")
        self.assertGreater(self.household_expired.membership_stop, fields.Date.today())

    def test_membership_paid_by_a_contact(self):
        self.open_new_session()
        self.household_a.member_lines.unlink()
        self._sell([(self.membership_product, 1)], customer=self.contact_a)
        self.assertEqual(len(self.household_a.member_lines), 1)
        self.assertFalse(self.contact_a.member_lines)
        self.assertEqual(self.household_a.membership_state, "paid")

    def test_membership_not_recorded_twice_nor_for_others(self):
        self.open_new_session()
        customer = self.env["res.partner"].create({"name": "Client de passage"})
        self._sell([(self.membership_product, 1)], customer=customer)
        self.assertFalse(customer.member_lines)
        # Invoiced: the membership module records it from the invoice.
        order = self._sell(
            [(self.membership_product, 1)],
            customer=self.household_expired,
            is_invoiced=True,
        )
        self.assertTrue(order.account_move)
        lines = self.household_expired.member_lines
        self.assertFalse(
            lines.filtered(lambda line: line.vrac_paid_date == fields.Date.today())
        )
        self.assertEqual(
            lines.filtered("account_invoice_line").account_invoice_id,
            order.account_move,
        )
        # A fee given back is no new membership.
        count = len(lines)
        self._sell([(self.membership_product, -1)], customer=self.household_expired)
        self.assertEqual(len(self.household_expired.member_lines), count)

    # Cost price

    def test_new_session_prices_from_the_new_cost(self):
        """Prices are computed in the till from the cost loaded at opening."""

        def till_price(data, tier):
            # Product.get_price() of the point of sale, for a formula on cost.
            [product] = [
                p for p in data["product.product"]["data"] if p["id"] == self.lentils.id
            ]
            [rule] = [
                item
                for item in data["product.pricelist.item"]["data"]
                if item["pricelist_id"] == tier.pricelist_id.id
                and item["base"] == "standard_price"
            ]
            price = product["standard_price"]
            price -= price * rule["price_discount"] / 100
            if not rule["price_round"]:
                return price
            return float_round(price, precision_rounding=rule["price_round"])

        session = self.open_new_session()
        data = session.load_data([])
        self.assertAlmostEqual(till_price(data, self.tier_a), 2.10)
        self.assertAlmostEqual(till_price(data, self.tier_c), 2.65)
        session.post_closing_cash_details(0)
        session.close_session_from_ui()

        self.lentils.standard_price = 3.0
        data = self.open_new_session().load_data([])
        for tier, price in (
            (self.tier_a, 3.0),
            (self.tier_b, 3.3),
            (self.tier_c, 3.75),
        ):
            self.assertAlmostEqual(till_price(data, tier), price)
            self.assertAlmostEqual(
                tier.pricelist_id._get_product_price(self.lentils, 1.0), price
            )
