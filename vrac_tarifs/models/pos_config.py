# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.osv.expression import OR

from odoo.addons.vrac_groupement.tools.server_flag import ServerFlag

# Changing one of these may undo what the tiers need: the tiers put it back.
TIER_PRICING_FIELDS = {
    "vrac_use_tiers",
    "use_pricelist",
    "pricelist_id",
    "available_pricelist_ids",
    "company_id",
}
# Raised while the tiers write those fields themselves (server code only).
TIER_SYNC = ServerFlag("vrac_tier_sync")


class PosConfig(models.Model):
    _inherit = "pos.config"

    vrac_use_tiers = fields.Boolean(
        string="Income tiers",
        help="Sell at each household's tier price: the point of sale offers the "
        "pricelists of every active tier and applies the household's own when "
        "it is selected, the default tier's otherwise. The cashier never sees "
        "which tier applies.",
    )
    vrac_solidarity_fund_id = fields.Many2one(
        "vrac.solidarity.fund",
        string="Solidarity fund",
        check_company=True,
        help="The cashier may give the fund's discounts to a household, without "
        "asking why; the discounts are charged to the fund.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        configs = super().create(vals_list)
        configs._vrac_sync_tier_pricelists()
        return configs

    def write(self, vals):
        res = super().write(vals)
        if TIER_PRICING_FIELDS & set(vals) and not TIER_SYNC.is_raised(self.env):
            self._vrac_sync_tier_pricelists()
        return res

    @api.model
    def _vrac_sync_tier_configs(self, companies=None):
        """Hook for the tiers: bring the points of sale up to date with them.

        Called when tiers are created, archived or restored.
        """
        domain = [("vrac_use_tiers", "=", True)]
        if companies is not None:
            domain.append(("company_id", "in", companies.ids))
        # Superuser: a tier change by a coordinator updates points of sale they cannot
        # write; only the tier points of sale of the branches given are synced.
        self.sudo().search(domain)._vrac_sync_tier_pricelists()

    def _vrac_tier_pricelists(self):
        """{company: active tier pricelists, by tier sequence} of the configs."""
        # Superuser: cashiers may not read tiers; only the pricelists of the active
        # tiers of these points of sale's branches are returned.
        tiers = (
            self.env["vrac.tier"]
            .sudo()
            .search(
                [
                    ("company_id", "in", self.company_id.ids),
                    ("pricelist_id", "!=", False),
                ]
            )
        )
        return {
            company: company_tiers.pricelist_id.filtered("active")
            for company, company_tiers in tiers.grouped("company_id").items()
        }

    def _vrac_sync_tier_pricelists(self):
        """Offer the pricelists of the active tiers, the default tier's by default.

        While a session is open Odoo lets no pricelist be taken out of the
        point of sale: those still active stay until the next opening; the
        pricelists of archived tiers, archived with them, go at once.
        """
        # Superuser: the coordinator who changes a tier may not write points of sale;
        # only the configs of `self` are updated.
        configs = self.sudo().filtered("vrac_use_tiers")
        if not configs:
            return
        pricelists_by_company = configs._vrac_tier_pricelists()
        for config in configs:
            pricelists = pricelists_by_company.get(config.company_id)
            if not pricelists:
                continue
            default = (
                config.company_id.vrac_default_tier_id.pricelist_id & pricelists
                or pricelists[:1]
            )
            offered = config.with_context(active_test=False).available_pricelist_ids
            if config.has_active_session:
                pricelists |= offered.filtered("active")
            vals = {}
            if not config.use_pricelist:
                vals["use_pricelist"] = True
            if set(offered.ids) != set(pricelists.ids):
                vals["available_pricelist_ids"] = [Command.set(pricelists.ids)]
            if config.pricelist_id != default:
                vals["pricelist_id"] = default.id
            if vals:
                TIER_SYNC.on(config).write(vals)

    @api.model
    def _get_special_products(self):
        # The lines "Paid by <funder>" are added by the till, never picked.
        # Superuser: the till must hide every funder share product, also those
        # of branches the cashier cannot read; only their ids are used, to
        # leave them out.
        return super()._get_special_products() | self.env[
            "product.product"
        ].sudo().search([("vrac_funder_share", "=", True)])

    def _load_pos_data(self, data):
        res = super()._load_pos_data(data)
        config = res["data"][0]
        session = self.env["pos.session"].browse(data["pos.session"]["data"][0]["id"])
        # What the till needs of its solidarity fund (never an amount).
        config["_vrac_solidarity_fund"] = session._vrac_solidarity_fund_pos_data()
        return res

    def _get_available_product_domain(self):
        domain = super()._get_available_product_domain()
        # Superuser: cashiers may not read the fund; only the products of the fund of
        # this point of sale are listed.
        fund = self.sudo().vrac_solidarity_fund_id
        products = (
            fund.coupon_product_id | fund.donation_product_id | fund.discount_product_id
        )
        if products:
            domain = OR([domain, [("id", "in", products.ids)]])
        return domain

    def vrac_get_solidarity_available(self):
        """For the till: what the solidarity fund may still give today.

        Cashiers have no accounting rights: they get this amount only, for
        their own point of sale.
        """
        self.ensure_one()
        self.env["vrac.solidarity.fund"]._check_pos_user()
        self.check_access("read")
        # Cashiers may not read the fund (amounts): the balance is read as superuser,
        # for the fund of their own point of sale only (checked above).
        fund = self.sudo().vrac_solidarity_fund_id
        if not fund:
            return 0.0
        return fund._vrac_get_available_amounts()[fund.id]
