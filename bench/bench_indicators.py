# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark of the indicators (dashboard, funder report, pivot): figures, not tests.

    python bench/bench_indicators.py --config CONF [--households 1000]
        [--lines 8] [--quick]

One database with vrac_groupement, vrac_tarifs and vrac_distribution (no
demo data): a 1,000-household association of four groups over the last two
years. Households joined before or during the two years, paid a rolling
annual membership, most renewed it; half of them have a tier. Each month a
cycle of the four groups (40 products, half sold by the kg) closed, about
60 % of the members ordered ``--lines`` products, and three distributions
(one pickup point shared by the two Romans groups) were held, with 3 to 6
volunteer shifts each, most bags collected. Bench data, not a workflow: the
orders are entered with the cycles' own ``_vrac_set_orders``, then states
(cycles done, orders confirmed and collected, distributions closed) are set
by SQL.

Measured as a coordinator of every group (record rules applied), from a
cold ORM cache after a warm-up call (a running server's registry is warm),
the tables ANALYZEd as autovacuum keeps them; target 2 s each:

1. the funder report's data, last 12 months beside the 12 before, every
   group (``vrac.indicator.report._vrac_report_data()``);
2. the dashboard, this year so far beside the same days last year: the
   groups' kanban cards (``vrac_dashboard_html`` and ``vrac_dashboard_graph``
   of every group, one engine call per period), or without them the engine
   (``vrac.indicator._vrac_indicator_rows`` twice);
3. the pivot: ``read_group`` of ``vrac.indicator.fact`` over the two years
   by indicator and month, as the web client asks it.

