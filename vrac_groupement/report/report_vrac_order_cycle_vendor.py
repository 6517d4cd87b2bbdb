# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, models
from odoo.tools import float_is_zero


class ReportVracOrderCycleVendor(models.AbstractModel):
    """Order summary per vendor: what the cycle buys from each vendor.

    From the catalog lines: what was bought once the cycle is closed, what
    the households ordered (not yet rounded to cases) before.
    """

    _name = "report.vrac_groupement.report_vrac_order_cycle_vendor"
    _inherit = "vrac.order.cycle.report"
    _description = "Order cycle: summary per vendor"

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data=data)
        values["summaries"] = self._vrac_vendor_summaries(values["docs"])
        return values

    @api.model
    def _vrac_vendor_summaries(self, cycles):
        """{cycle id: {"vendors": [block], "amount": total}}.

        A block is ``{"vendor": partner (empty if none yet), "lines": [row],
        "amount": subtotal}`` and a row ``{"line": catalog line, "qty",
        "cases", "amount"}``. Vendors by name, products in catalog order;
        products with nothing to buy are left out.
        """
        # All the catalog lines at once: their ordered quantities are
        # computed in one grouped query for every cycle.
        cycle_lines = cycles.line_ids
        rows = defaultdict(lambda: defaultdict(list))
        for cycle_line in cycle_lines:
            cycle = cycle_line.cycle_id
            qty = self._vrac_vendor_qty(cycle_line)
            if float_is_zero(qty, precision_rounding=cycle_line.uom_id.rounding):
                continue
            rows[cycle][cycle_line.vendor_id].append(
                {
                    "line": cycle_line,
                    "qty": qty,
                    "cases": qty / cycle_line.case_size,
                    "amount": cycle.currency_id.round(qty * cycle_line.vendor_price),
                }
            )
        summaries = {}
        for cycle in cycles:
            currency = cycle.currency_id
            vendors = [
                {
                    "vendor": vendor,
                    "lines": lines,
                    "amount": currency.round(sum(row["amount"] for row in lines)),
                }
                for vendor, lines in sorted(
                    rows[cycle].items(),
                    key=lambda item: (not item[0], (item[0].name or "").lower()),
                )
            ]
            summaries[cycle.id] = {
                "vendors": vendors,
                "amount": currency.round(sum(block["amount"] for block in vendors)),
            }
        return summaries

    @api.model
    def _vrac_vendor_qty(self, cycle_line):
        """Quantity bought, or ordered while the cycle is not closed."""
        if self._vrac_is_draft(cycle_line.cycle_id):
            return cycle_line.ordered_qty
        return cycle_line.purchase_qty
