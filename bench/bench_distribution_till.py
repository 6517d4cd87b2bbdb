# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark of the till of a distribution (vrac_distribution): figures, not tests.

    python bench/bench_distribution_till.py --config CONF [--households 1000]
        [--lines 6] [--quick]

One database with vrac_distribution (no demo data): a distribution, open at
its till, collecting the confirmed orders of ``--households`` households of
one group (``--lines`` lines each, half sold by the kg); as noise, another
distribution of a second group (a tenth as many orders) and as many ordinary
(non-VRAC) quotations. Purchases and receptions are skipped: the orders are
only confirmed.

Measured as the cashier (POS user with Sales: User, record rules applied),
what Odoo 18.0's till sends to find and load one household's order with
pos_sale's "Quotation/Order" dialog (a ``SelectCreateDialog`` on ``sale.order``)
restricted to the open distribution:

1. the list: ``sale.order`` ``web_search_read`` with the till's domain and the
   list view's fields, one page, without a search, then searching a
   household's name, then its number (typed in the search box: the first field
   of the distributions' search view, the household, which is searched by name
   and by household number);
2. loading the order chosen: ``sale.order`` read of the fields the till loads
   (``_load_pos_data_fields``), its lines read the same way (the till loads the
   records it lacks), then ``sale.order.line`` ``read_converted`` of its lines.

