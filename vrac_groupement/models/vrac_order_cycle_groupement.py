# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class VracOrderCycleGroupement(models.Model):
    """A group served by an order cycle, with its distribution date."""

    _name = "vrac.order.cycle.groupement"
    _description = "Group served by an order cycle"
    _order = "distribution_date, id"

    cycle_id = fields.Many2one(
        "vrac.order.cycle", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="cycle_id.company_id")
    groupement_id = fields.Many2one(
        "vrac.groupement",
        string="Group",
        required=True,
        ondelete="restrict",
        domain="[('company_id', '=', company_id)]",
    )
    distribution_date = fields.Date(required=True)

    _sql_constraints = [
        (
            "groupement_unique",
            "UNIQUE (cycle_id, groupement_id)",
            "A group appears once in an order cycle.",
        ),
    ]

    @api.constrains("distribution_date", "cycle_id")
    def _check_distribution_date(self):
        for line in self:
            if line.distribution_date < line.cycle_id.date_close.date():
                raise ValidationError(
                    _(
                        "The distribution of %(group)s (%(date)s) comes before the "
                        "cycle closes: choose a later date.",
                        group=line.groupement_id.name,
                        date=line.distribution_date,
                    )
                )
