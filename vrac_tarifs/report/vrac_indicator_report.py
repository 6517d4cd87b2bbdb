# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models


class ReportVracIndicator(models.AbstractModel):
    """The funder report's chart of the social mix."""

    _inherit = "report.vrac_groupement.report_vrac_indicator"

    @api.model
    def _vrac_charts(self, report):
        charts = super()._vrac_charts(report)
        social_mix = self._vrac_section_chart(
            report, "social_mix", "percent", _("Social mix (shares in %)"), 100.0
        )
        if social_mix:
            charts.append(social_mix)
        return charts