The database (``<prefix>``) is dropped and created afresh in the cluster of
the configuration file, then kept for inspection. Odoo is used as a
library: run it with the Python that runs Odoo.
"""

import argparse
import logging
import random
import sys
import time
from collections import defaultdict
from datetime import datetime, timedelta
from datetime import time as day_time
from types import SimpleNamespace

from bench_cycles import VENDORS, create_products, fig, measure, numbered
from common import QUIET, configure, create_database, footer, row
from dateutil.relativedelta import relativedelta

import odoo
from odoo import Command, fields
from odoo.tools import SQL

_logger = logging.getLogger("bench_indicators")

TARGET_SECONDS = 2.0
SEED = 20261122
MONTHS = 24
CHUNK = 100
GROUPS = (
    ("Romans Monnaie", "ROM", "Romans-sur-Isère"),
    ("Romans Centre", "ROC", "Romans-sur-Isère"),
    ("Valence Fontbarlettes", "VAL", "Valence"),
    ("Die", "DIE", "Die"),
)
# Pickup points: the two Romans groups share the first one.
POINTS = (
    ("Maison de Quartier Saint-Nicolas", (0, 1)),
    ("Centre social Le Tambour", (2,)),
    ("Salle des fêtes de Die", (3,)),
)
ORDER_SHARE = 0.6
RENEWAL_SHARE = 0.8
VOLUNTEER_SHARE = 0.06
UNIT_QUANTITIES = (1, 1, 2, 2, 3)
BULK_QUANTITIES = (0.5, 0.75, 1.0, 1.0, 1.5, 2.0)
# Collection of the bags: (state, weight).
COLLECT_STATES = (("collected", 90), ("partial", 4), ("cancel", 6))


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", required=True, help="Odoo configuration file")
    parser.add_argument("--db-prefix", default="bench_indicators")
    parser.add_argument("--households", type=int, default=1000)
    parser.add_argument("--lines", type=int, default=8, help="lines per order")
    parser.add_argument(
        "--quick", action="store_true", help="100 households, to try it out"
    )
    parser.add_argument(
        "--explain",
        action="store_true",
        help="print the plan of the pivot's query (EXPLAIN ANALYZE)",
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.households = 100
    if args.households < 20 or not 0 < args.lines <= 40:
        parser.error("at least 20 households, 1 to 40 lines")
    # create_products() of bench_cycles reads these.
    args.products, args.vendors = 40, 8
    return args


# Data ------------------------------------------------------------------------


def month_starts(today):
    """The first days of the MONTHS full months before this one."""
    first = today.replace(day=1) - relativedelta(months=MONTHS)
    return [first + relativedelta(months=index) for index in range(MONTHS)]


def plan_households(args, months, today, rng):
    """[{join, paid: [dates], tier, volunteer, group}]: who joined and paid when.

    70 % were members before the two years (joined in the 12 months before),
    the others join during them. A membership runs 12 months from its
    payment; 80 % renew it the day after it ends.
    """
    start = months[0]
    plans = []
    for index in range(args.households):
        if index % 10 < 7:
            join = start - timedelta(days=rng.randrange(1, 365))
        else:
            join = start + timedelta(days=rng.randrange(0, (today - start).days))
        paid = [join]
        while True:
            renewal = paid[-1] + relativedelta(months=12)
            if renewal > today or rng.random() > RENEWAL_SHARE:
                break
            paid.append(renewal)
        plans.append(
            {
                "join": join,
                "paid": paid,
                "group": index % len(GROUPS),
                "tier": index % 2 == 0,
                "volunteer": rng.random() < VOLUNTEER_SHARE,
            }
        )
    return plans


def is_member(plan, day):
    return any(paid <= day < paid + relativedelta(months=12) for paid in plan["paid"])


def populate(env, args):
    """Groups, households and memberships, products, cycles and orders,
    distributions and shifts. Returns what the measures need."""
    env = env(context=QUIET)
    rng = random.Random(SEED)
    today = fields.Date.context_today(env["res.partner"])
    months = month_starts(today)
    company = env.company
    coordinator = env["res.users"].create(
        {
            "name": "Claire Dubois",
            "login": "claire.dubois@vrac-drome.fr",
            "email": "claire.dubois@vrac-drome.fr",
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
                "name": name,
                "code": code,
                "town": town,
                "company_id": company.id,
                "coordinator_ids": [Command.set(coordinator.ids)],
            }
            for name, code, town in GROUPS
        ]
    )
    plans = plan_households(args, months, today, rng)
    tiers = env["vrac.tier"].search([("company_id", "in", (company.id, False))])
    households = env["res.partner"].create(
        [
            {
                "name": f"Foyer {index:05d}",
                "vrac_groupement_id": groupements[plan["group"]].id,
                "vrac_join_date": plan["join"],
                "vrac_adult_count": 1 + index // 4 % 2,
                "vrac_child_count": index // 8 % 4,
                "vrac_is_volunteer": plan["volunteer"],
                "city": GROUPS[plan["group"]][2],
                **(
                    {
                        "vrac_tier_id": tiers[index % len(tiers)].id,
                        "vrac_tier_reason": "Bench",
                    }
                    if tiers and plan["tier"]
                    else {}
                ),
            }
            for index, plan in enumerate(plans)
        ]
    )
    fee = env.ref("vrac_groupement.product_membership_year")
    env["membership.membership_line"].create(
        [
            {
                "partner": household.id,
                "membership_id": fee.id,
                "member_price": 20.0,
                "date": paid,
                "vrac_paid_date": paid,
            }
            for household, plan in zip(households, plans, strict=True)
            for paid in plan["paid"]
        ]
    )
    _logger.info("%d households, their memberships", len(households))
    vendors = env["res.partner"].create(
        [
            {"name": name, "is_company": True, "supplier_rank": 1}
            for name in numbered(VENDORS, args.vendors, "n°")
        ]
    )
    products = create_products(env, args, vendors)
    points = create_points(env, groupements)
    product_values = {
        product.id: {
            "name": product.name,
            "uom": product.uom_id.id,
            "cost": product.standard_price,
        }
        for product in env["product.product"].browse([p["id"] for p in products])
    }
    data = SimpleNamespace(
        env=env,
        rng=rng,
        args=args,
        plans=plans,
        households=households,
        groupements=groupements,
        products=products,
        product_values=product_values,
        points=points,
        volunteers=[
            household
            for household, plan in zip(households, plans, strict=True)
            if plan["volunteer"]
        ],
        counts=defaultdict(int),
    )
    for month in months:
        run_month(data, month)
    env.flush_all()
    return {
        "coordinator": coordinator.id,
        "today": today,
        "months": months,
        "counts": dict(data.counts, households=len(households)),
    }


def create_points(env, groupements):
    centre = env["res.partner"].create(
        {"name": "Réseau VRAC Drôme", "is_company": True}
    )
    return env["vrac.pickup.point"].create(
        [
            {
                "name": name,
                "partner_id": centre.id,
                "groupement_ids": [
                    Command.set([groupements[index].id for index in indexes])
                ],
            }
            for name, indexes in POINTS
        ]
    )


def run_month(data, month):
    """One cycle of every group: orders, then the month's distributions."""
    env, rng, args = data.env, data.rng, data.args
    close = datetime.combine(month + timedelta(days=9), day_time(20, 0))
    distribution_day = month + timedelta(days=16)
    cycle = env["vrac.order.cycle"].create(
        {
            "name": f"Commande {month:%m/%Y}",
            "date_open": close - timedelta(days=9),
            "date_close": close,
            "groupement_line_ids": [
                Command.create(
                    {"groupement_id": group.id, "distribution_date": distribution_day}
                )
                for group in data.groupements
            ],
            "line_ids": [
                Command.create({"product_id": product["id"], "sequence": index})
                for index, product in enumerate(data.products)
            ],
        }
    )
    cycle.state = "open"
    plan = {}
    for household, household_plan in zip(data.households, data.plans, strict=True):
        if household_plan["join"] > close.date() or not is_member(
            household_plan, close.date()
        ):
            continue
        if rng.random() > ORDER_SHARE:
            continue
        chosen = rng.sample(data.products, args.lines)
        plan[household.id] = {
            product["id"]: rng.choice(
                BULK_QUANTITIES if product["bulk"] else UNIT_QUANTITIES
            )
            for product in sorted(chosen, key=lambda p: p["index"])
        }
    create_orders(data, cycle, plan)
    distributions = env["vrac.distribution"].create(
        [
            {
                "pickup_point_id": point.id,
                "date": distribution_day,
                "cycle_ids": [Command.set(cycle.ids)],
            }
            for point in data.points
        ]
    )
    shifts = []
    for distribution in distributions:
        for volunteer in rng.sample(data.volunteers, min(len(data.volunteers), 6))[
            : rng.randint(3, 6)
        ]:
            hour_from = rng.choice((8.0, 8.5, 9.0, 13.0))
            shifts.append(
                {
                    "distribution_id": distribution.id,
                    "partner_id": volunteer.id,
                    "role": rng.choice(("bags", "till", "welcome")),
                    "hour_from": hour_from,
                    "hour_to": hour_from + rng.choice((2.0, 3.0, 3.5, 4.0)),
                }
            )
    env["vrac.distribution.shift"].create(shifts)
    env.flush_all()
    settle(env, cycle, distributions, rng)
    data.counts["cycles"] += 1
    data.counts["orders"] += len(plan)
    data.counts["lines"] += sum(len(products) for products in plan.values())
    data.counts["distributions"] += len(distributions)
    data.counts["shifts"] += len(shifts)
    _logger.info("%s: %d orders, %d shifts", cycle.name, len(plan), len(shifts))


