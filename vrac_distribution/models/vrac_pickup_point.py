# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools import geo


class VracPickupPoint(models.Model):
    """Premises where households collect their bags: a partner structure's
    room (social centre, school, community room) or a village stop of the
    mobile round."""

    _name = "vrac.pickup.point"
    _description = "Pickup point"
    _inherit = ["mail.thread"]
    _order = "sequence, name, id"

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        string="Branch",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Premises",
        required=True,
        ondelete="restrict",
        tracking=True,
        help="The partner structure hosting the distribution; its address is "
        "the pickup point's address.",
    )
    street = fields.Char(related="partner_id.street")
    zip = fields.Char(related="partner_id.zip")
    city = fields.Char(related="partner_id.city")
    latitude = fields.Float(
        digits=(10, 6),
        help="In decimal degrees, between -90 and 90 (e.g. 44.7537 for Die); "
        "leave latitude and longitude at 0 when unknown.",
    )
    longitude = fields.Float(
        digits=(10, 6),
        help="In decimal degrees, between -180 and 180 (e.g. 5.3705 for Die); "
        "east of Greenwich is positive.",
    )
    has_coordinates = fields.Boolean(
        compute="_compute_has_coordinates",
        help="Latitude and longitude are given (both 0 means unknown).",
    )
    opening_hours = fields.Char(
        help="When the premises are open for the distribution, e.g. "
        "'Saturday 9:00-12:00'."
    )
    contact_id = fields.Many2one(
        "res.partner",
        help="Who opens the premises or answers on the day.",
    )
    contact_phone = fields.Char(related="contact_id.phone", string="Contact phone")
    capacity = fields.Integer(
        help="How many households can collect their bags here during one "
        "distribution (0: no limit)."
    )
    access_notes = fields.Text(
        help="Keys, entrance, parking, stairs, where to set up the tables."
    )
    groupement_ids = fields.Many2many(
        "vrac.groupement",
        string="Groups served",
        domain="[('company_id', '=', company_id)]",
    )

    @api.depends("latitude", "longitude")
    def _compute_has_coordinates(self):
        for point in self:
            point.has_coordinates = geo.has_coordinates(point.latitude, point.longitude)

    @api.constrains("latitude", "longitude")
    def _check_coordinates(self):
        for point in self:
            if not geo.is_valid_latitude(point.latitude):
                raise ValidationError(
                    _(
                        "The latitude of %(point)s must be between -90 and 90 "
                        "degrees (it is %(value)s): copy it from a map in "
                        "decimal degrees, e.g. 44.7537.",
                        point=point.name,
                        value=point.latitude,
                    )
                )
            if not geo.is_valid_longitude(point.longitude):
                raise ValidationError(
                    _(
                        "The longitude of %(point)s must be between -180 and "
                        "180 degrees (it is %(value)s): copy it from a map in "
                        "decimal degrees, e.g. 5.3705.",
                        point=point.name,
                        value=point.longitude,
                    )
                )

    @api.constrains("partner_id")
    def _check_round_address(self):
        stops = self.env["vrac.round.stop"].search(
            [("pickup_point_id", "in", self.ids)]
        )
        stops._check_pickup_point_address()

    def _vrac_has_address(self):
        """The driver of a mobile round needs a street and a town."""
        self.ensure_one()
        return bool(self.partner_id.street and self.partner_id.city)

    def _vrac_address_lines(self):
        """The address as printed on the round sheet."""
        self.ensure_one()
        partner = self.partner_id
        town = " ".join(part for part in (partner.zip, partner.city) if part)
        return [line for line in (partner.street, partner.street2, town) if line]
