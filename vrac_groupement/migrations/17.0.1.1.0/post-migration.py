# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from openupgradelib import openupgrade


@openupgrade.migrate()
def migrate(env, version):
    """Order cycles share bulk products to the gram: 3 decimals for quantities."""
    env["vrac.order.cycle.line"]._vrac_ensure_gram_precision()
