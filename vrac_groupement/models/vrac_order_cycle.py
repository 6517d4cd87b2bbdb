# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare

from ..tools.allocation import allocate, round_to_cases
from ..tools.server_flag import ServerFlag

# Raised while the cycle itself changes household orders (closing,
# re-allocation, distributions): the "cycle is closed" guard of sale orders
# lets it through. Only server code can raise it (a client sending
# "vrac_cycle_process" in its context does not).
CYCLE_PROCESS = ServerFlag("vrac_cycle_process")
# Longest name of an order cycle: it heads the printed sheets and names their
# files (a longer one shrinks the page to unreadable and breaks the download).
CYCLE_NAME_SIZE = 100
# States before closing: household quantities are still only what they order.
BEFORE_CLOSING_STATES = ("draft", "open")
# States of a cycle once it is closed.
CLOSED_CYCLE_STATES = ("closed", "ordered", "received", "done")


class VracOrderCycle(models.Model):
    """A grouped order (commande groupée): households order, the group buys by case."""

    _name = "vrac.order.cycle"
    _description = "Order cycle"
    _inherit = ["mail.thread", "mail.activity.mixin", "vrac.state.mixin"]
    _order = "date_open desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        string="Branch",
        required=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("open", "Open"),
            ("closed", "Closed"),
            ("ordered", "Ordered"),
            ("received", "Received"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    date_open = fields.Datetime(
        string="Opens on",
        required=True,
        default=fields.Datetime.now,
        tracking=True,
    )
    date_close = fields.Datetime(
        string="Closes on",
        required=True,
        tracking=True,
        help="Households order until this date; then a coordinator closes the cycle.",
    )
    groupement_line_ids = fields.One2many(
        "vrac.order.cycle.groupement",
        "cycle_id",
        string="Groups served",
        copy=True,
    )
    groupement_ids = fields.Many2many(
        "vrac.groupement",
        "vrac_order_cycle_groupement_rel",
        "cycle_id",
        "groupement_id",
        string="Groups",
        compute="_compute_groupement_ids",
        store=True,
    )
    purchase_split = fields.Selection(
        [
            ("cycle", "One purchase order per vendor"),
            ("groupement", "One purchase order per vendor and group"),
        ],
        string="Buy",
        default="cycle",
        required=True,
        help="Buy for all the groups of the cycle together, or for each group apart.",
    )
    line_ids = fields.One2many(
        "vrac.order.cycle.line",
        "cycle_id",
        string="Catalog",
        copy=True,
    )
    sale_order_ids = fields.One2many(
        "sale.order", "vrac_cycle_id", string="Household orders"
    )
    # Volunteers may not read purchase orders: the fields about them are for
    # the buyers only, so that the volunteers' views do not ask for them.
    purchase_order_ids = fields.One2many(
        "purchase.order",
        "vrac_cycle_id",
        string="Purchase orders",
        groups="purchase.group_purchase_user",
    )
    order_count = fields.Integer(compute="_compute_counts", string="Orders")
    purchase_count = fields.Integer(
        compute="_compute_purchase_count",
        string="Purchases",
        groups="purchase.group_purchase_user",
    )
    shortfall_count = fields.Integer(
        compute="_compute_counts",
        string="Households short",
        help="Households who get less than they ordered of some product.",
    )
    amount_total = fields.Monetary(compute="_compute_counts", string="Total ordered")
    note = fields.Html()

    _sql_constraints = [
        (
            "dates_check",
            "CHECK (date_close > date_open)",
            "The close date of an order cycle must come after its open date.",
        ),
    ]

    @api.depends("groupement_line_ids.groupement_id")
    def _compute_groupement_ids(self):
        for cycle in self:
            cycle.groupement_ids = cycle.groupement_line_ids.groupement_id

    def _compute_counts(self):
        counts = {
            cycle: (count, amount)
            for cycle, count, amount in self.env["sale.order"]._read_group(
                [("vrac_cycle_id", "in", self.ids), ("state", "!=", "cancel")],
                ["vrac_cycle_id"],
                ["__count", "amount_total:sum"],
            )
        }
        shorts = dict(
            self.env["sale.order.line"]._read_group(
                [
                    ("order_id.vrac_cycle_id", "in", self.ids),
                    ("vrac_is_short", "=", True),
                    ("state", "!=", "cancel"),
                ],
                ["vrac_cycle_id"],
                ["order_id:count_distinct"],
            )
        )
        for cycle in self:
            cycle.order_count, cycle.amount_total = counts.get(cycle, (0, 0.0))
            cycle.shortfall_count = shorts.get(cycle, 0)

    def _compute_purchase_count(self):
        """Apart from the other counts: only the buyers read purchase orders."""
        purchases = dict(
            self.env["purchase.order"]._read_group(
                [("vrac_cycle_id", "in", self.ids), ("state", "!=", "cancel")],
                ["vrac_cycle_id"],
                ["__count"],
            )
        )
        for cycle in self:
            cycle.purchase_count = purchases.get(cycle, 0)

    @api.constrains("date_open", "date_close")
    def _check_dates(self):
        for cycle in self:
            if cycle.date_close <= cycle.date_open:
                raise ValidationError(
                    _(
                        "Order cycle %(name)s closes before it opens: "
                        "choose a close date after the open date.",
                        name=cycle.name,
                    )
                )

    @api.constrains("name")
    def _check_name_size(self):
        for cycle in self:
            if len(cycle.name or "") > CYCLE_NAME_SIZE:
                raise ValidationError(
                    _(
                        "The name of an order cycle is printed at the top of its "
                        "sheets: use at most %(size)s characters (%(length)s typed).",
                        size=CYCLE_NAME_SIZE,
                        length=len(cycle.name),
                    )
                )

    @api.constrains("groupement_line_ids", "company_id")
    def _check_groupements(self):
        for cycle in self:
            others = cycle.groupement_ids.filtered(
                lambda g, c=cycle: g.company_id != c.company_id
            )
            if others:
                raise ValidationError(
                    _(
                        "Order cycle %(name)s can only serve groups of its branch "
                        "%(branch)s, not %(groups)s.",
                        name=cycle.name,
                        branch=cycle.company_id.name,
                        groups=", ".join(others.mapped("name")),
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        if self.sale_order_ids or self.purchase_order_ids:
            raise UserError(
                _(
                    "An order cycle with household or purchase orders cannot be "
                    "deleted: cancel it instead, its history is kept."
                )
            )

    # ------------------------------------------------------------------
    # Rights and states
    # ------------------------------------------------------------------
    def action_open(self):
        self._vrac_check_coordinator(_("Only a coordinator can open an order cycle."))
        self._vrac_check_state(
            ("draft",),
            _("Order cycle %(name)s is in state %(state)s: only a draft cycle opens."),
        )
        empty = self.filtered(lambda c: not c.line_ids)
        if empty:
            raise UserError(
                _(
                    "Order cycle %(name)s has no product in its catalog: add the "
                    "products households can order before opening it.",
                    name=empty[0].name,
                )
            )
        no_group = self.filtered(lambda c: not c.groupement_line_ids)
        if no_group:
            raise UserError(
                _(
                    "Order cycle %(name)s serves no group: add the groups and "
                    "their distribution dates before opening it.",
                    name=no_group[0].name,
                )
            )
        self.state = "open"

    def action_close(self):
        """Close the cycle: round to cases, share shortfalls, draft purchase orders.

        Closing is one transaction: any error leaves the cycle open and
        nothing created. Closing again (a second click, two people at once)
        is refused with a message, and changes nothing.
        """
        self._vrac_check_coordinator(_("Only a coordinator can close an order cycle."))
        closed = self.filtered(lambda c: c.state in CLOSED_CYCLE_STATES)
        if closed:
            raise UserError(
                _(
                    "This cycle is already closed (%(name)s): nothing was changed.",
                    name=closed[0].name,
                )
            )
        self._vrac_check_state(
            ("open",),
            _("Order cycle %(name)s is in state %(state)s: only an open cycle closes."),
        )
        self._vrac_check_closable()
        CYCLE_PROCESS.on(self)._vrac_close()
        return True

    def action_reopen(self):
        """Back to open: draft purchase orders go, households get back their order."""
        self._vrac_check_coordinator(_("Only a coordinator can reopen an order cycle."))
        self._vrac_check_state(
            ("closed",),
            _(
                "Order cycle %(name)s is in state %(state)s: only a closed cycle "
                "can be reopened."
            ),
        )
        purchases = self.purchase_order_ids.filtered(lambda p: p.state != "cancel")
        confirmed = purchases.filtered(lambda p: p.state not in ("draft", "sent"))
        if confirmed:
            raise UserError(
                _(
                    "Purchase order %(po)s is already confirmed: cancel it with "
                    "the vendor before reopening the cycle.",
                    po=confirmed[0].name,
                )
            )
        purchases.button_cancel()
        purchases.unlink()
        lines = self._vrac_household_lines().filtered("vrac_is_short")
        lines._vrac_write_allocations(
            {line.id: line.vrac_ordered_qty for line in lines}
        )
        self.line_ids.write({"purchase_qty": 0.0})
        self.state = "open"
        for cycle in self:
            cycle._message_log(
                body=_("Cycle reopened: households can change their orders again.")
            )
        return True

    def action_confirm_purchases(self):
        """Confirm the cycle's draft purchase orders: the cycle is ordered."""
        self._vrac_check_coordinator(
            _("Only a coordinator can confirm the purchase orders of a cycle.")
        )
        self._vrac_check_state(
            ("closed",),
            _(
                "Order cycle %(name)s is in state %(state)s: its purchase orders "
                "are confirmed once it is closed."
            ),
        )
        drafts = self.purchase_order_ids.filtered(
            lambda p: p.state in ("draft", "sent")
        )
        drafts.button_confirm()
        self._vrac_update_state_from_purchases()
        return True

    def action_done(self):
        self._vrac_check_coordinator(_("Only a coordinator can finish an order cycle."))
        self._vrac_check_state(
            ("received",),
            _(
                "Order cycle %(name)s is in state %(state)s: it is done once "
                "everything is received."
            ),
        )
        self.state = "done"
        return True

    def action_cancel(self):
        """Cancel: draft purchase orders are cancelled, household orders kept."""
        self._vrac_check_coordinator(_("Only a coordinator can cancel an order cycle."))
        self._vrac_check_state(
            ("draft", "open", "closed"),
            _(
                "Order cycle %(name)s is in state %(state)s: it cannot be "
                "cancelled any more."
            ),
        )
        confirmed = self.purchase_order_ids.filtered(
            lambda p: p.state not in ("draft", "sent", "cancel")
        )
        if confirmed:
            raise UserError(
                _(
                    "Purchase order %(po)s is confirmed: cancel it with the vendor "
                    "before cancelling the cycle.",
                    po=confirmed[0].name,
                )
            )
        self.purchase_order_ids.filtered(lambda p: p.state != "cancel").button_cancel()
        orders = self.sale_order_ids.filtered(lambda o: o.state != "cancel")
        CYCLE_PROCESS.on(orders, disable_cancel_warning=True)._action_cancel()
        self.state = "cancel"
        return True

    def action_draft(self):
        self._vrac_check_coordinator(
            _("Only a coordinator can set an order cycle back to draft.")
        )
        self._vrac_check_state(
            ("cancel",),
            _(
                "Order cycle %(name)s is in state %(state)s: only a cancelled "
                "cycle goes back to draft."
            ),
        )
        if self.sale_order_ids:
            raise UserError(
                _(
                    "This cycle has household orders: duplicate it as a next "
                    "cycle instead of setting it back to draft."
                )
            )
        self.state = "draft"
        return True

    def action_duplicate_next(self):
        """A new draft cycle with the same catalog and groups, one month later."""
        self.ensure_one()
        shift = relativedelta(months=1)
        new = self.copy(
            {
                "name": self._vrac_next_name(),
                "date_open": self.date_open + shift,
                "date_close": self.date_close + shift,
                "groupement_line_ids": [
                    fields.Command.create(
                        {
                            "groupement_id": line.groupement_id.id,
                            "distribution_date": line.distribution_date
                            and line.distribution_date + shift,
                        }
                    )
                    for line in self.groupement_line_ids
                ],
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new.id,
            "view_mode": "form",
            "target": "current",
        }

    def _vrac_next_name(self):
        """The name of the next cycle: "<name> (next)", within the size limit."""
        self.ensure_one()
        name = _("%(name)s (next)", name=self.name)
        excess = len(name) - CYCLE_NAME_SIZE
        if excess > 0:
            cut = self.name[: -excess - 1] + "\u2026"
            name = _("%(name)s (next)", name=cut)
        return name

    # ------------------------------------------------------------------
    # Household orders
    # ------------------------------------------------------------------
    def _vrac_household_lines(self):
        """The cycle's household order lines that count (not cancelled), of
        its catalog: lines added outside it (a funder's share) are not
        shared out."""
        return self.env["sale.order.line"].search(
            [
                ("order_id.vrac_cycle_id", "in", self.ids),
                ("state", "!=", "cancel"),
                ("display_type", "=", False),
                ("vrac_cycle_line_id", "!=", False),
            ]
        )

    def _vrac_set_orders(self, quantities):
        """Create or update household orders of this cycle, set-wise.

        :param quantities: ``{partner_id: {product_id: quantity}}``. A quantity
            of 0 removes the product from the household's order; products not
            given are left as they are.
        :return: the household sale orders touched.
        """
        self.ensure_one()
        self._vrac_check_orders_editable()
        SaleOrder = self.env["sale.order"]
        partners = self.env["res.partner"].browse(list(quantities))
        orders = SaleOrder.search(
            [
                ("vrac_cycle_id", "=", self.id),
                ("partner_id", "in", partners.ids),
                ("state", "!=", "cancel"),
            ]
        )
        order_of = {order.partner_id.id: order for order in orders}
        missing = [pid for pid in quantities if pid not in order_of]
        if missing:
            new_orders = SaleOrder.create(
                [self._vrac_prepare_sale_order(pid) for pid in missing]
            )
            order_of.update(zip(missing, new_orders, strict=True))
        existing = {
            (line.order_id.id, line.product_id.id): line
            for line in orders.order_line
            if not line.display_type
        }
        digits = self.env["decimal.precision"].precision_get("Product Unit of Measure")
        to_create, to_unlink = [], self.env["sale.order.line"]
        to_write = defaultdict(lambda: self.env["sale.order.line"])
        for partner_id, products in quantities.items():
            order = order_of[partner_id]
            for product_id, qty in products.items():
                line = existing.get((order.id, product_id))
                if line and not qty:
                    to_unlink |= line
                elif line:
                    # Unchanged quantities are not written: the household
                    # keeps the price of its order.
                    if float_compare(
                        qty, line.vrac_ordered_qty, precision_digits=digits
                    ):
                        to_write[qty] |= line
                elif qty:
                    to_create.append(
                        {
                            "order_id": order.id,
                            "product_id": product_id,
                            "product_uom_qty": qty,
                        }
                    )
        if to_unlink:
            to_unlink.unlink()
        for qty, lines in to_write.items():
            lines.write({"product_uom_qty": qty})
        if to_create:
            self.env["sale.order.line"].create(to_create)
        touched = SaleOrder.browse([o.id for o in order_of.values()])
        # A household that ordered nothing has no order (quotations only).
        empty = touched.filtered(lambda o: not o.order_line and o.state == "draft")
        empty.unlink()
        return touched - empty

    def _vrac_prepare_sale_order(self, partner_id):
        self.ensure_one()
        return {
            "partner_id": partner_id,
            "vrac_cycle_id": self.id,
            "company_id": self.company_id.id,
        }

    def _vrac_check_orders_editable(self):
        """Refuse changes to household orders unless the cycles are open."""
        if CYCLE_PROCESS.is_raised(self.env):
            return
        for cycle in self.filtered(lambda c: c.state != "open"):
            if cycle.state == "draft":
                raise UserError(
                    _(
                        "Order cycle %(name)s is not open yet: a coordinator "
                        "opens it for orders.",
                        name=cycle.name,
                    )
                )
            raise UserError(cycle._vrac_closed_message())

    def _vrac_closed_message(self):
        return _(
            "Order cycle %(name)s is closed: orders can no longer change. "
            "Ask a coordinator to reopen it.",
            name=self.name,
        )

    # ------------------------------------------------------------------
    # Closing
    # ------------------------------------------------------------------
    def _vrac_check_closable(self):
        """Refuse to close, listing every problem, before anything is changed."""
        no_vendor_problems, no_price_problems = [], []
        for cycle in self:
            no_vendor = cycle.line_ids.filtered(lambda line: not line.vendor_id)
            if no_vendor:
                no_vendor_problems.append(
                    _(
                        "%(cycle)s: products without vendor: %(products)s.",
                        cycle=cycle.name,
                        products=", ".join(no_vendor.product_id.mapped("display_name")),
                    )
                )
            # A product ordered without a vendor price would be bought at 0.
            no_price = (cycle.line_ids - no_vendor).filtered(
                lambda line: (
                    line.ordered_qty > 0
                    and float_compare(line.vendor_price, 0.0, precision_digits=6) <= 0
                )
            )
            if no_price:
                products = [line._vrac_product_and_vendor() for line in no_price]
                no_price_problems.append(
                    _(
                        "%(cycle)s: %(products)s.",
                        cycle=cycle.name,
                        products=", ".join(products),
                    )
                )
        # Read before closing, the catalog's quantities would stay in the cache
        # (they have no dependencies): the closing changes them.
        self.line_ids.invalidate_recordset(
            ["ordered_qty", "allocated_qty", "household_count", "surplus_qty"]
        )
        messages = []
        if no_vendor_problems:
            messages.append(
                _(
                    "The cycle cannot be closed: choose a vendor for each product "
                    "of the catalog.\n%(problems)s",
                    problems="\n".join(no_vendor_problems),
                )
            )
        if no_price_problems:
            messages.append(
                _(
                    "The cycle cannot be closed: these products have no vendor "
                    "price and would be bought at 0. Type their price in the "
                    "catalog, or in the vendor prices of the product.\n%(problems)s",
                    problems="\n".join(no_price_problems),
                )
            )
        if messages:
            raise UserError("\n\n".join(messages))

    def _vrac_close(self):
        ordered = self._vrac_ordered_pools()
        purchase = self._vrac_round_pools(ordered)
        totals = defaultdict(float)
        for (cycle_line, _groupement), qty in purchase.items():
            totals[cycle_line] += qty
        for cycle_line in self.line_ids:
            cycle_line.purchase_qty = totals.get(cycle_line, 0.0)
        self._vrac_allocate(purchase)
        self._vrac_create_purchase_orders(purchase)
        self.state = "closed"
        for cycle in self:
            cycle._message_log(
                body=_(
                    "Cycle closed: %(count)s purchase order(s) prepared.",
                    count=len(cycle.purchase_order_ids),
                )
            )

    def _vrac_ordered_pools(self, field="vrac_ordered_qty"):
        """{(catalog line, group): total}, one grouped query.

        A pool is what one purchase order line buys and what is shared among
        the households: the whole cycle (group is an empty recordset), or
        each group apart when the cycle buys per group.
        """
        pools = defaultdict(float)
        for cycle_line, groupement, qty in self.env["sale.order.line"]._read_group(
            [
                ("vrac_cycle_line_id", "in", self.line_ids.ids),
                ("state", "!=", "cancel"),
            ],
            ["vrac_cycle_line_id", "vrac_groupement_id"],
            [f"{field}:sum"],
        ):
            pools[cycle_line._vrac_pool(groupement)] += qty
        return pools

    def _vrac_round_pools(self, ordered):
        """{pool: quantity to buy}: whole cases, by policy, within capacity."""
        purchase = {}
        by_line = defaultdict(dict)
        for (cycle_line, groupement), qty in ordered.items():
            by_line[cycle_line][groupement] = qty
        for cycle_line, groups in by_line.items():
            case = cycle_line.case_size
            capacity = cycle_line.capacity or None
            if len(groups) == 1:
                groupement, qty = next(iter(groups.items()))
                purchase[(cycle_line, groupement)] = round_to_cases(
                    qty, case, cycle_line.rounding_policy, capacity
                )
                continue
            # Several groups buying apart: each rounds to whole cases, and a
            # capacity too small for all is shared among them by whole cases.
            cases = {
                groupement: round(
                    round_to_cases(qty, case, cycle_line.rounding_policy) / case
                )
                for groupement, qty in groups.items()
            }
            if capacity is not None:
                cases = allocate(cases, int(capacity // case), 1)
            for groupement, count in cases.items():
                purchase[(cycle_line, groupement)] = count * case
        return purchase

    def _vrac_allocate(self, available):
        """Share ``available`` ({pool: quantity}) among household order lines.

        Largest remainder method (see :func:`..tools.allocation.allocate`):
        proportional to what each household ordered, in whole units or
        grams, never more than ordered. The allocations are written in one
        statement to the lines' *Allocated* quantity (see
        :meth:`sale.order.line._vrac_write_allocations`); the orders'
        quantities follow when the purchases are confirmed (see
        :meth:`_vrac_apply_allocations`). A pool missing from ``available``
        is left alone.

        :return: the household order lines whose allocation changed.
        """
        cycle_lines = self.env["vrac.order.cycle.line"].union(
            *(cycle_line for cycle_line, _groupement in available)
        )
        lines = self.env["sale.order.line"].search(
            [
                ("vrac_cycle_line_id", "in", cycle_lines.ids),
                ("state", "!=", "cancel"),
            ]
        )
        pools = defaultdict(dict)
        current = {}
        for line in lines:
            pool = line.vrac_cycle_line_id._vrac_pool(line.vrac_groupement_id)
            pools[pool][line.id] = line.vrac_ordered_qty
            current[line.id] = line.vrac_allocated_qty
        new_quantities = {}
        for pool, ordered in pools.items():
            if pool not in available:
                continue
            cycle_line = pool[0]
            shares = allocate(ordered, available[pool], cycle_line._vrac_step())
            rounding = cycle_line.product_id.uom_id.rounding
            for line_id, qty in shares.items():
                if float_compare(qty, current[line_id], precision_rounding=rounding):
                    new_quantities[line_id] = qty
        changed = lines.browse(list(new_quantities))
        changed._vrac_write_allocations(new_quantities)
        return changed

    def _vrac_apply_allocations(self):
        """The household orders take their allocated quantities.

        Done when the purchases are confirmed, and again after a reception
        shares out what arrived: from then on the order is what the household
        collects and pays. Odoo recomputes the amounts of the changed lines.
        """
        lines = self._vrac_household_lines().filtered(
            lambda line: float_compare(
                line.product_uom_qty,
                line.vrac_allocated_qty,
                precision_rounding=line.product_uom.rounding or 0.001,
            )
        )
        CYCLE_PROCESS.on(lines)._vrac_write_quantities(
            {line.id: line.vrac_allocated_qty for line in lines}
        )

    def _vrac_create_purchase_orders(self, purchase):
        """One draft purchase order per vendor (and group when configured)."""
        PurchaseOrder = self.env["purchase.order"]
        shares = self._vrac_ordered_pools_by_group()
        grouped = defaultdict(list)
        for (cycle_line, groupement), qty in purchase.items():
            if qty > 0:
                grouped[(cycle_line.cycle_id, cycle_line.vendor_id, groupement)].append(
                    (cycle_line, qty)
                )
        if not grouped:
            return PurchaseOrder
        keys = sorted(grouped, key=lambda k: (k[0].id, k[1].name or "", k[2].id or 0))
        order_vals = [
            cycle._vrac_prepare_purchase_order(vendor, groupement)
            for cycle, vendor, groupement in keys
        ]
        orders = PurchaseOrder.create(order_vals)
        line_vals = []
        for order, key, vals in zip(orders, keys, order_vals, strict=True):
            groupement = key[2]
            for cycle_line, qty in sorted(grouped[key], key=lambda p: p[0].sequence):
                line_vals.append(
                    dict(
                        cycle_line._vrac_prepare_purchase_line(
                            order,
                            qty,
                            {groupement: 1.0} if groupement else shares[cycle_line],
                        ),
                        # Odoo would plan the line by the vendor's lead time:
                        # the goods are needed for the distribution.
                        date_planned=vals["date_planned"],
                    )
                )
        self.env["purchase.order.line"].create(line_vals)
        return orders

    def _vrac_ordered_pools_by_group(self):
        """{catalog line: {group: quantity ordered}}, for the analytic split."""
        shares = defaultdict(dict)
        for cycle_line, groupement, qty in self.env["sale.order.line"]._read_group(
            [
                ("vrac_cycle_line_id", "in", self.line_ids.ids),
                ("state", "!=", "cancel"),
            ],
            ["vrac_cycle_line_id", "vrac_groupement_id"],
            ["vrac_ordered_qty:sum"],
        ):
            shares[cycle_line][groupement] = qty
        return shares

    def _vrac_prepare_purchase_order(self, vendor, groupement):
        self.ensure_one()
        dates = self.groupement_line_ids.filtered(
            lambda g: not groupement or g.groupement_id == groupement
        ).mapped("distribution_date")
        # Delivered the day before the first distribution, when the bags are
        # prepared (and not before the cycle closes).
        arrival = max(
            min(dates or [self.date_close.date()]) - relativedelta(days=1),
            self.date_close.date(),
        )
        return {
            "partner_id": vendor.id,
            "company_id": self.company_id.id,
            "vrac_cycle_id": self.id,
            "vrac_groupement_id": groupement.id,
            "origin": self.name,
            "date_planned": fields.Datetime.to_datetime(arrival),
        }

    # ------------------------------------------------------------------
    # Purchases and reception
    # ------------------------------------------------------------------
    def _vrac_update_state_from_purchases(self):
        """Closed cycles whose purchase orders are all confirmed become ordered."""
        for cycle in self.filtered(lambda c: c.state == "closed"):
            purchases = cycle.purchase_order_ids.filtered(lambda p: p.state != "cancel")
            if purchases and all(p.state in ("purchase", "done") for p in purchases):
                cycle.state = "ordered"
                cycle._vrac_apply_allocations()
                cycle._vrac_on_purchases_confirmed(purchases)

    def _vrac_on_purchases_confirmed(self, purchases):
        """Hook: the purchase orders of the cycle were confirmed with the vendors."""
        return True

    def _vrac_reallocate_received(self):
        """Share again what arrived, when it differs from what was ordered.

        Available per product: what was received, plus what is still awaited
        in open receptions (a backorder): a partial reception waiting for the
        rest does not take anything from the households.
        """
        cycles = self.filtered(lambda c: c.state in ("ordered", "received"))
        if not cycles:
            return
        available = defaultdict(float)
        pending = False
        purchase_lines = self.env["purchase.order.line"].search(
            [
                ("order_id.vrac_cycle_id", "in", cycles.ids),
                ("order_id.state", "in", ("purchase", "done")),
                ("vrac_cycle_line_id", "!=", False),
            ]
        )
        for po_line in purchase_lines:
            awaited = sum(
                move.product_qty
                for move in po_line.move_ids
                if move.state not in ("done", "cancel")
                and move.location_dest_id.usage == "internal"
            )
            pending = pending or bool(awaited)
            pool = po_line.vrac_cycle_line_id._vrac_pool(
                po_line.order_id.vrac_groupement_id
            )
            available[pool] += (
                po_line.product_uom._compute_quantity(
                    po_line.qty_received, po_line.product_id.uom_id
                )
                + awaited
            )
        CYCLE_PROCESS.on(cycles)._vrac_allocate(dict(available))
        cycles._vrac_apply_allocations()
        if not pending:
            cycles.filtered(lambda c: c.state == "ordered").state = "received"

    # ------------------------------------------------------------------
    # Smart buttons
    # ------------------------------------------------------------------
    def _vrac_action(self, xmlid, domain, name=None, context=None):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = domain
        action["context"] = dict(
            self.env.context, default_vrac_cycle_id=self.id, **(context or {})
        )
        if name:
            action["name"] = name
        return action

    def action_view_sale_orders(self):
        return self._vrac_action(
            "vrac_groupement.sale_order_action_vrac_cycle",
            [("vrac_cycle_id", "=", self.id)],
            name=_("Household orders: %(cycle)s", cycle=self.name),
        )

    def action_view_order_lines(self):
        return self._vrac_action(
            "vrac_groupement.sale_order_line_action_vrac_cycle",
            [("vrac_cycle_id", "=", self.id), ("state", "!=", "cancel")],
            name=_("Who ordered what: %(cycle)s", cycle=self.name),
            context={"search_default_group_product": 1},
        )

    def action_view_shortfalls(self):
        return self._vrac_action(
            "vrac_groupement.sale_order_line_action_vrac_cycle",
            [("vrac_cycle_id", "=", self.id), ("state", "!=", "cancel")],
            name=_("Households to call: %(cycle)s", cycle=self.name),
            context={"search_default_filter_short": 1},
        )

    def action_notify_shortfalls(self):
        """Email the households who get less than they ordered (mass mailing)."""
        self.ensure_one()
        orders = self.sale_order_ids.filtered(
            lambda o: o.vrac_is_short and o.state != "cancel"
        )
        if not orders:
            raise UserError(_("Every household gets what it ordered: nobody to tell."))
        template = self.env.ref("vrac_groupement.mail_template_cycle_shortfall")
        return {
            "type": "ir.actions.act_window",
            "name": _("Tell the households"),
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_composition_mode": "mass_mail",
                "default_model": "sale.order",
                "default_res_ids": orders.ids,
                "default_template_id": template.id,
            },
        }

    def action_view_purchase_orders(self):
        return self._vrac_action(
            "purchase.purchase_rfq",
            [("vrac_cycle_id", "=", self.id)],
            name=_("Purchase orders: %(cycle)s", cycle=self.name),
        )
