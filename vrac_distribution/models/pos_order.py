# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare, float_is_zero


class PosOrder(models.Model):
    _inherit = "pos.order"

    vrac_distribution_id = fields.Many2one(
        "vrac.distribution",
        string="Distribution",
        index=True,
        readonly=True,
        copy=False,
        ondelete="set null",
        help="The distribution open at this till when the order was taken.",
    )

    @api.model
    def _complete_values_from_session(self, session, values):
        values = super()._complete_values_from_session(session, values)
        # The distribution is the server's to tell (see _process_order).
        if not values.get("vrac_distribution_id"):
            values["vrac_distribution_id"] = session.config_id.vrac_distribution_id.id
        return values

    @api.model
    def _process_order(self, order, existing_order):
        # The till sends every field of its orders: the distribution it names
        # is not taken. A new order gets the distribution open at the till
        # (_complete_values_from_session), an order saved before keeps its own.
        order.pop("vrac_distribution_id", None)
        return super()._process_order(order, existing_order)

    def _process_saved_order(self, draft):
        self._vrac_check_sale_orders()
        if not draft:
            self._vrac_check_weights()
        res = super()._process_saved_order(draft)
        if not draft and self.state in ("paid", "done", "invoiced"):
            self._vrac_deliver_bags()
        return res

    def _vrac_check_sale_orders(self):
        """Only the orders of the distribution open at this till are
        collected here: refuse the others."""
        for order in self:
            # Superuser: cashiers have no sales rights; only the sale orders settled by
            # the lines of the orders of `self` are read.
            sale_orders = order.sudo().lines.sale_order_origin_id.filtered(
                lambda so: so.vrac_cycle_id or so.vrac_distribution_id
            )
            wrong = sale_orders.filtered(
                lambda so, order=order: (
                    not order.vrac_distribution_id
                    or so.vrac_distribution_id != order.vrac_distribution_id
                )
            )
            if not wrong:
                continue
            if not order.vrac_distribution_id:
                raise UserError(
                    _(
                        "Order %(order)s of %(household)s is collected at a "
                        "distribution, and no distribution is open at the till "
                        "%(till)s: open the distribution first.",
                        order=wrong[0].name,
                        household=wrong[0].partner_id.display_name,
                        till=order.config_id.name,
                    )
                )
            raise UserError(
                _(
                    "Order %(order)s of %(household)s is not collected at "
                    "distribution %(distribution)s (it belongs to %(other)s): "
                    "remove its lines from the till order.",
                    order=wrong[0].name,
                    household=wrong[0].partner_id.display_name,
                    distribution=order.vrac_distribution_id.name,
                    other=wrong[0].vrac_distribution_id.name or _("no distribution"),
                )
            )

    def _vrac_check_weights(self):
        """A weighed item of a household order paid at 0 would stay in a
        backorder without a word: refused, as "Record the weights" does."""
        # Superuser: cashiers have no sales rights; only the lines of the orders of
        # `self` and the sale lines they settle are read.
        for line in self.sudo().lines:
            sale_line = line.sale_order_line_id
            if (
                sale_line
                and not line.refunded_orderline_id
                and sale_line.vrac_is_weighed
                and float_is_zero(
                    line.qty, precision_rounding=sale_line.product_uom.rounding
                )
            ):
                raise sale_line._vrac_weight_error(line.qty)

    # ------------------------------------------------------------------
    # The bag is the delivery
    # ------------------------------------------------------------------
    def _vrac_bag_lines(self):
        """Lines settling a household order of a distribution: its bag
        delivers them, not the till's picking."""
        return self.lines._vrac_bag_lines()

    def _vrac_collected_quantities(self, pos_lines):
        """{sale.order.line: quantity collected now, in the line's unit}."""
        sale_line_model = self.env["sale.order.line"]
        collected = defaultdict(float)
        for pos_line in pos_lines:
            sale_line = pos_line.sale_order_line_id
            collected[sale_line] += sale_line_model._convert_qty(
                sale_line, pos_line.qty, "p2s"
            )
        return collected

    def _vrac_deliver_bags(self):
        """Record the weights served and validate the bags of the orders
        settled here: what is left becomes a backorder (partial collection)."""
        self.check_access("write")
        for order in self:
            # Superuser: cashiers may not read distributions; only the distribution of
            # each order of `self` (write checked above) is compared.
            distribution = order.vrac_distribution_id.sudo()
            if distribution and distribution.pos_config_id != order.config_id:
                raise UserError(
                    _(
                        "Order %(order)s was not taken at the till of "
                        "distribution %(distribution)s.",
                        order=order.name,
                        distribution=distribution.name,
                    )
                )
        # Superuser: the bag lines of the orders of `self` only (write checked above);
        # cashiers have no sales rights.
        pos_lines = self.sudo()._vrac_bag_lines()
        if not pos_lines:
            return
        # Superuser: quantities of the bag lines of `self` only (write checked above).
        collected = self.sudo()._vrac_collected_quantities(pos_lines)
        self._vrac_record_weights(collected)
        self._vrac_validate_bags(collected)

    def _vrac_record_weights(self, collected):
        """A bulk item weighed at the till: the order follows the weight."""
        for sale_line, quantity in collected.items():
            # Superuser: cashiers have no sales rights; only the sale lines settled by
            # the orders of `self` get their weight.
            sale_line = sale_line.sudo()
            if not sale_line.vrac_is_weighed:
                continue
            rounding = sale_line.product_uom.rounding
            if float_compare(quantity, 0.0, precision_rounding=rounding) <= 0:
                continue
            weight = sale_line.qty_delivered + quantity
            if float_compare(
                weight, sale_line.product_uom_qty, precision_rounding=rounding
            ):
                sale_line.vrac_weight_served = weight

    def _vrac_validate_bags(self, collected):
        # Superuser: cashiers have no stock rights; only the bags of the sale lines
        # settled by the orders of `self` are validated.
        sale_lines = self.env["sale.order.line"].sudo().concat(*collected)
        bags = sale_lines.order_id._vrac_open_bags()
        to_validate = bags.browse()
        for move in bags.move_ids.filtered(lambda m: m.state not in ("done", "cancel")):
            quantity = collected.get(move.sale_line_id, 0.0)
            quantity = move.sale_line_id.product_uom._compute_quantity(
                quantity, move.product_uom
            )
            if float_is_zero(quantity, precision_rounding=move.product_uom.rounding):
                move.write({"quantity": 0.0, "picked": False})
                continue
            if move.sale_line_id.vrac_is_weighed:
                # The weight served is the whole demand: no backorder of grams.
                move.product_uom_qty = quantity
            move.write({"quantity": quantity, "picked": True})
            collected[move.sale_line_id] = 0.0
            to_validate |= move.picking_id
        if to_validate:
            to_validate.with_context(
                skip_backorder=True, skip_sms=True, cancel_backorder=False
            ).button_validate()
