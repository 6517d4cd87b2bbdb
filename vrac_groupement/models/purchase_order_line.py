# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PurchaseOrderLine(models.Model):
    _inherit = "purchase.order.line"

    vrac_cycle_line_id = fields.Many2one(
        "vrac.order.cycle.line",
        string="Catalog line",
        index=True,
        copy=False,
        readonly=True,
    )
