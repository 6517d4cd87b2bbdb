# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, _, api, fields, models
from odoo.exceptions import AccessError, UserError

CLOSE_DECISIONS = [
    ("keep", "Keep for the next distribution"),
    ("cancel", "Return to stock and cancel the order"),
    ("charge", "Charge anyway"),
]
# Decisions after which the household is called.
CALL_DECISIONS = ("keep", "charge")


class VracDistributionClose(models.TransientModel):
    """Closing a distribution: a decision for each bag not (fully) collected."""

    _name = "vrac.distribution.close"
    _description = "Close a distribution"

    distribution_id = fields.Many2one(
        "vrac.distribution", required=True, readonly=True, ondelete="cascade"
    )
    line_ids = fields.One2many(
        "vrac.distribution.close.line", "wizard_id", string="Uncollected bags"
    )
    decision = fields.Selection(
        CLOSE_DECISIONS,
        string="Decide for every bag",
        help="Sets the same decision on every bag; change it bag by bag below.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        """The lines are the bags the user may decide on, built here from the
        distribution when none are given (lines given are checked one by
        one, see the line's create())."""
        wizards = super().create(vals_list)
        for wizard in wizards:
            distribution = wizard.distribution_id
            distribution._vrac_check_closing()
            orders = distribution._vrac_closable_orders()
            if not wizard.line_ids:
                wizard.line_ids = [
                    Command.create({"order_id": order.id})
                    for order in orders.sorted(
                        lambda o: (o.vrac_household_number or "", o.partner_id.name)
                    )
                ]
        return wizards

    def write(self, vals):
        if "distribution_id" in vals and not self.env.su:
            raise AccessError(
                _("The distribution of a closing cannot change: close it again.")
            )
        return super().write(vals)

    @api.onchange("decision")
    def _onchange_decision(self):
        if self.decision:
            self.line_ids.decision = self.decision

    def action_confirm(self):
        """Apply the decisions and close the distribution, all or nothing."""
        self.ensure_one()
        distribution = self.distribution_id
        distribution._vrac_check_closing()
        # Every line must still be a bag of this distribution of the user's
        # groups (refused otherwise), whatever was sent since.
        orders = distribution._vrac_check_close_orders(self.line_ids.order_id)
        undecided = self.line_ids.filtered(lambda line: not line.decision)
        if undecided:
            raise UserError(
                _(
                    "Decide what to do with each uncollected bag: keep it for the "
                    "next distribution, return it to stock, or charge it. "
                    "Households left: %(households)s.",
                    households=", ".join(undecided.mapped("partner_name")),
                )
            )
        # Bags collected at the till since the list was made need nothing more;
        # bags left since are not in the list: ask again.
        open_orders = orders.filtered(
            lambda o: o.vrac_collect_state in ("to_collect", "partial")
        )
        lines = self.line_ids.filtered(lambda line: line.order_id in open_orders)
        missing = distribution._vrac_closable_orders() - lines.order_id
        if missing:
            raise UserError(
                _(
                    "Some bags were left since this list was made: %(households)s. "
                    "Close the distribution again to decide for them too.",
                    households=", ".join(missing.partner_id.mapped("display_name")),
                )
            )
        by_decision = {
            decision: lines.filtered(lambda line, d=decision: line.decision == d)
            for decision, _label in CLOSE_DECISIONS
        }
        distribution._vrac_keep_for_next(by_decision["keep"].order_id)
        distribution._vrac_return_to_stock(by_decision["cancel"].order_id)
        distribution._vrac_charge(by_decision["charge"].order_id)
        call_lines = lines.filtered(lambda line: line.decision in CALL_DECISIONS)
        distribution._vrac_close(call_lines)
        if not call_lines:
            return {"type": "ir.actions.act_window_close"}
        return {
            "type": "ir.actions.act_window",
            "name": _("Households to call"),
            "res_model": "vrac.distribution.close.line",
            "view_mode": "list",
            "views": [
                (
                    self.env.ref(
                        "vrac_distribution.vrac_distribution_close_line_view_tree_call"
                    ).id,
                    "list",
                )
            ],
            "domain": [("id", "in", call_lines.ids)],
            "context": {"create": False, "edit": False, "delete": False},
            "target": "current",
        }


class VracDistributionCloseLine(models.TransientModel):
    _name = "vrac.distribution.close.line"
    _description = "Uncollected bag"
    _order = "household_number, partner_name, id"

    wizard_id = fields.Many2one(
        "vrac.distribution.close", required=True, ondelete="cascade"
    )
    order_id = fields.Many2one("sale.order", required=True, readonly=True)
    partner_id = fields.Many2one(
        "res.partner", string="Household", compute="_compute_household", store=True
    )
    household_number = fields.Char(compute="_compute_household", store=True)
    partner_name = fields.Char(string="Name", compute="_compute_household", store=True)
    phone = fields.Char(compute="_compute_household", store=True)
    mobile = fields.Char(compute="_compute_household", store=True)
    collect_state = fields.Selection(
        related="order_id.vrac_collect_state", string="Collection"
    )
    currency_id = fields.Many2one(related="order_id.currency_id")
    amount_total = fields.Monetary(
        string="Order amount", compute="_compute_left", store=True
    )
    amount_left = fields.Monetary(
        string="Amount left", compute="_compute_left", store=True
    )
    left_description = fields.Char(
        string="Left to hand over", compute="_compute_left", store=True
    )
    decision = fields.Selection(CLOSE_DECISIONS)

    @api.model_create_multi
    def create(self, vals_list):
        """A line names a bag of its wizard's distribution, of a group the
        user serves: any other order is refused."""
        wizards = self.env["vrac.distribution.close"].browse(
            {vals.get("wizard_id") for vals in vals_list if vals.get("wizard_id")}
        )
        # Reading the wizard checks it is the user's own (record rule).
        wizards.check_access("write")
        for wizard in wizards:
            orders = self.env["sale.order"].browse(
                {
                    vals.get("order_id")
                    for vals in vals_list
                    if vals.get("wizard_id") == wizard.id and vals.get("order_id")
                }
            )
            wizard.distribution_id._vrac_check_close_orders(orders)
        if any(
            not vals.get("wizard_id") or not vals.get("order_id") for vals in vals_list
        ):
            raise UserError(_("A bag to decide on needs its closing and its order."))
        return super().create(vals_list)

    def write(self, vals):
        if set(vals) - {"decision"} and not self.env.su:
            raise AccessError(_("Only the decision can change on an uncollected bag."))
        return super().write(vals)

    @api.depends("order_id")
    def _compute_household(self):
        # Superuser: a household's phone is read for the volunteer once its
        # order was checked as a bag they decide on (see create()).
        for line in self:
            partner = line.order_id.sudo().partner_id
            line.partner_id = partner
            line.household_number = partner.commercial_partner_id.vrac_household_number
            line.partner_name = partner.display_name
            line.phone = partner.phone
            line.mobile = partner.mobile

    @api.depends("order_id")
    def _compute_left(self):
        # Superuser: what is left of a bag checked at the line's creation.
        for line in self:
            order = line.order_id.sudo()
            line.amount_total = order.amount_total
            line.amount_left = order._vrac_remaining_amount() if order else 0.0
            line.left_description = order._vrac_remaining_text() if order else False

    def _vrac_call_text(self):
        self.ensure_one()
        decision = dict(self._fields["decision"]._description_selection(self.env))
        phones = " / ".join(p for p in (self.phone, self.mobile) if p)
        return _(
            "%(number)s %(name)s (%(phones)s): %(decision)s",
            number=self.household_number or "",
            name=self.partner_name,
            phones=phones or _("no phone"),
            decision=decision[self.decision],
        ).strip()
