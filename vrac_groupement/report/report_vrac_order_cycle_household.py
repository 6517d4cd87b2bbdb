# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, models


class ReportVracOrderCycleHousehold(models.AbstractModel):
    """Orders per household: the sheet the volunteers use at the distribution."""

    _name = "report.vrac_groupement.report_vrac_order_cycle_household"
    _inherit = "vrac.order.cycle.report"
    _description = "Order cycle: orders per household"

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data=data)
        values["sheets"] = self._vrac_household_sheets(values["docs"])
        return values

    @api.model
    def _vrac_household_sheets(self, cycles):
        """{cycle id: [group block]}, the household order lines in one search.

        A group block is ``{"groupement", "distribution_date", "households":
        [{"order": sale order, "lines": [order lines]}]}``: groups in their
        order, households by number, products in catalog order. Record rules
        apply: a volunteer gets the households of the groups they serve.
        """
        order_lines = self.env["sale.order.line"].search(
            [
                ("vrac_cycle_id", "in", cycles.ids),
                ("state", "!=", "cancel"),
                ("display_type", "=", False),
            ]
        )
        lines_of = defaultdict(list)
        for line in order_lines:
            lines_of[line.order_id].append(line)
        households_of = defaultdict(lambda: defaultdict(list))
        for order in sorted(lines_of, key=self._vrac_household_sort_key):
            households_of[order.vrac_cycle_id][order.vrac_groupement_id].append(
                {
                    "order": order,
                    "lines": sorted(lines_of[order], key=self._vrac_line_sort_key),
                }
            )
        dates = {
            (served.cycle_id, served.groupement_id): served.distribution_date
            for served in cycles.groupement_line_ids
        }
        return {
            cycle.id: [
                {
                    "groupement": groupement,
                    "distribution_date": dates.get((cycle, groupement)),
                    "households": households,
                }
                for groupement, households in households_of[cycle].items()
            ]
            for cycle in cycles
        }

    @api.model
    def _vrac_household_sort_key(self, order):
        """Group (in the groups' order; none last), then household number."""
        groupement = order.vrac_groupement_id
        return (
            not groupement,
            groupement.sequence,
            (groupement.name or "").lower(),
            groupement.id or 0,
            order.vrac_household_number or "",
            (order.partner_id.name or "").lower(),
            order.id,
        )

    @api.model
    def _vrac_line_sort_key(self, line):
        """Products in the order of the cycle's catalog."""
        cycle_line = line.vrac_cycle_line_id
        return (cycle_line.sequence, cycle_line.id or 0, line.sequence, line.id)
