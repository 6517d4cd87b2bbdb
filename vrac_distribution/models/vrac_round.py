# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_duration

from odoo.addons.vrac_groupement.tools.server_flag import ServerFlag

from ..tools import geo

# Raised while the stops are written through their round, which checks their
# schedule once every stop is written (not after each stop, when two stops
# moved together may overlap for a moment). Only server code raises it.
ROUND_WRITE = ServerFlag("vrac_round_write")
# Distributions of a round whose stops must still fit in their time slot.
COMING_DISTRIBUTION_STATES = ("planned", "preparing", "open")


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
    driver_id = fields.Many2one("res.partner", tracking=True)
    driver_phone = fields.Char(related="driver_id.mobile", string="Driver's mobile")
    hour_start = fields.Float(
        string="Day starts at", default=8.0, help="The round's day begins."
    )
    hour_end = fields.Float(
        string="Day ends at", default=18.0, help="The round's day is over."
    )
    departure_point_id = fields.Many2one(
        "vrac.pickup.point",
        string="Departure",
        domain="[('company_id', '=', company_id)]",
        help="Where the van is loaded: the first stop's distance is counted "
        "from there.",
    )
    stop_ids = fields.One2many("vrac.round.stop", "round_id", string="Stops", copy=True)
    stop_count = fields.Integer(compute="_compute_stop_count", string="Number of stops")
    household_count = fields.Integer(
        compute="_compute_household_count", string="Households"
    )
    total_distance_km = fields.Float(
        compute="_compute_total_distance",
        string="Total distance (km)",
        digits=(8, 1),
        help="Sum of the distances between consecutive stops, as the crow "
        "flies, from the stops' coordinates.",
    )
    distance_incomplete = fields.Boolean(
        compute="_compute_total_distance",
        help="Some stops have no coordinates: their legs are not counted.",
    )
    note = fields.Html()

    @api.depends("stop_ids")
    def _compute_stop_count(self):
        for vrac_round in self:
            vrac_round.stop_count = len(vrac_round.stop_ids)

    @api.depends("stop_ids.household_ids")
    def _compute_household_count(self):
        for vrac_round in self:
            vrac_round.household_count = len(vrac_round.stop_ids.household_ids)

    @api.depends(
        "stop_ids",
        "stop_ids.distance_from_previous_km",
        "stop_ids.distance_known",
        "departure_point_id",
    )
    def _compute_total_distance(self):
        for vrac_round in self:
            stops = vrac_round.stop_ids
            known = stops.filtered("distance_known")
            vrac_round.total_distance_km = sum(
                known.mapped("distance_from_previous_km")
            )
            # The first stop has no previous one without a departure point.
            expected = stops if vrac_round.departure_point_id else stops[1:]
            vrac_round.distance_incomplete = len(known) < len(expected)

    @api.constrains("hour_start", "hour_end")
    def _check_day(self):
        for vrac_round in self:
            if not (0 <= vrac_round.hour_start < vrac_round.hour_end <= 24):
                raise ValidationError(
                    _(
                        "Round %(round)s: the day must start before it ends, "
                        "between 00:00 and 24:00 (it is %(start)s-%(end)s).",
                        round=vrac_round.name,
                        start=format_duration(vrac_round.hour_start),
                        end=format_duration(vrac_round.hour_end),
                    )
                )

    @api.constrains("stop_ids", "hour_start", "hour_end")
    def _check_stop_schedule(self):
        """Each stop within the round's day, in the van's order without
        overlapping; the coming distributions of the round still hold them."""
        for vrac_round in self:
            previous = None
            for stop in vrac_round._vrac_ordered_stops():
                if (
                    stop.hour_from < vrac_round.hour_start
                    or stop.hour_to > vrac_round.hour_end
                ):
                    raise ValidationError(
                        _(
                            "Round %(round)s: stop %(stop)s (%(start)s-%(end)s) "
                            "is outside the round's day (%(day_start)s-%(day_end)s)"
                            ": change the stop's times or the round's day.",
                            round=vrac_round.name,
                            stop=stop.pickup_point_id.name,
                            start=format_duration(stop.hour_from),
                            end=format_duration(stop.hour_to),
                            day_start=format_duration(vrac_round.hour_start),
                            day_end=format_duration(vrac_round.hour_end),
                        )
                    )
                if previous and stop.hour_from < previous.hour_to:
                    raise ValidationError(
                        _(
                            "Round %(round)s: stop %(stop)s starts at %(start)s, "
                            "before the previous stop %(previous)s ends "
                            "(%(end)s). The stops follow the van's order: change "
                            "their times or their order.",
                            round=vrac_round.name,
                            stop=stop.pickup_point_id.name,
                            start=format_duration(stop.hour_from),
                            previous=previous.pickup_point_id.name,
                            end=format_duration(previous.hour_to),
                        )
                    )
                previous = stop
        distributions = self.env["vrac.distribution"].search(
            [
                ("kind", "=", "round"),
                ("round_id", "in", self.ids),
                ("state", "in", COMING_DISTRIBUTION_STATES),
            ]
        )
        distributions._check_round_slot()

    @api.constrains("groupement_ids")
    def _check_household_groups(self):
        households = self.env["res.partner"].search(
            [("vrac_round_stop_id.round_id", "in", self.ids)]
        )
        households._check_vrac_round_stop()

    @api.model_create_multi
    def create(self, vals_list):
        rounds = super(VracRound, ROUND_WRITE.on(self)).create(vals_list)
        return rounds.with_env(self.env)

    def write(self, vals):
        return super(VracRound, ROUND_WRITE.on(self)).write(vals)

    def _vrac_ordered_stops(self):
        """The stops in the van's order (also while being edited)."""
        self.ensure_one()
        # sorted() is stable: stops of equal sequence keep their order.
        return self.stop_ids.sorted(key=lambda stop: stop.sequence)

    def action_view_households(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vrac_groupement.res_partner_action_household"
        )
        action.update(
            {
                "name": _("Households of %(round)s", round=self.name),
                "domain": [("vrac_round_stop_id.round_id", "=", self.id)],
                "context": {"create": False, "search_default_groupby_round_stop": 1},
            }
        )
        return action

    def action_print_round_sheet(self):
        self.ensure_one()
        return self.env.ref(
            "vrac_distribution.action_report_vrac_round_sheet"
        ).report_action(self)

    def _vrac_round_sheet(self, distribution=None):
        """What the round sheet prints: the stops in order with their
        households and, for a distribution, the bags to hand over at each.

        Returns a dict: ``stops`` (a list of dicts: stop, position, times,
        address lines, distance or None, households as dicts with
        number/name/phone/bags, bags), ``unassigned`` (households whose bag
        is in the distribution but who have no stop of this round any more)
        and the totals.
        """
        self.ensure_one()
        bags_by_partner = {}
        if distribution:
            for order in distribution._vrac_round_sheet_orders():
                partner = order.partner_id.commercial_partner_id
                bags_by_partner[partner] = bags_by_partner.get(partner, 0) + 1
        stops = []
        seen = self.env["res.partner"]
        for position, stop in enumerate(self._vrac_ordered_stops(), start=1):
            households = stop.household_ids.sorted(
                lambda h: (h.vrac_household_number or "", h.name or "")
            )
            seen |= households
            rows = [self._vrac_sheet_household(h, bags_by_partner) for h in households]
            stops.append(
                {
                    "stop": stop,
                    "position": position,
                    "hour_from": format_duration(stop.hour_from),
                    "hour_to": format_duration(stop.hour_to),
                    "address": stop.pickup_point_id._vrac_address_lines(),
                    "distance": (
                        stop.distance_from_previous_km if stop.distance_known else None
                    ),
                    "households": rows,
                    "bags": sum(row["bags"] for row in rows),
                }
            )
        unassigned = [
            self._vrac_sheet_household(partner, bags_by_partner)
            for partner in bags_by_partner
            if partner not in seen
        ]
        return {
            "stops": stops,
            "unassigned": unassigned,
            "household_count": len(seen),
            "bag_count": sum(bags_by_partner.values()),
            "total_distance": (
                self.total_distance_km
                if any(row["distance"] is not None for row in stops)
                else None
            ),
            "distance_incomplete": self.distance_incomplete,
        }

    @api.model
    def _vrac_sheet_household(self, household, bags_by_partner):
        return {
            "household": household,
            "number": household.vrac_household_number or "",
            "name": household.name,
            "phone": household.mobile or household.phone or "",
            "bags": bags_by_partner.get(household, 0),
        }


