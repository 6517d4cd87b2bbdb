# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


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
    latitude = fields.Float(digits=(10, 6))
    longitude = fields.Float(digits=(10, 6))
    opening_hours = fields.Char(
        help="When the premises are open for the distribution, e.g. "
        "'Saturday 9:00-12:00'."
    )
    contact_id = fields.Many2one(
        "res.partner",
        string="Contact",
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
