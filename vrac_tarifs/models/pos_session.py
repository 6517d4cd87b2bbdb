# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import _, api, fields, models


class PosSession(models.Model):
    _inherit = "pos.session"

    @api.model_create_multi
    def create(self, vals_list):
        # Tiers may have been created or archived since the last session.
        config_ids = {vals["config_id"] for vals in vals_list if vals.get("config_id")}
        self.env["pos.config"].browse(config_ids)._vrac_sync_tier_pricelists()
        return super().create(vals_list)

    @api.model
    def _load_pos_data_models(self, config_id):
        # The funder programs of the day, for the lines "Paid by <funder>".
        return super()._load_pos_data_models(config_id) + ["vrac.funder.program"]

    def _vrac_funder_programs(self):
        """The funder programs of the session's day."""
        return self.env["vrac.funder.program"]._vrac_active_programs(
            self.company_id, fields.Date.context_today(self)
        )

    def get_pos_ui_product_pricelist_item_by_product(
        self, product_tmpl_ids, product_ids, config_id
    ):
        # The pricelists of products loaded later carry their names too.
        res = super().get_pos_ui_product_pricelist_item_by_product(
            product_tmpl_ids, product_ids, config_id
        )
        self._vrac_hide_tier_names(res.get("product.pricelist") or [])
        return res

    def _vrac_hide_tier_names(self, pricelists):
        """Call every tier pricelist alike in the pricelists sent to the till.

        The prices are the only thing the till needs: nothing it loads tells
        which tier a household is in (partners and pricelist items carry the
        pricelist's id only).
        """
        if not self.config_id.vrac_use_tiers or not pricelists:
            return
        tier_pricelist_ids = self._vrac_tier_pricelist_ids()
        label = _("Price")
        for pricelist in pricelists:
            if pricelist.get("id") in tier_pricelist_ids:
                pricelist.update(name=label, display_name=label)

    def _vrac_tier_pricelist_ids(self):
        # Superuser: cashiers may not read tiers; only the pricelist ids of the tiers of
        # this session's branch are returned.
        return set(
            self.env["vrac.tier"]
            .sudo()
            .with_context(active_test=False)
            .search([("company_id", "=", self.company_id.id)])
            .pricelist_id.ids
        )

    def _vrac_solidarity_fund_pos_data(self):
        """What the till needs of its solidarity fund: never an amount.

        The amount the fund may give is asked when a discount is about to be
        given (``pos.config.vrac_get_solidarity_available``).
        """
        # Superuser: cashiers may not read the fund; only what the till needs of the
        # fund of this session's point of sale is returned (no amount).
        fund = self.config_id.sudo().vrac_solidarity_fund_id
        if not fund:
            return False
        return {
            "id": fund.id,
            "percentages": fund._vrac_get_percentages(),
            "discount_product_id": fund.discount_product_id.id,
            "coupon_product_id": fund.coupon_product_id.id,
            "donation_product_id": fund.donation_product_id.id,
            # The line of a discount says no more than this, to anyone.
            "discount_label": _("Discount"),
        }

    def _create_non_reconciliable_move_lines(self, data):
        data = super()._create_non_reconciliable_move_lines(data)
        self._vrac_set_solidarity_analytic(data)
        self._vrac_set_group_analytic(data)
        return data

    def _vrac_set_group_analytic(self, data):
        """The session's takings land on the groups' analytic accounts.

        The closing entry sums the sales per account and tax: its lines carry
        the groups of the households served, in proportion to their
        purchases (a passer-by's purchase is shared likewise). Lines that
        already have a distribution (a solidarity fund's) keep it.
        """
        line_ids = [
            amounts["move_line_id"]
            for amounts in (data.get("sales") or {}).values()
            if amounts.get("move_line_id")
        ]
        distribution = self._vrac_group_distribution()
        if not line_ids or not distribution:
            return
        lines = data["MoveLine"].browse(line_ids)
        lines.filtered(lambda line: not line.analytic_distribution).write(
            {"analytic_distribution": distribution}
        )

    def _vrac_group_distribution(self):
        """{analytic account id: percentage} of the session's orders not
        invoiced (those are invoices of their own), per household group."""
        self.ensure_one()
        # Superuser: the cashier closing the session may not read every order's group;
        # only this session's orders are summed, per group.
        by_partner = (
            self.env["pos.order"]
            .sudo()
            ._read_group(
                [
                    ("session_id", "=", self.id),
                    ("account_move", "=", False),
                    ("partner_id", "!=", False),
                ],
                ["partner_id"],
                ["amount_total:sum"],
            )
        )
        by_group = defaultdict(float)
        for partner, amount in by_partner:
            by_group[partner.commercial_partner_id.vrac_groupement_id] += amount
        return self.env["vrac.order.cycle.line"]._vrac_analytic_distribution(by_group)

    def _vrac_set_solidarity_analytic(self, data):
        """The session's lines on a fund account carry the fund's group."""
        sales = data.get("sales") or {}
        # Superuser: cashiers may not read the funds; only the funds whose accounts are
        # in this session's sales are taken.
        funds = (
            self.env["vrac.solidarity.fund"]
            .sudo()
            .with_context(active_test=False)
            .search([("account_id", "in", list({key[0] for key in sales}))])
        )
        MoveLine = data["MoveLine"]
        for fund in funds:
            distribution = fund._vrac_get_analytic_distribution()
            line_ids = [
                amounts["move_line_id"]
                for key, amounts in sales.items()
                if key[0] == fund.account_id.id and amounts.get("move_line_id")
            ]
            if distribution and line_ids:
                MoveLine.browse(line_ids).write({"analytic_distribution": distribution})
