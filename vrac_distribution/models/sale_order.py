# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    vrac_distribution_id = fields.Many2one(
        "vrac.distribution",
        string="Distribution",
        index=True,
        copy=False,
        readonly=True,
        ondelete="restrict",
        help="Where the household collects this order.",
    )
    vrac_round_stop_id = fields.Many2one(
        related="partner_id.vrac_round_stop_id", string="Round stop"
    )
