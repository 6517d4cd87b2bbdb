# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class VracOrderEntry(models.TransientModel):
    """Fast entry of a household's order (placeholder, see the entry issue)."""

    _name = "vrac.order.entry"
    _description = "Order entry"

    cycle_id = fields.Many2one("vrac.order.cycle", required=True)
