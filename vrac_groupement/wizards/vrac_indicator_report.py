# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import formatLang
from odoo.tools.misc import format_date


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
    def _vrac_threshold(self):
        return self.env.company.vrac_indicator_threshold or 1

    def _vrac_format(self, row, value, group_key="total"):
        """The figure as shown: small counts as "< 5", in the user's language."""
        threshold = self._vrac_threshold()
        unit = row["unit"]
        suppressed = _("< %(threshold)s", threshold=threshold)
        if unit == "count":
            if 0 < value < threshold:
                return suppressed
            return formatLang(self.env, value, digits=0, grouping=True)
        if unit == "percent":
            numerator, denominator = row.get("ratio_values") or ({}, {})
            if any(
                0 < (values.get(group_key) or 0) < threshold
                for values in (numerator, denominator)
            ):
                return suppressed
            return "%s %%" % formatLang(self.env, value, digits=1)
        if unit == "amount":
            return formatLang(
                self.env, value, currency_obj=self.env.company.currency_id
            )
        if unit in ("kg", "litres", "hours"):
            return formatLang(self.env, value, digits=1, grouping=True)
        return formatLang(self.env, value, digits=0, grouping=True)

    def _vrac_report_data(self):
        """Everything the PDF and the spreadsheet show, computed once."""
        self.ensure_one()
        groupements = self._vrac_scope_groupements()
        previous_from, previous_to = self._vrac_previous_period()
        engine = self.env["vrac.indicator"]
        current = engine._vrac_indicator_rows(groupements, self.date_from, self.date_to)
        previous = {
            row["key"]: row
            for row in engine._vrac_indicator_rows(
                groupements, previous_from, previous_to
            )
        }
        sections = []
        section_labels = dict(engine._vrac_indicator_sections())
        for row in current:
            before = previous.get(row["key"])
            value = row["values"]["total"]
            previous_value = before["values"]["total"] if before else 0.0
            line = {
                "key": row["key"],
                "label": row["label"],
                "unit": row["unit"],
                "value": value,
                "previous": previous_value,
                "display": self._vrac_format(row, value),
                "previous_display": self._vrac_format(before or row, previous_value),
                "groups": {
                    groupement.id: self._vrac_format(
                        row, row["values"].get(groupement.id, 0.0), groupement.id
                    )
                    for groupement in groupements
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
            "date_from": self.date_from,
            "date_to": self.date_to,
            "previous_from": previous_from,
            "previous_to": previous_to,
            "period": self._vrac_period_label(self.date_from, self.date_to),
            "previous_period": self._vrac_period_label(previous_from, previous_to),
            "threshold": self._vrac_threshold(),
            "sections": sections,
        }

    def _vrac_period_label(self, date_from, date_to):
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
        raise NotImplementedError()

    def action_export_xlsx(self):
        """Download the same figures as a spreadsheet."""
        self.ensure_one()
        raise NotImplementedError()
