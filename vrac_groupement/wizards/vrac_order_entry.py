# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import formatLang

from ..tools.number import CheckedFloat


class VracOrderEntry(models.TransientModel):
    """Fast entry of a household's order in an open cycle (paper, phone).

    One line per product of the cycle's catalog, at the household's price;
    saving goes through :meth:`vrac.order.cycle._vrac_set_orders`, so the
    household order follows the same rules as any other.
    """

    _name = "vrac.order.entry"
    _description = "Order entry"

    cycle_id = fields.Many2one(
        "vrac.order.cycle",
        string="Order cycle",
        required=True,
        ondelete="cascade",
        default=lambda self: self._default_cycle_id(),
        domain="[('state', '=', 'open')]",
    )
    company_id = fields.Many2one(related="cycle_id.company_id")
    # The groups of the cycle the user may read: a volunteer serving one group
    # of a cycle cannot read the others (a related field, read as superuser,
    # would hold them and fail on the volunteer's side).
    groupement_ids = fields.Many2many(
        "vrac.groupement", compute="_compute_groupement_ids"
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Household",
        required=True,
        ondelete="cascade",
        domain="[('vrac_is_household', '=', True), "
        "('vrac_groupement_id', 'in', groupement_ids)]",
        help="Type the household number, its name or its phone number.",
    )
    order_id = fields.Many2one(
        "sale.order",
        string="Current order",
        compute="_compute_order_id",
        help="The order the household already has in this cycle: saving changes it.",
    )
    pricelist_id = fields.Many2one("product.pricelist", compute="_compute_pricing")
    fiscal_position_id = fields.Many2one(
        "account.fiscal.position", compute="_compute_pricing"
    )
    currency_id = fields.Many2one("res.currency", compute="_compute_pricing")
    line_ids = fields.One2many(
        "vrac.order.entry.line",
        "entry_id",
        string="Products",
        compute="_compute_line_ids",
        store=True,
        readonly=False,
    )
    amount_untaxed = fields.Monetary(
        string="Untaxed amount", compute="_compute_amounts"
    )
    amount_tax = fields.Monetary(string="Taxes", compute="_compute_amounts")
    amount_total = fields.Monetary(string="Total", compute="_compute_amounts")

    @api.model
    def _default_cycle_id(self):
        """The open cycle, when there is only one (the usual case)."""
        cycles = self.env["vrac.order.cycle"].search([("state", "=", "open")], limit=2)
        return cycles if len(cycles) == 1 else False

    @api.depends("cycle_id")
    def _compute_groupement_ids(self):
        for entry in self:
            entry.groupement_ids = entry.cycle_id.groupement_ids._filtered_access(
                "read"
            )

    @api.depends("cycle_id", "partner_id")
    def _compute_order_id(self):
        orders = self.env["sale.order"].search(
            [
                ("vrac_cycle_id", "in", self.cycle_id._origin.ids),
                ("partner_id", "in", self.partner_id._origin.ids),
                ("state", "!=", "cancel"),
            ]
        )
        order_of = {(order.vrac_cycle_id, order.partner_id): order for order in orders}
        for entry in self:
            entry.order_id = order_of.get(
                (entry.cycle_id._origin, entry.partner_id._origin), False
            )

    @api.depends("cycle_id", "partner_id")
    def _compute_pricing(self):
        """The household's pricelist and fiscal position, as its sale order gets."""
        FiscalPosition = self.env["account.fiscal.position"]
        for entry in self:
            company = entry.company_id or self.env.company
            partner = entry.partner_id.with_company(company)
            entry.pricelist_id = partner.property_product_pricelist
            entry.fiscal_position_id = (
                FiscalPosition.with_company(company)._get_fiscal_position(partner)
                if partner
                else False
            )
            entry.currency_id = entry.pricelist_id.currency_id or company.currency_id

    @api.depends("cycle_id", "partner_id")
    def _compute_line_ids(self):
        """One line per catalog product, with what the household already ordered."""
        for entry in self:
            commands = [Command.clear()]
            if entry.cycle_id and entry.partner_id:
                ordered = entry._vrac_ordered_quantities()
                commands += [
                    Command.create(
                        {
                            "cycle_line_id": cycle_line.id,
                            "quantity": ordered.get(cycle_line.product_id, 0.0),
                        }
                    )
                    for cycle_line in entry.cycle_id.line_ids
                ]
            entry.line_ids = commands

    @api.depends("line_ids.subtotal", "line_ids.price_total")
    def _compute_amounts(self):
        """Like the sale order's totals, so that the total shown is the order's."""
        AccountTax = self.env["account.tax"]
        for entry in self:
            lines = entry.line_ids.filtered("quantity")
            company = entry.company_id or self.env.company
            base_lines = [line._vrac_tax_base_line() for line in lines]
            AccountTax._add_tax_details_in_base_lines(base_lines, company)
            AccountTax._round_base_lines_tax_details(base_lines, company)
            totals = AccountTax._get_tax_totals_summary(
                base_lines=base_lines,
                currency=entry.currency_id or company.currency_id,
                company=company,
            )
            entry.amount_untaxed = totals["base_amount_currency"]
            entry.amount_tax = totals["tax_amount_currency"]
            entry.amount_total = totals["total_amount_currency"]

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_save(self):
        """Save the household's order and close the entry screen."""
        order = self._vrac_save()
        return self._vrac_saved_notification(
            order, {"type": "ir.actions.act_window_close"}
        )

    def action_save_next(self):
        """Save the household's order and open a blank entry on the same cycle."""
        order = self._vrac_save()
        return self._vrac_saved_notification(order, self._vrac_next_entry_action())

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _vrac_ordered_quantities(self):
        """{product: quantity} the household ordered in this cycle so far."""
        self.ensure_one()
        ordered = defaultdict(float)
        for line in self.order_id.order_line:
            if not line.display_type:
                ordered[line.product_id] += line.vrac_ordered_qty
        return ordered

    def _vrac_price_date(self):
        """The date the sale order prices at: its order date, or now for a new one."""
        self.ensure_one()
        return self.order_id.date_order or fields.Datetime.now()

    def _vrac_check_cycle_open(self):
        self.ensure_one()
        cycle = self.cycle_id
        if cycle.state == "draft":
            raise UserError(
                _(
                    "Order cycle %(name)s is not open yet: a coordinator opens "
                    "it when its catalog is ready.",
                    name=cycle.name,
                )
            )
        if cycle.state != "open":
            raise UserError(cycle._vrac_closed_message())

    def _vrac_prepare_quantities(self):
        """{product id: quantity} to save; a quantity of 0 removes the product."""
        self.ensure_one()
        return {line.product_id.id: line.quantity for line in self.line_ids}

    def _vrac_save(self):
        """Create or change the household's order; return it.

        The sale order lines check the quantities (not negative, maximum
        per household, whole units): their errors reach the volunteer as is.
        """
        self.ensure_one()
        self._vrac_check_cycle_open()
        quantities = self._vrac_prepare_quantities()
        if not self.order_id and not any(quantities.values()):
            raise UserError(
                _(
                    "No quantity is typed for %(household)s: type what the "
                    "household orders, or cancel.",
                    household=self.partner_id.display_name,
                )
            )
        self.cycle_id._vrac_set_orders({self.partner_id.id: quantities})
        self.invalidate_recordset(["order_id"])
        return self.order_id

    def _vrac_next_entry_action(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vrac_groupement.vrac_order_entry_action"
        )
        action["context"] = {"default_cycle_id": self.cycle_id.id}
        return action

    def _vrac_saved_notification(self, order, next_action):
        """A short confirmation, then ``next_action``."""
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": _(
                    "Order of %(household)s saved: %(total)s.",
                    household=self.partner_id.display_name,
                    total=formatLang(
                        self.env, order.amount_total, currency_obj=order.currency_id
                    ),
                ),
                "next": next_action,
            },
        }


