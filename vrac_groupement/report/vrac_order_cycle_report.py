# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.tools import float_is_zero, float_round

from ..models.vrac_order_cycle import BEFORE_CLOSING_STATES

# Longest name of a product, household, vendor or group printed in full: a
# longer one is cut (one word of hundreds of letters would shrink the page).
REPORT_NAME_SIZE = 80


class VracOrderCycleReport(models.AbstractModel):
    """What the printed reports of an order cycle share."""

    _name = "vrac.order.cycle.report"
    _description = "Order cycle report"

    @api.model
    def _get_report_values(self, docids, data=None):
        return {
            "doc_ids": docids,
            "doc_model": "vrac.order.cycle",
            "docs": self.env["vrac.order.cycle"].browse(docids),
            "data": data,
            "is_draft": self._vrac_is_draft,
            "qty_digits": self._vrac_qty_digits,
            "served_groups": self._vrac_served_groups,
            "short": self._vrac_short_name,
        }

    @api.model
    def _vrac_short_name(self, name, size=REPORT_NAME_SIZE):
        """``name`` as printed: at most ``size`` characters, cut with "..."."""
        name = name or ""
        return name if len(name) <= size else f"{name[: size - 1]}\u2026"

    @api.model
    def _vrac_is_draft(self, cycle):
        """Whether the cycle is not closed yet: its quantities are only orders."""
        return cycle.state in BEFORE_CLOSING_STATES

    @api.model
    def _vrac_served_groups(self, cycle):
        """The groups of the cycle and their distributions, that the user may read.

        A volunteer only reads the groups they serve: the others are left out
        rather than failing the whole report.
        """
        served = cycle.groupement_line_ids
        readable = self.env["vrac.groupement"].search(
            [("id", "in", served.groupement_id.ids)]
        )
        return served.filtered(lambda line: line.groupement_id in readable)

    @api.model
    def _vrac_qty_digits(self, quantity, max_digits=3):
        """Fewest decimals that show ``quantity`` to the gram: 20, 2.5, 1.25, 0.125.

        For the ``precision`` of the float widget: 20 packets print as "20",
        not "20.000", and 1.25 kg as "1.25" ("1,25" in French).
        """
        for digits in range(max_digits):
            rounded = float_round(quantity, precision_digits=digits)
            if float_is_zero(quantity - rounded, precision_digits=max_digits):
                return digits
        return max_digits
