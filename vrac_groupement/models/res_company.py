# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    vrac_indicator_threshold = fields.Integer(
        string="Privacy threshold of the indicators",
        default=5,
        help="In the dashboard, the funder report and its spreadsheet, counts "
        'of households or people below this number are shown as "< 5".',
    )

    @api.constrains("vrac_indicator_threshold")
    def _check_vrac_indicator_threshold(self):
        if any(company.vrac_indicator_threshold < 1 for company in self):
            raise ValidationError(
                _("The privacy threshold of the indicators must be at least 1.")
            )
