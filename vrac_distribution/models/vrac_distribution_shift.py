# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

SHIFT_ROLES = [
    ("bags", "Bag preparation"),
    ("till", "Till"),
    ("welcome", "Welcome"),
    ("driving", "Driving"),
]


class VracDistributionShift(models.Model):
    """A volunteer's shift at a distribution, with its role and hours."""

    _name = "vrac.distribution.shift"
    _description = "Volunteer shift"
    _order = "distribution_id, hour_from, id"

    distribution_id = fields.Many2one(
        "vrac.distribution", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="distribution_id.company_id", store=True)
    date = fields.Date(related="distribution_id.date", store=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Volunteer",
        required=True,
        ondelete="restrict",
        index=True,
        domain="[('vrac_is_volunteer', '=', True)]",
    )
    role = fields.Selection(SHIFT_ROLES, required=True, default="bags")
    hour_from = fields.Float(string="From", required=True)
    hour_to = fields.Float(string="To", required=True)
    hours = fields.Float(compute="_compute_hours", store=True, digits=(6, 2))

    def write(self, vals):
        result = super().write(vals)
        if "distribution_id" in vals and not self.env.su:
            # The record rules are checked before the write only: a shift
            # moved to a distribution the user does not run is refused.
            self.distribution_id.check_access("write")
        return result

    @api.depends("hour_from", "hour_to")
    def _compute_hours(self):
        for shift in self:
            shift.hours = max(shift.hour_to - shift.hour_from, 0.0)

    @api.constrains("hour_from", "hour_to")
    def _check_hours(self):
        for shift in self:
            if not (0 <= shift.hour_from < shift.hour_to <= 24):
                raise ValidationError(
                    _(
                        "The shift of %(volunteer)s must start before it ends, "
                        "between 0:00 and 24:00.",
                        volunteer=shift.partner_id.display_name,
                    )
                )
