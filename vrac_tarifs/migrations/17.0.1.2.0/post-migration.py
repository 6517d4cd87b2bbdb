# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from openupgradelib import openupgrade


@openupgrade.migrate()
def migrate(env, version):
    """Tier pricelists were named after their tier: give them the neutral
    name that cashiers and volunteers may read."""
    env["vrac.tier"].with_context(active_test=False).search([])._sync_pricelists()
