# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class StockPickingBatch(models.Model):
    _inherit = "stock.picking.batch"

    vrac_distribution_id = fields.Many2one(
        "vrac.distribution",
        string="Distribution",
        index=True,
        copy=False,
        readonly=True,
        ondelete="set null",
        help="The distribution whose households' bags this batch holds.",
    )
