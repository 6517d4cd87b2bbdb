# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
from datetime import timedelta

import xlsxwriter
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import formatLang
from odoo.tools.misc import format_date

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Columns of a table per group in the PDF: more groups make several tables.
GROUPS_PER_TABLE = 6


def _this_year(today):
    start = today.replace(month=1, day=1)
    return start, start.replace(month=12, day=31)


class VracIndicatorReport(models.TransientModel):
    """The funder report: a period and a scope, the indicators beside the
    previous period, as PDF or spreadsheet."""

    _name = "vrac.indicator.report"
    _description = "Funder report"

    scope = fields.Selection(
        [
            ("all", "Every group I see"),
            ("groupement", "Purchasing groups"),
            ("company", "Branch"),
            ("project", "Project"),
        ],
        required=True,
        default="all",
    )
    groupement_ids = fields.Many2many("vrac.groupement", string="Purchasing groups")
    company_id = fields.Many2one(
        "res.company", string="Branch", default=lambda self: self.env.company
    )
    project_id = fields.Many2one(
        "account.analytic.account",
        help="A funded project: its analytic account gathers the groups it "
        "funds (set on each group).",
    )
    date_from = fields.Date(
        string="From", required=True, default=lambda self: self._default_dates()[0]
    )
    date_to = fields.Date(
        string="To", required=True, default=lambda self: self._default_dates()[1]
    )
    previous_date_from = fields.Date(
        string="Previous period from", compute="_compute_previous_period"
    )
    previous_date_to = fields.Date(
        string="Previous period to", compute="_compute_previous_period"
    )
    # The spreadsheet lives in the wizard's own row (no attachment): it is
    # downloaded through /web/content/<model>/<id>/<field>, which obeys the
    # wizard's record rule (its creator only), and goes with the wizard.
    xlsx_file = fields.Binary(string="Spreadsheet", attachment=False, readonly=True)
    xlsx_filename = fields.Char(readonly=True)

    @api.model
    def _default_dates(self):
        return _this_year(fields.Date.context_today(self))

    @api.depends("date_from", "date_to")
    def _compute_previous_period(self):
        for report in self:
            dates = report._vrac_previous_period()
            report.previous_date_from, report.previous_date_to = dates or (
                False,
                False,
            )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for report in self:
            if report.date_from > report.date_to:
                raise ValidationError(_("The period must start before it ends."))

    def _vrac_previous_period(self):
        """The period of the same length just before.

        Whole months give whole months (a year gives the year before, a
        quarter the quarter before); other periods shift by their days.
        """
        self.ensure_one()
        start, end = self.date_from, self.date_to
        if not start or not end or start > end:
            return False
        next_day = end + timedelta(days=1)
        if start.day == 1 and next_day.day == 1:
            months = (next_day.year - start.year) * 12 + next_day.month - start.month
            previous_start = start - relativedelta(months=months)
            return previous_start, start - timedelta(days=1)
        days = (end - start).days + 1
        return start - timedelta(days=days), start - timedelta(days=1)

    # ------------------------------------------------------------------
    # Scope
    # ------------------------------------------------------------------
    def _vrac_scope_domain(self):
        self.ensure_one()
        if self.scope == "groupement":
            if not self.groupement_ids:
                raise UserError(_("Choose at least one purchasing group."))
            return [("id", "in", self.groupement_ids.ids)]
        if self.scope == "company":
            if not self.company_id:
                raise UserError(_("Choose the branch."))
            return [("company_id", "=", self.company_id.id)]
        if self.scope == "project":
            if not self.project_id:
                raise UserError(_("Choose the project."))
            return [
                "|",
                ("project_ids", "in", self.project_id.ids),
                ("analytic_account_id", "=", self.project_id.id),
            ]
        return []

    def _vrac_scope_groupements(self):
        """The groups of the scope that the user may see (record rules)."""
        groupements = self.env["vrac.groupement"].search(
            self._vrac_scope_domain() + [("active", "in", (True, False))]
        )
        if not groupements:
            raise UserError(_("No purchasing group of yours matches this choice."))
        return groupements

    def _vrac_scope_label(self):
        self.ensure_one()
        if self.scope == "groupement":
            return ", ".join(self.groupement_ids.mapped("name"))
        if self.scope == "company":
            return self.company_id.name
        if self.scope == "project":
            return self.project_id.display_name
        return _("Every purchasing group")

    # ------------------------------------------------------------------
    # Figures
    # ------------------------------------------------------------------
    def _vrac_change(self, unit, value, previous):
        """The change from the previous period as shown, or "" when unknown.

        Percents change by points, other figures by a share of the previous
        figure (none when it was 0).
        """
        if unit in ("percent", "points"):
            return _(
                "%(sign)s%(points)s pts",
                sign="+" if value >= previous else "-",
                points=formatLang(self.env, abs(value - previous), digits=1),
            )
        if not previous:
            return ""
        change = 100.0 * (value - previous) / previous
        return "%s%s %%" % (
            "+" if change >= 0 else "-",
            formatLang(self.env, abs(change), digits=1),
        )

    def _vrac_report_data(self):
        """Everything the PDF and the spreadsheet show, computed once.

        Each line holds the raw figures (value, previous, group_values) and
        what may be shown of them: the display strings and the suppressed
        flags. Outputs show the raw figure only when it is not suppressed.
        """
        self.ensure_one()
        groupements = self._vrac_scope_groupements()
        date_to, to_date = self._vrac_period_end()
        previous_from, previous_to = self._vrac_previous_period()
        if to_date:
            # The same days of the previous period: a year to date is
            # compared with the previous year to the same day.
            shift = relativedelta(previous_from, self.date_from)
            previous_to = min(previous_to, date_to + shift)
        engine = self.env["vrac.indicator"]
        current = engine._vrac_indicator_rows(groupements, self.date_from, date_to)
        previous = {
            row["key"]: row
            for row in engine._vrac_indicator_rows(
                groupements, previous_from, previous_to
            )
        }
        sections = []
        section_labels = dict(engine._vrac_indicator_sections())
        for row in current:
            before = previous.get(row["key"]) or row
            value = row["values"]["total"]
            previous_value = (
                before["values"]["total"] if row["key"] in previous else 0.0
            )
            if row.get("optional") and not value and not previous_value:
                # A tier or a funder of another branch: nothing to say.
                continue
            suppressed = engine._vrac_cell_hidden(row)
            previous_suppressed = row["key"] in previous and engine._vrac_cell_hidden(
                before
            )
            group_values = {
                groupement.id: row["values"].get(groupement.id, 0.0)
                for groupement in groupements
            }
            line = {
                "key": row["key"],
                "label": row["label"],
                "unit": row["unit"],
                "value": value,
                "previous": previous_value,
                "suppressed": suppressed,
                "previous_suppressed": previous_suppressed,
                "display": engine._vrac_format_cell(row, value),
                "previous_display": engine._vrac_format_cell(before, previous_value),
                "change": (
                    ""
                    if suppressed or previous_suppressed
                    else self._vrac_change(row["unit"], value, previous_value)
                ),
                "group_values": group_values,
                "group_suppressed": {
                    group_id: engine._vrac_cell_hidden(row, group_id)
                    for group_id in group_values
                },
                "groups": {
                    group_id: engine._vrac_format_cell(row, group_value, group_id)
                    for group_id, group_value in group_values.items()
                },
            }
            if not sections or sections[-1]["code"] != row["section"]:
                sections.append(
                    {
                        "code": row["section"],
                        "label": section_labels.get(row["section"], row["section"]),
                        "rows": [],
                    }
                )
            sections[-1]["rows"].append(line)
        return {
            "scope": self._vrac_scope_label(),
            "groupements": groupements,
            "group_tables": [
                groupements[index : index + GROUPS_PER_TABLE]
                for index in range(0, len(groupements), GROUPS_PER_TABLE)
            ]
            if len(groupements) > 1
            else [],
            "date_from": self.date_from,
            "date_to": date_to,
            "previous_from": previous_from,
            "previous_to": previous_to,
            "period": self._vrac_period_label(self.date_from, date_to, to_date),
            "previous_period": self._vrac_period_label(previous_from, previous_to),
            "threshold": engine._vrac_privacy_threshold(),
            "threshold_note": _(
                "Counts below %(threshold)s are shown as < %(threshold)s to "
                "protect privacy.",
                threshold=engine._vrac_privacy_threshold(),
            ),
            "hidden_note": _(
                'A figure marked "hidden" is not small: it is hidden so that the '
                "total and the figures beside it cannot give a small count back."
            ),
            "suppressed_label": engine._vrac_suppressed_label(),
            "sections": sections,
            "monthly": self._vrac_monthly(groupements),
        }

    def _vrac_period_end(self):
        """(end of the figures, whether it is today): a period ending in the
        future is read up to today, so that it does not count memberships
        that will have expired by its end (nor tell of days to come)."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        if self.date_from <= today < self.date_to:
            return today, True
        return self.date_to, False

    def _vrac_monthly(self, groupements):
        """Sales at cost and kg sold per month of the period: [(month, {..})].

        One grouped read of the facts (flows: no count to hide).
        """
        self.ensure_one()
        indicators = ("sales_amount", "volume_kg")
        months, totals = self.env["vrac.indicator"]._vrac_monthly_values(
            groupements, indicators, self.date_from, self.date_to
        )
        values = {month: dict.fromkeys(indicators, 0.0) for month in months}
        for (indicator, _groupement_id, month), total in totals.items():
            if month in values:
                values[month][indicator] += total
        return [(month, values[month]) for month in months]

    def _vrac_period_label(self, date_from, date_to, to_date=False):
        if to_date:
            return _(
                "%(date_from)s to %(date_to)s (to date)",
                date_from=format_date(self.env, date_from),
                date_to=format_date(self.env, date_to),
            )
        return _(
            "%(date_from)s to %(date_to)s",
            date_from=format_date(self.env, date_from),
            date_to=format_date(self.env, date_to),
        )

    # ------------------------------------------------------------------
    # Outputs
    # ------------------------------------------------------------------
    def action_print(self):
        """Print the funder report (QWeb PDF)."""
        self.ensure_one()
        self._vrac_scope_groupements()  # refuse an empty scope before printing
        report = self.env.ref("vrac_groupement.action_report_vrac_indicator")
        return report.report_action(self)

    def _vrac_unit_labels(self):
        return {
            "count": _("households or people"),
            "number": _("number"),
            "percent": "%",
            "points": _("points"),
            "hours": _("hours"),
            "kg": _("kg"),
            "units": _("units"),
            "litres": _("litres"),
            # "€" beside "635,00 €", not the currency code "EUR"
            "amount": self.env.company.currency_id.symbol,
        }

    def _vrac_xlsx_formats(self, workbook):
        currency = self.env.company.currency_id
        amount = "#,##0.%s" % ("0" * currency.decimal_places)
        if currency.position == "before":
            amount = '"%s" %s' % (currency.symbol, amount)
        else:
            amount = '%s "%s"' % (amount, currency.symbol)
        number = {"num_format": "#,##0"}
        decimal = {"num_format": "#,##0.0"}
        formats = {
            unit: workbook.add_format(spec)
            for unit, spec in (
                ("count", number),
                ("number", number),
                ("units", number),
                ("kg", decimal),
                ("litres", decimal),
                ("hours", decimal),
                ("percent", {"num_format": "0.0 %"}),
                ("points", decimal),
                ("amount", {"num_format": amount}),
            )
        }
        formats["change"] = workbook.add_format({"num_format": "+0.0 %;-0.0 %"})
        formats["text_right"] = workbook.add_format({"align": "right"})
        formats["title"] = workbook.add_format({"bold": True, "font_size": 14})
        formats["bold"] = workbook.add_format({"bold": True})
        formats["header"] = workbook.add_format(
            {"bold": True, "bottom": 1, "bg_color": "#E9ECEF"}
        )
        formats["section"] = workbook.add_format({"bold": True, "italic": True})
        return formats

    def _vrac_xlsx_write_value(self, sheet, row, col, line, value, hidden, formats):
        """A figure as a number, or, when it is suppressed, `hidden`: the
        label shown in the report instead ("< 5", "hidden"); False otherwise."""
        if hidden:
            sheet.write_string(row, col, hidden, formats["text_right"])
        elif line["unit"] == "percent":
            sheet.write_number(row, col, value / 100.0, formats["percent"])
        else:
            sheet.write_number(row, col, value, formats.get(line["unit"]))

    def _vrac_xlsx_content(self, data):
        """The workbook as bytes: the indicators, then one column per group."""
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        formats = self._vrac_xlsx_formats(workbook)
        units = self._vrac_unit_labels()
        self._vrac_xlsx_indicators_sheet(workbook, data, formats, units)
        self._vrac_xlsx_groups_sheet(workbook, data, formats, units)
        workbook.close()
        return output.getvalue()

    def _vrac_xlsx_rows(self, sheet, row, columns, data, formats):
        """Write the column headers at `row`, then yield (row, line)
        for each indicator, its section written in the first column."""
        for col, label in enumerate(columns):
            sheet.write_string(row, col, label, formats["header"])
        for section in data["sections"]:
            for line in section["rows"]:
                row += 1
                sheet.write_string(row, 0, section["label"], formats["section"])
                sheet.write_string(row, 1, line["label"])
                yield row, line

    def _vrac_xlsx_indicators_sheet(self, workbook, data, formats, units):
        sheet = workbook.add_worksheet(_("Indicators")[:31])
        sheet.write_string(0, 0, _("Indicators for funders"), formats["title"])
        header = [
            (_("Scope"), data["scope"]),
            (_("Period"), data["period"]),
            (_("Previous period"), data["previous_period"]),
        ]
        for index, (label, value) in enumerate(header, start=1):
            sheet.write_string(index, 0, label, formats["bold"])
            sheet.write_string(index, 1, value)
        sheet.write_string(len(header) + 1, 0, data["threshold_note"])
        sheet.write_string(len(header) + 2, 0, data["hidden_note"])
        columns = [
            _("Section"),
            _("Indicator"),
            _("Period"),
            _("Previous period"),
            _("Change"),
            _("Unit"),
        ]
        for row, line in self._vrac_xlsx_rows(
            sheet, len(header) + 3, columns, data, formats
        ):
            self._vrac_xlsx_write_value(
                sheet,
                row,
                2,
                line,
                line["value"],
                line["suppressed"] and line["display"],
                formats,
            )
            self._vrac_xlsx_write_value(
                sheet,
                row,
                3,
                line,
                line["previous"],
                line["previous_suppressed"] and line["previous_display"],
                formats,
            )
            relative = line["unit"] not in ("percent", "points")
            if line["change"] and relative and line["previous"]:
                sheet.write_number(
                    row,
                    4,
                    (line["value"] - line["previous"]) / line["previous"],
                    formats["change"],
                )
            elif line["change"]:
                sheet.write_string(row, 4, line["change"], formats["text_right"])
            sheet.write_string(row, 5, units.get(line["unit"], line["unit"]))
        sheet.set_column(0, 0, 22)
        sheet.set_column(1, 1, 45)
        sheet.set_column(2, 5, 16)

    def _vrac_xlsx_groups_sheet(self, workbook, data, formats, units):
        sheet = workbook.add_worksheet(_("Per group")[:31])
        sheet.write_string(0, 0, _("Indicators for funders"), formats["title"])
        sheet.write_string(1, 0, _("Period"), formats["bold"])
        sheet.write_string(1, 1, data["period"])
        sheet.write_string(2, 0, data["threshold_note"])
        sheet.write_string(3, 0, data["hidden_note"])
        groupements = data["groupements"]
        columns = [_("Section"), _("Indicator"), _("Unit")] + groupements.mapped("name")
        for row, line in self._vrac_xlsx_rows(sheet, 4, columns, data, formats):
            sheet.write_string(row, 2, units.get(line["unit"], line["unit"]))
            for col, groupement in enumerate(groupements, start=3):
                self._vrac_xlsx_write_value(
                    sheet,
                    row,
                    col,
                    line,
                    line["group_values"][groupement.id],
                    line["group_suppressed"][groupement.id]
                    and line["groups"][groupement.id],
                    formats,
                )
        sheet.set_column(0, 0, 22)
        sheet.set_column(1, 1, 45)
        sheet.set_column(2, 2, 14)
        sheet.set_column(3, 2 + len(groupements), 16)

    def _vrac_xlsx_filename(self):
        return "%s-%s-%s.xlsx" % (
            _("indicators"),
            fields.Date.to_string(self.date_from),
            fields.Date.to_string(self.date_to),
        )

    def action_export_xlsx(self):
        """Download the same figures as a spreadsheet."""
        self.ensure_one()
        content = self._vrac_xlsx_content(self._vrac_report_data())
        self.write(
            {
                "xlsx_file": base64.b64encode(content),
                "xlsx_filename": self._vrac_xlsx_filename(),
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": "/web/content/%s/%s/xlsx_file?download=true"
            "&filename_field=xlsx_filename&mimetype=%s"
            % (self._name, self.id, XLSX_MIMETYPE),
            "target": "self",
        }

    @api.model
    def _vrac_purge_attachments(self):
        """Remove the spreadsheets earlier versions left as attachments: once
        their wizard is gone, any user could download them."""
        # Superuser: the old spreadsheets belong to other users; only the leftover files
        # of this wizard's model (no field) are removed, at module update.
        self.env["ir.attachment"].sudo().search(
            [("res_model", "=", self._name), ("res_field", "=", False)]
        ).unlink()
