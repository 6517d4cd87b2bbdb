# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResPartner(models.Model):
    _inherit = "res.partner"

    vrac_round_stop_id = fields.Many2one(
        "vrac.round.stop",
        string="Mobile round stop",
        ondelete="set null",
        index=True,
        tracking=True,
        domain="[('round_id.groupement_ids', '=', vrac_groupement_id)]",
        help="Where this household collects its bag when the mobile round "
        "serves its group.",
    )
    vrac_round_id = fields.Many2one(
        related="vrac_round_stop_id.round_id", string="Mobile round"
    )

    @api.constrains("vrac_round_stop_id", "vrac_groupement_id")
    def _check_vrac_round_stop(self):
        for partner in self.filtered("vrac_round_stop_id"):
            vrac_round = partner.vrac_round_stop_id.round_id
            if partner.vrac_groupement_id not in vrac_round.groupement_ids:
                raise ValidationError(
                    _(
                        "%(household)s belongs to %(group)s, which the mobile "
                        "round %(round)s does not serve: choose a stop of a "
                        "round serving this group, or add the group to the "
                        "round.",
                        household=partner.display_name,
                        group=partner.vrac_groupement_id.name or _("no group"),
                        round=vrac_round.name,
                    )
                )

    @api.constrains("street", "city")
    def _check_vrac_round_stop_address(self):
        """A stop's premises keep an address: the driver needs it."""
        # Superuser: the writer may not read the rounds; only the stops at the premises
        # of `self` are looked at.
        stops = (
            self.env["vrac.round.stop"]
            .sudo()
            .search([("pickup_point_id.partner_id", "in", self.ids)])
        )
        stops._check_pickup_point_address()
