# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmarks of distributions (vrac_distribution): figures, not timed tests.

    python bench/bench_distribution.py --config CONF [--households 1000]
        [--lines 15] [--quick]

One database with vrac_groupement and vrac_distribution (no demo data): the
households, vendors and products of bench_cycles (two groups, half of the
households each), everything in stock. Two cycles are ordered (closed,
purchase orders confirmed):

- the big one: every household orders ``--lines`` products; its
  distribution, at a pickup point serving both groups, has one order per
  household (1,000) and a till;
- the small one: only the first group's households order (500); its
  distribution is the one whose sheets are printed.

Both distributions are prepared (orders confirmed, bags reserved, one batch
transfer each). Measured, from a cold ORM cache:

1. The bag sheets and the preparation sheet of the 500-household
   distribution, rendered as HTML by ``ir.actions.report`` (a PDF needs
   wkhtmltopdf: when it is present, the PDF of both is measured too), as a
   volunteer of the group. Target: 5 s or less for both.
2. At the till of the 1,000-order distribution, as a cashier, what the
   point of sale asks the server when the cashier types a household's name
   and opens its order (pos_sale's screens): the ``search_read`` and
   ``search_count`` of the orders with the distribution's domain, then the
   order's ``read`` and its lines' ``read_converted``. Figures: server time
   and SQL queries, for a household found by name and by number.

The database (``<prefix>``) is dropped and created afresh, then kept for
inspection. Odoo is used as a library: run it with the Python that runs Odoo.
"""

import argparse
import logging
import os
import sys
import time

from bench_cycles import create_cycle, fig, measure, plan_orders, populate
from common import QUIET, drop_database, install, row

import odoo
from odoo import Command
from odoo.tools import config

_logger = logging.getLogger("bench_distribution")

TARGET_SHEETS_SECONDS = 5.0
SEED = 20261128
# What pos_sale's order list reads (sale_order_fetcher.js) and its page size.
FETCHER_FIELDS = [
    "name",
    "partner_id",
    "amount_total",
    "date_order",
    "state",
    "user_id",
    "amount_unpaid",
]
FETCHER_LIMIT = 80
# What pos_sale reads of the order the cashier clicks.
ORDER_FIELDS = [
    "order_line",
    "partner_id",
    "pricelist_id",
    "fiscal_position_id",
    "amount_total",
    "amount_untaxed",
    "amount_unpaid",
    "picking_ids",
    "partner_shipping_id",
    "partner_invoice_id",
]


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", required=True, help="Odoo configuration file")
    parser.add_argument("--db-prefix", default="bench_distribution")
    parser.add_argument("--households", type=int, default=1000)
    parser.add_argument("--products", type=int, default=40)
    parser.add_argument("--vendors", type=int, default=8)
    parser.add_argument("--lines", type=int, default=15, help="lines per household")
    parser.add_argument(
        "--quick", action="store_true", help="100 households, to try it out"
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.households = 100
    if not 0 < args.lines <= args.products or args.households < 10:
        parser.error("at least 10 households, and 1 to --products lines")
    return args


def create_database(name):
    drop_database(name)
    _logger.info("creating %s with vrac_distribution", name)
    odoo.service.db._create_empty_database(name)
    return install(name, ["vrac_groupement", "vrac_distribution"])


def order_cycle(env, name, data, plan):
    """A cycle with ``plan``'s orders, closed and its purchases confirmed."""
    cycle = create_cycle(env, name, data, plan)
    cycle._vrac_set_orders(plan)
    cycle.action_close()
    cycle.action_confirm_purchases()
    return cycle


def build(env, data, args):
    """The two ordered cycles, stock, the two prepared distributions."""
    env = env(context=QUIET)
    households = data["households"]
    first_group = households[::2]
    big = order_cycle(
        env,
        "Commande de décembre",
        data,
        plan_orders(households, data["products"], args.lines, SEED),
    )
    small = order_cycle(
        env,
        "Commande de Noël",
        data,
        plan_orders(first_group, data["products"], args.lines, SEED + 1),
    )
    stock = env.ref("stock.stock_location_stock")
    for product in env["product.product"].browse([p["id"] for p in data["products"]]):
        env["stock.quant"]._update_available_quantity(product, stock, 100000)
    centre = env["res.partner"].create(
        {
            "name": "Maison de Quartier Saint-Nicolas",
            "is_company": True,
            "street": "2 rue Saint-Nicolas",
            "zip": "26100",
            "city": "Romans-sur-Isère",
        }
    )
    points = env["vrac.pickup.point"].create(
        [
            {
                "name": "Maison de Quartier Saint-Nicolas",
                "partner_id": centre.id,
                "groupement_ids": [Command.set(data["groupements"])],
            },
            {
                "name": "Salle Jean Vilar",
                "partner_id": centre.id,
                "groupement_ids": [Command.set(data["groupements"][:1])],
            },
        ]
    )
    till = env["pos.config"].create({"name": "Caisse Saint-Nicolas"})
    distributions = env["vrac.distribution"].create(
        [
            {
                "pickup_point_id": points[0].id,
                "date": big.groupement_line_ids[0].distribution_date,
                "cycle_ids": [Command.set(big.ids)],
                "pos_config_id": till.id,
            },
            {
                "pickup_point_id": points[1].id,
                "date": small.groupement_line_ids[0].distribution_date,
                "cycle_ids": [Command.set(small.ids)],
            },
        ]
    )
    started = time.perf_counter()
    distributions.action_prepare()
    prepare_seconds = time.perf_counter() - started
    distributions[0].action_open()
    return distributions, prepare_seconds


def users(env, data):
    """A volunteer and a cashier, a volunteer of the groups at the till.

    The cashier sees the households' orders as a volunteer of their groups
    (record rules), not with Sales' "all documents".
    """
    volunteer, cashier = env["res.users"].create(
        [
            {
                "name": "Karim Bénévole",
                "login": "karim@vrac-romans.fr",
                "email": "karim@vrac-romans.fr",
                "groups_id": [
                    Command.set([env.ref("vrac_groupement.group_volunteer").id])
                ],
            },
            {
                "name": "Sylvie Caisse",
                "login": "sylvie@vrac-romans.fr",
                "email": "sylvie@vrac-romans.fr",
                "groups_id": [
                    Command.set(
                        [
                            env.ref("vrac_groupement.group_volunteer").id,
                            env.ref("point_of_sale.group_pos_user").id,
                            env.ref("sales_team.group_sale_salesman").id,
                        ]
                    )
                ],
            },
        ]
    )
    env["vrac.groupement"].browse(data["groupements"]).write(
        {"user_ids": [Command.link(volunteer.id), Command.link(cashier.id)]}
    )
    return volunteer, cashier


def render(env, report, distribution, pdf=False):
    reports = env["ir.actions.report"]
    if pdf:
        return reports._render_qweb_pdf(report, distribution.ids)
    return reports._render_qweb_html(report, distribution.ids)


def till_domain(env, distribution, search):
    """The domain of pos_sale's order list, restricted to the distribution."""
    return [
        ("currency_id", "=", env.company.currency_id.id),
        ("state", "!=", "cancel"),
        ("invoice_status", "!=", "invoiced"),
        "|",
        ("vrac_cycle_id", "=", False),
        ("vrac_distribution_id", "=", distribution.id),
        "|",
        "|",
        "|",
        ("name", "ilike", search),
        ("partner_id.complete_name", "ilike", search),
        ("vrac_household_number", "ilike", search),
        ("date_order", "ilike", search),
    ]


def find_and_load(env, distribution, search):
    """What the till asks: the list for ``search``, then the first order."""
    orders = env["sale.order"]
    domain = till_domain(env, distribution, search)
    found = orders.search_read(domain, FETCHER_FIELDS, limit=FETCHER_LIMIT)
    orders.search_count(domain)
    order = orders.browse(found[0]["id"]).read(ORDER_FIELDS)[0]
    lines = env["sale.order.line"].browse(order["order_line"]).read_converted()
    return found, lines


def bench(registry, data, args):
    results = {}
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        distributions, results["prepare"] = build(env, data, args)
        volunteer, cashier = users(env, data)
        big, small = distributions
        results["bags"] = len(small.sale_order_ids)
        results["orders"] = len(big.sale_order_ids)
        cr.commit()
        vol_env = env(user=volunteer)
        small = small.with_env(vol_env)
        # Warm-up (a running server has its templates compiled).
        render(vol_env, "vrac_distribution.report_vrac_distribution_bags", small)
        for key, report in (
            ("bags_html", "report_vrac_distribution_bags"),
            ("preparation_html", "report_vrac_distribution_preparation"),
        ):
            results[key] = measure(
                vol_env,
                lambda report=report: render(
                    vol_env, f"vrac_distribution.{report}", small
                ),
                key,
            )[:3]
        if env["ir.actions.report"].get_wkhtmltopdf_state() == "ok":
            for key, report in (
                ("bags_pdf", "report_vrac_distribution_bags"),
                ("preparation_pdf", "report_vrac_distribution_preparation"),
            ):
                results[key] = measure(
                    vol_env,
                    lambda report=report: render(
                        vol_env, f"vrac_distribution.{report}", small, pdf=True
                    ),
                    key,
                )[:3]
        cash_env = env(user=cashier)
        order = big.sale_order_ids.sorted("id")[len(big.sale_order_ids) // 2]
        find_and_load(cash_env, big, "Foyer")  # warm-up
        for key, search in (
            ("till_name", order.partner_id.name),
            ("till_number", order.vrac_household_number),
        ):
            seconds, cpu, queries, (found, lines) = measure(
                cash_env,
                lambda search=search: find_and_load(cash_env, big, search),
                key,
            )
            results[key] = (seconds, cpu, queries)
            results[f"{key}_found"] = (len(found), len(lines))
        cr.rollback()
    return results


def table(results, args):
    sheets = tuple(
        a + b
        for a, b in zip(results["bags_html"], results["preparation_html"], strict=True)
    )
    verdict = "OK" if sheets[0] <= TARGET_SHEETS_SECONDS else "SLOW"
    lines = [
        "| measure | figure | reference | ratio/target | verdict |",
        "|---|---|---|---|---|",
        row(
            f"bag sheets, {results['bags']} households x {args.lines} lines (HTML)",
            fig(results["bags_html"]),
            "",
            "",
            "",
        ),
        row(
            f"preparation sheet, {results['bags']} households (HTML)",
            fig(results["preparation_html"]),
            "",
            "",
            "",
        ),
        row(
            "both sheets (HTML)",
            fig(sheets),
            f"target {TARGET_SHEETS_SECONDS:.0f} s",
            f"{sheets[0] / TARGET_SHEETS_SECONDS:.2f}x target",
            verdict,
        ),
    ]
    for key in ("bags_pdf", "preparation_pdf"):
        if key in results:
            lines.append(row(f"{key} (wkhtmltopdf)", fig(results[key]), "", "", ""))
    if "bags_pdf" not in results:
        lines.append(row("sheets as PDF", "not measured", "", "", "no wkhtmltopdf"))
    for key, label in (("till_name", "name"), ("till_number", "household number")):
        found, lines_count = results[f"{key}_found"]
        lines.append(
            row(
                f"till: find a household by {label} among {results['orders']:,} "
                f"orders and load its order ({lines_count} lines)",
                fig(results[key]),
                "",
                f"{found} order(s) listed",
                "",
            )
        )
    return lines


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    config.parse_config(["-c", args.config, "--log-level=warn", "--without-demo=all"])
    config["list_db"] = True
    odoo.modules.module.initialize_sys_path()
    _logger.setLevel(logging.INFO)
    started, load = time.perf_counter(), os.getloadavg()[0]
    registry = create_database(args.db_prefix)
    with registry.cursor() as cr:
        data = populate(odoo.api.Environment(cr, odoo.SUPERUSER_ID, {}), args)
    results = bench(registry, data, args)
    sys.stdout.write("\n".join(table(results, args)) + "\n")
    sys.stdout.write(
        f"\nDatabase {args.db_prefix}, vrac_groupement and vrac_distribution "
        f"without demo data; sheets measured as a volunteer, the till as a "
        f"cashier, after a warm-up. Preparing both distributions (confirming "
        f"{results['orders'] + results['bags']:,} orders, reserving the bags) "
        f"took {results['prepare']:.0f} s. Total bench time "
        f"{time.perf_counter() - started:.0f} s; load average {load:.1f} at the "
        f"start, {os.getloadavg()[0]:.1f} at the end ({os.cpu_count()} CPUs).\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
