# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

from ..tools import pricing

COORDINATORS = "vrac_groupement.group_coordinator"


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Vendors: their logistics share, added to their prices in the cost price.
    vrac_logistics_percent = fields.Float(
        string="Logistics (%)",
        help="Transport and handling of this vendor's goods, as a share of the price.",
    )
    vrac_logistics_amount = fields.Float(
        string="Logistics per unit",
        digits="Product Price",
        help="Transport and handling of this vendor's goods, per unit sold.",
    )
    # Household composition: not private.
    vrac_teen_count = fields.Integer(
        string="Of whom children aged 14 or more",
        help="Counted as 0.5 consumption unit instead of 0.3.",
    )
    # Everything below tells about the household's income: coordinators only.
    vrac_monthly_resources = fields.Monetary(
        string="Monthly resources",
        currency_field="vrac_currency_id",
        groups=COORDINATORS,
        tracking=True,
        help="Declared by the household; no document is asked for.",
    )
    vrac_currency_id = fields.Many2one(
        "res.currency",
        compute="_compute_vrac_currency_id",
        groups=COORDINATORS,
    )
    vrac_resources_date = fields.Date(
        string="Resources declared on", groups=COORDINATORS, tracking=True
    )
    vrac_consumption_units = fields.Float(
        string="Consumption units",
        compute="_compute_vrac_consumption_units",
        store=True,
        digits=(4, 2),
        groups=COORDINATORS,
    )
    vrac_resources_per_unit = fields.Monetary(
        string="Resources per consumption unit",
        currency_field="vrac_currency_id",
        compute="_compute_vrac_resources_per_unit",
        store=True,
        groups=COORDINATORS,
    )
    vrac_tier_mode = fields.Selection(
        [("auto", "From declared resources"), ("manual", "Set by a coordinator")],
        string="Tier set",
        default="auto",
        groups=COORDINATORS,
        tracking=True,
    )
    vrac_tier_id = fields.Many2one(
        "vrac.tier",
        string="Tier",
        compute="_compute_vrac_tier_id",
        store=True,
        readonly=False,
        index=True,
        groups=COORDINATORS,
        tracking=True,
    )
    vrac_tier_reason = fields.Char(
        string="Reason",
        groups=COORDINATORS,
        tracking=True,
        help="Why the tier was set by hand, e.g. referred by a social worker.",
    )
    vrac_tier_review_date = fields.Date(
        string="Tier review on", groups=COORDINATORS, tracking=True
    )

    vrac_funder_program_ids = fields.Many2many(
        "vrac.funder.program",
        string="Funder-paid programs",
        compute="_compute_vrac_funder_program_ids",
        help="The programs paying part of the household's purchases today.",
    )

    def _compute_vrac_currency_id(self):
        self.vrac_currency_id = self.env.company.currency_id

    @api.depends_context("company")
    def _compute_vrac_funder_program_ids(self):
        programs = self.env["vrac.funder.program"]._vrac_active_programs(
            self.env.company, fields.Date.context_today(self)
        )
        eligible = programs._vrac_eligible_households(
            self, fields.Date.context_today(self)
        )
        for partner in self:
            household = partner.commercial_partner_id
            partner.vrac_funder_program_ids = programs.filtered(
                lambda program, household=household: household in eligible[program]
            ).with_env(self.env)

    @api.depends("vrac_adult_count", "vrac_child_count", "vrac_teen_count")
    def _compute_vrac_consumption_units(self):
        for partner in self:
            try:
                partner.vrac_consumption_units = pricing.consumption_units(
                    partner.vrac_adult_count,
                    partner.vrac_child_count,
                    partner.vrac_teen_count,
                )
            except ValueError:
                # Inconsistent counts are refused by the constraints.
                partner.vrac_consumption_units = 0.0

    @api.depends("vrac_monthly_resources", "vrac_consumption_units")
    def _compute_vrac_resources_per_unit(self):
        for partner in self:
            units = partner.vrac_consumption_units
            partner.vrac_resources_per_unit = (
                partner.vrac_monthly_resources / units if units else 0.0
            )

    @api.depends(
        "vrac_tier_mode",
        "vrac_resources_per_unit",
        "vrac_resources_date",
        "company_id",
    )
    def _compute_vrac_tier_id(self):
        automatic = self.filtered(
            lambda p: p.vrac_tier_mode == "auto" and p.vrac_resources_date
        )
        companies = automatic.company_id | self.env.company
        # Superuser: volunteers may not read tiers; only the tiers by resources of the
        # branches of these households are used.
        tiers = (
            self.env["vrac.tier"]
            .sudo()
            .search([("company_id", "in", companies.ids), ("by_resources", "=", True)])
        )
        bounds_by_company = {
            company: [
                (tier, tier.resource_min, tier.resource_max) for tier in company_tiers
            ]
            for company, company_tiers in tiers.grouped("company_id").items()
        }
        for partner in automatic:
            bounds = bounds_by_company.get(partner.company_id or self.env.company, [])
            partner.vrac_tier_id = (
                pricing.tier_for(partner.vrac_resources_per_unit, bounds)
                or self.env["vrac.tier"]
            )
        for partner in self - automatic:
            partner.vrac_tier_id = partner.vrac_tier_id

    @api.constrains("vrac_logistics_percent", "vrac_logistics_amount")
    def _check_vrac_logistics(self):
        for partner in self:
            if partner.vrac_logistics_percent < 0 or partner.vrac_logistics_amount < 0:
                raise ValidationError(
                    _(
                        "The logistics share of %(vendor)s cannot be negative.",
                        vendor=partner.display_name,
                    )
                )

    @api.constrains("vrac_teen_count", "vrac_child_count")
    def _check_vrac_teen_count(self):
        for partner in self:
            if (
                partner.vrac_teen_count < 0
                or partner.vrac_teen_count > partner.vrac_child_count
            ):
                raise ValidationError(
                    _(
                        "The children aged 14 or more of %(name)s are counted among "
                        "its children (between 0 and %(children)s).",
                        name=partner.display_name,
                        children=partner.vrac_child_count,
                    )
                )

    @api.constrains("vrac_monthly_resources")
    def _check_vrac_monthly_resources(self):
        # Superuser: resources are private (field groups); the constraint checks what
        # the writer of `self` wrote, for any writer.
        for partner in self.sudo():
            if partner.vrac_monthly_resources < 0:
                raise ValidationError(
                    _(
                        "The monthly resources of %(name)s cannot be negative: "
                        "enter 0 when the household has no income.",
                        name=partner.display_name,
                    )
                )

    @api.constrains("vrac_tier_mode", "vrac_tier_reason", "vrac_tier_id")
    def _check_vrac_tier_reason(self):
        # Superuser: the tier and its reason are private (field groups); the constraint
        # checks what the writer of `self` wrote, for any writer.
        for partner in self.sudo():
            if (
                partner.vrac_tier_mode == "manual"
                and not (partner.vrac_tier_reason or "").strip()
            ):
                raise ValidationError(
                    _(
                        "Say why the tier of %(name)s is set by hand (e.g. referred "
                        "by a social worker).",
                        name=partner.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._vrac_prepare_tier_values(vals)
        asked = self._vrac_pop_pricelists_to_check(vals_list)
        partners = super().create(vals_list)
        for index, pricelist_id in asked.items():
            partners[index].write({"property_product_pricelist": pricelist_id})
        return partners

    def write(self, vals):
        vals = self._vrac_prepare_tier_values(dict(vals))
        if "property_product_pricelist" in vals:
            pricelist = self.env["product.pricelist"].browse(
                vals["property_product_pricelist"]
            )
            if self._vrac_check_pricelist_change(pricelist):
                # The same prices as today: nothing to write.
                del vals["property_product_pricelist"]
        return super().write(vals)

    @api.model
    def _vrac_pop_pricelists_to_check(self, vals_list):
        """Take out of new partners' values the pricelists to check after
        creation: {index in vals_list: pricelist id}.

        Coordinators' values are checked as any write; for anyone else, a
        household or a tier's pricelist gets the prices it would get anyway.
        """
        if self.env.su or self._vrac_user_sets_pricelists():
            return {}
        tier_pricelist_ids = self.env["product.pricelist"]._vrac_tier_pricelist_ids()
        asked = {}
        for index, vals in enumerate(vals_list):
            pricelist_id = vals.get("property_product_pricelist")
            if pricelist_id and (
                vals.get("vrac_groupement_id")
                or vals.get("parent_id")
                or pricelist_id in tier_pricelist_ids
            ):
                asked[index] = vals.pop("property_product_pricelist")
        return asked

    def _vrac_user_sets_pricelists(self):
        """Whether the user may price partners and orders otherwise than at
        their tier (hook; ``sale.order._vrac_check_pricelist`` asks it too)."""
        return self.env.user.has_group(COORDINATORS)

    def _vrac_check_pricelist_change(self, pricelist):
        """Prices follow the tier: who may give these partners ``pricelist``.

        A coordinator gives a pricelist of the partner's branch. Anyone else
        may neither change a household's prices nor give or take a tier's
        pricelist; the prices a partner already has are accepted.

        :return: True when every partner already has ``pricelist``.
        """
        unchanged = all(
            partner.property_product_pricelist == pricelist for partner in self
        )
        if self.env.su or unchanged:
            return unchanged
        if all(
            partner.commercial_partner_id.property_product_pricelist == pricelist
            for partner in self
        ):
            # A contact takes the prices of its household or company.
            return False
        if self._vrac_user_sets_pricelists():
            # sudo: only the pricelist's branch is compared, not shown.
            pricelist_company = pricelist.sudo().company_id
            other_branch = self.filtered(
                lambda partner: (
                    pricelist_company
                    and partner.company_id
                    and pricelist_company != partner.company_id
                )
            )
            if other_branch:
                raise ValidationError(
                    _(
                        "The prices of %(name)s must be those of its branch "
                        "(%(company)s).",
                        name=other_branch[0].display_name,
                        company=other_branch[0].company_id.name,
                    )
                )
            return False
        tier_pricelist_ids = self.env["product.pricelist"]._vrac_tier_pricelist_ids()
        if (
            pricelist.id in tier_pricelist_ids
            or any(self.commercial_partner_id.mapped("vrac_is_household"))
            or set(self.property_product_pricelist.ids) & tier_pricelist_ids
        ):
            raise AccessError(
                _(
                    "Prices follow the household's tier: only a coordinator "
                    "can change them."
                )
            )
        return False

    @api.model
    def _vrac_prepare_tier_values(self, vals):
        """Date the declaration of resources and plan the next tier review."""
        if "vrac_monthly_resources" in vals and "vrac_resources_date" not in vals:
            vals["vrac_resources_date"] = fields.Date.context_today(self)
        if {"vrac_monthly_resources", "vrac_tier_id", "vrac_tier_mode"} & set(
            vals
        ) and "vrac_tier_review_date" not in vals:
            months = self.env.company.vrac_tier_review_months or 12
            vals["vrac_tier_review_date"] = fields.Date.context_today(
                self
            ) + relativedelta(months=months)
        if vals.get("vrac_tier_id") and "vrac_tier_mode" not in vals:
            # A tier chosen by hand stays until a coordinator changes it.
            vals["vrac_tier_mode"] = "manual"
        return vals

    @api.depends(
        "vrac_tier_id",
        "vrac_is_household",
        "commercial_partner_id.vrac_tier_id",
        "commercial_partner_id.vrac_is_household",
        "specific_property_product_pricelist",
    )
    @api.depends_context("company")
    def _compute_product_pricelist(self):
        res = super()._compute_product_pricelist()
        # A household's pricelist follows its tier; households without tier and
        # customers who are not households get the default tier's.
        # Superuser: volunteers and cashiers may not read tiers; only the default tier
        # of the current branch is taken.
        default_tier = self.env.company.sudo().vrac_default_tier_id
        for partner in self:
            # Superuser: the tier is private; only the tier of the household of each
            # partner of `self` gives its pricelist.
            household = partner.commercial_partner_id.sudo()
            if household.vrac_is_household:
                tier = household.vrac_tier_id or default_tier
            elif not partner._origin.specific_property_product_pricelist:
                tier = default_tier
            else:
                continue
            if tier.pricelist_id:
                partner.property_product_pricelist = tier.pricelist_id
        return res

    def _vrac_effective_tier(self):
        """The tier the household pays (its own, else the default tier)."""
        self.ensure_one()
        # Superuser: the tier is private; only the tier of the household of `self` is
        # taken.
        household = self.commercial_partner_id.sudo()
        if household.vrac_is_household and household.vrac_tier_id:
            return household.vrac_tier_id
        # Superuser: cashiers may not read tiers; only the default tier of the current
        # branch is taken.
        return self.env.company.sudo().vrac_default_tier_id

    # Point of sale --------------------------------------------------------------

    @api.model
    def _vrac_pos_partner_fields(self):
        # The lines "Paid by <funder>" follow the household's programs; its tier
        # never travels (its prices come with property_product_pricelist).
        return super()._vrac_pos_partner_fields() + ["vrac_funder_program_ids"]
