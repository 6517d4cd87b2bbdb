# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmarks of distributions (vrac_distribution): figures, not timed tests.

    python bench/bench_distribution.py --config CONF [--households 1000]
        [--lines 15] [--quick]

One database with vrac_groupement and vrac_distribution (no demo data): the
households, vendors and products of bench_cycles (two groups, half of the
households each), everything in stock. A cycle is ordered by the first
group's households (500 of the default 1,000; closed, purchase orders
confirmed) and its distribution, at a pickup point of that group, is
prepared (orders confirmed, bags reserved, one batch transfer).

Measured, from a cold ORM cache, as a volunteer of the group: the bag sheets
and the preparation sheet, rendered as HTML by ``ir.actions.report`` (a PDF
needs wkhtmltopdf: when it is present, the PDF of both is measured too).
Target: 5 s or less for both. The till's figures are bench_distribution_till's.

The database (``<prefix>``) is dropped and created afresh, then kept for
inspection. Odoo is used as a library: run it with the Python that runs Odoo.
"""

import argparse
import logging
import sys
import time

from bench_cycles import create_cycle, fig, measure, plan_orders, populate
from common import QUIET, configure, create_database, footer, row

import odoo
from odoo import Command

_logger = logging.getLogger("bench_distribution")

TARGET_SHEETS_SECONDS = 5.0
SEED = 20261128


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", required=True, help="Odoo configuration file")
    parser.add_argument("--db-prefix", default="bench_distribution")
    parser.add_argument(
        "--households",
        type=int,
        default=1000,
        help="households of both groups; the first group's half order",
    )
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


def order_cycle(env, name, data, plan):
    """A cycle with ``plan``'s orders, closed and its purchases confirmed."""
    cycle = create_cycle(env, name, data, plan)
    cycle._vrac_set_orders(plan)
    cycle.action_close()
    cycle.action_confirm_purchases()
    return cycle


def build(env, data, args):
    """The ordered cycle, stock, the prepared distribution."""
    env = env(context=QUIET)
    first_group = data["households"][::2]
    cycle = order_cycle(
        env,
        "Commande de décembre",
        data,
        plan_orders(first_group, data["products"], args.lines, SEED),
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
    point = env["vrac.pickup.point"].create(
        {
            "name": "Maison de Quartier Saint-Nicolas",
            "partner_id": centre.id,
            "groupement_ids": [Command.set(data["groupements"][:1])],
        }
    )
    distribution = env["vrac.distribution"].create(
        {
            "pickup_point_id": point.id,
            "date": cycle.groupement_line_ids[0].distribution_date,
            "cycle_ids": [Command.set(cycle.ids)],
        }
    )
    started = time.perf_counter()
    distribution.action_prepare()
    prepare_seconds = time.perf_counter() - started
    volunteer = env["res.users"].create(
        {
            "name": "Karim Bénévole",
            "login": "karim@vrac-romans.fr",
            "email": "karim@vrac-romans.fr",
            "groups_id": [Command.set([env.ref("vrac_groupement.group_volunteer").id])],
        }
    )
    env["vrac.groupement"].browse(data["groupements"][:1]).write(
        {"user_ids": [Command.link(volunteer.id)]}
    )
    return distribution, volunteer, prepare_seconds


def render(env, report, distribution, pdf=False):
    reports = env["ir.actions.report"]
    if pdf:
        return reports._render_qweb_pdf(report, distribution.ids)
    return reports._render_qweb_html(report, distribution.ids)


def bench(registry, data, args):
    results = {}
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        distribution, volunteer, results["prepare"] = build(env, data, args)
        results["bags"] = len(distribution.sale_order_ids)
        cr.commit()
        vol_env = env(user=volunteer)
        distribution = distribution.with_env(vol_env)
        # Warm-up (a running server has its templates compiled).
        render(vol_env, "vrac_distribution.report_vrac_distribution_bags", distribution)
        kinds = [("html", False)]
        if env["ir.actions.report"].get_wkhtmltopdf_state() == "ok":
            kinds.append(("pdf", True))
        for kind, pdf in kinds:
            for key, report in (
                ("bags", "report_vrac_distribution_bags"),
                ("preparation", "report_vrac_distribution_preparation"),
            ):
                results[f"{key}_{kind}"] = measure(
                    vol_env,
                    lambda report=report, pdf=pdf: render(
                        vol_env, f"vrac_distribution.{report}", distribution, pdf
                    ),
                    f"{key}_{kind}",
                )[:3]
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
    return lines


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    started, load = configure(args.config)
    _logger.setLevel(logging.INFO)
    registry = create_database(args.db_prefix, ["vrac_groupement", "vrac_distribution"])
    with registry.cursor() as cr:
        data = populate(odoo.api.Environment(cr, odoo.SUPERUSER_ID, {}), args)
    results = bench(registry, data, args)
    sys.stdout.write("\n".join(table(results, args)) + "\n")
    sys.stdout.write(
        f"\nDatabase {args.db_prefix}, vrac_groupement and vrac_distribution "
        f"without demo data; sheets measured as a volunteer after a warm-up. "
        f"Preparing the distribution (confirming {results['bags']:,} orders, "
        f"reserving the bags) took {results['prepare']:.0f} s. "
        f"{footer(started, load)}\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
