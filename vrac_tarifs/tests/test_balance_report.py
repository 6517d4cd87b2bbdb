# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError

from .common import VracTarifsCase, till_order

# Products: cost 2.00 and 4.00, so that every tier price is exact:
# A (cost) 2.00/4.00, B (+10 %) 2.20/4.40, C (+25 %) 2.50/5.00.
# Every sale order takes 3 x rice and 2 x oil: cost 14.00.
ORDER_COST = 14.0
ORDER_SALES_A, ORDER_SALES_B, ORDER_SALES_C = 14.0, 15.4, 17.5
# Tier prices of the products at cost 2.00 and 4.00 (A at cost, B +10 %, C +25 %).
TIER_PRICES_OF_COSTS_2_AND_4 = {"TA": (2.0, 4.0), "TB": (2.2, 4.4), "TC": (2.5, 5.0)}


class TestBalanceReport(VracTarifsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Report = cls.env["vrac.tier.balance.report"]
        cls.rice, cls.oil = cls.env["product.product"].create(
            [
                {
                    "name": "Riz complet 1 kg",
                    "type": "consu",
                    "standard_price": 2.0,
                    "list_price": 9.0,
                    "taxes_id": [Command.clear()],
                    "available_in_pos": True,
                },
                {
                    "name": "Huile d'olive 1 l",
                    "type": "consu",
                    "standard_price": 4.0,
                    "list_price": 19.0,
                    "taxes_id": [Command.clear()],
                    "available_in_pos": True,
                },
            ]
        )
        cls.household_a, cls.household_c = cls.Partner.create(
            [
                {
                    "name": "Foyer Benali",
                    "vrac_groupement_id": cls.romans.id,
                    "vrac_tier_id": cls.tier_a.id,
                    "vrac_tier_reason": "Orienté par le centre social",
                },
                {
                    "name": "Foyer Dupont",
                    "vrac_groupement_id": cls.romans.id,
                    "vrac_tier_id": cls.tier_c.id,
                    "vrac_tier_reason": "Ressources déclarées au-dessus du plafond B",
                },
            ]
        )
        # household_die has no tier and a walk-in customer is no household:
        # both pay the default tier B.
        cls.walk_in = cls.Partner.create({"name": "Client de passage"})
        cls.orders = cls._create_orders(
            [cls.household_a, cls.household_c, cls.household_die, cls.walk_in]
        )
        cls.orders.action_confirm()

    @classmethod
    def _create_orders(cls, partners):
        return cls.env["sale.order"].create(
            [
                {
                    "partner_id": partner.id,
                    "order_line": [
                        Command.create(
                            {"product_id": cls.rice.id, "product_uom_qty": 3}
                        ),
                        Command.create(
                            {"product_id": cls.oil.id, "product_uom_qty": 2}
                        ),
                    ],
                }
                for partner in partners
            ]
        )

    def _totals(self, groupby, report=None):
        report = report if report is not None else self.Report
        tiers = self.tier_a | self.tier_b | self.tier_c
        return {
            key: {"sales": sales, "cost": cost, "balance": balance, "quantity": qty}
            for key, sales, cost, balance, qty in report._read_group(
                [("tier_id", "in", tiers.ids)],
                [groupby],
                ["sales:sum", "cost:sum", "balance:sum", "quantity:sum"],
            )
        }

    def test_orders_keep_the_tier_they_paid(self):
        tiers = [self.tier_a, self.tier_c, self.tier_b, self.tier_b]
        self.assertEqual([order.vrac_tier_id for order in self.orders], tiers)
        self.assertEqual(
            [order.pricelist_id for order in self.orders],
            [tier.pricelist_id for tier in tiers],
        )

    def test_balance_per_tier(self):
        totals = self._totals("tier_id")
        # Die's household without a tier and the walk-in customer pay B.
        orders = {
            self.tier_a: (1, ORDER_SALES_A),
            self.tier_b: (2, ORDER_SALES_B),
            self.tier_c: (1, ORDER_SALES_C),
        }
        self.assertEqual(set(totals), set(orders))
        for tier, (count, order_sales) in orders.items():
            with self.subTest(tier=tier.name):
                # Sales at the tier prices, cost at the cost price.
                price_2, price_4 = TIER_PRICES_OF_COSTS_2_AND_4[tier.code]
                sales = count * (3 * price_2 + 2 * price_4)
                self.assertAlmostEqual(sales, count * order_sales)
                self.assertAlmostEqual(totals[tier]["sales"], sales)
                self.assertAlmostEqual(totals[tier]["cost"], count * ORDER_COST)
                self.assertAlmostEqual(
                    totals[tier]["balance"], sales - count * ORDER_COST
                )
                self.assertEqual(totals[tier]["quantity"], count * 5)
        self.assertAlmostEqual(totals[self.tier_a]["balance"], 0.0)
        self.assertGreater(totals[self.tier_b]["balance"], 0.0)
        self.assertGreater(totals[self.tier_c]["balance"], 0.0)
        [(balance,)] = self.Report._read_group(
            [("tier_id", "in", [tier.id for tier in orders])], [], ["balance:sum"]
        )
        self.assertAlmostEqual(balance, sum(t["balance"] for t in totals.values()))
        self.assertAlmostEqual(balance, 0.0 + 2 * 1.4 + 3.5)

    def test_rounding_gain_per_tier(self):
        """Costs off the step: the report tells what the rounding brought."""
        # Cost 1.22: B 1.342 sold 1.35 (+0.008 each), C 1.525 sold 1.55 (+0.025).
        # Cost 0.11: B 0.121 sold 0.15, the nearest 0.10 being below cost
        # (+0.029 each); A sells at cost, without rounding.
        self.rice.standard_price = 1.22
        self.oil.standard_price = 0.11
        orders = self._create_orders(self.household_a | self.walk_in | self.household_c)
        orders.action_confirm()
        self.assertEqual(
            orders.order_line.mapped("price_unit"), [1.22, 0.11, 1.35, 0.15, 1.55, 0.15]
        )
        domain = [("id", "in", orders.order_line.ids), ("origin", "=", "sale")]
        rounding = dict(self.Report._read_group(domain, ["tier_id"], ["rounding:sum"]))
        self.assertAlmostEqual(rounding[self.tier_a], 0.0)
        self.assertAlmostEqual(rounding[self.tier_b], 3 * 0.008 + 2 * 0.029)
        # C: oil 0.1375 rounds to 0.15 (+0.0125 each).
        self.assertAlmostEqual(rounding[self.tier_c], 3 * 0.025 + 2 * 0.0125)
        [(balance,)] = self.Report._read_group(domain, [], ["balance:sum"])
        self.assertAlmostEqual(
            balance, 3 * (0.13 + 0.33) + 2 * (0.04 + 0.04), msg="B and C"
        )

    def test_balance_per_group(self):
        totals = self._totals("groupement_id")
        self.assertEqual(
            set(totals), {self.romans, self.die, self.env["vrac.groupement"]}
        )
        romans = totals[self.romans]
        self.assertAlmostEqual(romans["sales"], ORDER_SALES_A + ORDER_SALES_C)
        self.assertAlmostEqual(romans["balance"], 3.5)
        self.assertAlmostEqual(totals[self.die]["balance"], 1.4)
        # Walk-in customers belong to no group.
        self.assertAlmostEqual(totals[self.env["vrac.groupement"]]["balance"], 1.4)

    def test_only_confirmed_orders(self):
        quotation, cancelled = self._create_orders(self.household_c | self.household_a)
        cancelled._action_cancel()
        self.assertAlmostEqual(self._totals("tier_id")[self.tier_c]["sales"], 17.5)
        quotation.action_confirm()
        self.assertAlmostEqual(self._totals("tier_id")[self.tier_c]["sales"], 35.0)
        self.assertAlmostEqual(self._totals("tier_id")[self.tier_a]["sales"], 14.0)

    def test_tier_set_at_confirmation_then_frozen(self):
        quotation = self._create_orders(self.household_die)
        self.assertEqual(quotation.vrac_tier_id, self.tier_b)
        # The household moves to C before its order is confirmed...
        self.household_die.write(
            {"vrac_tier_id": self.tier_c.id, "vrac_tier_reason": "Réexamen annuel"}
        )
        quotation.action_confirm()
        self.assertEqual(quotation.vrac_tier_id, self.tier_c)
        # ...and to A after: confirmed orders keep the tier they were sold at.
        self.household_die.vrac_tier_id = self.tier_a
        self.household_c.vrac_tier_id = self.tier_a
        self.assertEqual(quotation.vrac_tier_id, self.tier_c)
        self.assertEqual(self.orders[1].vrac_tier_id, self.tier_c)
        self.Report.invalidate_model()
        totals = self._totals("tier_id")
        self.assertAlmostEqual(totals[self.tier_a]["sales"], ORDER_SALES_A)
        self.assertEqual(totals[self.tier_c]["cost"], 2 * ORDER_COST)

    def test_coordinators_only(self):
        report = self.Report.with_user(self.coordinator)
        self.assertAlmostEqual(
            self._totals("tier_id", report)[self.tier_c]["balance"], 3.5
        )
        with self.assertRaises(AccessError):
            self.Report.with_user(self.volunteer).search([])
        with self.assertRaises(AccessError):
            self._totals("tier_id", self.Report.with_user(self.volunteer))
        action = self.env.ref("vrac_tarifs.vrac_tier_balance_report_action")
        self.assertEqual(
            action.groups_id, self.env.ref("vrac_groupement.group_coordinator")
        )
        # No way from the report to a household.
        self.assertFalse(
            [
                name
                for name, field in self.Report._fields.items()
                if field.type in ("many2one", "many2many", "one2many")
                and field.comodel_name in ("res.partner", "sale.order", "pos.order")
            ]
        )

    def test_other_branch_is_hidden(self):
        branch = self.env["res.company"].create({"name": "VRAC Test Artois"})
        self.env.user.company_ids |= branch
        order = (
            self.env["sale.order"]
            .with_company(branch)
            .create(
                {
                    "partner_id": self.walk_in.id,
                    "company_id": branch.id,
                    "order_line": [
                        Command.create(
                            {"product_id": self.rice.id, "product_uom_qty": 1}
                        )
                    ],
                }
            )
        )
        order.action_confirm()
        lines = self.Report.with_context(
            allowed_company_ids=[self.env.company.id, branch.id]
        ).search([("company_id", "=", branch.id)])
        self.assertEqual(len(lines), 1)
        self.assertFalse(
            self.Report.with_user(self.coordinator).search(
                [("company_id", "=", branch.id)]
            )
        )

    def test_point_of_sale(self):
        config = self.env["pos.config"].create({"name": "Épicerie Romans"})
        config.open_ui()
        session = config.current_session_id
        bank = config.payment_method_ids.filtered(lambda pm: pm.type == "bank")[:1]
        lines = [
            {"product_id": product.id, "qty": qty, "price_unit": price}
            for product, qty, price in ((self.rice, 3, 2.5), (self.oil, 1, 5.0))
        ]
        order = till_order(
            session,
            self.env.user,
            self.household_c,
            lines,
            payments=[(bank, 1.0)],
        )
        self.assertEqual(order.state, "paid")
        rows = self.Report.search(
            [("origin", "=", "pos"), ("groupement_id", "=", self.romans.id)]
        )
        self.assertEqual(len(rows), 2)
        self.assertEqual(rows.groupement_id, self.romans)
        self.assertAlmostEqual(sum(rows.mapped("sales")), 12.5)
        self.assertAlmostEqual(sum(rows.mapped("cost")), 10.0)
        self.assertAlmostEqual(sum(rows.mapped("balance")), 2.5)
        self.assertEqual(sum(rows.mapped("quantity")), 4)
        # The till freezes the tier on the order like sale orders.
        self.assertEqual(order.vrac_tier_id, self.tier_c)
        self.assertEqual(rows.tier_id, self.tier_c)
        totals = self._totals("tier_id")
        self.assertAlmostEqual(totals[self.tier_c]["sales"], 17.5 + 12.5)
        self.assertAlmostEqual(totals[self.tier_c]["balance"], 3.5 + 2.5)
