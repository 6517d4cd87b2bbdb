# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, formatLang

from odoo.addons.vrac_groupement.models.vrac_order_cycle import CYCLE_PROCESS
from odoo.addons.vrac_groupement.tools.number import CheckedFloat, check_vals_numbers

from .vrac_distribution import WEIGHING_STATES


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    vrac_distribution_id = fields.Many2one(
        related="order_id.vrac_distribution_id", store=True, index=True
    )
    vrac_is_weighed = fields.Boolean(
        compute="_compute_vrac_is_weighed",
        string="Sold by weight",
        help="Bulk product sold by weight: the weight actually served is "
        "recorded and the price follows it.",
    )
    vrac_weight_served = CheckedFloat(
        string="Weight served",
        digits="Product Unit of Measure",
        copy=False,
        help="The weight put in the household's bag, recorded at preparation "
        "or at the till. The quantity and the price follow it.",
    )

    @api.depends("product_uom")
    def _compute_vrac_is_weighed(self):
        weight = self.env.ref("uom.product_uom_categ_kgm")
        for line in self:
            line.vrac_is_weighed = line.product_uom.category_id == weight

    def write(self, vals):
        if "vrac_weight_served" not in vals:
            return super().write(vals)
        check_vals_numbers(self, vals, ["vrac_weight_served"])
        self._vrac_check_weight(float(vals["vrac_weight_served"] or 0.0))
        res = super().write(vals)
        self._vrac_apply_served_weight()
        return res

    def _vrac_check_weight(self, weight):
        for line in self:
            if not line.vrac_is_weighed:
                raise ValidationError(
                    _(
                        "%s is not sold by weight: there is no weight to record.",
                        line.product_id.display_name,
                    )
                )
            if (
                line.vrac_distribution_id
                and line.vrac_distribution_id.state not in WEIGHING_STATES
            ):
                raise UserError(
                    _(
                        "Distribution %s is not being prepared or open: the "
                        "weights can no longer change.",
                        line.vrac_distribution_id.name,
                    )
                )
            if float_compare(weight or 0.0, 0.0, precision_digits=3) <= 0:
                raise line._vrac_weight_error(weight)

    def _vrac_weight_error(self, weight):
        """The error of a weight at 0 or below (back office and till alike)."""
        self.ensure_one()
        return ValidationError(
            _(
                "The weight of %(product)s for %(household)s must be above "
                "0 %(uom)s (you typed %(weight)s). To leave the item out, "
                "remove it from the order instead.",
                product=self.product_id.display_name,
                household=self.order_partner_id.display_name,
                uom=self.product_uom.name,
                weight=formatLang(self.env, weight or 0.0, digits=3),
            )
        )

    def _vrac_apply_served_weight(self):
        """The order's quantity becomes the weight served, at the same unit
        price, and the bag's delivery asks for and holds that weight.

        The user's write on the lines is checked (record rules); the delivery
        is then changed for them (volunteers have no stock rights).
        """
        lines = self.filtered("vrac_weight_served")
        if not lines:
            return
        CYCLE_PROCESS.on(lines, skip_procurement=True)._vrac_write_quantities(
            {line.id: line.vrac_weight_served for line in lines}
        )
        # Superuser: volunteers have no stock rights; only the deliveries of the lines
        # of `self` (write checked by the ORM above) follow the weight.
        for line in lines.sudo():
            moves = line.move_ids.filtered(
                lambda m: (
                    m.state not in ("done", "cancel") and m.picking_code == "outgoing"
                )
            )
            for move in moves[:1]:
                qty = line.product_uom._compute_quantity(
                    line.vrac_weight_served, move.product_uom
                )
                move.write({"product_uom_qty": qty})
                move.write({"quantity": qty, "picked": True})

    # ------------------------------------------------------------------
    # The till: the bag delivers, the till's quantities are not counted twice
    # ------------------------------------------------------------------
    @api.depends("pos_order_line_ids.qty", "order_id.vrac_distribution_id")
    def _compute_qty_delivered(self):
        """pos_sale counts the till's quantities as delivered; a distribution's
        bag is delivered by stock, so they are not counted twice."""
        res = super()._compute_qty_delivered()
        bag_lines = self.filtered(
            lambda line: (
                line.order_id.vrac_distribution_id and line.product_id.type != "service"
            )
        )
        for sale_line in bag_lines:
            # Superuser: volunteers have no rights on the till; only the till lines of
            # these sale lines of `self` are read.
            pos_lines = sale_line.sudo().pos_order_line_ids._vrac_bag_lines()
            sale_line.qty_delivered -= sum(
                self._convert_qty(sale_line, pos_line.qty, "p2s")
                for pos_line in pos_lines
            )
        return res
