# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup, escape

from odoo import _, api, models
from odoo.tools import formatLang
from odoo.tools.misc import format_date

CURRENT_COLOR = "#1f77b4"
PREVIOUS_COLOR = "#aec7e8"
KG_COLOR = "#2ca02c"
TEXT_COLOR = "#333333"
FONT = "font-family:sans-serif;font-size:11px"


class ReportVracIndicator(models.AbstractModel):
    """The funder report: indicators, tables per group and charts.

    The charts are inline SVG built here (no JavaScript, so wkhtmltopdf
    prints them as they are). They are drawn from the report data, where
    small counts are already flagged: a hidden figure draws no bar and is
    labelled "< 5", never with its value.
    """

    _name = "report.vrac_groupement.report_vrac_indicator"
    _description = "Funder report"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["vrac.indicator.report"].browse(docids)
        reports = {}
        charts = {}
        for doc in docs:
            report = doc._vrac_report_data()
            reports[doc.id] = report
            charts[doc.id] = self._vrac_charts(report)
        return {
            "doc_ids": docids,
            "doc_model": "vrac.indicator.report",
            "docs": docs,
            "reports": reports,
            "charts": charts,
        }

    # ------------------------------------------------------------------
    # Charts
    # ------------------------------------------------------------------
    @api.model
    def _vrac_charts(self, report):
        """[{"title", "svg"}]: the charts of the report, in order.

        Hook: an addon appends the charts of its sections (see
        `_vrac_section_chart`).
        """
        charts = []
        members = self._vrac_section_chart(
            report, "members", "count", _("Members: this period and the previous one")
        )
        if members:
            charts.append(members)
        if report["monthly"]:
            charts.append(
                {
                    "title": _("Sales at cost price per month"),
                    "svg": self._vrac_svg_months(report, "sales_amount", CURRENT_COLOR),
                }
            )
            if any(values["volume_kg"] for _month, values in report["monthly"]):
                charts.append(
                    {
                        "title": _("Volume sold by weight per month (kg)"),
                        "svg": self._vrac_svg_months(report, "volume_kg", KG_COLOR),
                    }
                )
        return charts

    @api.model
    def _vrac_section_chart(self, report, section, unit, title, maximum=None):
        """The chart of the lines of `unit` in a section of the report, this
        period beside the previous one ({"title", "svg"}), or None when the
        section has none."""
        lines = [
            line
            for report_section in report["sections"]
            if report_section["code"] == section
            for line in report_section["rows"]
            if line["unit"] == unit
        ]
        if not lines:
            return None
        return {
            "title": title,
            "svg": self._vrac_svg_compare(lines, report, maximum=maximum),
        }

    @api.model
    def _vrac_svg_text(self, x, y, text, anchor="start", weight="normal"):
        return Markup(
            '<text x="%.1f" y="%.1f" text-anchor="%s" font-weight="%s" fill="%s" '
            'style="%s">%s</text>'
        ) % (x, y, anchor, weight, TEXT_COLOR, FONT, escape(text))

    @api.model
    def _vrac_svg_rect(self, x, y, width, height, color):
        return Markup(
            '<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s" />'
        ) % (x, y, width, height, color)

    @api.model
    def _vrac_svg(self, width, height, parts):
        return Markup(
            '<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" '
            'viewBox="0 0 %s %s">%s</svg>'
        ) % (width, height, width, height, Markup("").join(parts))

    @api.model
    def _vrac_shorten(self, text, size):
        return text if len(text) <= size else text[: size - 1] + "…"

    @api.model
    def _vrac_svg_compare(self, lines, report, maximum=None):
        """Horizontal bars: each indicator this period and the previous one.

        A hidden figure draws no bar, only the "< 5" label.
        """
        width, label_width, bar_height, gap = 680, 250, 12, 10
        chart_width = width - label_width - 90
        shown = [
            value
            for line in lines
            for value, hidden in (
                (line["value"], line["suppressed"]),
                (line["previous"], line["previous_suppressed"]),
            )
            if not hidden
        ]
        scale = maximum or max(shown + [0.0]) or 1.0
        parts = []
        y = 24
        legend = (
            (CURRENT_COLOR, report["period"]),
            (PREVIOUS_COLOR, report["previous_period"]),
        )
        for index, (color, label) in enumerate(legend):
            x = label_width + index * 200
            parts.append(self._vrac_svg_rect(x, 4, 10, 10, color))
            parts.append(self._vrac_svg_text(x + 14, 13, label))
        for line in lines:
            parts.append(
                self._vrac_svg_text(
                    label_width - 8,
                    y + bar_height + 4,
                    self._vrac_shorten(line["label"], 42),
                    anchor="end",
                )
            )
            for offset, color, value, hidden, display in (
                (
                    0,
                    CURRENT_COLOR,
                    line["value"],
                    line["suppressed"],
                    line["display"],
                ),
                (
                    bar_height,
                    PREVIOUS_COLOR,
                    line["previous"],
                    line["previous_suppressed"],
                    line["previous_display"],
                ),
            ):
                bar = 0.0 if hidden else chart_width * max(value, 0.0) / scale
                parts.append(
                    self._vrac_svg_rect(label_width, y + offset, bar, bar_height, color)
                )
                parts.append(
                    self._vrac_svg_text(
                        label_width + bar + 4, y + offset + bar_height - 2, display
                    )
                )
            y += 2 * bar_height + gap
        return self._vrac_svg(width, y + 4, parts)

    @api.model
    def _vrac_svg_months(self, report, key, color):
        """Vertical bars, one per month of the period (flows: nothing hidden)."""
        months = report["monthly"]
        width, height, top, bottom, left = 680, 200, 20, 36, 10
        chart_height = height - top - bottom
        step = (width - 2 * left) / len(months)
        bar_width = max(step * 0.7, 2)
        scale = max([values[key] for _month, values in months] + [0.0]) or 1.0
        currency = self.env.company.currency_id
        parts = []
        for index, (month, values) in enumerate(months):
            value = values[key]
            bar = chart_height * max(value, 0.0) / scale
            x = left + index * step + (step - bar_width) / 2
            parts.append(
                self._vrac_svg_rect(x, top + chart_height - bar, bar_width, bar, color)
            )
            center = left + index * step + step / 2
            if len(months) <= 24:
                display = formatLang(
                    self.env,
                    value,
                    currency_obj=currency if key == "sales_amount" else None,
                    rounding_unit="units",
                )
                if value:
                    parts.append(
                        self._vrac_svg_text(
                            center, top + chart_height - bar - 3, display, "middle"
                        )
                    )
                parts.append(
                    self._vrac_svg_text(
                        center,
                        height - bottom + 14,
                        format_date(self.env, month, date_format="MMM yy"),
                        "middle",
                    )
                )
        parts.append(
            Markup('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" />')
            % (left, top + chart_height, width - left, top + chart_height, TEXT_COLOR)
        )
        return self._vrac_svg(width, height, parts)
