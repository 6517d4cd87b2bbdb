# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError


class PosOrder(models.Model):
    # The tier is frozen when the order is made at the till.
    _name = "pos.order"
    _inherit = ["pos.order", "vrac.tier.sale.mixin"]

    vrac_solidarity_discount = fields.Boolean(
        string="Solidarity discount",
        compute="_compute_vrac_solidarity_discount",
        store=True,
        help="The order has a solidarity discount: once its session is closed, "
        "only coordinators and accountants see it (record rules).",
    )

    @api.depends("lines.product_id")
    def _compute_vrac_solidarity_discount(self):
        # sudo: which products are discounts of a fund (cashiers may not read
        # the funds). Every fund, not only the orders' branches: the flag hides
        # the order from other cashiers, so it must not miss one; only a yes/no
        # per order of `self` is stored.
        products = (
            self.env["vrac.solidarity.fund"]
            .sudo()
            .with_context(active_test=False)
            .search([])
            .discount_product_id
        )
        for order in self:
            # Superuser: every line of the order, whatever the user may read;
            # only a yes/no is stored for the orders of `self`.
            order.vrac_solidarity_discount = bool(
                order.sudo().lines.product_id & products
            )

    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        # Superuser: the tier is private (cashiers cannot read it); only whether the new
        # orders of `self` have one is looked at.
        orders.filtered(lambda order: not order.sudo().vrac_tier_id)._vrac_set_tier()
        return orders

    def write(self, vals):
        res = super().write(vals)
        if "partner_id" in vals:
            # A draft order saved from the till may change customer.
            self.filtered(lambda order: order.state == "draft")._vrac_set_tier()
        return res

    def _prepare_refund_values(self, current_session):
        # A refund made from the backend is created before its lines.
        vals = super()._prepare_refund_values(current_session)
        # Superuser: the tier is private (cashiers cannot read it); the refund of `self`
        # keeps the tier of the order it refunds.
        vals["vrac_tier_id"] = self.sudo().vrac_tier_id.id
        return vals

    def _process_saved_order(self, draft):
        if not draft:
            # Before the order is paid: the till sends the amounts of its lines.
            self._vrac_check_money_lines()
        res = super()._process_saved_order(draft)
        if not draft:
            self.env["vrac.funder.program"]._vrac_check_pos_orders(self)
            self.env["loyalty.program"]._vrac_check_food_credit_orders(self)
        return res

    def _vrac_line_amounts(self):
        """{line: amount with taxes} of the orders' lines, as the server
        computes it from price, quantity, discount and taxes (the till sends
        its own subtotals, which Odoo stores as they come)."""
        # Superuser: the lines of the orders of `self` being paid, for their amounts.
        return {
            line: line._compute_amount_line_all()["price_subtotal_incl"]
            for line in self.sudo().lines
        }

    def _vrac_check_money_lines(self):
        """Refuse the lines that move money of a fund or a funder when the
        till's amounts are not the server's, and a solidarity discount above
        the fund's highest percentage of the order.

        The fund's balance and the funders' budgets and invoices add up the
        stored subtotals; the session's entry books price x quantity.
        """
        # Superuser: cashiers may not read the funds; only their products are used.
        fund_products = (
            self.env["vrac.solidarity.fund"]
            .sudo()
            .with_context(active_test=False)
            .search([])
            ._vrac_get_fund_by_product()
        )
        for order in self:
            # Superuser: the lines of the orders of `self` being paid, for their
            # amounts.
            lines = order.sudo().lines
            money_lines = lines.filtered(
                lambda line: (
                    line.product_id in fund_products
                    or line.product_id.vrac_funder_share
                )
            )
            if not money_lines:
                # Nothing of a fund or a funder: no amount to check.
                continue
            currency = order.currency_id
            computed = {line: line._compute_amount_line_all() for line in lines}
            for line in money_lines:
                if any(
                    currency.compare_amounts(line[name], computed[line][name])
                    for name in ("price_subtotal", "price_subtotal_incl")
                ):
                    raise UserError(
                        _(
                            "The amount of the line %(line)s does not match its "
                            "price: the order is still open, remove the line and "
                            "add it again.",
                            line=line.full_product_name or line.product_id.name,
                        )
                    )
            discounts = defaultdict(float)
            base = 0.0
            for line in lines:
                fund, kind = fund_products.get(line.product_id, (None, None))
                amount = computed[line]["price_subtotal_incl"]
                if kind == "discount":
                    discounts[fund] -= amount
                elif not fund:
                    base += amount
            for fund, discount in discounts.items():
                percent = max(fund._vrac_get_percentages())
                allowed = currency.round(max(base, 0.0) * percent / 100.0)
                if currency.compare_amounts(discount, allowed) > 0:
                    raise UserError(
                        _(
                            "A solidarity discount is at most %(percent)s %% of the "
                            "order (%(allowed)s), not %(discount)s: the order is "
                            "still open, choose the discount again.",
                            percent=percent,
                            allowed=fund._vrac_format_amount(allowed),
                            discount=fund._vrac_format_amount(discount),
                        )
                    )

    def _vrac_get_tier(self):
        """The tier of the order: a refund keeps the tier of the sale.

        Hook: a module that prices orders otherwise can override it.
        """
        self.ensure_one()
        # Superuser: the tier is private (cashiers cannot read it); only the tier of the
        # orders this order of `self` refunds is taken.
        refunded = self.sudo().refunded_order_id.vrac_tier_id
        if refunded:
            return refunded
        if self.partner_id:
            return self.partner_id.with_company(self.company_id)._vrac_effective_tier()
        # Superuser: cashiers may not read tiers; only the default tier of the order's
        # own branch is taken.
        return self.company_id.sudo().vrac_default_tier_id

    @api.model
    def sync_from_ui(self, orders):
        if any(order.get("state") != "draft" for order in orders):
            self._vrac_lock_money(orders)
        return super().sync_from_ui(orders)

    @api.model
    def _vrac_lock_money(self, orders):
        """Lock the funds and budgets the orders spend, before anything else.

        Two tills spending the last of a fund or of a budget at once: the
        second request is refused by PostgreSQL and replayed by the server
        (see ``lock_money_rows``), then sees the first order. Done here, out
        of the till's error capture of each order, so that the refusal
        reaches the server as it is.
        """
        product_ids = {
            vals.get("product_id")
            for order in orders
            for vals in self._vrac_ui_line_values(order)
        }
        # A draft saved before (its lines are in the database) is paid now.
        uuids = [order["uuid"] for order in orders if order.get("uuid")]
        if uuids:
            # sudo: only the products of the till's own open orders, to lock rows.
            product_ids.update(
                self.sudo()
                .search([("uuid", "in", uuids), ("state", "=", "draft")])
                .lines.product_id.ids
            )
        product_ids.discard(None)
        if not product_ids:
            return
        # sudo: only to find which rows to lock; nothing is read or returned.
        self.env["vrac.solidarity.fund"].sudo().search(
            [("discount_product_id", "in", list(product_ids))]
        )._vrac_lock_for_discounts()
        self.env["vrac.funder.program"].sudo().search(
            [("share_product_id", "in", list(product_ids)), ("budget", "!=", 0)]
        )._vrac_lock_budget()

    @api.model
    def _vrac_ui_line_values(self, order):
        """The values of the new lines of an order sent by the till.

        The till sends an order already saved (a draft) with commands: its new
        lines as ``(0, 0, values)``, its changed ones as ``(1, id, values)``
        holding the changed values only, which are left out here (see
        ``_vrac_order_line_values`` for the whole order).
        """
        return [
            line[2]
            for line in order.get("lines") or []
            if isinstance(line, (list, tuple))
            and len(line) == 3
            and line[0] == Command.CREATE
            and isinstance(line[2], dict)
        ]

    @api.model
    def _vrac_order_line_values(self, order, existing_order):
        """{product id, subtotal} of every line the order will have once saved:
        the new lines as sent, the saved ones as in the database with the
        changes sent (``(1, id, values)``), without the deleted ones."""
        commands = [
            line
            for line in order.get("lines") or []
            if isinstance(line, (list, tuple)) and len(line) >= 2
        ]
        changed = {
            line[1]: line[2]
            for line in commands
            if line[0] == Command.UPDATE and isinstance(line[2], dict)
        }
        deleted = {line[1] for line in commands if line[0] == Command.DELETE}
        values = [
            {
                "product_id": vals.get("product_id"),
                "price_subtotal": vals.get("price_subtotal"),
            }
            for vals in self._vrac_ui_line_values(order)
        ]
        # Superuser: the saved lines of the order being paid, for their amounts only.
        for line in existing_order.sudo().lines if existing_order else []:
            if line.id in deleted:
                continue
            vals = changed.get(line.id, {})
            values.append(
                {
                    "product_id": vals.get("product_id", line.product_id.id),
                    "price_subtotal": vals.get("price_subtotal", line.price_subtotal),
                }
            )
        return values

    @api.model
    def _process_order(self, order, existing_order):
        if order.get("state") != "draft":
            self._vrac_check_solidarity_discounts(order, existing_order)
        return super()._process_order(order, existing_order)

    @api.model
    def _vrac_check_solidarity_discounts(self, order, existing_order=None):
        """Refuse, before anything is saved, a discount the fund cannot cover.

        The till checks the fund when the discount is given; another till may
        have used the fund since. The order stays open at the till.
        """
        lines = self._vrac_order_line_values(order, existing_order)
        product_ids = {vals.get("product_id") for vals in lines}
        # Superuser: cashiers may not read the funds; only the funds whose discount
        # products are on the order being paid are locked and checked.
        funds = (
            self.env["vrac.solidarity.fund"]
            .sudo()
            .search([("discount_product_id", "in", list(product_ids))])
        )
        if not funds:
            return
        fund_by_product = {fund.discount_product_id.id: fund for fund in funds}
        amounts = defaultdict(float)
        for vals in lines:
            fund = fund_by_product.get(vals.get("product_id"))
            if fund:
                amounts[fund] -= vals.get("price_subtotal") or 0.0
        amounts = {fund: amount for fund, amount in amounts.items() if amount > 0}
        if amounts:
            funds._check_discounts(amounts)