def create_orders(data, cycle, plan):
    """The households' orders of ``cycle``: the orders by the ORM, by chunks,
    their lines by one INSERT (the ORM prices each line with a pricelist
    search: 20 minutes for 100,000 lines). Lines are priced at cost."""
    from odoo.addons.vrac_groupement.models.vrac_order_cycle import CYCLE_PROCESS

    env = data.env(
        context=dict(data.env.context, **{CYCLE_PROCESS.name: CYCLE_PROCESS})
    )
    items = list(plan.items())
    orders = env["sale.order"]
    for start in range(0, len(items), CHUNK):
        orders |= env["sale.order"].create(
            [
                cycle._vrac_prepare_sale_order(partner_id)
                for partner_id, _products in items[start : start + CHUNK]
            ]
        )
    env.flush_all()
    catalog = {line.product_id.id: line.id for line in cycle.line_ids}
    products = data.product_values
    columns = defaultdict(list)
    for order, (partner_id, quantities) in zip(orders, items, strict=True):
        for sequence, (product_id, qty) in enumerate(quantities.items()):
            product = products[product_id]
            subtotal = round(qty * product["cost"], 2)
            for column, value in (
                ("order_id", order.id),
                ("sequence", sequence + 10),
                ("partner_id", partner_id),
                ("product_id", product_id),
                ("uom_id", product["uom"]),
                ("name", product["name"]),
                ("qty", qty),
                ("price", product["cost"]),
                ("subtotal", subtotal),
                ("groupement_id", order.vrac_groupement_id.id),
                ("cycle_line_id", catalog[product_id]),
            ):
                columns[column].append(value)
    env.cr.execute(
        SQL(
            """
            INSERT INTO sale_order_line (
                order_id, sequence, company_id, currency_id, order_partner_id,
                salesman_id, product_id, product_uom, name, product_uom_qty,
                price_unit, discount, price_subtotal, price_total,
                price_reduce_taxexcl, price_reduce_taxinc, price_tax,
                purchase_price, margin, customer_lead, state,
                qty_delivered_method, invoice_status, qty_delivered,
                qty_invoiced, qty_to_invoice, untaxed_amount_invoiced,
                untaxed_amount_to_invoice, product_packaging_qty,
                vrac_cycle_id, vrac_groupement_id, vrac_cycle_line_id,
                vrac_ordered_qty, vrac_allocated_qty, vrac_is_short,
                create_uid, write_uid, create_date, write_date)
            SELECT l.order_id, l.sequence, %(company)s, %(currency)s,
                   l.partner_id, %(uid)s, l.product_id, l.uom_id, l.name, l.qty,
                   l.price, 0, l.subtotal, l.subtotal, l.price, l.price, 0,
                   l.price, 0, 0, 'draft', 'stock_move', 'no', 0, 0, 0, 0, 0,
                   0, %(cycle)s, l.groupement_id, l.cycle_line_id, l.qty,
                   l.qty, FALSE, %(uid)s, %(uid)s, NOW() AT TIME ZONE 'UTC',
                   NOW() AT TIME ZONE 'UTC'
              FROM unnest(%(order_id)s::int[], %(sequence)s::int[],
                          %(partner_id)s::int[], %(product_id)s::int[],
                          %(uom_id)s::int[], %(name)s::text[],
                          %(qty)s::numeric[], %(price)s::numeric[],
                          %(subtotal)s::numeric[], %(groupement_id)s::int[],
                          %(cycle_line_id)s::int[])
                AS l(order_id, sequence, partner_id, product_id, uom_id, name,
                     qty, price, subtotal, groupement_id, cycle_line_id)
            """,
            company=cycle.company_id.id,
            currency=cycle.company_id.currency_id.id,
            uid=env.uid,
            cycle=cycle.id,
            **columns,
        )
    )
    env.cr.execute(
        SQL(
            """
            UPDATE sale_order o
               SET amount_untaxed = t.amount, amount_total = t.amount,
                   amount_tax = 0
              FROM (SELECT order_id, SUM(price_subtotal) AS amount
                      FROM sale_order_line
                     WHERE vrac_cycle_id = %s
                  GROUP BY order_id) t
             WHERE o.id = t.order_id
            """,
            cycle.id,
        )
    )
    env.invalidate_all()


