# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmarks of vrac_tarifs: figures, not timed tests.

    python bench/bench_tarifs.py --config CONF [--households 5000] [--products 500]

1. Opening a point of sale: ``pos.session.load_data([])`` (what Odoo 18.0's
   till downloads when it opens: every model of ``_load_pos_data_models``)
   with 5,000 households and 500 products, in a
   database with vrac_tarifs (tiers on the till, half of the households in a
   tier) and in the same database without it (the addon's dependencies
   only), as a volunteer cashier. Median time of several runs, measured in
   turn in both databases, and SQL queries; target: at most 1.1x.
2. Cost prices and tier prices of 2,000 products from 8 vendors: vendor
   prices change, then ``product.template._vrac_update_costs()`` and, for
   every tier pricelist, ``product.pricelist._get_products_price()``; time
   and SQL queries for 1,000 and 2,000 products. Set-wise: far fewer
   queries than products (under 100 per 1,000 products); tier prices are
   read-only, their time is a median.

The databases (``<prefix>_base`` and ``<prefix>_tarifs``) are dropped and
created afresh in the cluster of the configuration file, then kept for
inspection. Odoo is used as a library: run it with the Python that runs Odoo.
"""

import argparse
import logging
import statistics
import sys
import time
from contextlib import ExitStack
from functools import partial

from common import QUIET, configure, drop_database, footer, install, row

import odoo
from odoo import Command

_logger = logging.getLogger("bench_tarifs")

TARGET_POS_RATIO = 1.10
# Set-wise: far fewer queries than products (one per product would be 1000).
TARGET_QUERIES_PER_1000 = 100


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", required=True, help="Odoo configuration file")
    parser.add_argument("--db-prefix", default="bench_pos")
    parser.add_argument("--households", type=int, default=5000)
    parser.add_argument("--products", type=int, default=500)
    parser.add_argument("--cost-products", type=int, default=2000)
    parser.add_argument("--vendors", type=int, default=8)
    parser.add_argument("--runs", type=int, default=7, help="timed runs (median)")
    parser.add_argument(
        "--base-modules",
        default="",
        help="modules of the reference database (default: the dependencies of "
        "vrac_tarifs, so that the ratio measures vrac_tarifs alone)",
    )
    return parser.parse_args(argv)


# Databases -------------------------------------------------------------------


def create_databases(base_name, base_modules, tarifs_name):
    """Fresh databases, no demo data: the reference, then a copy of it
    with vrac_tarifs installed (same modules and data but vrac_tarifs)."""
    for name in (base_name, tarifs_name):
        drop_database(name)
    _logger.info("creating %s with %s", base_name, ", ".join(base_modules))
    odoo.service.db._create_empty_database(base_name)
    install(base_name, base_modules)
    odoo.modules.registry.Registry.delete(base_name)
    odoo.service.db.exp_duplicate_database(base_name, tarifs_name)
    _logger.info("installing vrac_tarifs in %s", tarifs_name)
    return odoo.registry(base_name), install(tarifs_name, ["vrac_tarifs"])


def addon_dependencies(name):
    manifest = odoo.modules.module.get_manifest(name)
    return list(manifest["depends"])


# Measures --------------------------------------------------------------------


def measure_once(env, function):
    """(seconds, SQL queries) of function(), from a cold ORM cache.

    Pending ORM writes are flushed inside the measure: they are part of it.
    """
    cr = env.cr
    env.invalidate_all()
    start_count, start = cr.sql_log_count, time.perf_counter()
    function()
    env.flush_all()
    return time.perf_counter() - start, cr.sql_log_count - start_count


def measure_median(env, function, runs):
    """measure_once() of a read-only function: median time, queries."""
    measures = [measure_once(env, function) for _run in range(runs)]
    return statistics.median(m[0] for m in measures), measures[-1][1]


# 1. Point of sale opening ------------------------------------------------------


def populate_pos(env, households, products, with_tiers):
    """Groups, households (half in a tier), products, a point of sale.

    Returns the session, opened by a volunteer cashier of every group.
    """
    env = env(context=QUIET)
    cashier = env["res.users"].create(
        {
            "name": "Caissière bénévole",
            "login": "bench_cashier",
            "groups_id": [
                Command.set(
                    [
                        env.ref("point_of_sale.group_pos_user").id,
                        env.ref("vrac_groupement.group_volunteer").id,
                    ]
                )
            ],
        }
    )
    groupements = env["vrac.groupement"].create(
        [
            {
                "name": f"Groupement {index}",
                "code": f"G{index:02d}",
                "town": "Lille",
                "user_ids": [Command.set(cashier.ids)],
            }
            for index in range(10)
        ]
    )
    tiers = env["vrac.tier"].search([]) if with_tiers else []
    vals_list = []
    for index in range(households):
        vals = {
            "name": f"Foyer {index:05d}",
            "vrac_groupement_id": groupements[index % len(groupements)].id,
            "vrac_adult_count": 1 + index % 2,
            "vrac_child_count": index % 4,
            "phone": f"06 {index:08d}",
        }
        if tiers and index % 2 == 0:
            vals["vrac_tier_id"] = tiers[(index // 2) % len(tiers)].id
            vals["vrac_tier_reason"] = "Bench"
        vals_list.append(vals)
    env["res.partner"].create(vals_list)
    env["product.product"].create(
        [
            {
                "name": f"Produit vrac {index:03d}",
                "type": "consu",
                "available_in_pos": True,
                "standard_price": 1.0 + (index % 97) * 0.13,
                "list_price": 2.0 + (index % 97) * 0.2,
            }
            for index in range(products)
        ]
    )
    vals = {"name": "Bench POS"}
    if with_tiers and "vrac_use_tiers" in env["pos.config"]._fields:
        vals["vrac_use_tiers"] = True
    pos_config = env["pos.config"].create(vals)
    pos_config.with_user(cashier).open_ui()
    return pos_config.current_session_id


def prepare_pos(registry, households, products, with_tiers):
    """Populate and commit; returns (session id, cashier id)."""
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        session = populate_pos(env, households, products, with_tiers)
        return session.id, session.user_id.id


def bench_pos(targets, runs):
    """Median (seconds, queries) of load_data per database.

    The databases are measured in turn, run after run, so that a load on the
    machine weighs on both alike; one warm-up run each fills the caches of
    a running server.
    """
    timings = {key: [] for key in targets}
    queries, counts = {}, {}
    with ExitStack() as stack:
        sessions = {}
        for key, (registry, session_id, cashier_id) in targets.items():
            cr = stack.enter_context(registry.cursor())
            # The till loads its data as the cashier: record rules included.
            env = odoo.api.Environment(cr, cashier_id, {})
            sessions[key] = env["pos.session"].browse(session_id)
            data = sessions[key].load_data([])
            counts[key] = {
                "partners": len(data.get("res.partner", {}).get("data", [])),
                "products": len(data.get("product.product", {}).get("data", [])),
                "pricelists": len(data.get("product.pricelist", {}).get("data", [])),
            }
        for _run in range(runs):
            for key, session in sessions.items():
                seconds, queries[key] = measure_once(
                    session.env, partial(session.load_data, [])
                )
                timings[key].append(seconds)
        for session in sessions.values():
            session.env.cr.rollback()
    return {
        key: (statistics.median(timings[key]), queries[key], counts[key])
        for key in targets
    }


# 2. Cost prices and tier prices -----------------------------------------------


def populate_costs(env, count, vendors):
    env = env(context=QUIET)
    vendors = env["res.partner"].create(
        [
            {
                "name": f"Fournisseur {index}",
                "is_company": True,
                "vrac_logistics_percent": 2.0 * index,
                "vrac_logistics_amount": 0.05 * (index % 3),
            }
            for index in range(vendors)
        ]
    )
    vals_list = []
    for index in range(count):
        vendor = vendors[index % len(vendors)]
        sellers = [
            Command.create(
                # Every product its own price, as in a real catalogue.
                {"partner_id": vendor.id, "price": 1.0 + index * 0.01}
            )
        ]
        if index % 2:
            # A second, dearer vendor: the first one gives the cost.
            other = vendors[(index + 1) % len(vendors)]
            sellers.append(
                Command.create(
                    {
                        "partner_id": other.id,
                        "price": 2.0 + index * 0.01,
                        "sequence": 20,
                    }
                )
            )
        vals = {
            "name": f"Article {index:04d}",
            "type": "consu",
            "seller_ids": sellers,
        }
        if index % 10 == 0:
            vals.update(vrac_logistics_override=True, vrac_logistics_percent=5.0)
        vals_list.append(vals)
    return env["product.template"].create(vals_list).ids


def change_vendor_prices(env, template_ids, factor):
    """Vendor prices change: one write per distinct old price."""
    sellers = env["product.supplierinfo"].search(
        [("product_tmpl_id", "in", template_ids)]
    )
    for price, group in sellers.grouped("price").items():
        group.write({"price": round(price * factor, 2)})
    env.flush_all()


def bench_costs(registry, count, vendors, runs):
    """{measure: {size: (seconds, queries)}} for half and all the products.

    The first computation creates the cost of every product; the measured
    updates then change costs that exist, as the monthly price changes do.
    """
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        template_ids = populate_costs(env, count, vendors)
    results = {}
    sizes = (count // 2, count)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        templates = env["product.template"].browse(template_ids)
        results["first costs"] = {
            count: measure_once(env, templates._vrac_update_costs)
        }
        for size in sizes:
            change_vendor_prices(env, template_ids, 1.05)
            results.setdefault("costs", {})[size] = measure_once(
                env, templates[:size]._vrac_update_costs
            )
        products = templates.product_variant_ids
        for tier in env["vrac.tier"].search([]):
            for size in sizes:
                results.setdefault(f"prices {tier.name}", {})[size] = measure_median(
                    env,
                    partial(
                        tier.pricelist_id._get_products_price, products[:size], 1.0
                    ),
                    runs,
                )
        cr.rollback()
    return sizes, results


# Table -----------------------------------------------------------------------


def pos_rows(base, tarifs, args):
    (base_s, base_q, base_counts), (tar_s, tar_q, tar_counts) = base, tarifs
    ratio_s, ratio_q = tar_s / base_s, tar_q / base_q
    label = f"POS opening, {args.households:,} households, {args.products} products"
    return [
        row(
            f"{label}: load_data, median of {args.runs}",
            f"{tar_s * 1000:.0f} ms",
            f"{base_s * 1000:.0f} ms without vrac_tarifs",
            f"{ratio_s:.2f}x (target <= {TARGET_POS_RATIO:.2f}x)",
            "OK" if ratio_s <= TARGET_POS_RATIO else "SLOWER",
        ),
        row(
            f"{label}: SQL queries",
            f"{tar_q}",
            f"{base_q} without vrac_tarifs",
            f"{ratio_q:.2f}x (+{tar_q - base_q} queries)",
            "info",
        ),
        row(
            "POS data loaded (partners / products / pricelists)",
            "{partners} / {products} / {pricelists}".format(**tar_counts),
            "{partners} / {products} / {pricelists}".format(**base_counts),
            "-",
            "info",
        ),
    ]


def cost_rows(sizes, results):
    small, large = sizes
    rows = []
    for name, figures in results.items():
        large_s, large_q = figures[large]
        per_1000_q = large_q * 1000 / large
        if name == "first costs":
            what, reference, ratio = "first cost computation", "-", "-"
        else:
            what = (
                "cost update"
                if name == "costs"
                else f"tier prices, {name[len('prices ') :]}"
            )
            small_s, small_q = figures[small]
            reference = f"{small_s * 1000:.0f} ms, {small_q} queries for {small:,}"
            ratio = (
                f"time {large_s / small_s:.2f}x, queries "
                f"{large_q / max(small_q, 1):.2f}x for 2x products"
            )
        rows += [
            row(
                f"{what}, {large:,} products: time",
                f"{large_s * 1000:.0f} ms ({large_s * 1000000 / large:.0f} ms/1000)",
                reference,
                ratio,
                "info",
            ),
            row(
                f"{what}, {large:,} products: SQL queries",
                f"{large_q} ({per_1000_q:.1f} per 1000 products)",
                "1000 per 1000 if per product",
                f"target < {TARGET_QUERIES_PER_1000} per 1000",
                "set-wise" if per_1000_q < TARGET_QUERIES_PER_1000 else "PER PRODUCT",
            ),
        ]
    return rows


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    started, load = configure(args.config)
    _logger.setLevel(logging.INFO)
    base_modules = [
        name.strip() for name in args.base_modules.split(",") if name.strip()
    ] or addon_dependencies("vrac_tarifs")
    registries = create_databases(
        f"{args.db_prefix}_base", base_modules, f"{args.db_prefix}_tarifs"
    )
    targets = {
        key: (
            registry,
            *prepare_pos(registry, args.households, args.products, with_tiers),
        )
        for key, registry, with_tiers in zip(
            ("base", "tarifs"), registries, (False, True), strict=True
        )
    }
    _logger.info("measuring the point of sale opening")
    figures = bench_pos(targets, args.runs)
    _logger.info("measuring cost and tier prices in %s_tarifs", args.db_prefix)
    sizes, results = bench_costs(
        registries[1], args.cost_products, args.vendors, max(args.runs // 2, 1)
    )
    lines = [
        "| measure | figure | reference | ratio/target | verdict |",
        "|---|---|---|---|---|",
        *pos_rows(figures["base"], figures["tarifs"], args),
        *cost_rows(sizes, results),
    ]
    sys.stdout.write("\n".join(lines) + "\n")
    sys.stdout.write(
        f"\nReference database modules: {', '.join(base_modules)}. "
        f"{footer(started, load)}\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
