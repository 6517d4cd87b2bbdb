# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What tells a household's tier or income, over RPC as the web client asks.

Volunteers and cashiers see prices, never which tier: the tier pricelists are
all "Household prices" for them, in every answer (read, web_read,
web_search_read, read_group, name_search, the till's data). Coordinators see
the tier.
"""

import json

from odoo import Command
from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT
from odoo.addons.vrac_groupement.tests.common import VracGroupementCase
from odoo.addons.vrac_groupement.tests.rpc import (
    ACCESS_ERROR,
    VALIDATION_ERROR,
    VracRpcCase,
)

from .common import VracTarifsCase

# 3456.78 EUR a month for 2 adults and 2 children (2.1 consumption units):
# 1646.09 per unit, tier C (from 1400).
INCOME = 3456.78
INCOME_TEXTS = ["3456.78", "1646.0"]
NEUTRAL = "Household prices"
PARTNER_SPEC = {
    "display_name": {},
    "name": {},
    "property_product_pricelist": {"fields": {"display_name": {}, "name": {}}},
}


@tagged("post_install", "-at_install")
class TestRpcTierPrivacy(VracRpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        VracGroupementCase.setup_vrac_groupements(cls)
        VracTarifsCase.setup_vrac_tiers(cls)
        cls.cashier = new_test_user(
            cls.env,
            login="vrac_rpc_cashier",
            name="Camille Caissière",
            groups="point_of_sale.group_pos_user,sales_team.group_sale_salesman",
        )
        cls.household_romans.write({"vrac_monthly_resources": INCOME})
        cls.household_die.write(
            {
                "vrac_tier_id": cls.tier_a.id,
                "vrac_tier_reason": "Orientée par le CCAS",
            }
        )
        # Orders of the two households, seen by the volunteer (Romans) and the
        # cashier (no salesperson).
        cls.orders = cls.env["sale.order"].create(
            [
                {
                    "partner_id": household.id,
                    "user_id": False,
                    "order_line": [
                        Command.create(
                            {"product_id": cls.pasta.id, "product_uom_qty": 2}
                        )
                    ],
                }
                for household in (cls.household_romans, cls.household_die)
            ]
        )
        cls.order_romans = cls.orders[0]
        cls.tier_names = (
            cls.env["vrac.tier"]
            .with_context(active_test=False)
            .search([])
            .mapped("name")
        )

    def assertTellsNoTier(self, answer, who):
        """No tier name nor income anywhere in the JSON answer."""
        dumped = json.dumps(answer, ensure_ascii=False)
        for text in self.tier_names + INCOME_TEXTS:
            at = dumped.find(text)
            self.assertEqual(
                at, -1, f"{who} reads {text!r}: ...{dumped[max(at - 200, 0) : at + 50]}"
            )

    def test_household_tier_is_coordinator_data(self):
        self.assertEqual(self.household_romans.vrac_tier_id, self.tier_c)
        self.assertEqual(
            self.household_romans.property_product_pricelist,
            self.tier_c.pricelist_id,
        )
        self.rpc_login(self.coordinator.login)
        [household] = self.rpc_ok(
            "res.partner",
            "web_read",
            self.household_romans.ids,
            {
                **PARTNER_SPEC,
                "vrac_tier_id": {"fields": {"display_name": {}}},
                "vrac_monthly_resources": {},
            },
        )
        self.assertEqual(household["vrac_tier_id"]["display_name"], "Test C")
        self.assertEqual(household["vrac_monthly_resources"], INCOME)
        self.assertTrue(
            household["property_product_pricelist"]["display_name"].startswith(
                "Test C ("
            )
        )
        # Coordinators find a tier's pricelist by the tier's name.
        found = self.rpc_ok("product.pricelist", "name_search", "Test C")
        self.assertEqual([pl[0] for pl in found], self.tier_c.pricelist_id.ids)

    def _read_everything(self, who):
        """The calls a volunteer's or a cashier's web client makes."""
        household = self.household_romans
        pricelists = (self.tier_a | self.tier_b | self.tier_c).pricelist_id
        answers = [
            self.rpc_ok(
                "res.partner",
                "read",
                household.ids,
                ["name", "display_name", "property_product_pricelist"],
            ),
            self.rpc_ok("res.partner", "web_read", household.ids, PARTNER_SPEC),
            self.rpc_ok(
                "res.partner",
                "web_search_read",
                [("id", "=", household.id)],
                PARTNER_SPEC,
            ),
            self.rpc_ok(
                "product.pricelist",
                "read",
                pricelists.ids,
                ["name", "display_name", "item_ids"],
            ),
            self.rpc_ok(
                "product.pricelist",
                "web_search_read",
                [("id", "in", pricelists.ids)],
                {"display_name": {}, "name": {}},
            ),
            self.rpc_ok(
                "product.pricelist",
                "read_group",
                [("id", "in", pricelists.ids)],
                ["name"],
                ["name"],
            ),
            self.rpc_ok(
                "sale.order",
                "web_read",
                self.order_romans.ids,
                {"pricelist_id": {"fields": {"display_name": {}}}},
            ),
            self.rpc_ok(
                "sale.order",
                "read_group",
                [("id", "in", self.orders.ids)],
                ["amount_total:sum"],
                ["pricelist_id"],
            ),
        ]
        # Searching the tier names finds nothing, by name or by domain.
        for name in ("Test", "Test C", "Tarif", "Tarif C"):
            found = self.rpc_ok("product.pricelist", "name_search", name)
            self.assertFalse(found, f"{who} finds {name!r}: {found}")
            found = self.rpc_ok(
                "product.pricelist", "search", [("name", "ilike", name)]
            )
            self.assertFalse(found, f"{who} finds {name!r}: {found}")
        # The private fields are not theirs, not even to group by.
        for field in ("vrac_tier_id", "vrac_monthly_resources"):
            self.rpc_refused(
                "res.partner", "read", household.ids, [field], errors=(ACCESS_ERROR,)
            )
        self.rpc_refused(
            "res.partner",
            "read_group",
            [("vrac_is_household", "=", True)],
            ["vrac_person_count:sum"],
            ["vrac_tier_id"],
            errors=(ACCESS_ERROR,),
        )
        fields = self.rpc_ok("res.partner", "fields_get", [], ["store"])
        self.assertFalse(
            {"vrac_tier_id", "vrac_monthly_resources", "vrac_tier_reason"} & set(fields)
        )
        # Not stored: nobody groups households by pricelist.
        self.assertFalse(fields["property_product_pricelist"]["store"])
        self.rpc_refused(
            "vrac.tier", "read", self.tier_c.ids, ["name"], errors=(ACCESS_ERROR,)
        )
        self.assertTellsNoTier(answers, who)
        return answers

    def test_volunteer_sees_prices_not_tier(self):
        self.rpc_login(self.volunteer.login)
        answers = self._read_everything("The volunteer")
        [household] = answers[1]
        self.assertEqual(
            household["property_product_pricelist"]["id"], self.tier_c.pricelist_id.id
        )
        self.assertTrue(
            household["property_product_pricelist"]["display_name"].startswith(NEUTRAL)
        )
        # The volunteer sees the order of the group they serve at tier C's
        # price: 2 x 12.95 (cost 10.37 + 25 %).
        [order] = answers[6]
        self.assertTrue(order["pricelist_id"]["display_name"].startswith(NEUTRAL))
        self.assertEqual(self.order_romans.amount_untaxed, 25.90)

    def test_cashier_sees_prices_not_tier(self):
        self.rpc_login(self.cashier.login)
        answers = self._read_everything("The cashier")
        groups = answers[7]
        self.assertEqual(len(groups), 2, "tier C (Romans), tier A (Die)")
        for group in groups:
            self.assertTrue(group["pricelist_id"][1].startswith(NEUTRAL))

    def test_pricelist_change_in_chatter_is_neutral(self):
        """A coordinator's change of pricelist on an order leaves no tier name
        in the chatter the volunteer reads."""
        # The fixtures were created without tracking (mail_notrack), which
        # marks them "do not track" until the transaction commits: forget it.
        self.env.cr.precommit.data.pop("mail.tracking.sale.order", None)
        self.order_romans.with_user(self.coordinator).with_context(
            tracking_disable=False, mail_notrack=False
        ).write({"pricelist_id": self.tier_a.pricelist_id.id})
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking values are written before commit
        tracking = self.order_romans.message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "pricelist_id"
        )
        self.assertTrue(tracking)
        self.rpc_login(self.volunteer.login)
        # What the chatter reads: the order's messages, serialized for the user.
        answer = self.route_ok(
            "/mail/thread/messages",
            thread_model="sale.order",
            thread_id=self.order_romans.id,
        )
        self.assertIn(tracking.mail_message_id.id, answer["messages"])
        messages = answer["data"]
        self.assertIn(NEUTRAL, json.dumps(messages))
        self.assertTellsNoTier(messages, "The volunteer")

    def test_volunteer_cannot_set_prices(self):
        household = self.household_romans
        artois = self.env["res.company"].create({"name": "Test VRAC Artois"})
        other_branch = self.env["product.pricelist"].create(
            {"name": "Artois prices", "company_id": artois.id}
        )
        self.volunteer.write({"company_ids": [Command.link(artois.id)]})
        self.rpc_login(self.volunteer.login)
        for pricelist in (self.tier_a.pricelist_id, other_branch):
            message = self.rpc_refused(
                "res.partner",
                "write",
                household.ids,
                {"property_product_pricelist": pricelist.id},
                errors=(ACCESS_ERROR,),
            )
            self.assertIn("only a coordinator", message)
        self.assertEqual(household.property_product_pricelist, self.tier_c.pricelist_id)
        # Nor price the household's order at tier A: 2 x 12.95 stays.
        self.rpc_refused(
            "sale.order",
            "write",
            self.order_romans.ids,
            {"pricelist_id": self.tier_a.pricelist_id.id},
            errors=(ACCESS_ERROR,),
        )
        self.assertEqual(self.order_romans.pricelist_id, self.tier_c.pricelist_id)
        self.assertEqual(self.order_romans.amount_untaxed, 25.90)
        # The household's own prices, sent back by the form, are accepted; the
        # volunteer still updates the household and adds a person who collects.
        self.rpc_ok(
            "res.partner",
            "web_save",
            household.ids,
            {
                "phone": "06 99 88 77 66",
                "property_product_pricelist": self.tier_c.pricelist_id.id,
                "child_ids": [Command.create({"name": "Léa Martin"})],
            },
            specification={"property_product_pricelist": {}},
        )
        self.assertEqual(household.phone, "06 99 88 77 66")
        self.assertEqual(
            household.child_ids.property_product_pricelist, self.tier_c.pricelist_id
        )
        # The coordinator opens the household as before; a pricelist of
        # another branch is refused to them too.
        self.rpc_login(self.coordinator.login)
        [read] = self.rpc_ok("res.partner", "web_read", household.ids, PARTNER_SPEC)
        self.assertEqual(
            read["property_product_pricelist"]["id"], self.tier_c.pricelist_id.id
        )
        self.coordinator.write({"company_ids": [Command.link(artois.id)]})
        self.rpc_refused(
            "res.partner",
            "write",
            household.ids,
            {"property_product_pricelist": other_branch.id},
            errors=(VALIDATION_ERROR,),
        )

    def test_cashier_till_loads_prices_without_tier(self):
        """The till the cashier opens prices each household at its tier and
        names no tier."""
        config = self.env.ref("vrac_tarifs.pos_config_saint_nicolas_demo")
        session = self.env["pos.session"].create(
            {"config_id": config.id, "user_id": self.cashier.id}
        )
        self.rpc_login(self.cashier.login)
        data = self.rpc_ok("pos.session", "load_data", session.ids, [])
        # A household searched at the till (pos.data.searchRead: the loaded
        # fields, many2one as ids).
        [household] = self.rpc_ok(
            "res.partner",
            "search_read",
            [("id", "=", self.household_romans.id)],
            data["res.partner"]["fields"],
            load=False,
        )
        # The pricelists of the products loaded later.
        later = self.rpc_ok(
            "pos.session",
            "get_pos_ui_product_pricelist_item_by_product",
            session.ids,
            self.pasta.product_tmpl_id.ids,
            self.pasta.ids,
            config.id,
        )
        self.assertTellsNoTier([data, household, later], "The till")
        # The household comes with tier C's prices: cost + 25 %.
        pricelist_id = self.tier_c.pricelist_id.id
        self.assertEqual(household["property_product_pricelist"], pricelist_id)
        pricelists = {
            pricelist["id"]: pricelist
            for pricelist in data["product.pricelist"]["data"]
        }
        self.assertEqual(
            set(pricelists),
            set((self.tier_a | self.tier_b | self.tier_c).pricelist_id.ids),
        )
        [item] = [
            item
            for item in data["product.pricelist.item"]["data"]
            if item["pricelist_id"] == pricelist_id and item["base"] == "standard_price"
        ]
        self.assertEqual(item["price_discount"], -25.0)