class VracOrderEntryLine(models.TransientModel):
    """A product of the cycle's catalog in the order entry screen."""

    _name = "vrac.order.entry.line"
    _description = "Order entry line"
    _order = "entry_id, id"

    entry_id = fields.Many2one(
        "vrac.order.entry", required=True, ondelete="cascade", index=True
    )
    cycle_line_id = fields.Many2one(
        "vrac.order.cycle.line",
        string="Catalog line",
        required=True,
        ondelete="cascade",
    )
    product_id = fields.Many2one(related="cycle_line_id.product_id")
    uom_id = fields.Many2one(related="cycle_line_id.uom_id", string="Unit")
    max_per_household = fields.Float(
        related="cycle_line_id.max_per_household", string="Maximum"
    )
    currency_id = fields.Many2one(related="entry_id.currency_id")
    quantity = CheckedFloat(digits="Product Unit of Measure")
    price_unit = fields.Float(
        string="Unit price",
        compute="_compute_price_unit",
        digits="Product Price",
        help="The household's price, from its pricelist.",
    )
    subtotal = fields.Monetary(compute="_compute_amounts")
    price_total = fields.Monetary(string="Total", compute="_compute_amounts")

    @api.depends(
        "entry_id.pricelist_id",
        "entry_id.fiscal_position_id",
        "entry_id.currency_id",
        "entry_id.order_id",
        "product_id",
        "quantity",
    )
    def _compute_price_unit(self):
        """The price the sale order line gets: one pricelist call per quantity."""
        for entry, lines in self.grouped("entry_id").items():
            company = entry.company_id or self.env.company
            pricelist = entry.pricelist_id.with_company(company)
            date = entry._vrac_price_date()
            by_quantity = defaultdict(lambda: self.browse())
            for line in lines:
                by_quantity[line.quantity or 1.0] |= line
            for quantity, same_lines in by_quantity.items():
                prices = pricelist._get_products_price(
                    same_lines.product_id,
                    quantity,
                    currency=entry.currency_id,
                    date=date,
                )
                for line in same_lines:
                    product = line.product_id.with_company(company)
                    line.price_unit = product._get_tax_included_unit_price_from_price(
                        prices.get(product.id, 0.0),
                        product_taxes=line._vrac_product_taxes(),
                        fiscal_position=entry.fiscal_position_id,
                    )

    @api.depends("price_unit", "quantity")
    def _compute_amounts(self):
        """Like the sale order line's amounts (before the order's rounding)."""
        AccountTax = self.env["account.tax"]
        for line in self:
            company = line.entry_id.company_id or self.env.company
            base_line = line._vrac_tax_base_line()
            AccountTax._add_tax_details_in_base_line(base_line, company)
            line.subtotal = base_line["tax_details"]["raw_total_excluded_currency"]
            line.price_total = base_line["tax_details"]["raw_total_included_currency"]

    def _vrac_product_taxes(self):
        """The product's sale taxes in the cycle's company, before mapping."""
        self.ensure_one()
        company = self.entry_id.company_id or self.env.company
        return self.product_id.taxes_id.filtered(lambda tax: tax.company_id == company)

    def _vrac_tax_base_line(self):
        """The line as ``account.tax`` computes it, like a sale order line."""
        self.ensure_one()
        entry = self.entry_id
        return self.env["account.tax"]._prepare_base_line_for_taxes_computation(
            self,
            partner_id=entry.partner_id,
            currency_id=entry.currency_id,
            product_id=self.product_id,
            tax_ids=entry.fiscal_position_id.map_tax(self._vrac_product_taxes()),
            price_unit=self.price_unit,
            quantity=self.quantity,
        )
