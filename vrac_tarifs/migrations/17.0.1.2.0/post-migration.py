# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """Tiers at cost sell at the cost to the cent; tiers at or above cost
    never sell below cost (rule carried by their pricelist item)."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    tiers = env["vrac.tier"].with_context(active_test=False).search([])
    at_cost = tiers.filtered(lambda tier: not tier.percent and tier.rounding > 0.01)
    # Writing the rounding re-syncs their pricelists.
    at_cost.write({"rounding": 0.0})
    (tiers - at_cost)._sync_pricelists()
