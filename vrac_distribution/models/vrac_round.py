# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class VracRound(models.Model):
    """The mobile round ("VRAC mobile"): a van stops in isolated villages."""

    _name = "vrac.round"
    _description = "Mobile round"
    _inherit = ["mail.thread"]
    _order = "name, id"

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        string="Branch",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    groupement_ids = fields.Many2many(
        "vrac.groupement",
        string="Groups served",
        domain="[('company_id', '=', company_id)]",
    )
    vehicle = fields.Char(help="The van, with its registration.")
    driver_id = fields.Many2one("res.partner", string="Driver", tracking=True)
    hour_start = fields.Float(
        string="Day starts at", default=8.0, help="The round's day begins."
    )
    hour_end = fields.Float(
        string="Day ends at", default=18.0, help="The round's day is over."
    )
    stop_ids = fields.One2many("vrac.round.stop", "round_id", string="Stops", copy=True)
    stop_count = fields.Integer(compute="_compute_stop_count", string="Number of stops")
    note = fields.Html()

    @api.depends("stop_ids")
    def _compute_stop_count(self):
        for vrac_round in self:
            vrac_round.stop_count = len(vrac_round.stop_ids)


class VracRoundStop(models.Model):
    """A stop of the mobile round, in the order the van makes them."""

    _name = "vrac.round.stop"
    _description = "Stop of a mobile round"
    _order = "round_id, sequence, id"

    round_id = fields.Many2one(
        "vrac.round", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="round_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    pickup_point_id = fields.Many2one(
        "vrac.pickup.point",
        string="Place",
        required=True,
        ondelete="restrict",
        domain="[('company_id', '=', company_id)]",
    )
    village = fields.Char(related="pickup_point_id.city")
    latitude = fields.Float(related="pickup_point_id.latitude")
    longitude = fields.Float(related="pickup_point_id.longitude")
    hour_from = fields.Float(string="From", required=True)
    hour_to = fields.Float(string="To", required=True)
    household_ids = fields.One2many(
        "res.partner", "vrac_round_stop_id", string="Households"
    )
    household_count = fields.Integer(
        compute="_compute_household_count", string="Number of households"
    )

    @api.depends("household_ids")
    def _compute_household_count(self):
        for stop in self:
            stop.household_count = len(stop.household_ids)

    @api.depends("pickup_point_id.name", "round_id.name")
    def _compute_display_name(self):
        for stop in self:
            stop.display_name = (
                f"{stop.round_id.name} / {stop.pickup_point_id.name}"
                if stop.round_id
                else stop.pickup_point_id.name
            )
