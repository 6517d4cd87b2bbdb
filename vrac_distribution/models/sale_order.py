# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare

from .vrac_distribution import COLLECTABLE_CYCLE_STATES

COLLECT_STATES = [
    ("to_collect", "To collect"),
    ("partial", "Partly collected"),
    ("collected", "Collected"),
    ("cancel", "Cancelled"),
]


class SaleOrder(models.Model):
    _inherit = "sale.order"

    vrac_distribution_id = fields.Many2one(
        "vrac.distribution",
        string="Distribution",
        index=True,
        copy=False,
        readonly=True,
        ondelete="restrict",
        help="Where the household collects this order.",
    )
    vrac_round_stop_id = fields.Many2one(
        related="partner_id.vrac_round_stop_id", string="Round stop"
    )
    vrac_collect_state = fields.Selection(
        COLLECT_STATES,
        string="Collection",
        compute="_compute_vrac_collect_state",
        store=True,
        index=True,
        help="To collect: nothing handed over yet. Partly collected: part of "
        "the bag was handed over, the rest is still to deliver. Collected: "
        "everything was handed over.",
    )
    vrac_phone = fields.Char(related="partner_id.phone", string="Phone")
    vrac_mobile = fields.Char(related="partner_id.mobile", string="Mobile")

    @api.depends(
        "state",
        "picking_ids.state",
        "picking_ids.picking_type_code",
        "order_line.qty_delivered",
    )
    def _compute_vrac_collect_state(self):
        for order in self:
            order.vrac_collect_state = order._vrac_get_collect_state()

    def _vrac_get_collect_state(self):
        """Collection state of one order, from its deliveries.

        A delivery done (or a quantity delivered at the till) means collected;
        a delivery still open next to something delivered means partly.
        """
        self.ensure_one()
        if self.state == "cancel":
            return "cancel"
        deliveries = self.picking_ids.filtered(
            lambda p: p.picking_type_code == "outgoing"
        )
        still_open = deliveries.filtered(lambda p: p.state not in ("done", "cancel"))
        delivered = any(p.state == "done" for p in deliveries) or any(
            float_compare(
                line.qty_delivered, 0.0, precision_rounding=line.product_uom.rounding
            )
            > 0
            for line in self.order_line
            if not line.display_type
        )
        if still_open:
            return "partial" if delivered else "to_collect"
        if delivered:
            return "collected"
        if deliveries:
            # Every delivery cancelled, nothing handed over: no bag any more.
            return "cancel"
        return "to_collect"

    @api.constrains("vrac_distribution_id", "partner_id")
    def _check_vrac_distribution(self):
        """A distribution collects the orders of the groups it serves, once
        their cycle is ordered."""
        for order in self.filtered("vrac_distribution_id"):
            distribution = order.vrac_distribution_id
            if order.vrac_groupement_id not in distribution.groupement_ids:
                raise ValidationError(
                    _(
                        "%(household)s belongs to %(group)s, a group that "
                        "distribution %(distribution)s does not serve: its order "
                        "%(order)s cannot be collected there.",
                        household=order.partner_id.display_name,
                        group=order.vrac_groupement_id.name or _("no group"),
                        distribution=distribution.name,
                        order=order.name,
                    )
                )
            cycle = order.vrac_cycle_id
            if cycle and cycle.state not in COLLECTABLE_CYCLE_STATES:
                raise ValidationError(
                    _(
                        "Order cycle %(cycle)s is not ordered yet: the order "
                        "%(order)s of %(household)s cannot be collected before "
                        "its purchase orders are confirmed.",
                        cycle=cycle.name,
                        order=order.name,
                        household=order.partner_id.display_name,
                    )
                )

    def _vrac_open_bags(self):
        """The orders' deliveries (the households' bags) still to hand over."""
        return self.picking_ids.filtered(
            lambda p: (
                p.picking_type_code == "outgoing" and p.state not in ("done", "cancel")
            )
        )

    def _vrac_remaining_text(self):
        """What is still to hand over, as a volunteer reads it."""
        self.ensure_one()
        parts = []
        for line in self.order_line:
            if line.display_type or line.product_id.type == "service":
                continue
            left = line.product_uom_qty - line.qty_delivered
            if (
                float_compare(left, 0.0, precision_rounding=line.product_uom.rounding)
                > 0
            ):
                parts.append(
                    _(
                        "%(qty)s %(product)s",
                        qty=line._vrac_format_quantity(left),
                        product=line.product_id.display_name,
                    )
                )
        return ", ".join(parts)

    def _vrac_remaining_amount(self):
        """Amount (taxes included) of what is still to hand over."""
        self.ensure_one()
        amount = 0.0
        for line in self.order_line:
            if line.display_type or not line.product_uom_qty:
                continue
            left = max(line.product_uom_qty - line.qty_delivered, 0.0)
            amount += line.price_total * left / line.product_uom_qty
        return self.currency_id.round(amount)
