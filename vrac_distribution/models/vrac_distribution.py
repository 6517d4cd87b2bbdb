# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare

from odoo.addons.vrac_groupement.models.vrac_order_cycle import CYCLE_PROCESS

from .vrac_distribution_shift import SHIFT_ROLES

DISTRIBUTION_STATES = [
    ("planned", "Planned"),
    ("preparing", "Preparing"),
    ("open", "Open"),
    ("closed", "Closed"),
    ("cancel", "Cancelled"),
]
# Cycles whose purchase orders are confirmed: their orders can be collected.
COLLECTABLE_CYCLE_STATES = ("ordered", "received", "done")
# States in which the weights of the bulk items can be recorded.
WEIGHING_STATES = ("preparing", "open")
# Till orders that count in a distribution's figures.
PAID_POS_STATES = ("paid", "done", "invoiced")
# What a volunteer changes on a distribution of their groups: when and where
# it takes place, its till, who is responsible, its notes and shifts. The
# groups, cycles, branch and orders it collects are a coordinator's choice
# (they decide whose orders the volunteer handles); its state changes only
# through the buttons, for everyone. A new place is accepted only when it
# serves the same groups (see write()).
VOLUNTEER_FIELDS = frozenset(
    {
        "name",
        "date",
        "hour_from",
        "hour_to",
        "kind",
        "pickup_point_id",
        "round_id",
        "pos_config_id",
        "user_id",
        "note",
        "shift_ids",
        # recomputed from the place by the form: checked unchanged in write()
        "groupement_ids",
    }
)


