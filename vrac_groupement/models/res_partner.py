# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

from ..tools.membership import is_member_today

CONTACT_PREFERENCES = [
    ("phone", "Phone call"),
    ("sms", "SMS"),
    ("paper", "Paper (letter or notice at distribution)"),
    ("email", "Email"),
]


class ResPartner(models.Model):
    _inherit = "res.partner"
    # Volunteers find households by name, household number or phone.
    _rec_names_search = [
        "complete_name",
        "email",
        "ref",
        "vat",
        "company_registry",
        "vrac_household_number",
        "phone",
        "mobile",
    ]

    vrac_groupement_id = fields.Many2one(
        "vrac.groupement",
        string="Purchasing group",
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    vrac_is_household = fields.Boolean(
        string="Member household",
        compute="_compute_vrac_is_household",
        store=True,
        index=True,
        help="A household is a person of a purchasing group, not a contact of "
        "another household.",
    )
    vrac_household_number = fields.Char(
        string="Household number",
        copy=False,
        index=True,
        tracking=True,
        help="Left empty, it is given automatically when the household is saved.",
    )
    vrac_adult_count = fields.Integer(string="Adults", default=1)
    vrac_child_count = fields.Integer(string="Children")
    vrac_person_count = fields.Integer(
        string="People",
        compute="_compute_vrac_person_count",
        store=True,
    )
    vrac_join_date = fields.Date(
        string="Join date", default=fields.Date.context_today, copy=False
    )
    vrac_referring_partner_id = fields.Many2one(
        "res.partner",
        string="Referred by",
        domain="[('is_company', '=', True)]",
        help="The partner structure that sent the household to the group "
        "(social centre, CCAS, social landlord...).",
    )
    vrac_contact_preference = fields.Selection(
        CONTACT_PREFERENCES,
        string="How to reach them",
        default="phone",
    )
    vrac_gdpr_consent_date = fields.Date(
        string="GDPR consent date",
        copy=False,
        help="The day the household agreed that the group keeps its data.",
    )
    vrac_is_volunteer = fields.Boolean(string="Volunteer", tracking=True)
    vrac_volunteer_skill_ids = fields.Many2many("vrac.volunteer.skill", string="Skills")
    vrac_volunteer_availability = fields.Char(
        string="Availability", help="e.g. Wednesday afternoons, Saturday mornings."
    )
    vrac_can_collect = fields.Boolean(
        string="May collect and pay",
        default=True,
        help="This contact of the household may collect its orders and pay.",
    )
    # As private as a household's tier: coordinators only.
    vrac_free_member_reason = fields.Char(
        string="Reason for free membership",
        groups="vrac_groupement.group_coordinator",
        tracking=True,
    )

    vrac_user_is_coordinator = fields.Boolean(
        compute="_compute_vrac_user_is_coordinator",
        help="Technical: the current user may grant free memberships.",
    )
    vrac_is_member_today = fields.Boolean(
        string="Member today",
        compute="_compute_vrac_is_member_today",
        help="Paid, free or invoiced membership that covers today.",
    )

    @api.depends("vrac_groupement_id", "parent_id", "is_company")
    def _compute_vrac_is_household(self):
        for partner in self:
            partner.vrac_is_household = bool(
                partner.vrac_groupement_id
                and not partner.parent_id
                and not partner.is_company
            )

    @api.depends("membership_state", "membership_stop")
    def _compute_vrac_is_member_today(self):
        today = fields.Date.context_today(self)
        for partner in self:
            partner.vrac_is_member_today = is_member_today(
                partner.membership_state, partner.membership_stop, today
            )

    @api.depends("member_lines.vrac_paid_date")
    def _compute_membership_state(self):
        res = super()._compute_membership_state()
        # The membership module only knows invoiced memberships, and leaves a
        # stale state when an ended line comes before the current one: for
        # households with memberships paid at the till, decide from the line
        # that covers today.
        today = fields.Date.context_today(self)
        for partner in self:
            lines = partner.member_lines
            if (
                partner.associate_member
                or partner.free_member
                or not any(lines.mapped("vrac_paid_date"))
            ):
                continue
            partner.membership_state = self._vrac_membership_state_from_lines(
                lines, today
            )
        return res

    @api.model
    def _vrac_membership_state_from_lines(self, lines, today):
        lines = lines.filtered(lambda line: not line.date_cancel)
        current = lines.filtered(
            lambda line: (
                (line.date_from or date.min) <= today <= (line.date_to or date.min)
            )
        )
        for state in ("paid", "invoiced", "waiting"):
            if state in current.mapped("state"):
                return state
        ended = lines.filtered(lambda line: (line.date_to or date.min) < today)
        if "paid" in ended.mapped("state"):
            return "old"
        return "none"

    @api.depends_context("uid")
    def _compute_vrac_user_is_coordinator(self):
        self.vrac_user_is_coordinator = self.env.user.has_group(
            "vrac_groupement.group_coordinator"
        )

    @api.depends("vrac_adult_count", "vrac_child_count")
    def _compute_vrac_person_count(self):
        for partner in self:
            partner.vrac_person_count = (
                partner.vrac_adult_count + partner.vrac_child_count
            )

    @api.constrains("vrac_adult_count", "vrac_child_count", "vrac_is_household")
    def _check_vrac_person_count(self):
        for partner in self:
            if partner.vrac_adult_count < 0 or partner.vrac_child_count < 0:
                raise ValidationError(
                    _(
                        "The numbers of adults and children of %(name)s cannot be "
                        "negative.",
                        name=partner.display_name,
                    )
                )
            if (
                partner.vrac_is_household
                and partner.vrac_adult_count + partner.vrac_child_count < 1
            ):
                raise ValidationError(
                    _(
                        "The household %(name)s must count at least one person.",
                        name=partner.display_name,
                    )
                )

    @api.constrains("vrac_join_date")
    def _check_vrac_join_date(self):
        today = fields.Date.context_today(self)
        for partner in self:
            if partner.vrac_join_date and partner.vrac_join_date > today:
                raise ValidationError(
                    _(
                        "The join date of %(name)s cannot be in the future.",
                        name=partner.display_name,
                    )
                )

    @api.constrains("vrac_household_number", "company_id")
    def _check_vrac_household_number(self):
        numbered = self.filtered("vrac_household_number")
        if not numbered:
            return
        # Superuser: a number must be unique in the branch, also among households the
        # writer cannot see; only the duplicate numbers of `self` are counted, nothing
        # else is read.
        duplicates = (
            self.sudo()
            .with_context(active_test=False)
            ._read_group(
                [
                    (
                        "vrac_household_number",
                        "in",
                        numbered.mapped("vrac_household_number"),
                    )
                ],
                ["company_id", "vrac_household_number"],
                ["__count"],
                having=[("__count", ">", 1)],
            )
        )
        if duplicates:
            company, number, _count = duplicates[0]
            raise ValidationError(
                _(
                    "The household number %(number)s is already used in %(company)s. "
                    "Leave the number empty to get a new one.",
                    number=number,
                    company=company.name or _("this branch"),
                )
            )

    @api.constrains("free_member", "vrac_free_member_reason")
    def _check_vrac_free_member_reason(self):
        # sudo: the reason is for coordinators; the check holds for any change.
        for partner in self.sudo():
            if (
                partner.free_member
                and not (partner.vrac_free_member_reason or "").strip()
            ):
                raise ValidationError(
                    _(
                        "Say why %(name)s gets a free membership.",
                        name=partner.display_name,
                    )
                )

    @api.onchange("vrac_groupement_id")
    def _onchange_vrac_groupement_id(self):
        if self.vrac_groupement_id and not self.parent_id:
            self.company_id = self.vrac_groupement_id.company_id

    @api.model
    def _commercial_fields(self):
        # A household's contacts belong to the same group (record rules rely on it).
        return super()._commercial_fields() + ["vrac_groupement_id"]

    @api.model_create_multi
    def create(self, vals_list):
        self._vrac_check_free_member_rights(vals_list)
        self._vrac_prepare_household_values(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._vrac_check_free_member_rights([vals])
        if vals.get("vrac_groupement_id") and "company_id" not in vals:
            groupement = self.env["vrac.groupement"].browse(vals["vrac_groupement_id"])
            if not self.parent_id:
                vals = dict(vals, company_id=groupement.company_id.id)
        res = super().write(vals)
        if vals.get("vrac_groupement_id"):
            self.filtered(
                lambda p: p.vrac_is_household and not p.vrac_household_number
            )._vrac_assign_household_number()
        return res

    def _vrac_check_free_member_rights(self, vals_list):
        """Only coordinators grant or withdraw a free membership."""
        if self.env.su or not any(
            "free_member" in vals or "vrac_free_member_reason" in vals
            for vals in vals_list
        ):
            return
        if not self.env.user.has_group("vrac_groupement.group_coordinator"):
            raise AccessError(
                _("Only a coordinator can grant or withdraw a free membership.")
            )

    @api.model
    def _vrac_prepare_household_values(self, vals_list):
        """Give new households their group's company and a household number."""
        groupement_ids = {
            vals["vrac_groupement_id"]
            for vals in vals_list
            if vals.get("vrac_groupement_id")
        }
        if not groupement_ids:
            return
        groupements = self.env["vrac.groupement"].browse(groupement_ids)
        company_by_groupement = {g.id: g.company_id.id for g in groupements}
        # No superuser: every internal user may draw a sequence number.
        sequence = self.env["ir.sequence"]
        for vals in vals_list:
            groupement_id = vals.get("vrac_groupement_id")
            if not groupement_id or vals.get("parent_id") or vals.get("is_company"):
                continue
            vals.setdefault("company_id", company_by_groupement[groupement_id])
            if not vals.get("vrac_household_number"):
                vals["vrac_household_number"] = sequence.next_by_code("vrac.household")

    def _vrac_assign_household_number(self):
        # No superuser: every internal user may draw a sequence number.
        sequence = self.env["ir.sequence"]
        for partner in self:
            partner.vrac_household_number = sequence.next_by_code("vrac.household")

    def _vrac_record_membership_payment(self, product, amount, paid_date=None):
        """Record a membership paid without an invoice (at the till, in cash).

        Hook for the point of sale: the line is paid on ``paid_date`` and, for
        a rolling membership product, runs from that day.
        """
        paid_date = paid_date or fields.Date.context_today(self)
        # Superuser: cashiers may not create membership lines; the line is made only for
        # the partners of `self`, whose membership the caller is selling.
        return (
            self.env["membership.membership_line"]
            .sudo()
            .create(
                [
                    {
                        "partner": partner.id,
                        "membership_id": product.id,
                        "member_price": amount,
                        "date": paid_date,
                        "vrac_paid_date": paid_date,
                        "date_from": product.membership_date_from,
                        "date_to": product.membership_date_to,
                    }
                    for partner in self
                ]
            )
        )
