# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the benchmarks share: quiet context, throwaway databases, table rows.

Imported by the bench/bench_*.py scripts (run as scripts: this folder is on
their path). Odoo must already be configured (``config.parse_config``).
"""

import logging
import os
import shutil
import time
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


def configure(config_file):
    """Odoo as a library for a bench: quiet logs, no demo data, and the
    database manager on (the bench creates its own databases; make demo/test
    turn it off in their configuration). Returns the start time and load."""
    config.parse_config(["-c", config_file, "--log-level=warn", "--without-demo=all"])
    config["list_db"] = True
    odoo.modules.module.initialize_sys_path()
    return time.perf_counter(), os.getloadavg()[0]


def create_database(name, modules):
    """``name`` afresh (dropped first) with ``modules``: its registry."""
    drop_database(name)
    logging.getLogger("bench").info("creating %s with %s", name, ", ".join(modules))
    odoo.service.db._create_empty_database(name)
    return install(name, modules)


def footer(started, load):
    """The last sentence of every bench: how long, how loaded the machine."""
    return (
        f"Total bench time {time.perf_counter() - started:.0f} s; load average "
        f"{load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end "
        f"({os.cpu_count()} CPUs)."
    )


def row(measure_name, figure, reference, ratio, verdict):
    """One line of the Markdown table every bench prints."""
    return f"| {measure_name} | {figure} | {reference} | {ratio} | {verdict} |"