Each figure is the server time (elapsed, and this process's CPU) and SQL
queries of one call from a cold ORM cache, after one warm-up call (a running
server's registry is warm). The database (``<prefix>``) is dropped and created
afresh in the cluster of the configuration file, then kept for inspection.
Odoo is used as a library: run it with the Python that runs Odoo.
"""

import argparse
import logging
import sys

from bench_cycles import measure as cold_measure
from common import QUIET, configure, create_database, footer
from lxml import etree

import odoo
from odoo import Command

_logger = logging.getLogger("bench_distribution_till")

# Rows a page of the list in the dialog shows (the list view's default).
PAGE_SIZE = 80
CHUNK = 100
FIRST_NAMES = (
    "Amandine Bernard Camille Damien Élodie Fatima Gaëlle Hugo Inès Jérôme "
    "Karima Laurent Manon Nicolas Océane Pascal Quentin Rachida Sébastien Thomas"
).split()
SURNAMES = (
    "Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent "
    "Simon Michel Leroy Roux David Bertrand Morel Fournier Girard Bonnet "
    "Dupont Lambert Fontaine Rousseau Vincent Muller Faure André Mercier Blanc"
).split()
PRODUCTS = (
    ("Penne complètes 500 g", False),
    ("Lentilles vertes (vrac)", True),
    ("Huile d'olive vierge extra 1 L", False),
    ("Riz complet (vrac)", True),
    ("Sauce tomate basilic 350 g", False),
    ("Pois chiches (vrac)", True),
    ("Café moulu 250 g", False),
    ("Flocons d'avoine (vrac)", True),
    ("Savon de Marseille 300 g", False),
    ("Farine de blé T65 (vrac)", True),
)


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", required=True, help="Odoo configuration file")
    parser.add_argument("--db-prefix", default="bench_distribution_till")
    parser.add_argument("--households", type=int, default=1000)
    parser.add_argument("--lines", type=int, default=6, help="lines per order")
    parser.add_argument(
        "--quick", action="store_true", help="100 households, to try it out"
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.households = 100
    if args.households < 10 or not 0 < args.lines <= len(PRODUCTS):
        parser.error(f"at least 10 households, 1 to {len(PRODUCTS)} lines")
    return args


# Data ------------------------------------------------------------------------


def household_name(index):
    first = FIRST_NAMES[(index // len(SURNAMES)) % len(FIRST_NAMES)]
    name = f"Foyer {first} {SURNAMES[index % len(SURNAMES)]}"
    lap = index // (len(FIRST_NAMES) * len(SURNAMES))
    return f"{name} ({lap + 1})" if lap else name


def create_orders(env, households, products, args, confirm=True, **values):
    """Orders of ``households``, created (and confirmed) by chunks."""
    # The addons path is known once Odoo is configured (see main()).
    from odoo.addons.vrac_groupement.models.vrac_order_cycle import CYCLE_PROCESS

    env = env(context=dict(env.context, **{CYCLE_PROCESS.name: CYCLE_PROCESS}))
    orders = env["sale.order"]
    for start in range(0, len(households), CHUNK):
        chunk = households[start : start + CHUNK]
        batch = env["sale.order"].create(
            [
                {
                    "partner_id": household.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "product_uom_qty": (
                                    0.5 + (index + rank) % 4 * 0.25
                                    if product.uom_id.category_id
                                    == env.ref("uom.product_uom_categ_kgm")
                                    else 1 + (index + rank) % 3
                                ),
                            }
                        )
                        for rank, product in enumerate(
                            (products[index % len(products) :] + products)[: args.lines]
                        )
                    ],
                    **values,
                }
                for index, household in enumerate(chunk, start)
            ]
        )
        if confirm:
            batch.action_confirm()
        orders |= batch
        _logger.info("%d orders created", len(orders))
    return orders


def populate(env, args):
    """Groups, households, products, a cycle, two distributions, the orders."""
    env = env(context=QUIET)
    company = env.company
    cashier = env["res.users"].create(
        {
            "name": "Camille Caissière",
            "login": "camille.caissiere@vrac-romans.fr",
            "company_id": company.id,
            "company_ids": [Command.set(company.ids)],
            "groups_id": [
                Command.set(
                    [
                        env.ref("point_of_sale.group_pos_user").id,
                        env.ref("sales_team.group_sale_salesman").id,
                    ]
                )
            ],
        }
    )
    romans, die = env["vrac.groupement"].create(
        [
            {"name": "Romans Monnaie", "code": "ROM", "town": "Romans-sur-Isère"},
            {"name": "Die", "code": "DIE", "town": "Die"},
        ]
    )
    others = max(args.households // 10, 10)
    households = env["res.partner"].create(
        [
            {"name": household_name(index), "vrac_groupement_id": romans.id}
            for index in range(args.households)
        ]
        + [
            {"name": f"Foyer Diois {index:04d}", "vrac_groupement_id": die.id}
            for index in range(others)
        ]
    )
    customers = env["res.partner"].create(
        [{"name": f"Client ordinaire {index:04d}"} for index in range(others)]
    )
    uom_unit, uom_kg = env.ref("uom.product_uom_unit"), env.ref("uom.product_uom_kgm")
    products = env["product.product"].create(
        [
            {
                "name": name,
                "type": "consu",
                "is_storable": True,
                "uom_id": (uom_kg if bulk else uom_unit).id,
                "uom_po_id": (uom_kg if bulk else uom_unit).id,
                "list_price": 2.0 + index * 0.35,
                "standard_price": 1.6 + index * 0.28,
                "available_in_pos": True,
                "taxes_id": [Command.clear()],
            }
            for index, (name, bulk) in enumerate(PRODUCTS)
        ]
    )
    cycle = env["vrac.order.cycle"].create(
        {
            "name": "Commande de décembre",
            "date_open": "2026-12-01 08:00:00",
            "date_close": "2026-12-10 20:00:00",
            "groupement_line_ids": [
                Command.create(
                    {"groupement_id": group.id, "distribution_date": "2026-12-17"}
                )
                for group in romans | die
            ],
            "line_ids": [Command.create({"product_id": p.id}) for p in products],
        }
    )
    centre = env["res.partner"].create(
        {"name": "Maison de Quartier Saint-Nicolas", "is_company": True}
    )
    points = env["vrac.pickup.point"].create(
        [
            {
                "name": "Maison de Quartier Saint-Nicolas",
                "partner_id": centre.id,
                "groupement_ids": [Command.set(romans.ids)],
            },
            {
                "name": "Salle des fêtes de Die",
                "partner_id": centre.id,
                "groupement_ids": [Command.set(die.ids)],
            },
        ]
    )
    pos_config = env["pos.config"].create({"name": "Caisse Saint-Nicolas"})
    distribution, other = env["vrac.distribution"].create(
        [
            {
                "date": "2026-12-17",
                "pickup_point_id": point.id,
                "cycle_ids": [Command.set(cycle.ids)],
                "pos_config_id": config.id,
            }
            for point, config in zip(
                points, (pos_config, pos_config.browse()), strict=True
            )
        ]
    )
    # Buying (purchase orders) and preparing (bags, batch) are not what the
    # till measures: the cycle is marked ordered, the orders only confirmed.
    cycle.state = "ordered"
    (distribution | other).write({"state": "preparing"})
    distribution.state = "open"
    product_list = list(products)
    orders = create_orders(
        env,
        households[: args.households],
        product_list,
        args,
        vrac_cycle_id=cycle.id,
        vrac_distribution_id=distribution.id,
    )
    create_orders(
        env,
        households[args.households :],
        product_list,
        args,
        vrac_cycle_id=cycle.id,
        vrac_distribution_id=other.id,
    )
    create_orders(env, customers, product_list, args, confirm=False)
    # A household in the middle of the list, as the cashier meets it.
    target = orders[len(orders) // 2]
    return {
        "cashier": cashier.id,
        "pos_config": pos_config.id,
        "order": target.id,
        "name": target.partner_id.name,
        "other_name": households[-1].name,
        "number": target.partner_id.vrac_household_number,
        "orders": len(orders),
        "others": others,
        "lines": len(target.order_line),
    }


# Measures --------------------------------------------------------------------


def measure(env, function, label):
    """bench_cycles' measure (cold ORM cache), after one warm-up call."""
    function()
    return cold_measure(env, function, label)


def till_domain(env, config, search=None):
    """The domain of vrac_distribution's ControlButtons.onClickQuotation,
    plus what the search box adds for the first field of the search view."""
    domain = [
        ("state", "!=", "cancel"),
        ("invoice_status", "!=", "invoiced"),
        ("currency_id", "=", env.company.currency_id.id),
    ]
    distribution = config.vrac_distribution_id
    domain += (
        [
            "|",
            ("vrac_cycle_id", "=", False),
            ("vrac_distribution_id", "=", distribution.id),
        ]
        if distribution
        else [("vrac_cycle_id", "=", False)]
    )
    if search:
        domain += [("partner_id", "ilike", search)]
    return domain


def list_specification(env):
    """The specification the web client's list sends: the list view's fields,
    many2one fields with their display name."""
    orders = env["sale.order"]
    arch = orders.get_views([(False, "list")])["views"]["list"]["arch"]
    specification = {}
    for node in etree.fromstring(arch).iter("field"):
        name = node.get("name")
        field = orders._fields.get(name)
        if not field or name in specification:
            continue
        specification[name] = (
            {"fields": {"display_name": {}}} if field.type == "many2one" else {}
        )
    return specification


def bench(registry, data):
    results = {}
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, data["cashier"], {})
        config = env["pos.config"].browse(data["pos_config"])
        orders = env["sale.order"]
        specification = list_specification(env)
        for key, search in (
            ("list", None),
            ("name", data["name"]),
            ("number", data["number"]),
            ("other", data["other_name"]),
        ):
            results[key] = measure(
                env,
                lambda search=search: orders.web_search_read(
                    till_domain(env, config, search),
                    specification,
                    offset=0,
                    limit=PAGE_SIZE,
                )["records"],
                f"list {key}",
            )
        order_id = data["order"]
        order_fields = orders._load_pos_data_fields(config.id)
        line_fields = env["sale.order.line"]._load_pos_data_fields(config.id)
        results["read"] = measure(
            env,
            lambda: orders.browse(order_id).read(order_fields, load=False),
            "order read",
        )
        line_ids = results["read"][3][0]["order_line"]
        results["lines_read"] = measure(
            env,
            lambda: (
                env["sale.order.line"].browse(line_ids).read(line_fields, load=False)
            ),
            "lines read",
        )
        results["lines"] = measure(
            env,
            lambda: env["sale.order.line"].browse(line_ids).read_converted(),
            "read_converted",
        )
        cr.rollback()
    return results


def fig(result):
    seconds, cpu, queries, _result = result
    return f"{seconds * 1000:.0f} ms ({cpu * 1000:.0f} ms CPU)", queries


def table(results, data):
    found = {
        key: [record["id"] for record in results[key][3]]
        for key in ("list", "name", "number", "other")
    }
    others = data["others"]
    noise = f"+ {others:,} of another distribution + {others:,} ordinary quotations"
    rows = [
        (
            f"(1) orders list, first page ({PAGE_SIZE} rows), "
            f"{data['orders']:,} orders of the distribution {noise}",
            results["list"],
            f"{len(found['list'])} rows",
        ),
        (
            f"(1) search a household's name ('{data['name']}')",
            results["name"],
            f"{len(found['name'])} row(s), order found: "
            f"{'yes' if data['order'] in found['name'] else 'NO'}",
        ),
        (
            f"(1) search its household number ('{data['number']}')",
            results["number"],
            f"{len(found['number'])} row(s), order found: "
            f"{'yes' if data['order'] in found['number'] else 'NO'}",
        ),
        (
            f"(1) search a household of the other distribution "
            f"('{data['other_name']}')",
            results["other"],
            f"{len(found['other'])} row(s) (must be 0: not offered)",
        ),
        (
            "(2) load the order: sale.order read (the till's fields)",
            results["read"],
            "1 order",
        ),
        (
            "(2) load its lines: sale.order.line read (the till's fields)",
            results["lines_read"],
            f"{data['lines']} lines",
        ),
        (
            "(2) load its lines: sale.order.line read_converted",
            results["lines"],
            f"{data['lines']} lines",
        ),
    ]
    total = tuple(
        sum(
            result[i]
            for result in (
                results["number"],
                results["read"],
                results["lines_read"],
                results["lines"],
            )
        )
        for i in range(3)
    ) + (None,)
    rows.append(
        ("(1+2) find by number and load the order", total, "what one household costs")
    )
    lines = [
        "| figure | value | queries | note |",
        "|---|---|---|---|",
    ]
    for label, result, note in rows:
        value, queries = fig(result)
        lines.append(f"| {label} | {value} | {queries} | {note} |")
    return lines


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    started, load = configure(args.config)
    _logger.setLevel(logging.INFO)
    registry = create_database(args.db_prefix, ["vrac_distribution"])
    _logger.info("populating: %d households", args.households)
    with registry.cursor() as cr:
        data = populate(odoo.api.Environment(cr, odoo.SUPERUSER_ID, {}), args)
    results = bench(registry, data)
    sys.stdout.write("\n".join(table(results, data)) + "\n")
    sys.stdout.write(
        f"\nDatabase {args.db_prefix}, vrac_distribution without demo data; "
        f"measured as a cashier (POS user, Sales: User), one call each from a "
        f"cold ORM cache after a warm-up call. {footer(started, load)}\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