def settle(env, cycle, distributions, rng):
    """What the workflow would have done, by SQL: the cycle done, its orders
    confirmed on its closing day, collected (mostly) at the distribution of
    their group, the distributions closed."""
    cr = env.cr
    cr.execute(
        SQL("UPDATE vrac_order_cycle SET state = 'done' WHERE id = %s", cycle.id)
    )
    cr.execute(
        SQL(
            """
            SELECT o.id, rel.vrac_distribution_id
              FROM sale_order o
              JOIN vrac_distribution_vrac_groupement_rel rel
                ON rel.vrac_groupement_id = o.vrac_groupement_id
             WHERE o.vrac_cycle_id = %s AND rel.vrac_distribution_id IN %s
            """,
            cycle.id,
            tuple(distributions.ids),
        )
    )
    states, weights = zip(*COLLECT_STATES, strict=True)
    by_value = defaultdict(list)
    for order_id, distribution_id in cr.fetchall():
        state = rng.choices(states, weights)[0]
        by_value[(distribution_id, state)].append(order_id)
    for (distribution_id, state), order_ids in by_value.items():
        cr.execute(
            SQL(
                """
                UPDATE sale_order
                   SET state = CASE WHEN %(state)s = 'cancel'
                                    THEN 'cancel' ELSE 'sale' END,
                       date_order = %(date)s,
                       vrac_distribution_id = %(distribution)s,
                       vrac_collect_state = %(state)s
                 WHERE id IN %(ids)s
                """,
                state=state,
                date=cycle.date_close,
                distribution=distribution_id,
                ids=tuple(order_ids),
            )
        )
    cr.execute(
        SQL(
            """
            UPDATE sale_order_line l SET state = o.state
              FROM sale_order o
             WHERE o.id = l.order_id AND o.vrac_cycle_id = %s
            """,
            cycle.id,
        )
    )
    cr.execute(
        SQL(
            "UPDATE vrac_distribution SET state = 'closed' WHERE id IN %s",
            tuple(distributions.ids),
        )
    )
    env.invalidate_all()


# Measures --------------------------------------------------------------------


def last_twelve_months(today):
    """The 12 full months before this one (the report adds the 12 before)."""
    end = today.replace(day=1) - timedelta(days=1)
    start = end.replace(day=1) - relativedelta(months=11)
    return start, end


def report_data(env, today):
    """(1) The funder report's figures, every group, a year beside the last."""
    date_from, date_to = last_twelve_months(today)
    report = env["vrac.indicator.report"].create(
        {"scope": "all", "date_from": date_from, "date_to": date_to}
    )
    return report._vrac_report_data()


