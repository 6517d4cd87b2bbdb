# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One association's month, end to end, each step done by its person.

The three addons and the French chart of accounts, in a French branch: a
coordinator and a volunteer without an email address, volunteers of two
groups, a cashier and an accountant. Each step runs with the rights of the
person who does it in real life; the figures are checked to the cent at the
end.
"""

import unittest

from odoo import Command, fields
from odoo.tests import Form, TransactionCase, new_test_user, tagged

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT
from odoo.addons.vrac_groupement.tests.common import VracAssertMixin
from odoo.addons.vrac_tarifs.tests.common import (
    add_cash_payment_method,
    credit_fund,
    food_credit_values,
)
from odoo.addons.vrac_tarifs.tests.common import till_order as send_till_order

from .common import bag_lines

# 40 products of a real catalog: (name, unit, cost, case quantity, rounding).
# "kg" products are sold by weight in sacks or crates; the others by the unit
# in cartons.
CATALOG = [
    ("Spaghetti bio 500 g", "unit", 1.22, 24, "up"),
    ("Penne rigate bio 500 g", "unit", 1.31, 24, "up"),
    ("Coquillettes bio 500 g", "unit", 1.27, 24, "down"),
    ("Riz long demi-complet 1 kg", "unit", 2.86, 12, "up"),
    ("Riz basmati bio 1 kg", "unit", 3.41, 12, "down"),
    ("Semoule complète bio 1 kg", "unit", 2.17, 12, "up"),
    ("Farine de blé T65 1 kg", "unit", 1.58, 10, "up"),
    ("Flocons d'avoine 500 g", "unit", 1.69, 12, "down"),
    ("Coulis de tomates 700 g", "unit", 1.93, 12, "up"),
    ("Pois chiches bocal 400 g", "unit", 1.47, 12, "up"),
    ("Haricots rouges bocal 400 g", "unit", 1.53, 12, "down"),
    ("Huile d'olive vierge extra 1 L", "unit", 7.91, 6, "up"),
    ("Huile de tournesol 1 L", "unit", 2.99, 6, "up"),
    ("Vinaigre de cidre 1 L", "unit", 2.13, 6, "down"),
    ("Café moulu équitable 250 g", "unit", 3.87, 12, "up"),
    ("Thé noir 100 g", "unit", 2.44, 12, "down"),
    ("Sucre de canne blond 1 kg", "unit", 2.71, 10, "up"),
    ("Miel de montagne 500 g", "unit", 6.83, 6, "up"),
    ("Chocolat noir 70 % 100 g", "unit", 1.96, 20, "up"),
    ("Jus de pomme 1 L", "unit", 2.26, 6, "up"),
    ("Compote pomme 4 x 100 g", "unit", 1.74, 12, "down"),
    ("Sardines à l'huile 115 g", "unit", 2.38, 10, "up"),
    ("Thon au naturel 140 g", "unit", 2.96, 10, "up"),
    ("Lait demi-écrémé 1 L", "unit", 1.11, 6, "up"),
    ("Savon de Marseille 300 g", "unit", 2.62, 10, "down"),
    ("Lessive liquide 2 L", "unit", 6.47, 4, "up"),
    ("Liquide vaisselle 1 L", "unit", 2.19, 6, "up"),
    ("Papier toilette x 6", "unit", 3.28, 8, "up"),
    ("Lentilles vertes (vrac)", "kg", 2.42, 25, "up"),
    ("Pois chiches (vrac)", "kg", 2.69, 25, "up"),
    ("Lentilles corail (vrac)", "kg", 3.14, 25, "down"),
    ("Riz rond (vrac)", "kg", 2.03, 25, "up"),
    ("Quinoa (vrac)", "kg", 5.86, 10, "up"),
    ("Amandes (vrac)", "kg", 13.47, 5, "up"),
    ("Pommes (kg)", "kg", 1.68, 10, "up"),
    ("Poires (kg)", "kg", 2.14, 10, "up"),
    ("Pommes de terre (kg)", "kg", 0.97, 25, "up"),
    ("Carottes (kg)", "kg", 1.06, 10, "up"),
    ("Oignons (kg)", "kg", 1.33, 10, "down"),
    ("Courges (kg)", "kg", 1.49, 10, "up"),
]


@tagged("post_install", "-at_install")
class TestAssociationMonth(VracAssertMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if "vrac.tier" not in cls.env:
            raise unittest.SkipTest("the month needs vrac_tarifs installed too")
        cls.setup_french_branch()
        cls.setup_people()
        cls.setup_groups_and_households()
        cls.setup_catalog()
        cls.setup_configuration()

    # -- the association -------------------------------------------------
    @classmethod
    def setup_french_branch(cls):
        """A branch in France, the French chart of accounts, in euros."""
        eur = cls.env.ref("base.EUR")
        eur.active = True
        cls.company = cls.env["res.company"].create(
            {
                "name": "VRAC Test Drôme des Collines",
                "country_id": cls.env.ref("base.fr").id,
                "currency_id": eur.id,
            }
        )
        cls.env.user.company_ids |= cls.company
        cls.env["account.chart.template"].try_loading(
            "fr", company=cls.company, install_demo=False
        )
        cls.env = cls.env(
            context=dict(
                cls.env.context,
                allowed_company_ids=cls.company.ids,
                lang="en_US",
                **DISABLED_MAIL_CONTEXT,
            )
        )

    @classmethod
    def setup_people(cls):
        def user(login, name, groups, email=False):
            return new_test_user(
                cls.env,
                login=login,
                name=name,
                email=email,
                groups=groups,
                company_id=cls.company.id,
                company_ids=[Command.set(cls.company.ids)],
            )

        # No email address: the coordinator, and a volunteer.
        cls.coordinator = user(
            "month_coordination",
            "Sophie Coordinatrice",
            "vrac_groupement.group_coordinator,account.group_account_invoice",
        )
        cls.volunteer_romans = user(
            "month_benevole_romans",
            "Monique Bénévole",
            "vrac_groupement.group_volunteer",
        )
        cls.volunteer_die = user(
            "month_benevole_die",
            "Paul Bénévole",
            "vrac_groupement.group_volunteer",
            email="paul.benevole@example.org",
        )
        cls.cashier = user(
            "month_caisse",
            "Camille Caissière",
            "base.group_user,point_of_sale.group_pos_user,"
            "sales_team.group_sale_salesman",
        )
        cls.accountant = user(
            "month_compta",
            "Agnès Comptable",
            "account.group_account_user",
            email="compta@example.org",
        )

    @classmethod
    def setup_groups_and_households(cls):
        Tier = cls.env["vrac.tier"]
        Tier.search([]).action_archive()
        cls.tier_a, cls.tier_b, cls.tier_c = Tier.create(
            [
                {
                    "name": "Tarif A",
                    "code": "A",
                    "sequence": 1,
                    "percent": 0,
                    "rounding": 0.0,
                    "is_precarity": True,
                    "resource_min": 0,
                    "resource_max": 800,
                },
                {
                    "name": "Tarif B",
                    "code": "B",
                    "sequence": 2,
                    "percent": 10,
                    "rounding": 0.05,
                    "resource_min": 800,
                    "resource_max": 1400,
                },
                {
                    "name": "Tarif C",
                    "code": "C",
                    "sequence": 3,
                    "percent": 25,
                    "rounding": 0.05,
                    "resource_min": 1400,
                },
            ]
        )
        cls.company.vrac_default_tier_id = cls.tier_b
        cls.romans, cls.die = cls.env["vrac.groupement"].create(
            [
                {
                    "name": "Romans Monnaie",
                    "code": "M-ROM",
                    "town": "Romans-sur-Isère",
                    "is_qpv": True,
                    "company_id": cls.company.id,
                    "coordinator_ids": [Command.set(cls.coordinator.ids)],
                    "user_ids": [Command.set(cls.volunteer_romans.ids)],
                },
                {
                    "name": "Die",
                    "code": "M-DIE",
                    "town": "Die",
                    "company_id": cls.company.id,
                    "coordinator_ids": [Command.set(cls.coordinator.ids)],
                    "user_ids": [Command.set(cls.volunteer_die.ids)],
                },
            ]
        )
        # The volunteers register their households (name, group, people).
        Partner = cls.env["res.partner"]
        cls.households = {}
        for volunteer, group, names in (
            (
                cls.volunteer_romans,
                cls.romans,
                ["Foyer Martin", "Foyer Benali", "Foyer Petit", "Foyer Durand"],
            ),
            (cls.volunteer_die, cls.die, ["Foyer Roux", "Foyer Garnier"]),
        ):
            for name in names:
                cls.households[name] = Partner.with_user(volunteer).create(
                    {"name": name, "vrac_groupement_id": group.id}
                )
        # The coordinator sets the tiers from the resources (every tier).
        tiers = {
            "Foyer Martin": cls.tier_a,
            "Foyer Benali": cls.tier_a,
            "Foyer Petit": cls.tier_b,
            "Foyer Durand": cls.tier_c,
            "Foyer Roux": cls.tier_a,
            "Foyer Garnier": cls.tier_c,
        }
        for name, tier in tiers.items():
            cls.households[name].with_user(cls.coordinator).write(
                {"vrac_tier_id": tier.id, "vrac_tier_reason": "Avis d'imposition"}
            )

    @classmethod
    def setup_catalog(cls):
        Partner = cls.env["res.partner"]
        cls.wholesaler, cls.farm = Partner.create(
            [
                {"name": "Grossiste Bio Rhône-Alpes", "is_company": True},
                {"name": "Ferme des Coteaux", "is_company": True},
            ]
        )
        uom_unit = cls.env.ref("uom.product_uom_unit")
        uom_kg = cls.env.ref("uom.product_uom_kgm")
        cls.products = cls.env["product.product"].create(
            [
                {
                    "name": name,
                    "type": "consu",
                    "is_storable": True,
                    "uom_id": (uom_kg if unit == "kg" else uom_unit).id,
                    "uom_po_id": (uom_kg if unit == "kg" else uom_unit).id,
                    "standard_price": cost,
                    "list_price": cost,
                    "available_in_pos": True,
                    "taxes_id": [Command.clear()],
                    "supplier_taxes_id": [Command.clear()],
                    "seller_ids": [
                        Command.create(
                            {
                                "partner_id": (
                                    cls.farm if unit == "kg" else cls.wholesaler
                                ).id,
                                "price": cost,
                                "vrac_case_qty": case,
                            }
                        )
                    ],
                }
                for name, unit, cost, case, _rounding in CATALOG
            ]
        )
        cls.product = {p.name: p for p in cls.products}
        cls.cost = {name: cost for name, _u, cost, _c, _r in CATALOG}

    @classmethod
    def setup_configuration(cls):
        """What the manager configures once: accounts and the till."""
        Account = cls.env["account.account"]
        cls.clearing, cls.credit_fund = Account.create(
            [
                {
                    "name": "Parts financeurs à recevoir",
                    "code": "468710",
                    "account_type": "asset_current",
                    "reconcile": True,
                    "company_ids": [Command.set(cls.company.ids)],
                },
                {
                    "name": "Fonds de la caisse alimentaire",
                    "code": "467810",
                    "account_type": "liability_current",
                    "company_ids": [Command.set(cls.company.ids)],
                },
            ]
        )
        cls.funder = cls.env["res.partner"].create(
            {"name": "Fondation Alimentation Solidaire", "is_company": True}
        )
        cls.till = cls.env["pos.config"].create(
            {
                "name": "Caisse des distributions",
                "company_id": cls.company.id,
                "vrac_use_tiers": True,
            }
        )
        add_cash_payment_method(cls.till, "MCSH", "Espèces distributions")
        cls.till_round = cls.env["pos.config"].create(
            {
                "name": "Caisse VRAC mobile",
                "company_id": cls.company.id,
                "vrac_use_tiers": True,
            }
        )
        add_cash_payment_method(cls.till_round, "MRND", "Espèces VRAC mobile")

    # -- helpers -----------------------------------------------------------
    def order_entry(self, volunteer, household, quantities):
        """The volunteer types a household's order on the entry screen."""
        form = Form(
            self.env["vrac.order.entry"]
            .with_user(volunteer)
            .with_context(default_cycle_id=self.cycle.id),
            view="vrac_groupement.vrac_order_entry_view_form",
        )
        form.partner_id = household
        for index in range(len(form.line_ids)):
            with form.line_ids.edit(index) as line:
                if line.product_id.name in quantities:
                    line.quantity = quantities[line.product_id.name]
        form.save().action_save()

    def household_order(self, name):
        return self.env["sale.order"].search(
            [
                ("vrac_cycle_id", "=", self.cycle.id),
                ("partner_id", "=", self.households[name].id),
                ("state", "!=", "cancel"),
            ]
        )

    def till_order(self, customer, lines, pricelist=None, till=None):
        """A paid order of ``till`` (the Romans one by default), in cash."""
        session = (till or self.till).current_session_id
        return send_till_order(session, self.cashier, customer, lines, pricelist)

    def settle_bag(self, name, weights=None, extra=(), till=None):
        """The cashier settles a household's bag, ``weights`` {product name:
        kg weighed}; ``extra`` more till lines."""
        order = self.household_order(name)
        weighed = {self.product[product]: kg for product, kg in (weights or {}).items()}
        return self.till_order(
            order.partner_id,
            bag_lines(order, weighed) + list(extra),
            pricelist=order.pricelist_id,
            till=till,
        )

    # -- the month ---------------------------------------------------------
    def test_a_month_of_the_association(self):
        coordinator = self.coordinator
        # 0. Memberships: the accountant invoices Foyer Martin's fee, paid at
        # once; the coordinator grants Foyer Roux a free membership, with its
        # reason (Foyer Durand renews at the till, below).
        fee = self.env.ref("vrac_groupement.product_membership_year")
        fee_invoice = (
            self.env["account.move"]
            .with_user(self.accountant)
            .create(
                {
                    "move_type": "out_invoice",
                    "partner_id": self.households["Foyer Martin"].id,
                    "invoice_date": fields.Date.today(),
                    "invoice_line_ids": [
                        Command.create({"product_id": fee.id, "price_unit": 10.0})
                    ],
                }
            )
        )
        fee_invoice.action_post()
        self.env["account.payment.register"].with_user(self.accountant).with_context(
            active_model="account.move", active_ids=fee_invoice.ids
        ).create({})._create_payments()
        self.assertEqual(self.households["Foyer Martin"].membership_state, "paid")
        self.households["Foyer Roux"].with_user(coordinator).write(
            {
                "free_member": True,
                "vrac_free_member_reason": "Orientée par le CCAS, situation d'urgence",
            }
        )
        self.assertEqual(self.households["Foyer Roux"].membership_state, "free")

        # 1. The coordinator opens the month's cycle: 40 products.
        self.cycle = (
            self.env["vrac.order.cycle"]
            .with_user(coordinator)
            .create(
                {
                    "name": "Commande de décembre",
                    "company_id": self.company.id,
                    # Open for a week, closing this evening (the report counts
                    # the cycle on its closing day).
                    "date_open": fields.Datetime.subtract(
                        fields.Datetime.now(), days=7
                    ),
                    "date_close": fields.Datetime.now(),
                    "groupement_line_ids": [
                        Command.create(
                            {
                                "groupement_id": self.romans.id,
                                "distribution_date": fields.Date.add(
                                    fields.Date.today(), days=10
                                ),
                            }
                        ),
                        Command.create(
                            {
                                "groupement_id": self.die.id,
                                "distribution_date": fields.Date.add(
                                    fields.Date.today(), days=11
                                ),
                            }
                        ),
                    ],
                    "line_ids": [
                        Command.create(
                            {
                                "product_id": self.product[name].id,
                                "rounding_policy": rounding,
                                "capacity": 40.0 if name == "Pommes (kg)" else 0.0,
                            }
                        )
                        for name, _u, _c, _case, rounding in CATALOG
                    ],
                }
            )
        )
        self.cycle.action_open()
        self.assertEqual(len(self.cycle.line_ids), 40)

        # 2. The volunteers type the orders of their households.
        romans_orders = {
            "Foyer Martin": {
                "Spaghetti bio 500 g": 4,
                "Huile d'olive vierge extra 1 L": 1,
                "Lentilles vertes (vrac)": 2.941,
                "Pommes (kg)": 3,
                "Riz long demi-complet 1 kg": 2,
            },
            "Foyer Benali": {
                "Spaghetti bio 500 g": 6,
                "Pois chiches (vrac)": 2,
                "Café moulu équitable 250 g": 2,
            },
            "Foyer Petit": {
                "Penne rigate bio 500 g": 3,
                "Riz long demi-complet 1 kg": 1,
                "Pommes (kg)": 2.5,
            },
            "Foyer Durand": {
                "Huile d'olive vierge extra 1 L": 2,
                "Miel de montagne 500 g": 1,
                "Riz long demi-complet 1 kg": 3,
            },
        }
        die_orders = {
            "Foyer Roux": {
                "Spaghetti bio 500 g": 5,
                "Lentilles vertes (vrac)": 1.5,
                "Pommes de terre (kg)": 5,
            },
            "Foyer Garnier": {
                "Huile d'olive vierge extra 1 L": 3,
                "Pommes (kg)": 4,
                "Chocolat noir 70 % 100 g": 2,
            },
        }
        for name, quantities in romans_orders.items():
            self.order_entry(self.volunteer_romans, self.households[name], quantities)
        for name, quantities in die_orders.items():
            self.order_entry(self.volunteer_die, self.households[name], quantities)

        # Tier A sells at cost to the cent; tier C never below cost.
        martin = self.household_order("Foyer Martin")
        for line in martin.order_line:
            self.assertEqual(
                line.price_unit, self.cost[line.product_id.name], line.product_id.name
            )
        self.assertEqual(
            martin.order_line.filtered(
                lambda line: line.product_id.name == "Spaghetti bio 500 g"
            ).price_unit,
            1.22,
        )
        durand = self.household_order("Foyer Durand")
        for line in durand.order_line:
            self.assertGreaterEqual(line.price_unit, self.cost[line.product_id.name])
        # 7.91 + 25 % = 9.8875, to the 0.05 above: 9.90.
        self.assertEqual(
            durand.order_line.filtered(
                lambda line: line.product_id.name == "Huile d'olive vierge extra 1 L"
            ).price_unit,
            9.90,
        )

        # 3. The coordinator (no email address) closes the cycle and
        # confirms the purchase orders.
        self.cycle.with_user(coordinator).action_close()
        self.cycle.with_user(coordinator).action_confirm_purchases()
        purchases = self.cycle.purchase_order_ids
        self.assertEqual(set(purchases.mapped("state")), {"purchase"})
        self.assertEqual(purchases.partner_id, self.wholesaler | self.farm)

        # 4. The farm delivers 9 kg of apples for the 10 kg crate ordered:
        # the coordinator receives what came; the households share it.
        for purchase in purchases:
            picking = purchase.picking_ids.filtered(
                lambda p: p.state not in ("done", "cancel")
            )
            for move in picking.move_ids:
                short = move.product_id.name == "Pommes (kg)"
                move.quantity = 9.0 if short else move.product_uom_qty
                move.picked = True
            picking.with_user(coordinator).with_context(
                skip_backorder=True, picking_ids_not_to_backorder=picking.ids
            ).button_validate()
        self.assertEqual(self.cycle.state, "received")
        apples = self.cycle.line_ids.filtered(
            lambda line: line.product_id.name == "Pommes (kg)"
        )
        allocated = self.env["sale.order.line"].search(
            [
                ("vrac_cycle_id", "=", self.cycle.id),
                ("product_id", "=", apples.product_id.id),
            ]
        )
        self.assertAlmostEqual(sum(allocated.mapped("product_uom_qty")), 9.0)
        for line in allocated:
            self.assertLessEqual(line.product_uom_qty, line.vrac_ordered_qty)

        # 5. The coordinator sets up the month's solidarity: a funder program
        # paying half of the vegetables of enrolled households, a monthly
        # food credit, and the solidarity fund of Romans at the till.
        today = fields.Date.context_today(coordinator)
        program = (
            self.env["vrac.funder.program"]
            .with_user(coordinator)
            .create(
                {
                    "name": "Légumes à moitié prix",
                    "funder_id": self.funder.id,
                    "share_percent": 50.0,
                    "date_from": today.replace(day=1),
                    "date_to": fields.Date.add(today, months=6),
                    "budget": 100.0,
                    "product_ids": [
                        Command.set(
                            (
                                self.product["Pommes de terre (kg)"]
                                | self.product["Pommes (kg)"]
                            ).ids
                        )
                    ],
                    "account_id": self.clearing.id,
                    "company_id": self.company.id,
                }
            )
        )
        self.env["vrac.funder.program.enrolment"].with_user(coordinator).create(
            [
                {"program_id": program.id, "partner_id": self.households[name].id}
                for name in ("Foyer Roux", "Foyer Garnier")
            ]
        )
        fund = (
            self.env["vrac.solidarity.fund"]
            .with_user(coordinator)
            .create(
                {
                    "name": "Cagnotte de Romans",
                    "groupement_id": self.romans.id,
                    "company_id": self.company.id,
                }
            )
        )
        self.till.vrac_solidarity_fund_id = fund

        # 6. The volunteers prepare their distributions: Romans at the
        # Maison de Quartier, Die on the mobile round.
        point_partner = self.env["res.partner"].create(
            {
                "name": "Maison de Quartier Saint-Nicolas",
                "is_company": True,
                "street": "2 rue Saint-Nicolas",
                "zip": "26100",
                "city": "Romans-sur-Isère",
            }
        )
        point = (
            self.env["vrac.pickup.point"]
            .with_user(coordinator)
            .create(
                {
                    "name": "Maison de Quartier Saint-Nicolas",
                    "partner_id": point_partner.id,
                    "groupement_ids": [Command.set(self.romans.ids)],
                }
            )
        )
        stop_partner = self.env["res.partner"].create(
            {
                "name": "Salle des fêtes de Luc",
                "is_company": True,
                "street": "Place du Champ de Mars",
                "zip": "26310",
                "city": "Luc-en-Diois",
            }
        )
        stop_point = (
            self.env["vrac.pickup.point"]
            .with_user(coordinator)
            .create(
                {
                    "name": "Salle des fêtes de Luc",
                    "partner_id": stop_partner.id,
                    "groupement_ids": [Command.set(self.die.ids)],
                }
            )
        )
        vrac_round = (
            self.env["vrac.round"]
            .with_user(coordinator)
            .create(
                {
                    "name": "VRAC mobile du Diois",
                    "groupement_ids": [Command.set(self.die.ids)],
                    "hour_start": 8.0,
                    "hour_end": 13.0,
                    "departure_point_id": stop_point.id,
                    "stop_ids": [
                        Command.create(
                            {
                                "sequence": 10,
                                "pickup_point_id": stop_point.id,
                                "hour_from": 9.0,
                                "hour_to": 10.0,
                            }
                        )
                    ],
                }
            )
        )
        (self.households["Foyer Roux"] | self.households["Foyer Garnier"]).write(
            {"vrac_round_stop_id": vrac_round.stop_ids.id}
        )
        Distribution = self.env["vrac.distribution"].with_user(coordinator)
        romans_day, die_day = Distribution.create(
            [
                {
                    "kind": "point",
                    "date": fields.Date.add(today, days=10),
                    "hour_from": 9.0,
                    "hour_to": 12.0,
                    "pickup_point_id": point.id,
                    "cycle_ids": [Command.set(self.cycle.ids)],
                    "pos_config_id": self.till.id,
                },
                {
                    "kind": "round",
                    "date": fields.Date.add(today, days=11),
                    "round_id": vrac_round.id,
                    "cycle_ids": [Command.set(self.cycle.ids)],
                    "pos_config_id": self.till_round.id,
                },
            ]
        )
        for volunteer, distribution in (
            (self.volunteer_romans, romans_day),
            (self.volunteer_die, die_day),
        ):
            distribution.with_user(volunteer).action_prepare()
            distribution.with_user(volunteer).action_open()
        self.assertEqual(len(romans_day.sale_order_ids), 4)
        self.assertEqual(len(die_day.sale_order_ids), 2)
        # The funder's share is on the enrolled households' bags.
        roux = self.household_order("Foyer Roux")
        potatoes = roux.order_line.filtered(
            lambda line: line.product_id.name == "Pommes de terre (kg)"
        )
        share = roux.order_line.filtered(
            lambda line: line.product_id == program.share_product_id
        )
        # 5 kg of potatoes at 0.97 (tier A, at cost) = 4.85; half is 2.425,
        # rounded half up: 2.43.
        self.assertEqual(potatoes.price_subtotal, 4.85)
        self.assertEqual(share.price_subtotal, -2.43)

        # 7. A monthly food credit for Foyer Benali, on the dry goods.
        approved = self.env.ref("vrac_tarifs.product_tag_food_credit")
        for name in ("Pois chiches (vrac)", "Spaghetti bio 500 g"):
            self.product[name].product_tag_ids = [Command.link(approved.id)]
        top_up = self.env["product.product"].create(
            {"name": "Recharge caisse alimentaire", "type": "service"}
        )
        credit = (
            self.env["loyalty.program"]
            .with_user(coordinator)
            .create(
                food_credit_values(
                    self.company, self.credit_fund, top_up, approved, 10.0, 0.0
                )
            )
        )
        card = credit.with_user(coordinator).action_vrac_enrol(
            self.households["Foyer Benali"]
        )
        credit._vrac_top_up(today)
        self.assertEqual(card.points, 10.0)

        # 8. The cashier opens the till and settles the bags.
        for till in self.till | self.till_round:
            till.with_user(self.cashier).open_ui()
            till.current_session_id.with_user(self.cashier).set_opening_control(0, "")
        session = self.till.current_session_id
        round_session = self.till_round.current_session_id
        # Foyer Martin's lentils weighed: 2.941 kg, as allocated, to the gram
        # and the cent.
        martin_order = self.household_order("Foyer Martin")
        paid = self.settle_bag(
            "Foyer Martin", weights={"Lentilles vertes (vrac)": 2.941}
        )
        self.assertEqual(paid.state, "paid")
        lentils = paid.lines.filtered(
            lambda line: line.product_id.name == "Lentilles vertes (vrac)"
        )
        self.assertAlmostEqual(lentils.qty, 2.941, places=6)
        delivered = martin_order.picking_ids.move_ids.filtered(
            lambda move: (
                move.product_id.name == "Lentilles vertes (vrac)"
                and move.state == "done"
            )
        )
        self.assertAlmostEqual(sum(delivered.mapped("quantity")), 2.941, places=6)
        # 2.941 kg x 2.42 = 7.11722: 7.12, as on the order.
        self.assertEqual(lentils.price_subtotal, 7.12)
        self.assertEqual(paid.amount_total, martin_order.amount_total)
        # Foyer Benali pays 10.00 of its bag with the food credit.
        reward = credit.reward_ids
        benali = self.settle_bag(
            "Foyer Benali",
            extra=[
                {
                    "product_id": reward.discount_line_product_id.id,
                    "qty": 1,
                    "price_unit": -10.0,
                    "is_reward_line": True,
                    "reward_id": reward.id,
                    "coupon_id": card.id,
                    "points_cost": 10.0,
                }
            ],
        )
        self.assertEqual(benali.state, "paid")
        # Foyer Petit gets the fund's largest solidarity discount, 30 % of
        # its bag of 11.87: 3.56, once the fund has money: a neighbour buys
        # 20 coupons of 1.00 first.
        coupons = self.till_order(
            False,
            [{"product_id": fund.coupon_product_id.id, "qty": 20, "price_unit": 1.0}],
        )
        self.assertEqual(coupons.amount_total, 20.0)
        self.settle_bag(
            "Foyer Petit",
            extra=[
                {
                    "product_id": fund.discount_product_id.id,
                    "qty": 1,
                    "price_unit": -3.56,
                }
            ],
        )
        # Foyer Durand renews its membership at the till with its bag: 1 EUR.
        self.assertEqual(fee.lst_price, 1.0)
        self.settle_bag(
            "Foyer Durand",
            extra=[{"product_id": fee.id, "qty": 1, "price_unit": 1.0}],
        )
        self.assertEqual(self.households["Foyer Durand"].membership_state, "paid")
        for name in ("Foyer Roux", "Foyer Garnier"):
            self.assertEqual(self.settle_bag(name, till=self.till_round).state, "paid")

        # 9. The cashier closes the till.
        for closing in (session | round_session).with_user(self.cashier):
            closing.post_closing_cash_details(closing.cash_register_balance_end)
            closing.close_session_from_ui()
            self.assertEqual(closing.state, "closed")

        # 10. The accountant books a gift of 50.00 to the fund; the
        # coordinator invoices the funder; the accountant posts it.
        credit_fund(fund.with_user(self.accountant), 50.0)
        invoice = program.with_user(coordinator)._vrac_invoice_month(today)
        invoice.with_user(self.accountant).action_post()

        # 11. The vendors' bills: made from the purchase orders by the
        # coordinator, posted by the accountant.
        purchases.with_user(coordinator).action_create_invoice()
        bills = purchases.invoice_ids
        bills.with_user(self.accountant).write({"invoice_date": today})
        bills.with_user(self.accountant).action_post()

        # -- What the month must add up to, to the cent. --------------------
        # Sales at cost for the at-cost tier, at the till too.
        tier_a_lines = self.env["pos.order.line"].search(
            [
                ("order_id.session_id", "in", (session | round_session).ids),
                ("order_id.partner_id.vrac_tier_id", "=", self.tier_a.id),
                ("product_id", "in", self.products.ids),
            ]
        )
        self.assertTrue(tier_a_lines)
        for line in tier_a_lines:
            self.assertEqual(line.price_unit, self.cost[line.product_id.name])
        # Fund: coupons + gifts - discounts = 20 + 50 - 3.56.
        fund.invalidate_recordset(["balance"])
        self.assertEqual(fund.balance, 66.44)
        # Funder invoice = sum of the shares on the households' orders.
        shares = self.env["sale.order.line"].search(
            [
                ("product_id", "=", program.share_product_id.id),
                ("order_id.vrac_cycle_id", "=", self.cycle.id),
            ]
        )
        self.assertTrue(shares)
        self.assertEqual(invoice.amount_total, -sum(shares.mapped("price_subtotal")))
        # Food credit used (10.00) <= issued (10.00).
        self.env.flush_all()
        credit_rows = self.env["vrac.food.credit.report"].search(
            [("program_id", "=", credit.id)]
        )
        self.assertEqual(sum(credit_rows.mapped("issued")), 10.0)
        self.assertEqual(sum(credit_rows.mapped("used")), 10.0)
        # Every journal item of a group's sale, purchase, fee, till taking
        # and funder invoice carries the group's analytic account.
        sessions = session | round_session
        fee_invoice_items = fee_invoice.invoice_line_ids
        # The till takings (and the fee paid there) on the sales accounts of
        # the sessions' entries; the goods of the bills; the funder invoice's
        # line (on the clearing account).
        items = (
            sessions.move_id.line_ids.filtered(
                lambda line: line.account_id.account_type in ("income", "income_other")
            )
            | bills.invoice_line_ids
            | invoice.invoice_line_ids
            | fee_invoice_items
        )
        self.assertEqual(
            items.move_id, sessions.move_id | bills | invoice | fee_invoice
        )
        analytic_ids = {
            str(group.analytic_account_id.id) for group in self.romans | self.die
        }
        for line in items:
            self.assertTrue(
                set(line.analytic_distribution or {}) & analytic_ids,
                f"{line.move_id.name}: {line.name} has no group account",
            )
        # The balance per tier: tier A sells at cost (balance 0.00 to the
        # cent), tier C above it; the funder's share, the solidarity discount
        # and the food credit are paid by others, not sold to the tier; the
        # bags settled at the till count once, with their orders.
        self.env.flush_all()
        rows = {
            tier: (sales, balance)
            for tier, sales, balance in self.env[
                "vrac.tier.balance.report"
            ]._read_group(
                [("company_id", "=", self.company.id)],
                ["tier_id"],
                ["sales:sum", "balance:sum"],
            )
        }
        tier_a_sales = sum(
            self.household_order(name).amount_untaxed
            - sum(
                self.household_order(name)
                .order_line.filtered("product_id.vrac_funder_share")
                .mapped("price_subtotal")
            )
            for name in ("Foyer Martin", "Foyer Benali", "Foyer Roux")
        )
        self.assertAlmostEqual(rows[self.tier_a][0], tier_a_sales, places=2)
        self.assertAlmostEqual(rows[self.tier_a][1], 0.0, places=2)
        self.assertGreater(rows[self.tier_c][1], 0.0)

        # 12. The coordinator's funder report for this month agrees with the
        # journal: the shares invoiced, the fund's movements, the credit.
        report = (
            self.env["vrac.indicator.report"]
            .with_user(coordinator)
            .create(
                {
                    "scope": "groupement",
                    "groupement_ids": [Command.set((self.romans | self.die).ids)],
                    "date_from": today.replace(day=1),
                    "date_to": today,
                }
            )
        )
        figures = {
            line["key"]: line["value"]
            for section in report._vrac_report_data()["sections"]
            for line in section["rows"]
        }
        self.assertAlmostEqual(figures["program_share"], invoice.amount_total, places=2)
        # In: 20 coupons at the till and the 50.00 gift; out: the discount.
        self.assertAlmostEqual(figures["solidarity_in"], 70.0, places=2)
        self.assertAlmostEqual(figures["solidarity_out"], 3.56, places=2)
        self.assertAlmostEqual(figures["food_credit_issued"], 10.0, places=2)
        self.assertAlmostEqual(figures["food_credit_used"], 10.0, places=2)
        # Sales: the goods of the households' orders, once (the bags settled
        # at the till are not counted again; the funder's share is not a sale:
        # it shows above), as on the sales account of the journal.
        goods = self.env["sale.order.line"].search(
            [
                ("order_id.vrac_cycle_id", "=", self.cycle.id),
                ("product_id", "in", self.products.ids),
            ]
        )
        self.assertAlmostEqual(
            figures["sales_amount"], sum(goods.mapped("price_subtotal")), places=2
        )
        self.assertAlmostEqual(figures["sales_amount"], 159.01, places=2)
        sales_account = sessions.move_id.line_ids.filtered(
            lambda line: line.account_id.code.startswith("707")
        )
        # The sales account holds the goods and the fee renewed at the till.
        self.assertAlmostEqual(
            -sum(sales_account.mapped("balance")),
            figures["sales_amount"] + 1.0,
            places=2,
        )
