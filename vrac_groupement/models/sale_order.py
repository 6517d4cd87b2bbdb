# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .vrac_order_cycle import CYCLE_PROCESS

# Fields of a household order that the closing of its cycle freezes.
FROZEN_ORDER_FIELDS = {"partner_id", "vrac_cycle_id", "order_line"}


class SaleOrder(models.Model):
    _inherit = "sale.order"

    vrac_cycle_id = fields.Many2one(
        "vrac.order.cycle",
        string="Order cycle",
        index=True,
        copy=False,
        check_company=True,
        domain="[('state', 'in', ('draft', 'open'))]",
    )
    vrac_groupement_id = fields.Many2one(
        "vrac.groupement",
        string="Purchasing group",
        compute="_compute_vrac_groupement_id",
        store=True,
        index=True,
    )
    vrac_household_number = fields.Char(
        related="partner_id.commercial_partner_id.vrac_household_number",
        string="Household number",
    )
    vrac_is_short = fields.Boolean(
        compute="_compute_vrac_is_short",
        search="_search_vrac_is_short",
        string="Short",
        help="Some products of this household got less than ordered.",
    )

    @api.depends("partner_id.commercial_partner_id.vrac_groupement_id")
    def _compute_vrac_groupement_id(self):
        for order in self:
            order.vrac_groupement_id = (
                order.partner_id.commercial_partner_id.vrac_groupement_id
            )

    def _compute_vrac_is_short(self):
        for order in self:
            order.vrac_is_short = any(order.order_line.mapped("vrac_is_short"))

    def _search_vrac_is_short(self, operator, value):
        positive = (operator == "=") == bool(value)
        return [
            (
                "order_line",
                "any" if positive else "not any",
                [("vrac_is_short", "=", True)],
            )
        ]

    @api.constrains("vrac_cycle_id", "partner_id")
    def _check_vrac_cycle_household(self):
        cycle_orders = self.filtered("vrac_cycle_id")
        if not cycle_orders:
            return
        for order in cycle_orders:
            household = order.partner_id.commercial_partner_id
            if household.vrac_groupement_id not in order.vrac_cycle_id.groupement_ids:
                raise ValidationError(
                    _(
                        "%(household)s is not a household of a group served by "
                        "order cycle %(cycle)s.",
                        household=household.display_name,
                        cycle=order.vrac_cycle_id.name,
                    )
                )
        duplicates = self._read_group(
            [
                ("vrac_cycle_id", "in", cycle_orders.vrac_cycle_id.ids),
                ("partner_id", "in", cycle_orders.partner_id.ids),
                ("state", "!=", "cancel"),
            ],
            ["vrac_cycle_id", "partner_id"],
            having=[("__count", ">", 1)],
        )
        if duplicates:
            cycle, partner = duplicates[0]
            raise ValidationError(
                _(
                    "%(household)s already has an order in cycle %(cycle)s: "
                    "change that order instead.",
                    household=partner.display_name,
                    cycle=cycle.name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not CYCLE_PROCESS.is_raised(self.env):
            cycle_ids = {
                vals["vrac_cycle_id"] for vals in vals_list if vals.get("vrac_cycle_id")
            }
            self.env["vrac.order.cycle"].browse(cycle_ids)._vrac_check_orders_editable()
        return super().create(vals_list)

    def write(self, vals):
        if FROZEN_ORDER_FIELDS.intersection(vals):
            self._vrac_check_orders_editable()
            if vals.get("vrac_cycle_id"):
                self.env["vrac.order.cycle"].browse(
                    vals["vrac_cycle_id"]
                )._vrac_check_orders_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_vrac_closed_cycle(self):
        self._vrac_check_orders_editable()

    def _recompute_prices(self):
        # "Update prices" changes what households pay: not once the cycle closed.
        self._vrac_check_orders_editable()
        return super()._recompute_prices()

    def _recompute_taxes(self):
        self._vrac_check_orders_editable()
        return super()._recompute_taxes()

    def _vrac_check_orders_editable(self):
        """Refuse changes to household orders of a cycle that is closed."""
        self.vrac_cycle_id._vrac_check_orders_editable()