class VracRoundStop(models.Model):
    """A stop of the mobile round, in the order the van makes them."""

    _name = "vrac.round.stop"
    _description = "Stop of a mobile round"
    _order = "round_id, sequence, id"

    round_id = fields.Many2one(
        "vrac.round", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="round_id.company_id", store=True)
    groupement_ids = fields.Many2many(
        related="round_id.groupement_ids", string="Groups served"
    )
    sequence = fields.Integer(default=10)
    position = fields.Integer(
        compute="_compute_position", help="Rank of the stop in the round."
    )
    pickup_point_id = fields.Many2one(
        "vrac.pickup.point",
        string="Place",
        required=True,
        ondelete="restrict",
        domain="[('company_id', '=', company_id)]",
    )
    village = fields.Char(related="pickup_point_id.city")
    street = fields.Char(related="pickup_point_id.street")
    latitude = fields.Float(related="pickup_point_id.latitude")
    longitude = fields.Float(related="pickup_point_id.longitude")
    hour_from = fields.Float(string="From", required=True)
    hour_to = fields.Float(string="To", required=True)
    distance_from_previous_km = fields.Float(
        compute="_compute_distance_from_previous",
        string="Distance from previous stop (km)",
        digits=(8, 1),
        help="As the crow flies, from the coordinates of this stop and the "
        "previous one (or the round's departure for the first stop).",
    )
    distance_known = fields.Boolean(
        compute="_compute_distance_from_previous",
        help="Both this stop and the previous one have coordinates.",
    )
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

    @api.depends("round_id.stop_ids.sequence")
    def _compute_position(self):
        positions = {}
        for vrac_round in self.round_id:
            for position, stop in enumerate(vrac_round._vrac_ordered_stops(), 1):
                positions[stop] = position
        for stop in self:
            stop.position = positions.get(stop, 0)

    @api.depends(
        "round_id.stop_ids.sequence",
        "round_id.stop_ids.latitude",
        "round_id.stop_ids.longitude",
        "round_id.departure_point_id.latitude",
        "round_id.departure_point_id.longitude",
    )
    def _compute_distance_from_previous(self):
        distances = {}
        for vrac_round in self.round_id:
            stops = vrac_round._vrac_ordered_stops()
            departure = vrac_round.departure_point_id
            start = (departure.latitude, departure.longitude) if departure else None
            legs = geo.leg_distances(
                [(stop.latitude, stop.longitude) for stop in stops], start=start
            )
            distances.update(zip(stops, legs, strict=True))
        for stop in self:
            distance = distances.get(stop)
            stop.distance_known = distance is not None
            stop.distance_from_previous_km = distance or 0.0

    @api.constrains("hour_from", "hour_to")
    def _check_hours(self):
        for stop in self:
            if not (0 <= stop.hour_from < stop.hour_to <= 24):
                raise ValidationError(
                    _(
                        "Stop %(stop)s: the time window must start before it "
                        "ends, between 00:00 and 24:00 (it is %(start)s-%(end)s).",
                        stop=stop.pickup_point_id.name,
                        start=format_duration(stop.hour_from),
                        end=format_duration(stop.hour_to),
                    )
                )

    @api.constrains("pickup_point_id")
    def _check_pickup_point_address(self):
        for stop in self:
            point = stop.pickup_point_id
            if not point._vrac_has_address():
                raise ValidationError(
                    _(
                        "Pickup point %(point)s has no address: the driver needs "
                        "it to find the stop of round %(round)s. Fill in the "
                        "street and the town of %(partner)s.",
                        point=point.name,
                        round=stop.round_id.name,
                        partner=point.partner_id.display_name,
                    )
                )

    @api.constrains("round_id", "sequence", "hour_from", "hour_to")
    def _check_round_schedule(self):
        # Through the round's form, the round checks once all stops are written.
        if not ROUND_WRITE.is_raised(self.env):
            self.round_id._check_stop_schedule()


class VracDistribution(models.Model):
    """A day of the mobile round: the distribution's stops, its time slot
    (the stops must fit in it) and its round sheet."""

    _inherit = "vrac.distribution"

    round_stop_ids = fields.One2many(
        related="round_id.stop_ids", string="Stops of the round"
    )

    @api.onchange("kind", "round_id")
    def _onchange_round_id_hours(self):
        if self.kind == "round" and self.round_id:
            self.hour_from = self.round_id.hour_start
            self.hour_to = self.round_id.hour_end

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
                            start=format_duration(distribution.hour_from),
                            end=format_duration(distribution.hour_to),
                            stop=stop.pickup_point_id.name,
                            round=distribution.round_id.name,
                            stop_start=format_duration(stop.hour_from),
                            stop_end=format_duration(stop.hour_to),
                        )
                    )

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

    def action_print_round_sheet(self):
        self._vrac_check_round()
        return self.env.ref(
            "vrac_distribution.action_report_vrac_round_sheet_distribution"
        ).report_action(self)

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
