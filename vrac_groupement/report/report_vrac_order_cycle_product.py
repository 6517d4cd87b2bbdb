# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class ReportVracOrderCycleProduct(models.AbstractModel):
    """Totals per product: the catalog lines of the cycle, as they are."""

    _name = "report.vrac_groupement.report_vrac_order_cycle_product"
    _inherit = "vrac.order.cycle.report"
    _description = "Order cycle: totals per product"
