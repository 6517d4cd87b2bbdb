# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import format_date

from ..tools.membership import MEMBER_STATES


class VracGroupement(models.Model):
    """A purchasing group (groupement d'achat) of a neighbourhood or a town."""

    _name = "vrac.groupement"
    _description = "Purchasing group"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(
        required=True,
        tracking=True,
        help="Short code used in references and reports, e.g. ROM for Romans.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    color = fields.Integer()
    company_id = fields.Many2one(
        "res.company",
        string="Branch",
        required=True,
        default=lambda self: self.env.company,
        tracking=True,
        help="The branch (antenne) this group belongs to.",
    )
    coordinator_ids = fields.Many2many(
        "res.users",
        "vrac_groupement_coordinator_rel",
        "groupement_id",
        "user_id",
        string="Coordinators",
        domain="[('share', '=', False)]",
    )
    user_ids = fields.Many2many(
        "res.users",
        "vrac_groupement_res_users_rel",
        "groupement_id",
        "user_id",
        string="Volunteers with access",
        domain="[('share', '=', False)]",
        help="Volunteers who enter orders and run distributions for this group.",
    )
    town = fields.Char(required=True)
    neighbourhood = fields.Char()
    is_qpv = fields.Boolean(
        string="Priority neighbourhood (QPV)",
        help="The group serves a priority neighbourhood of the city policy (QPV).",
    )
    structure_ids = fields.One2many(
        "vrac.groupement.structure",
        "groupement_id",
        string="Partner structures",
    )
    precarity_target = fields.Float(
        string="Target share in precarity (%)",
        default=70.0,
        help="Share of member households in precarity the group aims at, e.g. 70 %.",
    )
    analytic_account_id = fields.Many2one(
        "account.analytic.account",
        string="Analytic account",
        readonly=True,
        copy=False,
        check_company=True,
        help="Sales, purchases, fees and subsidies of the group land here.",
    )
    project_ids = fields.Many2many(
        "account.analytic.account",
        "vrac_groupement_project_rel",
        "groupement_id",
        "analytic_account_id",
        string="Projects",
        help="Funded projects the group takes part in (e.g. a three-year "
        "project with a partner association). The funder report can gather "
        "the groups of a project.",
    )
    household_ids = fields.One2many(
        "res.partner",
        "vrac_groupement_id",
        string="Household list",
        domain=[("vrac_is_household", "=", True)],
    )
    note = fields.Html()

    # Indicators, computed set-wise at read time (they depend on today).
    household_count = fields.Integer(string="Households", compute="_compute_indicators")
    member_household_count = fields.Integer(
        string="Member households", compute="_compute_indicators"
    )
    person_count = fields.Integer(string="People", compute="_compute_indicators")
    volunteer_count = fields.Integer(string="Volunteers", compute="_compute_indicators")
    new_member_count = fields.Integer(
        string="New members this year", compute="_compute_indicators"
    )
    expired_member_count = fields.Integer(
        string="Memberships expired", compute="_compute_indicators"
    )

    # Dashboard: this year so far beside the same span last year. Computed
    # at read time for all the cards at once (one engine call), through the
    # same privacy threshold as the funder report. Rendered by a QWeb
    # template (every figure and label escaped); not sanitized, which would
    # strip the rows' data-key.
    vrac_dashboard_html = fields.Html(
        string="Key indicators",
        compute="_compute_vrac_dashboard",
        sanitize=False,
    )
    vrac_dashboard_graph = fields.Text(
        string="Sales per month", compute="_compute_vrac_dashboard"
    )

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "Another purchasing group of this branch already uses this code.",
        ),
        (
            "precarity_target_range",
            "CHECK(precarity_target >= 0 AND precarity_target <= 100)",
            "The target share in precarity must be between 0 and 100 %.",
        ),
    ]

    @api.depends("household_ids")
    def _compute_indicators(self):
        indicators = self._vrac_get_indicators()
        for groupement in self:
            groupement._vrac_set_indicators(indicators.get(groupement.id, {}))

    def _vrac_set_indicators(self, values):
        """Assign the indicators of one group from its values of _vrac_get_indicators.

        Hook: an addon adding indicators computes its fields with
        _compute_indicators and sets them here, so one pass serves them all.
        """
        self.ensure_one()
        self.household_count = values.get("households", 0)
        self.member_household_count = values.get("members", 0)
        self.person_count = values.get("people", 0)
        self.volunteer_count = values.get("volunteers", 0)
        self.new_member_count = values.get("new_members", 0)
        self.expired_member_count = values.get("expired", 0)

    def _vrac_get_indicators(self):
        """Return {groupement id: {indicator: value}} computed with read_group.

        Households and people count every active household of the group;
        members are households whose membership is paid, free or invoiced.
        Small hook: other addons add their own keys.
        """
        result = {groupement_id: {} for groupement_id in self.ids}
        if not self.ids:
            return result
        # Superuser: counts must not depend on which households the reader may open;
        # only counts of the groups of `self` leave here.
        partners = self.env["res.partner"].sudo()
        base_domain = [("vrac_groupement_id", "in", self.ids)]
        households = base_domain + [("vrac_is_household", "=", True)]
        year_start = fields.Date.context_today(self).replace(month=1, day=1)
        for groupement, state, count, people in partners._read_group(
            households,
            ["vrac_groupement_id", "membership_state"],
            ["__count", "vrac_person_count:sum"],
        ):
            values = result[groupement.id]
            values["households"] = values.get("households", 0) + count
            values["people"] = values.get("people", 0) + people
            if state in MEMBER_STATES:
                values["members"] = values.get("members", 0) + count
            elif state == "old":
                values["expired"] = values.get("expired", 0) + count
        for groupement, count in partners._read_group(
            households + [("vrac_join_date", ">=", year_start)],
            ["vrac_groupement_id"],
            ["__count"],
        ):
            result[groupement.id]["new_members"] = count
        for groupement, count in partners._read_group(
            base_domain + [("vrac_is_volunteer", "=", True)],
            ["vrac_groupement_id"],
            ["__count"],
        ):
            result[groupement.id]["volunteers"] = count
        return result

    # ------------------------------------------------------------------
    # Dashboard
    # ------------------------------------------------------------------
    def _vrac_dashboard_periods(self):
        """This year so far and the same span of last year."""
        today = fields.Date.context_today(self)
        start = today.replace(month=1, day=1)
        return (start, today), (
            start - relativedelta(years=1),
            today - relativedelta(years=1),
        )

    @api.depends_context("company", "lang")
    def _compute_vrac_dashboard(self):
        groupements = self.filtered("id")
        (self - groupements).vrac_dashboard_html = False
        (self - groupements).vrac_dashboard_graph = False
        if not groupements:
            return
        html = groupements._vrac_dashboard_html()
        graphs = groupements._vrac_dashboard_graphs()
        for groupement in groupements:
            groupement.vrac_dashboard_html = html[groupement.id]
            groupement.vrac_dashboard_graph = graphs[groupement.id]

    def _vrac_dashboard_html(self):
        """{group id: Markup}: a small table of the key indicators, rendered
        by the template `vrac_groupement.vrac_dashboard_table`.

        One engine call per period for all the groups; the figures go through
        the engine's formatting, as in the funder report, so small counts
        show as "< 5", and the counts that would give them back with the
        total of these groups (the funder report of the same groups and
        days) as "hidden".
        """
        (date_from, date_to), (previous_from, previous_to) = (
            self._vrac_dashboard_periods()
        )
        engine = self.env["vrac.indicator"]
        current = {
            row["key"]: row
            for row in engine._vrac_indicator_rows(self, date_from, date_to)
        }
        previous = {
            row["key"]: row
            for row in engine._vrac_indicator_rows(self, previous_from, previous_to)
        }
        # The indicators whose spec asks for the dashboard, in its order.
        keys = sorted(
            (key for key, row in current.items() if row.get("dashboard")),
            key=lambda key: current[key]["dashboard"],
        )
        QWeb = self.env["ir.qweb"]
        result = {}
        for groupement in self:
            rows = []
            for key in keys:
                row, before = current[key], previous.get(key) or current[key]
                label = row["label"]
                target = current.get(row.get("dashboard_target"))
                if target:
                    label = _(
                        "%(label)s (target %(target)s %%)",
                        label=label,
                        target=round(target["values"].get(groupement.id, 0.0)),
                    )
                rows.append(
                    {
                        "key": key,
                        "label": label,
                        "value": engine._vrac_format_cell(
                            row, row["values"].get(groupement.id, 0.0), groupement.id
                        ),
                        "previous": engine._vrac_format_cell(
                            before,
                            before["values"].get(groupement.id, 0.0),
                            groupement.id,
                        ),
                    }
                )
            result[groupement.id] = QWeb._render(
                "vrac_groupement.vrac_dashboard_table", {"rows": rows}
            )
        return result

    def _vrac_dashboard_graphs(self):
        """{group id: JSON}: sales at cost per month over the last 12 months.

        One grouped read of the facts for all the groups, in the format of
        the `dashboard_graph` field widget (bar chart).
        """
        today = fields.Date.context_today(self)
        months, totals = self.env["vrac.indicator"]._vrac_monthly_values(
            self,
            ["sales_amount"],
            today.replace(day=1) - relativedelta(months=11),
            today,
        )
        sales = {
            (groupement_id, month): total
            for (_key, groupement_id, month), total in totals.items()
        }
        labels = [format_date(self.env, day, date_format="MMM yy") for day in months]
        title = _("Sales at cost price")
        currency = self.env.company.currency_id
        return {
            groupement.id: json.dumps(
                [
                    {
                        "key": title,
                        "values": [
                            {
                                "label": label,
                                "value": currency.round(
                                    sales.get((groupement.id, month), 0.0)
                                ),
                                "type": "past",
                            }
                            for label, month in zip(labels, months, strict=True)
                        ],
                    }
                ]
            )
            for groupement in self
        }

    def action_vrac_dashboard_analysis(self):
        """The analysis of the facts, filtered on this group."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vrac_groupement.vrac_indicator_fact_action"
        )
        action["domain"] = [("groupement_id", "=", self.id)]
        action["display_name"] = _("Analysis: %(group)s", group=self.name)
        return action

    def action_vrac_dashboard_report(self):
        """The funder report wizard, with this group chosen."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vrac_groupement.vrac_indicator_report_action"
        )
        action["context"] = {
            "default_scope": "groupement",
            "default_groupement_ids": self.ids,
            "default_company_id": self.company_id.id,
        }
        return action

    @api.constrains("coordinator_ids")
    def _check_coordinator_ids(self):
        coordinator_group = self.env.ref("vrac_groupement.group_coordinator")
        for groupement in self:
            missing = groupement.coordinator_ids - coordinator_group.users
            if missing:
                raise ValidationError(
                    _(
                        "%(names)s cannot coordinate the group %(group)s: give them "
                        "the Coordinator access right first.",
                        names=", ".join(missing.mapped("name")),
                        group=groupement.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        groupements = super().create(vals_list)
        groupements.filtered(
            lambda g: not g.analytic_account_id
        )._vrac_create_analytic()
        return groupements

    def write(self, vals):
        res = super().write(vals)
        if "name" in vals or "code" in vals:
            for groupement in self.filtered("analytic_account_id"):
                # Superuser: coordinators may not write analytic accounts; only the
                # account of each group they just wrote follows its name and code.
                groupement.analytic_account_id.sudo().write(
                    groupement._vrac_prepare_analytic_values()
                )
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_households(self):
        # Superuser: archived households and households the user cannot see must also
        # keep the group; only a yes/no for the groups of `self` is read.
        households = (
            self.env["res.partner"]
            .sudo()
            .with_context(active_test=False)
            .search_count([("vrac_groupement_id", "in", self.ids)], limit=1)
        )
        if households:
            raise UserError(
                _(
                    "A purchasing group that has households cannot be deleted, "
                    "so that their history is kept. Archive the group instead."
                )
            )

    def unlink(self):
        # Superuser: coordinators may not delete analytic accounts; only the accounts of
        # the groups of `self`, whose deletion the ORM checked, are removed.
        analytic_accounts = self.mapped("analytic_account_id").sudo()
        res = super().unlink()
        # Remove the analytic accounts created with the groups if nothing was
        # booked on them yet.
        unused = analytic_accounts.filtered(lambda account: not account.line_ids)
        unused.unlink()
        return res

    def _vrac_prepare_analytic_values(self):
        self.ensure_one()
        return {
            "name": self.name,
            "code": self.code,
            "plan_id": self.env.ref("vrac_groupement.analytic_plan_groupements").id,
            "company_id": self.company_id.id,
        }

    def _vrac_create_analytic(self):
        # Superuser: coordinators may not create analytic accounts; one is made for each
        # group of `self`, which the caller just created.
        accounts = (
            self.env["account.analytic.account"]
            .sudo()
            .create([groupement._vrac_prepare_analytic_values() for groupement in self])
        )
        for groupement, account in zip(self, accounts, strict=True):
            groupement.analytic_account_id = account

    def action_view_households(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vrac_groupement.res_partner_action_household"
        )
        action["domain"] = [("vrac_groupement_id", "=", self.id)]
        action["context"] = {
            "default_vrac_groupement_id": self.id,
            "search_default_filter_members": 0,
        }
        return action
