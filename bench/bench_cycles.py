# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmarks of order cycles (vrac_groupement): figures, not timed tests.

    python bench/bench_cycles.py --config CONF [--households 1000] [--lines 25]
        [--products 40] [--vendors 8] [--quick]

One database with vrac_groupement (no demo data): two groups, the
households, 8 vendors, 40 products (unit products bought by cases of 6 to 24,
bulk products sold by the kg and bought in 25 kg sacks; rounded up, down or
to the nearest case, some capacity-limited so that shortfalls are shared).
Each household orders 25 of the 40 products. Measured, as a coordinator:

1. Ours: entering the orders, ``cycle._vrac_set_orders()`` by chunks of
   households; closing, ``cycle.action_close()`` (aggregate, round to cases,
   share the shortfalls, write the allocations, draft purchase orders).
   Target: closing 1,000 households x 25 lines in 5 s or less.
2. The stock Odoo way, on the same households, products and quantities but
   without a cycle: batched create of the sale orders, one batch
   ``action_confirm()``, one ``_read_group`` of the lines by product and one
   purchase order per vendor (the totals, not rounded to cases).
3. Closing's SQL queries for a tenth of the households (a second cycle of
   the same households): they must not grow with the number of households.

A small cycle and a small stock flow run first, unmeasured, to warm the
registry caches as a running server has them. Time (elapsed, and this
process's CPU, steadier on a loaded machine) and SQL queries are measured
from a cold ORM cache, pending writes flushed inside the measure.
The database (``<prefix>``) is dropped and created afresh in the cluster of
the configuration file, then kept for inspection. Odoo is used as a
library: run it with the Python that runs Odoo.
"""

import argparse
import logging
import math
import random
import sys
import time
from collections import defaultdict
from datetime import timedelta

from common import QUIET, configure, create_database, footer, row

import odoo
from odoo import Command, fields

_logger = logging.getLogger("bench_cycles")

TARGET_CLOSE_SECONDS = 5.0
# Closing's queries for 10x the households: "constant" up to this ratio.
TARGET_QUERY_GROWTH = 1.10
WARM_UP_HOUSEHOLDS = 10
SEED = 20261201


# Realistic names: first names x surnames give 2,000 distinct households.
FIRST_NAMES = (
    "Amandine Bernard Camille Damien Élodie Fatima Gaëlle Hugo Inès Jérôme "
    "Karima Laurent Manon Nicolas Océane Pascal Quentin Rachida Sébastien Thomas "
    "Ulysse Valérie William Yasmine Zoé Aurélien Brigitte Cédric Delphine Émile "
    "Françoise Guillaume Hélène Isabelle Julien Kevin Léa Mathieu Nadia Olivier"
).split()
SURNAMES = (
    "Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent "
    "Simon Michel Lefèbvre Leroy Roux David Bertrand Morel Fournier Girard "
    "Bonnet Dupont Lambert Fontaine Rousseau Vincent Muller Lefèvre Faure André "
    "Mercier Blanc Guérin Boyer Garnier Chevalier François Legrand Gauthier "
    "Garcia Perrin Robin Clément Morin Nicolas Henry Roussel Mathieu Gautier Masson"
).split()
VENDORS = (
    "Pastificio Toscano",
    "Huilerie Andalouse",
    "Ferme des Coteaux",
    "Moulin de la Drôme",
    "Coopérative Ardéchoise",
    "Savonnerie du Midi",
    "Vergers du Vercors",
    "Épicerie en gros Rhône-Alpes",
)
# (name, case of the purchase packaging) of the products sold by the unit.
UNIT_PRODUCTS = (
    ("Penne complètes 500 g", 20),
    ("Spaghetti 500 g", 20),
    ("Huile d'olive vierge extra 1 L", 6),
    ("Huile de tournesol 1 L", 12),
    ("Sauce tomate basilic 350 g", 12),
    ("Lait demi-écrémé 1 L", 6),
    ("Jus de pomme 1 L", 6),
    ("Confiture d'abricots 370 g", 12),
    ("Miel de lavande 500 g", 12),
    ("Savon de Marseille 300 g", 24),
    ("Lessive liquide 1,5 L", 6),
    ("Café moulu 250 g", 12),
    ("Thé vert 100 g", 24),
    ("Chocolat noir 100 g", 20),
    ("Sardines à l'huile 115 g", 24),
    ("Pois chiches cuits 400 g", 12),
    ("Compote de pommes 4 x 100 g", 12),
    ("Biscuits sablés 200 g", 20),
    ("Vinaigre de cidre 75 cl", 6),
    ("Moutarde de Dijon 200 g", 12),
)
# Bulk products, sold by the kg, bought in 25 kg sacks.
BULK_PRODUCTS = (
    "Lentilles vertes",
    "Lentilles corail",
    "Pois cassés",
    "Haricots blancs",
    "Flocons d'avoine",
    "Farine de blé T65",
    "Farine de seigle",
    "Riz complet",
    "Quinoa",
    "Sucre de canne",
    "Amandes décortiquées",
    "Noix de cajou",
    "Raisins secs",
    "Pommes de terre",
    "Carottes",
    "Oignons jaunes",
    "Semoule de blé",
    "Boulgour",
    "Muesli",
    "Riz basmati",
)
BULK_CASE_KG = 25.0
# What a household orders: units, or kg to the gram.
UNIT_QUANTITIES = (1, 1, 2, 2, 3, 4)
BULK_QUANTITIES = (0.5, 0.75, 1.0, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0)
BULK_MAX_PER_HOUSEHOLD = 3.0
POLICIES = ("up", "down", "nearest")
# Share of the orders that a capacity-limited producer can deliver.
CAPACITY_SHARE = 0.7


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", required=True, help="Odoo configuration file")
    parser.add_argument("--db-prefix", default="bench_cycles")
    parser.add_argument("--households", type=int, default=1000)
    parser.add_argument("--products", type=int, default=40)
    parser.add_argument("--vendors", type=int, default=8)
    parser.add_argument("--lines", type=int, default=25, help="lines per household")
    parser.add_argument(
        "--chunk",
        type=int,
        default=100,
        help="households per _vrac_set_orders() and per sale.order create() call",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="100 households (and 10 for the query growth), to try it out",
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.households = 100
    if not 0 < args.lines <= args.products:
        parser.error("--lines must be between 1 and --products")
    if args.households < 10 or args.vendors < 1 or args.chunk < 1:
        parser.error("at least 10 households, 1 vendor and chunks of 1")
    # Query growth: closing a tenth of the households.
    args.small_households = args.households // 10
    return args


# Database --------------------------------------------------------------------


# Data ------------------------------------------------------------------------


def numbered(names, count, label):
    """``count`` names from ``names``, numbered when they run out."""
    return [
        names[index % len(names)]
        + (f" {label}{index // len(names) + 1}" if index >= len(names) else "")
        for index in range(count)
    ]


def populate(env, args):
    """Coordinator, groups, households, vendors, products; returns their ids."""
    env = env(context=QUIET)
    company = env.company
    coordinator = env["res.users"].create(
        {
            "name": "Claire Dubois",
            "login": "claire.dubois@vrac-romans.fr",
            # message_post (the closing's chatter note) needs an author email.
            "email": "claire.dubois@vrac-romans.fr",
            "company_id": company.id,
            "company_ids": [Command.set(company.ids)],
            "groups_id": [
                Command.set([env.ref("vrac_groupement.group_coordinator").id])
            ],
        }
    )
    groupements = env["vrac.groupement"].create(
        [
            {
                "name": "Romans Monnaie",
                "code": "ROM",
                "town": "Romans-sur-Isère",
                "is_qpv": True,
                "company_id": company.id,
                "coordinator_ids": [Command.set(coordinator.ids)],
            },
            {
                "name": "Die",
                "code": "DIE",
                "town": "Die",
                "company_id": company.id,
                "coordinator_ids": [Command.set(coordinator.ids)],
            },
        ]
    )
    household_names = [
        f"Foyer {FIRST_NAMES[(index // len(SURNAMES)) % len(FIRST_NAMES)]} "
        f"{SURNAMES[index % len(SURNAMES)]}"
        for index in range(args.households)
    ]
    households = env["res.partner"].create(
        [
            {
                "name": name
                + (
                    f" ({index // (len(FIRST_NAMES) * len(SURNAMES)) + 1})"
                    if index >= len(FIRST_NAMES) * len(SURNAMES)
                    else ""
                ),
                "vrac_groupement_id": groupements[index % 2].id,
                "vrac_adult_count": 1 + index % 2,
                "vrac_child_count": index % 4,
                "phone": f"06 {index // 10000 % 100:02d} {index // 100 % 100:02d} "
                f"{index % 100:02d} 00",
                "city": groupements[index % 2].town,
            }
            for index, name in enumerate(household_names)
        ]
    )
    vendors = env["res.partner"].create(
        [
            {"name": name, "is_company": True, "supplier_rank": 1}
            for name in numbered(VENDORS, args.vendors, "n°")
        ]
    )
    products = create_products(env, args, vendors)
    return {
        "company": company.id,
        "coordinator": coordinator.id,
        "groupements": groupements.ids,
        "households": households.ids,
        "products": products,
    }


def create_products(env, args, vendors):
    """Half sold by the unit (packaging cases), half by the kg (25 kg sacks).

    Returns [{"id", "bulk", "vendor", "index"}] in catalog order.
    """
    uom_unit = env.ref("uom.product_uom_unit")
    uom_kg = env.ref("uom.product_uom_kgm")
    unit_names = numbered([name for name, _case in UNIT_PRODUCTS], args.products, "n°")
    bulk_names = numbered(
        [f"{name} (vrac)" for name in BULK_PRODUCTS], args.products, "n°"
    )
    vals_list, cases = [], []
    for index in range(args.products):
        bulk = index % 2 == 1
        vendor = vendors[index % len(vendors)]
        uom = uom_kg if bulk else uom_unit
        cost = round(1.1 + (index * 37 % 50) * 0.09, 2)
        vals_list.append(
            {
                "name": bulk_names[index // 2] if bulk else unit_names[index // 2],
                "type": "consu",
                "is_storable": True,
                "uom_id": uom.id,
                "uom_po_id": uom.id,
                "list_price": round(cost * 1.25, 2),
                "standard_price": cost,
                "taxes_id": [Command.clear()],
                "supplier_taxes_id": [Command.clear()],
                "seller_ids": [
                    Command.create(
                        {
                            "partner_id": vendor.id,
                            "price": cost,
                            "vrac_case_qty": BULK_CASE_KG if bulk else 0.0,
                        }
                    )
                ],
            }
        )
        cases.append(
            None if bulk else UNIT_PRODUCTS[(index // 2) % len(UNIT_PRODUCTS)][1]
        )
    products = env["product.product"].create(vals_list)
    env["product.packaging"].create(
        [
            {
                "name": f"Carton de {case}",
                "product_id": product.id,
                "qty": case,
                "purchase": True,
            }
            for product, case in zip(products, cases, strict=True)
            if case
        ]
    )
    return [
        {
            "id": product.id,
            "bulk": case is None,
            "vendor": vendors[index % len(vendors)].id,
            "index": index,
        }
        for index, (product, case) in enumerate(zip(products, cases, strict=True))
    ]


def plan_orders(household_ids, products, lines, seed):
    """{partner id: {product id: quantity}}: ``lines`` products each, seeded."""
    rng = random.Random(seed)
    plan = {}
    for partner_id in household_ids:
        chosen = rng.sample(products, lines)
        plan[partner_id] = {
            product["id"]: rng.choice(
                BULK_QUANTITIES if product["bulk"] else UNIT_QUANTITIES
            )
            for product in sorted(chosen, key=lambda p: p["index"])
        }
    return plan


def catalog_values(products, plan):
    """Catalog lines: policies in turn, every fifth product capacity-limited.

    The capacity is 70 % of what the households order, in whole cases: the
    allocation has a shortfall to share whatever the number of households.
    """
    totals = defaultdict(float)
    for quantities in plan.values():
        for product_id, qty in quantities.items():
            totals[product_id] += qty
    values = []
    for product in products:
        index = product["index"]
        vals = {
            "product_id": product["id"],
            "sequence": index,
            "rounding_policy": POLICIES[index % len(POLICIES)],
        }
        if product["bulk"] and index % 4 == 1:
            vals["max_per_household"] = BULK_MAX_PER_HOUSEHOLD
        if index % 5 == 4:
            vals["capacity"] = max(
                math.floor(totals[product["id"]] * CAPACITY_SHARE), 1.0
            )
        values.append(vals)
    return values


def create_cycle(env, name, data, plan):
    """An open cycle serving both groups, with the 40-product catalog."""
    now = fields.Datetime.now()
    cycle = env["vrac.order.cycle"].create(
        {
            "name": name,
            "company_id": data["company"],
            "date_open": now - timedelta(days=1),
            "date_close": now + timedelta(days=6),
            "groupement_line_ids": [
                Command.create(
                    {
                        "groupement_id": groupement_id,
                        "distribution_date": (now + timedelta(days=9 + index)).date(),
                    }
                )
                for index, groupement_id in enumerate(data["groupements"])
            ],
            "line_ids": [
                Command.create(vals) for vals in catalog_values(data["products"], plan)
            ],
        }
    )
    cycle.action_open()
    return cycle


# Measures --------------------------------------------------------------------


def measure(env, function, label):
    """(seconds, CPU seconds, SQL queries, result) of function(), cold ORM cache.

    Pending ORM writes are flushed inside the measure: they are part of it.
    CPU seconds are this process's (Python), without PostgreSQL's: on a
    loaded machine they vary less than the elapsed time.
    """
    cr = env.cr
    env.flush_all()
    env.invalidate_all()
    start_count = cr.sql_log_count
    start, start_cpu = time.perf_counter(), time.process_time()
    result = function()
    env.flush_all()
    seconds, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    queries = cr.sql_log_count - start_count
    _logger.info("%s: %.2f s (%.2f s CPU), %d queries", label, seconds, cpu, queries)
    return seconds, cpu, queries, result


def chunks(plan, size):
    items = list(plan.items())
    for start in range(0, len(items), size):
        yield dict(items[start : start + size])


def run_ours(env, name, data, plan, chunk):
    """Enter the orders, close the cycle: {measure: (seconds, CPU, queries)}."""
    cycle = create_cycle(env, name, data, plan)
    env.flush_all()

    def enter():
        for part in chunks(plan, chunk):
            cycle._vrac_set_orders(part)

    size = f"{len(plan)} households"
    results = {
        "enter": measure(env, enter, f"{name}: entering, {size}")[:3],
        "close": measure(env, cycle.action_close, f"{name}: closing, {size}")[:3],
    }
    # Not part of the closing: confirming the purchase orders, when the
    # household orders take their allocations (Odoo recomputes their amounts).
    results["confirm"] = measure(
        env,
        cycle.action_confirm_purchases,
        f"{name}: confirming the purchases, {size}",
    )[:3]
    lines = env["sale.order.line"].search([("vrac_cycle_id", "=", cycle.id)])
    results["counts"] = {
        "state": cycle.state,
        "orders": len(cycle.sale_order_ids),
        "lines": len(lines),
        "short": len(lines.filtered("vrac_is_short")),
        "purchases": len(cycle.purchase_order_ids),
        "purchase lines": len(cycle.purchase_order_ids.order_line),
    }
    return results


def run_stock(env, data, plan, chunk):
    """The stock Odoo way on the same quantities, without a cycle."""
    SaleOrder = env["sale.order"]
    vendor_of = {product["id"]: product["vendor"] for product in data["products"]}
    orders = SaleOrder.browse()

    def create():
        nonlocal orders
        for part in chunks(plan, chunk):
            orders |= SaleOrder.create(
                [
                    {
                        "partner_id": partner_id,
                        "company_id": data["company"],
                        "order_line": [
                            Command.create(
                                {"product_id": product_id, "product_uom_qty": qty}
                            )
                            for product_id, qty in quantities.items()
                        ],
                    }
                    for partner_id, quantities in part.items()
                ]
            )

    def aggregate_and_buy():
        totals = env["sale.order.line"]._read_group(
            [("order_id", "in", orders.ids)], ["product_id"], ["product_uom_qty:sum"]
        )
        by_vendor = defaultdict(list)
        for product, qty in totals:
            by_vendor[vendor_of[product.id]].append((product, qty))
        return env["purchase.order"].create(
            [
                {
                    "partner_id": vendor_id,
                    "company_id": data["company"],
                    "order_line": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "product_qty": qty,
                                "product_uom": product.uom_id.id,
                            }
                        )
                        for product, qty in lines
                    ],
                }
                for vendor_id, lines in sorted(by_vendor.items())
            ]
        )

    size = f"{len(plan)} households"
    results = {"create": measure(env, create, f"stock: create, {size}")[:3]}
    results["confirm"] = measure(
        env, lambda: orders.action_confirm(), f"stock: confirm, {size}"
    )[:3]
    *figures, purchases = measure(
        env, aggregate_and_buy, f"stock: aggregate + purchase orders, {size}"
    )
    results["aggregate"] = tuple(figures)
    results["counts"] = {
        "orders": len(orders),
        "confirmed": len(orders.filtered(lambda o: o.state == "sale")),
        "pickings": len(orders.picking_ids),
        "purchases": len(purchases),
        "purchase lines": len(purchases.order_line),
    }
    return results


def bench(registry, data, args):
    """Warm-up, then the small cycle, the large cycle and the stock way."""
    plan = plan_orders(data["households"], data["products"], args.lines, SEED)
    small_plan = dict(list(plan.items())[: args.small_households])
    warm_plan = plan_orders(
        data["households"][:WARM_UP_HOUSEHOLDS],
        data["products"],
        args.lines,
        SEED + 1,
    )
    results = {}
    steps = (
        ("warm-up", "Cycle d'échauffement", warm_plan),
        ("small", "Commande groupée de novembre", small_plan),
        ("large", "Commande groupée de décembre", plan),
    )
    for key, name, cycle_plan in steps:
        _logger.info("cycle %r: %d households", name, len(cycle_plan))
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, data["coordinator"], QUIET)
            results[key] = run_ours(env, name, data, cycle_plan, args.chunk)
        if key == "warm-up":
            with registry.cursor() as cr:
                env = odoo.api.Environment(cr, data["coordinator"], QUIET)
                run_stock(env, data, warm_plan, args.chunk)
    _logger.info("stock Odoo way: %d households", len(plan))
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, data["coordinator"], QUIET)
        results["stock"] = run_stock(env, data, plan, args.chunk)
    return results


# Table -----------------------------------------------------------------------


def fig(figures):
    seconds, cpu, queries = figures
    return f"{seconds:.2f} s ({cpu:.2f} s CPU), {queries:,} queries"


def add(*figures):
    return tuple(sum(values) for values in zip(*figures, strict=True))


def ratio(figure, reference, index=0):
    return figure[index] / reference[index] if reference[index] else float("inf")


def table(results, args):
    large, small, stock = results["large"], results["small"], results["stock"]
    counts, stock_counts = large["counts"], stock["counts"]
    size = f"{args.households:,} households x {args.lines} lines"
    enter, close = large["enter"], large["close"]
    ours = add(enter, close)
    stock_after = add(stock["confirm"], stock["aggregate"])
    stock_total = add(stock["create"], stock_after)
    growth = ratio(close, small["close"], 2)
    return [
        "| measure | figure | reference | ratio/target | verdict |",
        "|---|---|---|---|---|",
        row(
            f"(a) ours: entering the orders, {size}, _vrac_set_orders by {args.chunk}",
            fig(enter),
            f"stock create: {fig(stock['create'])}",
            f"{ratio(enter, stock['create']):.2f}x time",
            "info",
        ),
        row(
            f"(b) ours: closing, {size}, {args.products} products, "
            f"{args.vendors} vendors (action_close)",
            fig(close),
            f"stock confirm + aggregate + PO: {fig(stock_after)}",
            f"target <= {TARGET_CLOSE_SECONDS:.0f} s",
            "PASS" if close[0] <= TARGET_CLOSE_SECONDS else "FAIL",
        ),
        row(
            "(b2) ours: confirming the purchase orders; the household orders "
            "take their allocations (not part of the closing)",
            fig(large["confirm"]),
            f"{counts['short']:,} short lines re-priced by Odoo",
            "-",
            "info",
        ),
        row(
            "(b) closing's result: orders / lines / short lines / POs / PO lines",
            f"{counts['orders']:,} / {counts['lines']:,} / {counts['short']:,} / "
            f"{counts['purchases']} / {counts['purchase lines']}",
            f"cycle {counts['state']}",
            "-",
            "info",
        ),
        row(
            f"(c) stock: create {stock_counts['orders']:,} sale.order by {args.chunk}",
            fig(stock["create"]),
            "-",
            "-",
            "info",
        ),
        row(
            "(c) stock: one batch action_confirm()",
            fig(stock["confirm"]),
            f"{stock_counts['confirmed']:,} confirmed, "
            f"{stock_counts['pickings']:,} deliveries",
            "-",
            "info",
        ),
        row(
            "(c) stock: _read_group by product + one PO per vendor",
            fig(stock["aggregate"]),
            f"{stock_counts['purchases']} POs, "
            f"{stock_counts['purchase lines']} lines, not rounded",
            "-",
            "info",
        ),
        row("(c) stock: total", fig(stock_total), "-", "-", "info"),
        row(
            f"(d) closing's SQL queries, {args.households:,} vs "
            f"{args.small_households:,} households",
            f"{close[2]:,}",
            f"{small['close'][2]:,} "
            f"({small['close'][0]:.2f} s, {small['close'][1]:.2f} s CPU)",
            f"{growth:.2f}x for {args.households / args.small_households:.0f}x "
            f"households (target <= {TARGET_QUERY_GROWTH:.2f}x)",
            "constant" if growth <= TARGET_QUERY_GROWTH else "GROWS",
        ),
        row(
            f"(d) entering's SQL queries, {args.households:,} vs "
            f"{args.small_households:,} households",
            f"{enter[2]:,}",
            f"{small['enter'][2]:,} "
            f"({small['enter'][0]:.2f} s, {small['enter'][1]:.2f} s CPU)",
            f"{ratio(enter, small['enter'], 2):.2f}x "
            f"(one call per {args.chunk} households)",
            "info",
        ),
        row(
            "ours (a+b) vs stock (c): time",
            f"{ours[0]:.2f} s ({ours[1]:.2f} s CPU)",
            f"{stock_total[0]:.2f} s ({stock_total[1]:.2f} s CPU)",
            f"{ratio(ours, stock_total):.2f}x ({ratio(ours, stock_total, 1):.2f}x CPU)",
            "faster" if ours[0] < stock_total[0] else "slower",
        ),
        row(
            "ours (a+b) vs stock (c): SQL queries",
            f"{ours[2]:,}",
            f"{stock_total[2]:,}",
            f"{ratio(ours, stock_total, 2):.2f}x",
            "fewer" if ours[2] < stock_total[2] else "more",
        ),
        row(
            "ours closing (b) vs stock confirm + aggregate + PO: time",
            f"{close[0]:.2f} s ({close[1]:.2f} s CPU)",
            f"{stock_after[0]:.2f} s ({stock_after[1]:.2f} s CPU)",
            f"{ratio(close, stock_after):.2f}x "
            f"({ratio(close, stock_after, 1):.2f}x CPU)",
            "info",
        ),
    ]


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    started, load = configure(args.config)
    _logger.setLevel(logging.INFO)
    registry = create_database(args.db_prefix, ["vrac_groupement"])
    _logger.info(
        "populating: %d households, %d products, %d vendors",
        args.households,
        args.products,
        args.vendors,
    )
    with registry.cursor() as cr:
        data = populate(odoo.api.Environment(cr, odoo.SUPERUSER_ID, {}), args)
    results = bench(registry, data, args)
    sys.stdout.write("\n".join(table(results, args)) + "\n")
    sys.stdout.write(
        f"\nDatabase {args.db_prefix}, vrac_groupement without demo data; "
        f"measured as a coordinator after a warm-up cycle of "
        f"{WARM_UP_HOUSEHOLDS} households. {footer(started, load)}\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
