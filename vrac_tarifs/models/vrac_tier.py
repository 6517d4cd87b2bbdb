# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, float_is_zero, formatLang

from ..tools import pricing


class VracTier(models.Model):
    """An income tier: a price level derived from the cost price."""

    _name = "vrac.tier"
    _description = "Income tier"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(
        required=True,
        help="Seen by coordinators only: the tier's pricelist is named "
        '"Household prices" for everyone else, e.g. Tarif A.',
    )
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    percent = fields.Float(
        string="Change on cost (%)",
        # The pricelist's discount keeps 2 decimals: the tier keeps the same.
        digits="Discount",
        help="Signed: 0 sells at cost, +10 at cost plus 10 %, -20 at 20 % below "
        "cost (the difference is then covered by the upper tiers or a fund).",
    )
    rounding = fields.Float(
        string="Rounding step",
        default=0.0,
        digits="Product Price",
        help="0: no rounding, the prices are the cost changed by the percentage, "
        "to the cent (a tier at cost always sells at the cost to the cent). "
        "Otherwise the prices are rounded to the nearest multiple of this amount, "
        "e.g. 0.05 EUR; a tier at or above cost never sells below cost: when "
        "the nearest multiple is below the cost, the price is the next one up. "
        "The balance per tier shows what the rounding brings or costs.",
    )
    rounding_note = fields.Char(
        string="Rounding rule",
        compute="_compute_rounding_note",
        help="How the prices of this tier are rounded.",
    )
    is_precarity = fields.Boolean(
        string="Precarity tier",
        help="Households of this tier count as in precarity in the mixité indicators.",
    )
    by_resources = fields.Boolean(
        string="Assigned from resources",
        default=True,
        help="Households fall in this tier from their declared resources. "
        "Untick for a tier that coordinators only set by hand.",
    )
    resource_min = fields.Monetary(
        string="Resources from",
        currency_field="currency_id",
        help="Monthly resources per consumption unit, from this amount included.",
    )
    resource_max = fields.Monetary(
        string="Resources up to",
        currency_field="currency_id",
        help="Monthly resources per consumption unit, up to this amount "
        "excluded. Leave 0 for no upper bound.",
    )
    pricelist_id = fields.Many2one(
        "product.pricelist",
        readonly=True,
        copy=False,
        ondelete="restrict",
        check_company=True,
        help="Kept in sync with the tier: cost price, changed by the percentage, "
        "rounded to the step.",
    )
    household_count = fields.Integer(
        string="Households", compute="_compute_household_count"
    )

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "Another tier already uses this code.",
        ),
    ]

    def _compute_household_count(self):
        # Superuser: counts must not depend on which households the coordinator may
        # open; only counts for the tiers of `self` leave here.
        counts = dict(
            self.env["res.partner"]
            .sudo()
            ._read_group(
                [("vrac_tier_id", "in", self.ids), ("vrac_is_household", "=", True)],
                ["vrac_tier_id"],
                ["__count"],
            )
        )
        for tier in self:
            tier.household_count = counts.get(tier, 0)

    @api.depends("percent", "rounding", "currency_id")
    def _compute_rounding_note(self):
        for tier in self:
            if not tier.rounding:
                tier.rounding_note = _("No rounding: prices to the cent.")
                continue
            step = formatLang(
                self.env, tier.rounding, currency_obj=tier.currency_id or None
            )
            if tier.percent >= 0:
                tier.rounding_note = _(
                    "Rounded to the nearest %(step)s, never below cost.", step=step
                )
            else:
                tier.rounding_note = _("Rounded to the nearest %(step)s.", step=step)

    @api.constrains("percent")
    def _check_percent(self):
        for tier in self:
            if tier.percent < -100:
                raise ValidationError(
                    _(
                        "The tier %(tier)s cannot be more than 100 %% below cost.",
                        tier=tier.name,
                    )
                )

    @api.constrains("rounding", "percent", "company_id")
    def _check_rounding(self):
        for tier in self:
            if tier.rounding < 0:
                raise ValidationError(
                    _(
                        "The rounding step of the tier %(tier)s cannot be negative "
                        "(0 for no rounding, or e.g. 0.05).",
                        tier=tier.name,
                    )
                )
            # A step up to the cent changes nothing: the prices are in cents.
            if (
                float_is_zero(tier.percent, precision_digits=2)
                and float_compare(
                    tier.rounding,
                    tier.currency_id.rounding,
                    precision_rounding=tier.currency_id.rounding / 100,
                )
                > 0
            ):
                raise ValidationError(
                    _(
                        "The tier %(tier)s sells at cost: it sells at the cost to "
                        "the cent, without rounding. Set its rounding step to 0.",
                        tier=tier.name,
                    )
                )

    @api.constrains(
        "resource_min", "resource_max", "by_resources", "active", "company_id"
    )
    def _check_bounds(self):
        for tier in self:
            if tier.resource_min < 0 or tier.resource_max < 0:
                raise ValidationError(
                    _(
                        "The resource bounds of %(tier)s cannot be negative.",
                        tier=tier.name,
                    )
                )
            if tier.resource_max and tier.resource_max <= tier.resource_min:
                raise ValidationError(
                    _(
                        "The upper bound of %(tier)s must be above its lower bound.",
                        tier=tier.name,
                    )
                )
        tiers = self.search(
            [("company_id", "in", self.company_id.ids), ("by_resources", "=", True)]
        )
        for company, company_tiers in tiers.grouped("company_id").items():
            pairs = pricing.overlapping(
                (tier, tier.resource_min, tier.resource_max) for tier in company_tiers
            )
            if pairs:
                first, second = pairs[0]
                raise ValidationError(
                    _(
                        "The resource bounds of %(first)s and %(second)s overlap "
                        "(%(company)s): a household must fall in one tier only.",
                        first=first.name,
                        second=second.name,
                        company=company.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        tiers = super().create(vals_list)
        tiers._vrac_sync_pricelists()
        tiers._vrac_recompute_household_tiers()
        return tiers

    def write(self, vals):
        res = super().write(vals)
        if {"name", "percent", "rounding", "active", "company_id"} & set(vals):
            self._vrac_sync_pricelists()
        if {"resource_min", "resource_max", "by_resources", "active"} & set(vals):
            self._vrac_recompute_household_tiers()
        return res

    def _vrac_recompute_household_tiers(self):
        """Households whose tier comes from their resources follow new bounds."""
        # Superuser: every household by resources of the tiers' branches follows the new
        # bounds, also those the writer cannot open; only the branches of `self`.
        partners = (
            self.env["res.partner"]
            .sudo()
            .search(
                [
                    ("vrac_tier_mode", "=", "auto"),
                    ("vrac_resources_date", "!=", False),
                    ("company_id", "in", self.company_id.ids),
                ]
            )
        )
        self.env.add_to_compute(partners._fields["vrac_tier_id"], partners)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        # Superuser: archived households and households the user cannot see must also
        # keep their tier; only a yes/no for the tiers of `self` is read.
        if (
            self.env["res.partner"]
            .sudo()
            .search_count([("vrac_tier_id", "in", self.ids)], limit=1)
        ):
            raise UserError(
                _("Households are in this tier: archive it or move them first.")
            )

    def _vrac_prepare_pricelist_item(self):
        self.ensure_one()
        return {
            "applied_on": "3_global",
            "compute_price": "formula",
            "base": "standard_price",
            # Odoo's formula takes a discount: a mark-up is a negative discount.
            "price_discount": -self.percent,
            "price_round": self.rounding,
            "vrac_never_below_cost": self.percent >= 0,
        }

    def _vrac_prepare_pricelist_fee_item(self):
        """Fees and coupons keep their sale price whatever the tier."""
        self.ensure_one()
        return {
            "applied_on": "2_product_category",
            "categ_id": self.env.ref("vrac_tarifs.product_category_fees").id,
            "compute_price": "formula",
            "base": "list_price",
            "price_discount": 0.0,
        }

    def _vrac_pricelist_name(self):
        """The name of every tier's pricelist, in the language of the context.

        Cashiers, volunteers and accountants read it on households, orders and
        at the till: it never tells the tier. Coordinators read the tier's
        name (``product.pricelist._compute_display_name``).
        """
        return _("Household prices")

    def _vrac_pricelist_name_translations(self):
        langs = {"en_US"} | {
            code for code, _name in self.env["res.lang"].get_installed()
        }
        return {
            lang: self.with_context(lang=lang)._vrac_pricelist_name() for lang in langs
        }

    def _vrac_prepare_pricelist(self):
        self.ensure_one()
        return {
            "name": self._vrac_pricelist_name(),
            "active": self.active,
            "company_id": self.company_id.id,
            "currency_id": self.company_id.currency_id.id,
        }

    def _vrac_sync_pricelists(self):
        """Create or update the pricelist each tier manages."""
        # Superuser: coordinators may not write pricelists; only the pricelists of the
        # tiers of `self` are made and kept.
        Pricelist = self.env["product.pricelist"].sudo().with_context(active_test=False)
        for tier in self.filtered(lambda t: not t.pricelist_id):
            tier.pricelist_id = Pricelist.create(tier._vrac_prepare_pricelist())
        translations = self._vrac_pricelist_name_translations()
        # Superuser: coordinators may not write pricelists; only those of the tiers of
        # `self`.
        for pricelist in self.pricelist_id.sudo():
            pricelist.update_field_translations("name", translations)
        for tier in self:
            # Superuser: coordinators may not write pricelists; only the pricelist of
            # this tier of `self`.
            pricelist = tier.pricelist_id.sudo()
            pricelist.write(tier._vrac_prepare_pricelist())
            items = pricelist.item_ids
            for applied_on, values in (
                ("3_global", tier._vrac_prepare_pricelist_item()),
                ("2_product_category", tier._vrac_prepare_pricelist_fee_item()),
            ):
                managed = items.filtered(
                    lambda item, applied_on=applied_on, values=values: (
                        item.applied_on == applied_on
                        and item.categ_id.id == values.get("categ_id", False)
                    )
                )[:1]
                if managed:
                    managed.write(values)
                else:
                    pricelist.item_ids = [fields.Command.create(values)]
        # Households' pricelists follow their tier, points of sale their tiers.
        self.env["res.partner"].invalidate_model(["property_product_pricelist"])
        self.env["pos.config"]._vrac_sync_tier_configs(self.company_id)
