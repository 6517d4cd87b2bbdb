# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL, float_compare, float_is_zero, formatLang

from ..tools.number import CheckedFloat, check_vals_numbers
from .vrac_order_cycle import CYCLE_PROCESS

# Fields of a household order line that the closing of its cycle freezes: what
# the household gets and what it pays. Only the cycle's own process (closing,
# allocation, distribution) changes them afterwards.
FROZEN_LINE_FIELDS = {
    "product_id",
    "order_id",
    "product_uom_qty",
    "product_uom",
    "product_packaging_id",
    "product_packaging_qty",
    "vrac_ordered_qty",
    "vrac_allocated_qty",
    "price_unit",
    "discount",
    "tax_id",
}
# Numbers of Odoo's own fields checked before Odoo reads them (see tools.number).
CHECKED_NUMBER_FIELDS = ("product_uom_qty", "price_unit", "discount")


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    vrac_cycle_id = fields.Many2one(
        related="order_id.vrac_cycle_id", store=True, index=True, string="Order cycle"
    )
    vrac_groupement_id = fields.Many2one(
        related="order_id.vrac_groupement_id", store=True, string="Purchasing group"
    )
    vrac_cycle_line_id = fields.Many2one(
        "vrac.order.cycle.line",
        string="Catalog line",
        compute="_compute_vrac_cycle_line_id",
        store=True,
        index=True,
    )
    vrac_ordered_qty = CheckedFloat(
        string="Ordered",
        digits="Product Unit of Measure",
        copy=False,
        help="What the household ordered. The quantity is what it gets once "
        "the cycle is closed: less when a shortfall is shared out.",
    )
    vrac_allocated_qty = CheckedFloat(
        string="Allocated",
        digits="Product Unit of Measure",
        copy=False,
        help="What the household gets: its order until the cycle closes, then "
        "its fair share of what was bought. The order's quantity follows when "
        "the purchase orders are confirmed.",
    )
    vrac_is_short = fields.Boolean(
        compute="_compute_vrac_is_short",
        store=True,
        string="Short",
        help="The household gets less than it ordered.",
    )
    vrac_allocation_note = fields.Char(
        compute="_compute_vrac_allocation_note", string="Allocation"
    )
    vrac_household_number = fields.Char(
        related="order_id.vrac_household_number", string="Household number"
    )
    vrac_phone = fields.Char(related="order_partner_id.phone", string="Phone")
    vrac_mobile = fields.Char(related="order_partner_id.mobile", string="Mobile")

    @api.depends("order_id.vrac_cycle_id.line_ids.product_id", "product_id")
    def _compute_vrac_cycle_line_id(self):
        catalog = {
            (cycle_line.cycle_id.id, cycle_line.product_id.id): cycle_line
            for cycle_line in self.order_id.vrac_cycle_id.line_ids
        }
        for line in self:
            line.vrac_cycle_line_id = catalog.get(
                (line.order_id.vrac_cycle_id.id, line.product_id.id), False
            )

    @api.depends("order_id.vrac_groupement_id.analytic_account_id")
    def _compute_analytic_distribution(self):
        """A household's order lands on its group's analytic account (unless
        a distribution model or the user says otherwise); its invoice lines
        follow."""
        res = super()._compute_analytic_distribution()
        for line in self:
            if line.display_type or line.analytic_distribution:
                continue
            # Superuser: volunteers may not read analytic accounts; only the id of the
            # account of this order's own group is used.
            analytic = line.order_id.vrac_groupement_id.sudo().analytic_account_id
            if analytic:
                line.analytic_distribution = {str(analytic.id): 100.0}
        return res

    @api.depends("vrac_ordered_qty", "vrac_allocated_qty", "vrac_cycle_id")
    def _compute_vrac_is_short(self):
        for line in self:
            line.vrac_is_short = bool(line.vrac_cycle_id) and (
                float_compare(
                    line.vrac_allocated_qty,
                    line.vrac_ordered_qty,
                    precision_rounding=line.product_uom.rounding or 0.001,
                )
                < 0
            )

    @api.depends("vrac_ordered_qty", "vrac_allocated_qty", "vrac_is_short")
    def _compute_vrac_allocation_note(self):
        for line in self:
            if not line.vrac_is_short:
                line.vrac_allocation_note = False
                continue
            line.vrac_allocation_note = _(
                "ordered %(ordered)s, allocated %(allocated)s",
                ordered=line._vrac_format_quantity(line.vrac_ordered_qty),
                allocated=line._vrac_format_quantity(line.vrac_allocated_qty),
            )

    def _vrac_format_quantity(self, quantity):
        """``quantity`` as the household reads it: "3", or "8,852 kg" in French.

        In the user's language, without trailing zeros; bulk products (sold
        by weight or volume) with their unit.
        """
        self.ensure_one()
        bulk = self.vrac_cycle_line_id and self.vrac_cycle_line_id._vrac_is_bulk()
        digits = 3 if bulk else 0
        text = formatLang(self.env, quantity, digits=digits, grouping=True)
        if digits:
            point = (
                self.env["res.lang"]._lang_get(self.env.lang or "en_US").decimal_point
            )
            text = text.rstrip("0").rstrip(point)
            return f"{text} {self.product_uom.name}"
        return text

    @api.constrains("product_id", "order_id")
    def _check_vrac_cycle_unique_product(self):
        """One line per product in a household order of a cycle (one query)."""
        orders = self.filtered("vrac_cycle_id").order_id
        if not orders:
            return
        duplicates = self._read_group(
            [("order_id", "in", orders.ids), ("display_type", "=", False)],
            ["order_id", "product_id"],
            having=[("__count", ">", 1)],
            limit=1,
        )
        if duplicates:
            order, product = duplicates[0]
            raise ValidationError(
                _(
                    "%(product)s is twice in the order of %(household)s: "
                    "change the quantity of its first line instead.",
                    product=product.display_name,
                    household=order.partner_id.display_name,
                )
            )

    def _vrac_outside_catalog(self):
        """The lines of ``self`` that a cycle's order may hold outside its
        catalog: none here.

        Addons that add lines of their own to the orders (e.g. the line
        "Paid by <funder>" of a funder-paid program) extend this with a flag
        of the product that only their server code sets, never with a key of
        the context that a client could send.
        """
        return self.browse()

    @api.constrains("vrac_ordered_qty", "product_uom_qty", "product_id", "order_id")
    def _check_vrac_cycle_quantities(self):
        steps = {}  # {catalog line: allocation step}, computed once each
        lines = self.filtered(lambda sol: sol.vrac_cycle_id and not sol.display_type)
        for line in lines - lines._vrac_outside_catalog():
            cycle = line.vrac_cycle_id
            if not line.vrac_cycle_line_id:
                raise ValidationError(
                    _(
                        "%(product)s is not in the catalog of order cycle %(cycle)s.",
                        product=line.product_id.display_name,
                        cycle=cycle.name,
                    )
                )
            if line.vrac_ordered_qty < 0 or line.product_uom_qty < 0:
                raise ValidationError(
                    _(
                        "The quantity of %(product)s cannot be negative.",
                        product=line.product_id.display_name,
                    )
                )
            cycle_line = line.vrac_cycle_line_id
            maximum = cycle_line.max_per_household
            if (
                maximum
                and float_compare(line.vrac_ordered_qty, maximum, precision_digits=3)
                > 0
            ):
                raise ValidationError(
                    _(
                        "A household can order at most %(max)s of %(product)s "
                        "in this cycle (%(qty)s asked).",
                        max=line._vrac_format_quantity(maximum),
                        product=line.product_id.display_name,
                        qty=line._vrac_format_quantity(line.vrac_ordered_qty),
                    )
                )
            if cycle_line not in steps:
                steps[cycle_line] = cycle_line._vrac_step()
            if steps[cycle_line] == 1 and not float_is_zero(
                line.vrac_ordered_qty % 1, precision_digits=6
            ):
                raise ValidationError(
                    _(
                        "%(product)s is sold by the unit: order a whole number.",
                        product=line.product_id.display_name,
                    )
                )

    @api.constrains("vrac_allocated_qty", "vrac_ordered_qty")
    def _check_vrac_allocated_qty(self):
        """A household gets at most what it ordered, and never less than nothing."""
        # Allocations are shared to the gram: compare at the stored precision.
        digits = self.env["decimal.precision"].precision_get("Product Unit of Measure")
        for line in self.filtered(
            lambda sol: sol.vrac_cycle_id and not sol.display_type
        ):
            if line.vrac_ordered_qty < 0:
                continue  # refused by _check_vrac_cycle_quantities
            allocated = line.vrac_allocated_qty
            if (
                float_compare(allocated, 0.0, precision_digits=digits) < 0
                or float_compare(
                    allocated, line.vrac_ordered_qty, precision_digits=digits
                )
                > 0
            ):
                raise ValidationError(
                    _(
                        "%(household)s cannot get %(allocated)s of %(product)s: "
                        "a household gets between nothing and what it ordered "
                        "(%(ordered)s).",
                        household=line.order_partner_id.display_name,
                        allocated=line._vrac_format_quantity(allocated),
                        product=line.product_id.display_name,
                        ordered=line._vrac_format_quantity(line.vrac_ordered_qty),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        process = CYCLE_PROCESS.is_raised(self.env)
        for vals in vals_list:
            check_vals_numbers(self, vals, CHECKED_NUMBER_FIELDS)
            if "vrac_ordered_qty" not in vals and not process:
                vals["vrac_ordered_qty"] = vals.get("product_uom_qty", 1.0)
            if "vrac_allocated_qty" not in vals and not process:
                vals["vrac_allocated_qty"] = vals["vrac_ordered_qty"]
        if not process:
            orders = self.env["sale.order"].browse(
                {vals["order_id"] for vals in vals_list if vals.get("order_id")}
            )
            orders._vrac_check_orders_editable()
        return super().create(vals_list)

    def write(self, vals):
        check_vals_numbers(self, vals, CHECKED_NUMBER_FIELDS)
        if FROZEN_LINE_FIELDS.intersection(vals) and not CYCLE_PROCESS.is_raised(
            self.env
        ):
            self.order_id._vrac_check_orders_editable()
            if "vrac_ordered_qty" in vals and "vrac_allocated_qty" not in vals:
                # Until the cycle closes, a household gets what it orders.
                vals = dict(vals, vrac_allocated_qty=vals["vrac_ordered_qty"])
            if "product_uom_qty" in vals and "vrac_ordered_qty" not in vals:
                cycle_lines = self.filtered("vrac_cycle_id")
                if cycle_lines:
                    super(SaleOrderLine, cycle_lines).write(
                        {
                            "vrac_ordered_qty": vals["product_uom_qty"],
                            "vrac_allocated_qty": vals["product_uom_qty"],
                        }
                    )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_vrac_closed_cycle(self):
        if not CYCLE_PROCESS.is_raised(self.env):
            self.order_id._vrac_check_orders_editable()

    def _vrac_write_quantities(self, quantities):
        """Write ``{line id: quantity}`` with one UPDATE per distinct value.

        The unit price and discount are written with the quantity, so that
        the pricelist is not searched again line by line: a household keeps
        the price of its order, only the quantity it gets changes.
        """
        # Values the recomputed amounts read line by line (what was delivered,
        # invoiced or paid at the till), loaded for all lines in one go.
        # Superuser: volunteers may not read invoices, deliveries or till lines; they
        # are only loaded in the cache for the lines of the orders of `self`, which the
        # caller writes.
        self.order_id.order_line.sudo().fetch(self._vrac_quantity_prefetch_fields())
        groups = defaultdict(list)
        for line in self:
            groups[(quantities[line.id], line.price_unit, line.discount)].append(
                line.id
            )
        for (qty, price_unit, discount), ids in groups.items():
            self.browse(ids).write(
                {"product_uom_qty": qty, "price_unit": price_unit, "discount": discount}
            )

    def _vrac_quantity_prefetch_fields(self):
        """Fields to load for all lines before their quantities change."""
        wanted = ("invoice_lines", "move_ids", "pos_order_line_ids")
        return [name for name in wanted if name in self._fields]

    def _vrac_write_allocations(self, quantities):
        """Write ``{line id: allocated quantity}`` in one statement.

        Closing a cycle shares out every product: this keeps its cost the
        same whatever the number of households. Only the allocation and the
        "short" flag change (no amount is recomputed), so plain SQL is safe;
        the cache is invalidated after.
        """
        if not quantities:
            return
        self.flush_model(["vrac_ordered_qty", "vrac_allocated_qty", "vrac_is_short"])
        rows = SQL(", ").join(
            SQL("(%s, %s::numeric)", line_id, qty)
            for line_id, qty in quantities.items()
        )
        self.env.cr.execute(
            SQL(
                """
                UPDATE sale_order_line AS line
                   SET vrac_allocated_qty = row.qty,
                       vrac_is_short = row.qty < line.vrac_ordered_qty - 0.0000001,
                       write_uid = %(uid)s,
                       write_date = NOW() AT TIME ZONE 'UTC'
                  FROM (VALUES %(rows)s) AS row(id, qty)
                 WHERE line.id = row.id
                """,
                uid=self.env.uid,
                rows=rows,
            )
        )
        self.browse(list(quantities)).invalidate_recordset(
            ["vrac_allocated_qty", "vrac_is_short", "write_uid", "write_date"]
        )
