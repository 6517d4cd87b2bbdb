# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the benchmarks share: quiet context, throwaway databases, table rows.

Imported by the bench/bench_*.py scripts (run as scripts: this folder is on
their path). Odoo must already be configured (``config.parse_config``).
"""

import shutil
from contextlib import closing

import odoo
from odoo.tools import SQL, config

# No chatter, tracking or invitation mails while creating bench data.
QUIET = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    "no_reset_password": True,
}


def drop_database(name):
    """Drop ``name`` and its filestore, if they exist."""
    odoo.modules.registry.Registry.delete(name)
    odoo.sql_db.close_db(name)
    with closing(odoo.sql_db.db_connect("postgres").cursor()) as cr:
        cr._cnx.autocommit = True
        cr.execute(SQL("DROP DATABASE IF EXISTS %s WITH (FORCE)", SQL.identifier(name)))
    shutil.rmtree(config.filestore(name), ignore_errors=True)


def install(name, modules):
    """Install ``modules`` (no demo data unless configured) in ``name``."""
    config["init"] = dict.fromkeys(modules, 1)
    try:
        return odoo.modules.registry.Registry.new(name, update_module=True)
    finally:
        config["init"] = {}


def row(measure_name, figure, reference, ratio, verdict):
    """One line of the Markdown table every bench prints."""
    return f"| {measure_name} | {figure} | {reference} | {ratio} | {verdict} |"
