# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from openupgradelib import openupgrade


@openupgrade.migrate()
def migrate(env, version):
    """Tier price lists take their new shape.

    - Tiers at cost sell at the cost to the cent: their rounding goes.
    - Tiers at or above cost never sell below cost (a rule carried by their
      price list item).
    - Tier price lists were named after their tier: they take the neutral
      name that cashiers and volunteers may read.
    """
    tiers = env["vrac.tier"].with_context(active_test=False).search([])
    at_cost = tiers.filtered(lambda tier: not tier.percent and tier.rounding > 0.01)
    # Writing the rounding re-syncs their price lists.
    at_cost.write({"rounding": 0.0})
    (tiers - at_cost)._vrac_sync_pricelists()
