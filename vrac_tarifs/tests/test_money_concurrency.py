# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Two tills, or two top-ups, at the same instant: the money stays exact.

These tests commit: two transactions must run at the same time in two
threads, each with its own cursor, as two requests of the web server do
(wrapped like them in ``retrying``, which replays a transaction refused by
PostgreSQL for a concurrent update). Everything lives in a company made for
the test, in Belgium: no French certification sequence serialises its
orders. The company and all it holds are removed at the end.
"""

import threading
import traceback
from functools import partial

import psycopg2
from dateutil.relativedelta import relativedelta

from odoo import SUPERUSER_ID, Command, api, fields, registry
from odoo.exceptions import UserError
from odoo.service.model import retrying
from odoo.tests import BaseCase, get_db_name, tagged
from odoo.tools import SQL

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT

from .common import add_cash_payment_method, till_order_data

CONTEXT = dict(DISABLED_MAIL_CONTEXT, lang="en_US")
COMPANY_NAME = "VRAC Bruxelles (test)"


@tagged("post_install", "-at_install")
class TestMoneyConcurrency(BaseCase):
    """Committed fixtures in a Belgian company; see the module docstring."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = odoo_registry = registry(get_db_name())
        cls.ids = {}
        cls.addClassCleanup(cls._remove_fixtures)
        with odoo_registry.cursor() as cr:
            cr.execute("SELECT id FROM res_company WHERE name = %s", [COMPANY_NAME])
            left = cr.fetchall()
        for (company_id,) in left:
            # Left by a run that was interrupted before its clean-up.
            cls._purge_company(company_id)
        with odoo_registry.cursor() as cr:
            cls._create_fixtures(api.Environment(cr, SUPERUSER_ID, CONTEXT))

    @classmethod
    def _create_fixtures(cls, env):
        company = env["res.company"].create(
            {
                "name": COMPANY_NAME,
                "country_id": env.ref("base.be").id,
                "currency_id": env.ref("base.EUR").id,
            }
        )
        cls.ids["company"] = company.id
        env = env(context=dict(env.context, allowed_company_ids=company.ids))
        env["account.chart.template"].try_loading(
            "generic_coa", company=company, install_demo=False
        )
        groupement = env["vrac.groupement"].create(
            {
                "name": "Test Molenbeek",
                "code": "T-BXL",
                "town": "Bruxelles",
                "company_id": company.id,
            }
        )
        # Floor 4.00, 10.00 given: 6.00 is available for discounts.
        fund = env["vrac.solidarity.fund"].create(
            {
                "name": "Cagnotte Test Bruxelles",
                "groupement_id": groupement.id,
                "company_id": company.id,
                "floor_amount": 4.0,
                # A 5.00 discount on a 12.35 basket is one the till offers.
                "discount_percentages": "10,20,30,50",
            }
        )
        journal = env["account.journal"].search(
            [("company_id", "=", company.id), ("type", "=", "general")], limit=1
        )
        counterpart = env["account.account"].search(
            [
                ("company_ids", "in", company.ids),
                ("account_type", "=", "asset_current"),
            ],
            limit=1,
        )
        env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": journal.id,
                "line_ids": [
                    Command.create({"account_id": fund.account_id.id, "credit": 10.0}),
                    Command.create({"account_id": counterpart.id, "debit": 10.0}),
                ],
            }
        ).action_post()
        basket = env["product.product"].create(
            {
                "name": "Panier Test Bruxelles",
                "type": "service",
                "list_price": 12.35,
                "standard_price": 12.35,
                "available_in_pos": True,
                "taxes_id": [Command.clear()],
                "company_id": company.id,
            }
        )
        household = env["res.partner"].create(
            {
                "name": "Foyer Test Bruxelles",
                "vrac_groupement_id": groupement.id,
                "company_id": company.id,
            }
        )
        funder = env["res.partner"].create(
            {
                "name": "Fondation Test Bruxelles",
                "is_company": True,
                "company_id": company.id,
            }
        )
        today = fields.Date.context_today(env.user)
        # 50 % of the baskets, at most 10.00: one share of 6.18 fits, not two.
        program = env["vrac.funder.program"].create(
            {
                "name": "Paniers Test Bruxelles",
                "funder_id": funder.id,
                "share_percent": 50.0,
                "date_from": today - relativedelta(months=1),
                "date_to": today + relativedelta(months=1),
                "budget": 10.0,
                "product_ids": [Command.set(basket.ids)],
                "company_id": company.id,
                "enrolment_ids": [Command.create({"partner_id": household.id})],
            }
        )
        # The same for orders placed in advance, on a basket of their own.
        order_basket = env["product.product"].create(
            {
                "name": "Panier Test Bruxelles (commande)",
                "type": "service",
                "list_price": 12.35,
                "taxes_id": [Command.clear()],
                "company_id": company.id,
            }
        )
        # Two households: two volunteers confirm their orders at once.
        neighbour = household.copy({"name": "Foyer Voisin Test Bruxelles"})
        sale_program = program.copy(
            {
                "name": "Paniers commandés Test Bruxelles",
                "product_ids": [Command.set(order_basket.ids)],
                "enrolment_ids": [
                    Command.create({"partner_id": partner.id})
                    for partner in household | neighbour
                ],
            }
        )
        sale_orders = env["sale.order"].create(
            [
                {
                    "partner_id": partner.id,
                    "company_id": company.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": order_basket.id,
                                "product_uom_qty": 1.0,
                                "price_unit": 12.35,
                                "tax_id": [Command.clear()],
                            }
                        )
                    ],
                }
                for partner in household | neighbour
            ]
        )
        credit_account = env["account.account"].create(
            {
                "name": "Test fonds crédit alimentaire Bruxelles",
                "code": "467892",
                "account_type": "liability_current",
                "company_ids": [Command.set(company.ids)],
            }
        )
        # 50.00 a month for a household of one person.
        credit = env["loyalty.program"].create(
            {
                "name": "Crédit alimentaire Test Bruxelles",
                "program_type": "ewallet",
                "applies_on": "future",
                "trigger": "auto",
                "company_id": company.id,
                "vrac_food_credit": True,
                "vrac_credit_base": 50.0,
                "vrac_credit_per_person": 20.0,
                "vrac_credit_rule": "carry",
                "vrac_account_id": credit_account.id,
                "rule_ids": [
                    Command.create(
                        {
                            "reward_point_amount": 1,
                            "reward_point_mode": "money",
                            "product_ids": basket.ids,
                        }
                    )
                ],
                "reward_ids": [
                    Command.create(
                        {
                            "reward_type": "discount",
                            "discount_mode": "per_point",
                            "discount": 1,
                            "required_points": 1,
                            "discount_applicability": "specific",
                            "discount_product_ids": basket.ids,
                            "description": "Crédit alimentaire",
                        }
                    )
                ],
            }
        )
        card = credit.action_vrac_enrol(household)
        pricelist = env["product.pricelist"].create(
            {
                "name": "Test Bruxelles",
                "currency_id": company.currency_id.id,
                "company_id": company.id,
            }
        )
        cashiers = env["res.users"]
        configs = env["pos.config"]
        for index in (1, 2):
            cashiers |= env["res.users"].create(
                {
                    "name": f"Caissière Test Bruxelles {index}",
                    "login": f"vrac_bxl_cashier_{index}",
                    "company_id": company.id,
                    "company_ids": [Command.set(company.ids)],
                    "groups_id": [
                        Command.set(
                            [
                                env.ref("base.group_user").id,
                                env.ref("point_of_sale.group_pos_user").id,
                                env.ref("sales_team.group_sale_salesman").id,
                            ]
                        )
                    ],
                }
            )
            config = env["pos.config"].create(
                {
                    "name": f"Caisse Test Bruxelles {index}",
                    "company_id": company.id,
                    "vrac_solidarity_fund_id": fund.id,
                    "pricelist_id": pricelist.id,
                    "available_pricelist_ids": [Command.set(pricelist.ids)],
                }
            )
            add_cash_payment_method(config, f"BXL{index}", f"Cash BXL {index}")
            configs |= config
        sessions = env["pos.session"]
        for config, cashier in zip(configs, cashiers, strict=True):
            sessions |= env["pos.session"].create(
                {"config_id": config.id, "user_id": cashier.id}
            )
        cls.ids.update(
            groupement=groupement.id,
            fund=fund.id,
            basket=basket.id,
            household=household.id,
            funder=funder.id,
            program=program.id,
            credit=credit.id,
            sale_program=sale_program.id,
            sale_orders=sale_orders.ids,
            card=card.id,
            pricelist=pricelist.id,
            cashiers=cashiers.ids,
            configs=configs.ids,
            sessions=sessions.ids,
        )

    @classmethod
    def _remove_fixtures(cls):
        """Remove the company made for the test and all it holds.

        Odoo cannot delete a company that has a chart of accounts, journals,
        a warehouse: the rows of the test company are deleted table by table,
        those referenced by others last, until the company itself goes.
        """
        if cls.ids.get("company"):
            cls._purge_company(cls.ids["company"])

    @classmethod
    def _purge_company(cls, company_id):
        with cls.registry.cursor() as cr:
            cr.execute(
                """
                SELECT cl.relname, att.attname
                  FROM pg_constraint con
                  JOIN pg_class cl ON cl.oid = con.conrelid
                  JOIN pg_attribute att ON att.attrelid = con.conrelid
                   AND att.attnum = ANY(con.conkey)
                 WHERE con.contype = 'f'
                   AND con.confrelid = 'res_company'::regclass
                   AND cl.relname != 'res_company'
                """
            )
            references = cr.fetchall()
            cr.execute(
                SQL("SELECT partner_id FROM res_company WHERE id = %s", company_id)
            )
            partner_ids = [row[0] for row in cr.fetchall()]
            cr.execute(
                SQL(
                    "SELECT partner_id FROM res_users WHERE company_id = %s", company_id
                )
            )
            partner_ids += [row[0] for row in cr.fetchall()]
            cr.execute(
                SQL(
                    "SELECT alias_id FROM account_journal "
                    "WHERE company_id = %s AND alias_id IS NOT NULL",
                    company_id,
                )
            )
            alias_ids = tuple(alias_id for (alias_id,) in cr.fetchall())
            queries = [
                SQL(
                    "DELETE FROM %s WHERE %s = %s",
                    SQL.identifier(table),
                    SQL.identifier(column),
                    company_id,
                )
                for table, column in references
            ]
            # 18.0 shares accounts between companies (account_account has no
            # company_id): the accounts of this company only go with it, or they
            # would stay behind without a company for every later test to trip on.
            cr.execute(
                SQL(
                    "SELECT account_account_id FROM account_account_res_company_rel "
                    "GROUP BY account_account_id "
                    "HAVING array_agg(res_company_id) = ARRAY[%s]",
                    company_id,
                )
            )
            account_ids = tuple(account_id for (account_id,) in cr.fetchall())
            if account_ids:
                queries.append(
                    SQL("DELETE FROM account_account WHERE id IN %s", account_ids)
                )
            # The sessions know their company through their till only.
            queries.append(
                SQL(
                    "DELETE FROM pos_session WHERE config_id IN "
                    "(SELECT id FROM pos_config WHERE company_id = %s)",
                    company_id,
                )
            )
            for _round in range(20):
                deleted = 0
                for query in queries:
                    try:
                        with cr.savepoint(flush=False):
                            cr.execute(query)
                            deleted += cr.rowcount
                    except psycopg2.Error:
                        continue  # still referenced: next round
                if not deleted:
                    break
            cr.execute(SQL("DELETE FROM res_company WHERE id = %s", company_id))
            if partner_ids:
                cr.execute(
                    SQL("DELETE FROM res_partner WHERE id IN %s", tuple(partner_ids))
                )
            if alias_ids:
                cr.execute(SQL("DELETE FROM mail_alias WHERE id IN %s", alias_ids))
            # The chart's external ids are named after the company.
            cr.execute(
                SQL(
                    "DELETE FROM ir_model_data WHERE module = 'account' "
                    "AND name LIKE %s",
                    f"{company_id}_%",
                )
            )
        cls.registry.clear_all_caches()

    # Helpers

    def run_concurrently(self, *calls):
        """Run each ``call(env)`` in its own thread and transaction, at once.

        Both transactions take their snapshot, wait for each other, then run
        the call as a web request does (``retrying``) and commit.

        :return: one ("ok", result) or ("refused", message) per call.
        """
        barrier = threading.Barrier(len(calls))
        results = [("error", "not run")] * len(calls)

        def run(index, call):
            try:
                with self.registry.cursor() as cr:
                    env = api.Environment(cr, SUPERUSER_ID, CONTEXT)
                    # The transaction's snapshot starts here, before the other
                    # one commits.
                    cr.execute("SELECT id FROM res_company LIMIT 1")
                    barrier.wait(timeout=60)
                    results[index] = ("ok", retrying(partial(call, env), env))
            except UserError as error:
                results[index] = ("refused", error.args[0])
            except Exception:  # reported by the assertions below
                results[index] = ("error", traceback.format_exc())

        threads = [
            threading.Thread(target=run, args=(index, call), daemon=True)
            for index, call in enumerate(calls)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        return results

    def order_data(self, index, lines, customer=False):
        """A paid order of the till ``index`` (0 or 1), as the till sends it.

        :param lines: [(product id, quantity, unit price)].
        """
        session_id = self.ids["sessions"][index]
        # Unique over the class: a till never sends the same order twice.
        type(self).sent = sent = getattr(type(self), "sent", 0) + 1
        uid = f"{session_id:05d}-{index + 1:03d}-{sent:04d}"
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, CONTEXT)
            return till_order_data(
                env["pos.session"].browse(session_id),
                self.ids["cashiers"][index],
                env["res.partner"].browse(customer),
                [
                    {"product_id": product_id, "qty": qty, "price_unit": price}
                    for product_id, qty, price in lines
                ],
                pricelist=env["product.pricelist"].browse(self.ids["pricelist"]),
                uid=uid,
            )

    def sell(self, index, data):
        """The call of the till ``index`` sending ``data``."""
        cashier_id = self.ids["cashiers"][index]

        def call(env):
            result = env["pos.order"].with_user(cashier_id).sync_from_ui([data])
            return result["pos.order"][0]["id"]

        return call

    def assert_one_refused(self, results, message):
        outcomes = sorted(outcome for outcome, _value in results)
        self.assertEqual(outcomes, ["ok", "refused"], results)
        [refusal] = [value for outcome, value in results if outcome == "refused"]
        self.assertIn(message, refusal)

    def read_values(self, model, record_id, field_names):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, CONTEXT)
            record = env[model].browse(record_id)
            return {name: record[name] for name in field_names}

    # Tests

    def test_two_tills_cannot_take_the_fund_below_its_floor(self):
        fund_id = self.ids["fund"]
        discount_id = self.read_values(
            "vrac.solidarity.fund", fund_id, ["discount_product_id"]
        )["discount_product_id"].id
        # Each till gives a 5.00 discount on a 12.35 basket: 6.00 is available.
        datas = [
            self.order_data(
                index, [(self.ids["basket"], 1, 12.35), (discount_id, 1, -5.0)]
            )
            for index in (0, 1)
        ]
        results = self.run_concurrently(self.sell(0, datas[0]), self.sell(1, datas[1]))
        self.assert_one_refused(results, "cannot cover this discount")
        fund = self.read_values(
            "vrac.solidarity.fund", fund_id, ["balance", "available_amount"]
        )
        self.assertAlmostEqual(fund["balance"], 5.0, places=2)
        self.assertAlmostEqual(fund["available_amount"], 1.0, places=2)

    def test_two_tills_cannot_exceed_the_funder_budget(self):
        program_id = self.ids["program"]
        share_id = self.read_values(
            "vrac.funder.program", program_id, ["share_product_id"]
        )["share_product_id"].id
        datas = [
            self.order_data(
                index,
                [(self.ids["basket"], 1, 12.35), (share_id, 1, -6.18)],
                customer=self.ids["household"],
            )
            for index in (0, 1)
        ]
        results = self.run_concurrently(self.sell(0, datas[0]), self.sell(1, datas[1]))
        self.assert_one_refused(results, "is used up")
        program = self.read_values(
            "vrac.funder.program", program_id, ["budget_used", "budget_remaining"]
        )
        self.assertAlmostEqual(program["budget_used"], 6.18, places=2)
        self.assertAlmostEqual(program["budget_remaining"], 3.82, places=2)

    def test_food_credit_topped_up_once_when_run_twice_at_once(self):
        credit_id = self.ids["credit"]
        today = fields.Date.today()

        def top_up(env):
            return env["loyalty.program"].browse(credit_id)._vrac_top_up(today).ids

        results = self.run_concurrently(top_up, top_up)
        self.assertEqual(sorted(results), [("ok", []), ("ok", [credit_id])])
        card = self.read_values("loyalty.card", self.ids["card"], ["points"])
        self.assertAlmostEqual(card["points"], 50.0, places=2)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, CONTEXT)
            moves = env["vrac.food.credit.move"].search(
                [("program_id", "=", credit_id)]
            )
            self.assertEqual(moves.mapped("amount"), [50.0])

    def test_two_orders_confirmed_at_once_share_the_funder_budget(self):
        """Orders placed in advance: beyond the budget, the household pays the
        full price (the share is cut, not refused)."""
        program_id = self.ids["sale_program"]
        company_id = self.ids["company"]

        def confirm(order_id):
            def call(env):
                env = env(context=dict(env.context, allowed_company_ids=[company_id]))
                env["sale.order"].browse(order_id).action_confirm()
                return order_id

            return call

        results = self.run_concurrently(
            *(confirm(order_id) for order_id in self.ids["sale_orders"])
        )
        self.assertEqual(sorted(outcome for outcome, _id in results), ["ok", "ok"])
        program = self.read_values(
            "vrac.funder.program", program_id, ["budget_used", "budget_remaining"]
        )
        self.assertAlmostEqual(program["budget_used"], 10.0, places=2)
        self.assertAlmostEqual(program["budget_remaining"], 0.0, places=2)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, CONTEXT)
            orders = env["sale.order"].browse(self.ids["sale_orders"])
            shares = sorted(
                round(sum(order.order_line.mapped("price_total")), 2)
                for order in orders
            )
            # 12.35 - 6.18 for the first, 12.35 - 3.82 for the second.
            self.assertEqual(shares, [6.17, 8.53])