class VracDistribution(models.Model):
    """The monthly "épicerie" at a pickup point, or a day of the mobile round.

    Households collect there the orders of one or more cycles: their bags are
    prepared as one batch transfer, and paid at the till of the distribution's
    point of sale. A day of the round (its stops, time slot and round sheet)
    is in vrac_round.py, with the round.
    """

    _name = "vrac.distribution"
    _description = "Distribution"
    _inherit = ["mail.thread", "mail.activity.mixin", "vrac.state.mixin"]
    _order = "date desc, hour_from, id desc"

    name = fields.Char(
        compute="_compute_name",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    company_id = fields.Many2one(
        "res.company",
        string="Branch",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    kind = fields.Selection(
        [("point", "At a pickup point"), ("round", "Mobile round")],
        required=True,
        default="point",
        tracking=True,
    )
    date = fields.Date(required=True, tracking=True, index=True)
    hour_from = fields.Float(string="From", required=True, default=9.0)
    hour_to = fields.Float(string="To", required=True, default=12.0)
    pickup_point_id = fields.Many2one(
        "vrac.pickup.point",
        string="Pickup point",
        tracking=True,
        domain="[('company_id', '=', company_id)]",
    )
    round_id = fields.Many2one(
        "vrac.round",
        string="Mobile round",
        tracking=True,
        domain="[('company_id', '=', company_id)]",
    )
    groupement_ids = fields.Many2many(
        "vrac.groupement",
        string="Groups served",
        compute="_compute_groupement_ids",
        store=True,
        readonly=False,
        precompute=True,
        domain="[('company_id', '=', company_id)]",
    )
    cycle_ids = fields.Many2many(
        "vrac.order.cycle",
        string="Order cycles",
        domain="[('company_id', '=', company_id), ('state', '!=', 'cancel')]",
        help="The cycles whose orders are collected at this distribution.",
    )
    pos_config_id = fields.Many2one(
        "pos.config",
        string="Point of sale",
        domain="[('company_id', '=', company_id)]",
        help="The till where households pay when they collect their bags.",
    )
    state = fields.Selection(
        DISTRIBUTION_STATES,
        required=True,
        default="planned",
        tracking=True,
        copy=False,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
    )
    shift_ids = fields.One2many(
        "vrac.distribution.shift", "distribution_id", string="Volunteer shifts"
    )
    volunteer_hours = fields.Float(
        compute="_compute_volunteer_hours", digits=(6, 2), string="Volunteer hours"
    )
    batch_id = fields.Many2one(
        "stock.picking.batch", string="Bags (batch transfer)", copy=False, readonly=True
    )
    sale_order_ids = fields.One2many(
        "sale.order", "vrac_distribution_id", string="Household orders"
    )
    order_count = fields.Integer(compute="_compute_order_count", string="Orders")
    note = fields.Html()

    def _vrac_is_coordinator(self):
        return self.env.su or self.env.user.has_group(
            "vrac_groupement.group_coordinator"
        )

    def write(self, vals):
        if self.env.su:
            return super().write(vals)
        if "state" in vals:
            raise UserError(
                _(
                    "The state of a distribution changes only with its buttons "
                    "(prepare, open, close, cancel)."
                )
            )
        if self._vrac_is_coordinator():
            return super().write(vals)
        mail_fields = set(self.env["mail.thread"]._fields) | set(
            self.env["mail.activity.mixin"]._fields
        )
        refused = set(vals) - VOLUNTEER_FIELDS - mail_fields
        if refused:
            labels = [
                self._fields[name].get_description(self.env)["string"]
                if name in self._fields
                else name
                for name in sorted(refused)
            ]
            raise AccessError(
                _(
                    "Only a coordinator can change %(fields)s of a distribution.",
                    fields=", ".join(labels),
                )
            )
        # As superuser to compare every group served, including those the
        # volunteer cannot read (a read as the user would hide them).
        groups_before = {d.id: set(d.groupement_ids.ids) for d in self.sudo()}
        result = super().write(vals)
        if any(set(d.groupement_ids.ids) != groups_before[d.id] for d in self.sudo()):
            raise AccessError(
                _(
                    "Only a coordinator can change the groups a distribution "
                    "serves: choose a place that serves the same groups."
                )
            )
        return result

    def _vrac_set_state(self, state):
        """The buttons change the state (refused to write() for everyone)."""
        self.check_access("write")
        # Superuser: write() refuses the state; the caller's write on `self` is checked
        # just above.
        self.sudo().write({"state": state})

    @api.depends("kind", "pickup_point_id.name", "round_id.name", "date")
    def _compute_name(self):
        for distribution in self:
            place = (
                distribution.round_id.name
                if distribution.kind == "round"
                else distribution.pickup_point_id.name
            )
            if not place:
                distribution.name = distribution.name or _("New distribution")
                continue
            date = distribution.date.strftime("%d/%m/%Y") if distribution.date else ""
            distribution.name = f"{place} {date}".strip()

    @api.depends("kind", "pickup_point_id", "round_id")
    def _compute_groupement_ids(self):
        for distribution in self:
            source = (
                distribution.round_id
                if distribution.kind == "round"
                else distribution.pickup_point_id
            )
            if source:
                distribution.groupement_ids = source.groupement_ids

    @api.depends("shift_ids.hours")
    def _compute_volunteer_hours(self):
        for distribution in self:
            distribution.volunteer_hours = sum(distribution.shift_ids.mapped("hours"))

    @api.depends("sale_order_ids")
    def _compute_order_count(self):
        counts = dict(
            self.env["sale.order"]._read_group(
                [("vrac_distribution_id", "in", self.ids)],
                ["vrac_distribution_id"],
                ["__count"],
            )
        )
        for distribution in self:
            distribution.order_count = counts.get(distribution, 0)

    @api.constrains("kind", "pickup_point_id", "round_id")
    def _check_place(self):
        for distribution in self:
            if distribution.kind == "point" and not distribution.pickup_point_id:
                raise ValidationError(
                    _("Choose the pickup point of distribution %s.", distribution.name)
                )
            if distribution.kind == "round" and not distribution.round_id:
                raise ValidationError(
                    _("Choose the mobile round of distribution %s.", distribution.name)
                )

    @api.constrains("hour_from", "hour_to")
    def _check_hours(self):
        for distribution in self:
            if not (0 <= distribution.hour_from < distribution.hour_to <= 24):
                raise ValidationError(
                    _(
                        "Distribution %s: the time slot must start before it "
                        "ends, within the day.",
                        distribution.name,
                    )
                )

    # ------------------------------------------------------------------
    # Preparing: the households' orders become bags of one batch transfer
    # ------------------------------------------------------------------
    def _vrac_orders_domain(self):
        """Household orders this distribution collects, not yet assigned."""
        self.ensure_one()
        domain = [
            ("vrac_cycle_id", "in", self.cycle_ids.ids),
            ("vrac_groupement_id", "in", self.groupement_ids.ids),
            ("state", "in", ("draft", "sent", "sale")),
            ("vrac_distribution_id", "=", False),
        ]
        if self.kind == "round":
            # A household of the round collects at its stop.
            stop_round = "partner_id.vrac_round_stop_id.round_id"
            return domain + [(stop_round, "=", self.round_id.id)]
        # A household with a stop of the mobile round collects on the round.
        return domain + [("partner_id.vrac_round_stop_id", "=", False)]

    def _vrac_orders_to_collect(self):
        """The orders of the distribution's cycles and groups, and those
        already assigned to it (kept from an earlier distribution)."""
        self.ensure_one()
        orders = self.env["sale.order"].search(self._vrac_orders_domain())
        return orders | self.sale_order_ids.filtered(lambda o: o.state != "cancel")

    def _vrac_check_preparable(self):
        for distribution in self:
            if not distribution.cycle_ids:
                raise UserError(
                    _(
                        "Distribution %s has no order cycle: choose the cycles "
                        "whose orders are collected there.",
                        distribution.name,
                    )
                )
            waiting = distribution.cycle_ids.filtered(
                lambda c: c.state not in COLLECTABLE_CYCLE_STATES
            )
            if waiting:
                raise UserError(
                    _(
                        "Order cycle %s is not ordered yet: close it and confirm "
                        "its purchase orders before preparing the bags.",
                        waiting[0].name,
                    )
                )

    def action_prepare(self):
        """Assign the orders, confirm them and gather their deliveries (the
        households' bags) in one batch transfer per distribution.

        Run again while preparing ("Add late orders"), it adds the orders
        entered since, and leaves those already prepared as they are.
        """
        self._vrac_check_state(
            ("planned", "preparing"),
            _("Distribution %(name)s is %(state)s: its bags can no longer change."),
        )
        self._vrac_check_preparable()
        # Volunteers run the distributions of their groups (record rules);
        # confirming orders and moving stock is done for them.
        self.check_access("write")
        # Superuser: volunteers have no sales or stock rights; only the distributions of
        # `self` (write checked above) are prepared.
        for distribution in self.sudo():
            orders = distribution._vrac_orders_to_collect()
            new_orders = orders - distribution.sale_order_ids
            if new_orders:
                CYCLE_PROCESS.on(new_orders).write(
                    {"vrac_distribution_id": distribution.id}
                )
            quotations = orders.filtered(lambda o: o.state in ("draft", "sent"))
            if quotations:
                CYCLE_PROCESS.on(quotations).action_confirm()
            distribution._vrac_update_batch()
            if distribution.state == "preparing" and new_orders:
                distribution.message_post(
                    body=_(
                        "%(count)s late order(s) added to the bags: %(households)s.",
                        count=len(new_orders),
                        households=", ".join(new_orders.partner_id.mapped("name")),
                    )
                )
        self.filtered(lambda d: d.state == "planned")._vrac_set_state("preparing")
        return True

    def _vrac_bag_pickings(self):
        """The households' deliveries of this distribution still to hand over."""
        self.ensure_one()
        # Superuser: volunteers have no stock rights; only the bags of this
        # distribution's orders are found, returned without superuser.
        return self.sudo().sale_order_ids._vrac_open_bags().sudo(False)

    def _vrac_update_batch(self):
        """One batch transfer holds the bags of the distribution."""
        self.ensure_one()
        # Superuser: volunteers have no stock rights; only the bags of this distribution
        # go in its batch.
        pickings = self._vrac_bag_pickings().sudo()
        if not pickings:
            return
        if not self.batch_id or self.batch_id.state in ("done", "cancel"):
            self.batch_id = self.env["stock.picking.batch"].create(
                {
                    "company_id": self.company_id.id,
                    "scheduled_date": fields.Datetime.to_datetime(self.date),
                    "picking_type_id": pickings[0].picking_type_id.id,
                    "vrac_distribution_id": self.id,
                }
            )
        outside = pickings.filtered(lambda p: p.batch_id != self.batch_id)
        if outside:
            outside.write({"batch_id": self.batch_id.id})
        if self.batch_id.state == "draft":
            self.batch_id.action_confirm()
        waiting = pickings.filtered(lambda p: p.state in ("confirmed", "waiting"))
        if waiting:
            waiting.action_assign()

    def action_open(self):
        """The doors open: the till takes the collected orders."""
        self._vrac_check_state(
            ("preparing",),
            _("Distribution %(name)s is %(state)s: prepare its bags first."),
        )
        for distribution in self:
            if not distribution.pos_config_id:
                raise UserError(
                    _(
                        "Choose the point of sale of distribution %s before "
                        "opening it.",
                        distribution.name,
                    )
                )
            other = self.search(
                [
                    ("pos_config_id", "=", distribution.pos_config_id.id),
                    ("state", "=", "open"),
                    ("id", "!=", distribution.id),
                ],
                limit=1,
            )
            if other:
                raise UserError(
                    _(
                        "The till %(till)s is already used by distribution "
                        "%(other)s: close it first.",
                        till=distribution.pos_config_id.name,
                        other=other.name,
                    )
                )
        self._vrac_set_state("open")
        return True

    def action_view_orders(self):
        """The households' orders of the distribution and their collection."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Orders of %s", self.name),
            "res_model": "sale.order",
            "view_mode": "list,form",
            "views": [
                (
                    self.env.ref("vrac_distribution.sale_order_view_tree_vrac").id,
                    "list",
                ),
                (False, "form"),
            ],
            "search_view_id": [
                self.env.ref("vrac_distribution.sale_order_view_search_vrac").id
            ],
            "domain": [("vrac_distribution_id", "=", self.id)],
            "context": {"create": False},
        }

    def action_view_batch(self):
        self.ensure_one()
        if not self.batch_id:
            raise UserError(_("Prepare the distribution first: it has no bags yet."))
        return {
            "type": "ir.actions.act_window",
            "res_model": "stock.picking.batch",
            "res_id": self.batch_id.id,
            "view_mode": "form",
        }

    def action_record_weights(self):
        """The bulk items of the bags, to type the weight served."""
        self.ensure_one()
        self._vrac_check_state(
            WEIGHING_STATES,
            _(
                "Distribution %(name)s is %(state)s: prepare it first, the "
                "weights are recorded while preparing or at the till."
            ),
        )
        return {
            "type": "ir.actions.act_window",
            "name": _("Weights of %s", self.name),
            "res_model": "sale.order.line",
            "view_mode": "list",
            "views": [
                (
                    self.env.ref(
                        "vrac_distribution.sale_order_line_view_tree_weights"
                    ).id,
                    "list",
                )
            ],
            "search_view_id": [
                self.env.ref("vrac_distribution.sale_order_line_view_search_weights").id
            ],
            "domain": [
                ("vrac_distribution_id", "=", self.id),
                ("display_type", "=", False),
                ("state", "!=", "cancel"),
                (
                    "product_uom.category_id",
                    "=",
                    self.env.ref("uom.product_uom_categ_kgm").id,
                ),
            ],
            "context": {"create": False, "delete": False},
        }

    # ------------------------------------------------------------------
    # Cancelling, back to planned
    # ------------------------------------------------------------------
    def action_cancel(self):
        """Cancel: the orders are released (still confirmed), the bags'
        batch is cancelled, so another distribution can collect them."""
        self._vrac_check_coordinator(_("Only a coordinator can cancel a distribution."))
        self._vrac_check_state(
            ("planned", "preparing"),
            _("Distribution %(name)s is %(state)s: it can no longer be cancelled."),
        )
        self.check_access("write")
        # Superuser: coordinators may have no stock rights; only the batch and orders of
        # the distributions of `self` (checked above) are released.
        sudo_self = self.sudo()
        pickings = sudo_self.sale_order_ids.picking_ids
        in_batch = pickings.filtered(lambda p: p.batch_id in sudo_self.batch_id)
        if in_batch:
            in_batch.write({"batch_id": False})
        batches = sudo_self.batch_id.filtered(lambda b: b.state != "done")
        if batches:
            batches.write({"state": "cancel"})
        orders = sudo_self.sale_order_ids
        if orders:
            CYCLE_PROCESS.on(orders).write({"vrac_distribution_id": False})
        self._vrac_set_state("cancel")
        return True

    def action_draft(self):
        """Back to planned, when nothing is prepared (cancelled, or prepared
        without any order)."""
        if self.filtered(lambda d: d.state == "cancel"):
            self._vrac_check_coordinator(
                _("Only a coordinator can plan a cancelled distribution again.")
            )
        for distribution in self:
            if distribution.state not in ("preparing", "cancel") or (
                distribution.sale_order_ids
            ):
                raise UserError(
                    _(
                        "Distribution %s has bags prepared: it cannot go back "
                        "to planned. Cancel it to release its orders.",
                        distribution.name,
                    )
                )
        self._vrac_set_state("planned")
        return True

    # ------------------------------------------------------------------
    # Closing: what happens to the bags nobody collected
    # ------------------------------------------------------------------
    def _vrac_uncollected_orders(self):
        """Orders of the distribution with something left to hand over.

        As superuser (the collection state reads the deliveries): callers
        check the user's right on the distribution first, and on each order's
        group (_vrac_closable_orders).
        """
        self.ensure_one()
        # Superuser: the collection state reads the deliveries; only this distribution's
        # orders, callers check the user's right first.
        return self.sudo().sale_order_ids.filtered(
            lambda o: o.vrac_collect_state in ("to_collect", "partial")
        )

    def _vrac_user_serves(self, orders):
        """The orders (read as superuser) of the groups the user serves;
        a coordinator runs every group of the branch."""
        if self._vrac_is_coordinator():
            return orders
        user = self.env.user
        served = orders.vrac_groupement_id.filtered(
            lambda g: user in g.user_ids | g.coordinator_ids
        )
        return orders.filtered(lambda o: o.vrac_groupement_id in served)

    def _vrac_closable_orders(self):
        """The bags the user decides on when closing: the distribution's
        uncollected orders, all of groups the user serves.

        :return: the orders, as superuser (checked here)
        """
        self.ensure_one()
        self.check_access("write")
        uncollected = self._vrac_uncollected_orders()
        served = self._vrac_user_serves(uncollected)
        if served != uncollected:
            raise UserError(
                _(
                    "Distribution %(name)s has bags left of groups you do not "
                    "serve: ask a coordinator to close it.",
                    name=self.name,
                )
            )
        return served

    def _vrac_check_close_orders(self, orders):
        """Refuse any order that is not a bag of this distribution of a group
        the user serves (the wizard's lines name orders).

        :return: the orders, as superuser, once checked
        """
        self.ensure_one()
        self.check_access("write")
        # Superuser to read the orders whatever the till or sales rights; only
        # the distribution's own orders of the user's groups pass.
        orders = orders.sudo()
        allowed = self._vrac_user_serves(orders & self.sudo().sale_order_ids)
        if orders - allowed:
            raise AccessError(
                _(
                    "Only the bags of distribution %(name)s, of the groups you "
                    "serve, can be decided when closing it.",
                    name=self.name,
                )
            )
        return orders

    def _vrac_check_closing(self):
        """Refuse closing a distribution that is not open (the button, the
        closing wizard when made and when confirmed)."""
        self.ensure_one()
        self._vrac_check_state(
            ("open",),
            _("Distribution %(name)s is %(state)s: only an open distribution closes."),
        )

    def action_close(self):
        """Close the distribution; ask first what to do with the bags that
        were not (fully) collected."""
        self.ensure_one()
        self._vrac_check_closing()
        if not self._vrac_closable_orders():
            self._vrac_close()
            return True
        # The wizard builds its lines from the bags the user may decide on.
        wizard = (
            self.env["vrac.distribution.close"]
            .with_context(default_distribution_id=self.id)
            .create({})
        )
        return {
            "type": "ir.actions.act_window",
            "name": _("Uncollected bags of %s", self.name),
            "res_model": "vrac.distribution.close",
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    def _vrac_next_distributions(self, orders):
        """``{order: distribution}``: for each order, the earliest planned or
        preparing distribution after this one that serves its household."""
        self.ensure_one()
        # Superuser: the next distribution may serve a group of the household
        # that the user does not run; only this branch's planned ones, for
        # the groups of orders checked by the caller.
        candidates = self.sudo().search(
            [
                ("id", "!=", self.id),
                ("company_id", "=", self.company_id.id),
                ("state", "in", ("planned", "preparing")),
                ("groupement_ids", "in", orders.vrac_groupement_id.ids),
                "|",
                ("date", ">", self.date),
                "&",
                ("date", "=", self.date),
                ("hour_from", ">", self.hour_from),
            ],
            order="date, hour_from, id",
        )
        result = {}
        for order in orders:
            result[order] = next(
                (d for d in candidates if d._vrac_serves_order(order)),
                self.browse(),
            )
        return result

    def _vrac_serves_order(self, order):
        """Hook: whether this distribution can hand over ``order``."""
        self.ensure_one()
        if order.vrac_groupement_id not in self.groupement_ids:
            return False
        on_round = bool(order.partner_id.vrac_round_stop_id)
        if self.kind == "round":
            return order.partner_id.vrac_round_stop_id.round_id == self.round_id
        return not on_round

    def _vrac_keep_for_next(self, orders):
        """The orders and what is left of their bags go to the next
        distribution that serves each household."""
        self.ensure_one()
        if not orders:
            return
        # Superuser to move the orders and their deliveries (volunteers have
        # no stock rights), once checked as bags of this distribution.
        orders = self._vrac_check_close_orders(orders)
        nexts = self._vrac_next_distributions(orders)
        missing = orders.filtered(lambda o: not nexts[o])
        if missing:
            raise UserError(
                _(
                    "No distribution is planned after %(name)s for %(households)s: "
                    "plan one that serves their group, or choose another action "
                    "for their bag.",
                    name=self.name,
                    households=", ".join(missing.partner_id.mapped("display_name")),
                )
            )
        for distribution, kept in orders.grouped(nexts.get).items():
            CYCLE_PROCESS.on(kept).write({"vrac_distribution_id": distribution.id})
            open_pickings = kept.picking_ids.filtered(
                lambda p: p.state not in ("done", "cancel")
            )
            if open_pickings:
                open_pickings.write(
                    {
                        "batch_id": False,
                        "scheduled_date": fields.Datetime.to_datetime(
                            distribution.date
                        ),
                    }
                )
            if distribution.state == "preparing":
                distribution._vrac_update_batch()

    def _vrac_return_to_stock(self, orders):
        """Cancel what is left of the bags (the goods stay in stock); an order
        nothing of which was collected is cancelled, a partly collected one
        keeps only what was handed over."""
        self.ensure_one()
        if not orders:
            return
        # Superuser to cancel the orders and their deliveries, once checked
        # as bags of this distribution.
        orders = CYCLE_PROCESS.on(self._vrac_check_close_orders(orders))
        partial = orders.filtered(lambda o: o.vrac_collect_state == "partial")
        untouched = orders - partial
        if untouched:
            untouched.with_context(disable_cancel_warning=True)._action_cancel()
        if partial:
            partial.picking_ids.filtered(
                lambda p: p.state not in ("done", "cancel")
            ).action_cancel()
            lines = partial.order_line.filtered(
                lambda line: (
                    not line.display_type
                    and line.product_id.type != "service"
                    and float_compare(
                        line.qty_delivered,
                        line.product_uom_qty,
                        precision_rounding=line.product_uom.rounding,
                    )
                    < 0
                )
            )
            lines.with_context(skip_procurement=True)._vrac_write_quantities(
                {line.id: line.qty_delivered for line in lines}
            )

    def _vrac_charge(self, orders):
        """Hand over what is left (the delivery is validated) and invoice the
        household for what was not paid at the till."""
        self.ensure_one()
        if not orders:
            return self.env["account.move"]
        # Superuser to deliver and invoice (volunteers have no stock or
        # accounting rights), once checked as bags of this distribution.
        orders = self._vrac_check_close_orders(orders)
        pickings = orders._vrac_open_bags()
        if pickings:
            for move in pickings.move_ids.filtered(
                lambda m: m.state not in ("done", "cancel")
            ):
                move.quantity = move.product_uom_qty
            pickings.move_ids.picked = True
            pickings.with_context(
                skip_backorder=True, skip_sms=True, cancel_backorder=True
            ).button_validate()
        to_invoice = orders.filtered(lambda o: o.invoice_status == "to invoice")
        if not to_invoice:
            return self.env["account.move"]
        invoices = to_invoice._create_invoices()
        invoices.action_post()
        return invoices

    def _vrac_close(self, call_lines=None):
        """Closed: the batch is done and the households to call are noted."""
        self.ensure_one()
        self.check_access("write")
        # Superuser to finish this distribution's own batch (stock rights),
        # the user may run the distribution (checked above).
        batch = self.sudo().batch_id
        if batch and batch.state not in ("done", "cancel"):
            open_pickings = batch.picking_ids.filtered(
                lambda p: p.state not in ("done", "cancel")
            )
            if open_pickings:
                open_pickings.write({"batch_id": False})
            batch.write({"state": "done"})
        self._vrac_set_state("closed")
        if call_lines:
            items = Markup("").join(
                Markup("<li>%s</li>") % line._vrac_call_text() for line in call_lines
            )
            # A note in the chatter: it needs no email address of its author
            # (many volunteers have none).
            self._message_log(
                body=Markup("%s<ul>%s</ul>")
                % (_("Households to call after the distribution:"), items)
            )

    # ------------------------------------------------------------------
    # The till: what it took during the distribution
    # ------------------------------------------------------------------
    def _vrac_till_summary(self):
        """What the till took during the distribution.

        :return: {"payments": [(payment method name, amount)],
            "surplus_amount": extra products sold (lines of no sale order),
            "collected_amount": lines settling the distribution's orders,
            "order_count": paid till orders}
        """
        self.ensure_one()
        # Volunteers read the figures of their distributions, not the till.
        self.check_access("read")
        # Superuser: volunteers may not read the till; only the figures of this
        # distribution (read checked above) are summed.
        env = self.sudo().env
        orders_domain = [
            ("vrac_distribution_id", "=", self.id),
            ("state", "in", PAID_POS_STATES),
        ]
        payments = env["pos.payment"]._read_group(
            [("pos_order_id", "any", orders_domain)],
            ["payment_method_id"],
            ["amount:sum"],
            order="payment_method_id",
        )
        lines_domain = [("order_id", "any", orders_domain)]
        surplus = env["pos.order.line"]._read_group(
            lines_domain + [("sale_order_line_id", "=", False)],
            [],
            ["price_subtotal_incl:sum"],
        )
        collected = env["pos.order.line"]._read_group(
            lines_domain
            + [("sale_order_origin_id.vrac_distribution_id", "=", self.id)],
            [],
            ["price_subtotal_incl:sum"],
        )
        return {
            "payments": [(method.name, amount) for method, amount in payments],
            "surplus_amount": surplus[0][0],
            "collected_amount": collected[0][0],
            "order_count": env["pos.order"].search_count(orders_domain),
        }

    # ------------------------------------------------------------------
    # The summary: bags collected or not, volunteers
    # ------------------------------------------------------------------
    collected_count = fields.Integer(
        compute="_compute_collect_counts", string="Bags collected"
    )
    partial_count = fields.Integer(
        compute="_compute_collect_counts", string="Bags partly collected"
    )
    to_collect_count = fields.Integer(
        compute="_compute_collect_counts", string="Bags not collected"
    )

    @api.depends("sale_order_ids.vrac_collect_state")
    def _compute_collect_counts(self):
        counts = {
            (distribution.id, state): count
            for distribution, state, count in self.env["sale.order"]._read_group(
                [("vrac_distribution_id", "in", self.ids)],
                ["vrac_distribution_id", "vrac_collect_state"],
                ["__count"],
            )
        }
        for distribution in self:
            distribution.collected_count = counts.get((distribution.id, "collected"), 0)
            distribution.partial_count = counts.get((distribution.id, "partial"), 0)
            distribution.to_collect_count = counts.get(
                (distribution.id, "to_collect"), 0
            )

    def _vrac_hours_per_role(self):
        """[(role label, volunteers, hours)] of the distribution's shifts."""
        self.ensure_one()
        shifts = self.env["vrac.distribution.shift"]
        labels = dict(shifts._fields["role"]._description_selection(self.env))
        roles = [role for role, _label in SHIFT_ROLES]
        groups = shifts._read_group(
            [("distribution_id", "=", self.id)],
            ["role"],
            ["partner_id:count_distinct", "hours:sum"],
        )
        return [
            (labels[role], volunteers, hours)
            for role, volunteers, hours in sorted(
                groups, key=lambda group: roles.index(group[0])
            )
        ]