def dashboard(env, today):
    """(2) The dashboard: this year so far beside the same days last year.

    The groups' kanban cards as the web client reads them (their key
    indicators and sales graph), or, without these fields, the engine for
    every group, twice.
    """
    Groupement = env["vrac.groupement"]
    if "vrac_dashboard_html" in Groupement._fields:
        return Groupement.search_read(
            [], ["name", "vrac_dashboard_html", "vrac_dashboard_graph"]
        )
    groupements = Groupement.search([])
    engine = env["vrac.indicator"]
    start = today.replace(month=1, day=1)
    last_year = relativedelta(years=1)
    return (
        engine._vrac_indicator_rows(groupements, start, today),
        engine._vrac_indicator_rows(groupements, start - last_year, today - last_year),
    )


def pivot(env, months, today):
    """(3) The pivot over the two years, by indicator and month."""
    return env["vrac.indicator.fact"].read_group(
        [("date", ">=", months[0]), ("date", "<=", today)],
        ["value:sum"],
        ["indicator", "date:month"],
        lazy=False,
    )


def explain(env, months, today):
    """EXPLAIN ANALYZE of the pivot's query, for the record."""
    env.cr.execute(
        SQL(
            """
            EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT)
            SELECT indicator, date_trunc('month', date), SUM(value)
              FROM vrac_indicator_fact
             WHERE date BETWEEN %s AND %s
          GROUP BY 1, 2
            """,
            months[0],
            today,
        )
    )
    return [line for (line,) in env.cr.fetchall()]


def bench(registry, data, args):
    results = {}
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        env = env(user=data["coordinator"])
        today, months = data["today"], data["months"]
        measures = {
            "report": lambda: report_data(env, today),
            "dashboard": lambda: dashboard(env, today),
            "pivot": lambda: pivot(env, months, today),
        }
        for key, function in measures.items():
            function()  # warm-up
            results[key] = measure(env, function, key)
        results["facts"] = env["vrac.indicator.fact"].sudo().search_count([])
        if args.explain:
            results["explain"] = explain(env, months, today)
        cr.rollback()
    return results


def table(results, data):
    lines = [
        "| measure | figure | reference | ratio/target | verdict |",
        "|---|---|---|---|---|",
    ]
    labels = {
        "report": "funder report data, 12 months beside the 12 before, all groups",
        "dashboard": "dashboard cards, this year so far beside last year, all groups",
        "pivot": "pivot read_group, 2 years by indicator x month",
    }
    for key, label in labels.items():
        seconds, cpu, queries, _result = results[key]
        lines.append(
            row(
                label,
                fig((seconds, cpu, queries)),
                f"target {TARGET_SECONDS:.0f} s",
                f"{seconds / TARGET_SECONDS:.2f}x target",
                "OK" if seconds <= TARGET_SECONDS else "SLOW",
            )
        )
    return lines


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    started, load = configure(args.config)
    _logger.setLevel(logging.INFO)
    registry = create_database(
        args.db_prefix, ["vrac_groupement", "vrac_tarifs", "vrac_distribution"]
    )
    populated = time.perf_counter()
    with registry.cursor() as cr:
        data = populate(odoo.api.Environment(cr, odoo.SUPERUSER_ID, {}), args)
        cr.commit()
        # Statistics, as autovacuum keeps them on a live database: without
        # them, the planner expects a few rows of the fact view, not 160,000.
        cr.execute(SQL("ANALYZE"))
    populated = time.perf_counter() - populated
    results = bench(registry, data, args)
    counts = data["counts"]
    sys.stdout.write("\n".join(table(results, data)) + "\n")
    sys.stdout.write(
        f"\nDatabase {args.db_prefix}, vrac_groupement, vrac_tarifs and "
        f"vrac_distribution without demo data: {counts['households']:,} "
        f"households in {len(GROUPS)} groups, {counts['cycles']} monthly "
        f"cycles, {counts['orders']:,} orders of {counts['lines']:,} lines, "
        f"{counts['distributions']} distributions, {counts['shifts']:,} "
        f"shifts; {results['facts']:,} fact rows. Populated in "
        f"{populated:.0f} s, then ANALYZEd. Measured as a coordinator of "
        f"every group, cold ORM cache, after a warm-up. "
        f"{footer(started, load)}\n"
    )
    if args.explain:
        sys.stdout.write("\nPivot query plan:\n\n    ")
        sys.stdout.write("\n    ".join(results["explain"]) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
