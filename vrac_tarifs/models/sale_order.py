# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, _, api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import formatLang


class SaleOrder(models.Model):
    # The tier is frozen when the order is created and when it is confirmed.
    _name = "sale.order"
    _inherit = ["sale.order", "vrac.tier.sale.mixin"]

    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        if any(vals.get("pricelist_id") for vals in vals_list):
            orders._vrac_check_pricelist()
        # Superuser: the tier is private (volunteers cannot read it); only whether the
        # new orders of `self` have one is looked at.
        orders.filtered(lambda order: not order.sudo().vrac_tier_id)._vrac_set_tier()
        return orders

    def write(self, vals):
        res = super().write(vals)
        if vals.get("pricelist_id"):
            self._vrac_check_pricelist()
        return res

    def _vrac_check_pricelist(self):
        """Only a coordinator prices an order otherwise than at its customer's
        prices (the tier, for a household)."""
        # The same rule, and hook, as for the partners' prices.
        if self.env.su or self.env["res.partner"]._vrac_user_sets_pricelists():
            return
        tier_pricelist_ids = self.env["product.pricelist"]._vrac_tier_pricelist_ids()
        for order in self:
            partner = order.partner_id.with_company(order.company_id)
            if order.pricelist_id != partner.property_product_pricelist and (
                order.pricelist_id.id in tier_pricelist_ids
                or partner.commercial_partner_id.vrac_is_household
            ):
                raise AccessError(
                    _(
                        "Prices follow the household's tier: only a coordinator "
                        "can change them."
                    )
                )

    def action_confirm(self):
        self._vrac_apply_funder_shares()
        res = super().action_confirm()
        self._vrac_set_tier()
        return res

    def _vrac_get_tier(self):
        """The tier of the order: the customer's effective tier in its company."""
        self.ensure_one()
        return self.partner_id.with_company(self.company_id)._vrac_effective_tier()

    def action_vrac_apply_funder_shares(self):
        """Button: add or update the lines 'Paid by <funder>' now."""
        self._vrac_apply_funder_shares()
        return True

    def _vrac_apply_funder_shares(self):
        """Lines 'Paid by <funder>' for the eligible households' orders.

        Recomputed from scratch on draft orders: a program pays its share of
        the eligible lines (taxes included), each line by one program at most,
        within what is left of its budget; beyond, the household pays the
        full price and the order says so.
        """
        orders = self.filtered(lambda order: order.state in ("draft", "sent"))
        if not orders:
            return
        # Superuser: volunteers may not read funder programs; only the programs of the
        # branches of these orders are used.
        Program = self.env["vrac.funder.program"].sudo()
        programs = Program.search([("company_id", "in", orders.company_id.ids)])
        orders.order_line.filtered("product_id.vrac_funder_share").unlink()
        if not programs:
            return
        used = programs._vrac_budget_used(exclude_sale_orders=orders)
        by_date = orders.grouped(
            lambda order: fields.Date.context_today(order, order.date_order)
        )
        vals_list = []
        for date, date_orders in by_date.items():
            eligible = programs._vrac_eligible_households(date_orders.partner_id, date)
            for order in date_orders:
                vals_list += order._vrac_funder_share_lines(programs, eligible, used)
        # Two orders confirmed at once must not both take the last of a
        # budget: the second one is replayed and sees the first.
        share_products = {vals["product_id"] for vals in vals_list}
        programs.filtered(
            lambda program: (
                program.budget and program.share_product_id.id in share_products
            )
        )._vrac_lock_budget()
        self.env["sale.order.line"].create(vals_list)

    def _vrac_funder_share_lines(self, programs, eligible, used):
        """Values of the share lines of one order; ``used`` is updated."""
        self.ensure_one()
        household = self.partner_id.commercial_partner_id
        lines = self.order_line.filtered(
            lambda line: line.product_id and not line.display_type
        )
        vals_list = []
        for program, program_lines in programs.filtered(
            lambda program: program.company_id == self.company_id
        )._vrac_lines_by_program(household, eligible, lines):
            share = program._vrac_share_amount(sum(program_lines.mapped("price_total")))
            remaining = program._vrac_remaining(used)
            if remaining is not None and share > remaining:
                self.message_post(
                    body=_(
                        "The budget of %(program)s is used up: %(funder)s pays "
                        "%(paid)s instead of %(share)s on this order.",
                        program=program.name,
                        funder=program.funder_id.name,
                        paid=formatLang(
                            self.env, remaining, currency_obj=program.currency_id
                        ),
                        share=formatLang(
                            self.env, share, currency_obj=program.currency_id
                        ),
                    )
                )
                share = remaining
            if share <= 0 or program.currency_id.is_zero(share):
                continue
            used[program.id] += share
            vals_list.append(
                {
                    "order_id": self.id,
                    "product_id": program.share_product_id.id,
                    "name": _(
                        "Paid by %(funder)s (%(program)s)",
                        funder=program.funder_id.name,
                        program=program.name,
                    ),
                    "product_uom_qty": 1.0,
                    "price_unit": -share,
                    "tax_id": [Command.clear()],
                    "sequence": 10000,
                }
            )
        return vals_list
