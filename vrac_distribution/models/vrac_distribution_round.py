# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .vrac_round import format_hour


class VracDistribution(models.Model):
    """A day of the mobile round: its stops and their households."""

    _inherit = "vrac.distribution"

    round_stop_ids = fields.One2many(
        related="round_id.stop_ids", string="Stops of the round"
    )

    @api.onchange("kind", "round_id")
    def _onchange_round_id_hours(self):
        if self.kind == "round" and self.round_id:
            self.hour_from = self.round_id.hour_start
            self.hour_to = self.round_id.hour_end

    @api.model_create_multi
    def create(self, vals_list):
        self._vrac_default_round_hours(vals_list)
        return super().create(vals_list)

    @api.model
    def _vrac_default_round_hours(self, vals_list):
        """A day of the round lasts the round's day unless told otherwise."""
        round_ids = {
            vals["round_id"]
            for vals in vals_list
            if vals.get("kind") == "round" and vals.get("round_id")
        }
        rounds = {r.id: r for r in self.env["vrac.round"].browse(round_ids)}
        for vals in vals_list:
            if vals.get("kind") == "round" and vals.get("round_id"):
                vrac_round = rounds[vals["round_id"]]
                vals.setdefault("hour_from", vrac_round.hour_start)
                vals.setdefault("hour_to", vrac_round.hour_end)

    @api.constrains("kind", "round_id", "hour_from", "hour_to")
    def _check_round_slot(self):
        """Every stop of the round fits in the distribution's time slot."""
        for distribution in self.filtered(lambda d: d.kind == "round"):
            for stop in distribution.round_id.stop_ids:
                if (
                    stop.hour_from < distribution.hour_from
                    or stop.hour_to > distribution.hour_to
                ):
                    raise ValidationError(
                        _(
                            "Distribution %(name)s runs from %(start)s to "
                            "%(end)s, but stop %(stop)s of round %(round)s is "
                            "from %(stop_start)s to %(stop_end)s: every stop must "
                            "fit in the distribution's time slot. Widen the slot "
                            "or change the stop.",
                            name=distribution.name,
                            start=format_hour(distribution.hour_from),
                            end=format_hour(distribution.hour_to),
                            stop=stop.pickup_point_id.name,
                            round=distribution.round_id.name,
                            stop_start=format_hour(stop.hour_from),
                            stop_end=format_hour(stop.hour_to),
                        )
                    )

    def _vrac_round_sheet_orders(self):
        """The households' orders handed over on this day of the round: those
        assigned to it once prepared, those it would collect before."""
        self.ensure_one()
        if self.state == "planned":
            return self._vrac_orders_to_collect()
        return self.sale_order_ids.filtered(lambda o: o.state != "cancel")

    def _vrac_check_round(self):
        self.ensure_one()
        if self.kind != "round":
            raise UserError(
                _(
                    "Distribution %(name)s is not a day of the mobile round: it "
                    "has no round sheet.",
                    name=self.name,
                )
            )

    def _vrac_round_sheet(self):
        """See vrac.round._vrac_round_sheet(), with this day's bags."""
        self._vrac_check_round()
        return self.round_id._vrac_round_sheet(distribution=self)

    def action_print_round_sheet(self):
        self._vrac_check_round()
        return self.env.ref(
            "vrac_distribution.action_report_vrac_round_sheet_distribution"
        ).report_action(self)
