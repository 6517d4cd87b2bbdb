# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ProductTemplate(models.Model):
    _inherit = "product.template"

    vrac_membership_rolling = fields.Boolean(
        string="Rolling membership",
        help="The membership starts on the day it is paid and lasts the number "
        "of months below, instead of fixed calendar dates.",
    )
    vrac_membership_months = fields.Integer(
        string="Membership length (months)",
        default=12,
    )

    @api.constrains("membership", "list_price")
    def _check_vrac_membership_fee(self):
        for template in self.filtered("membership"):
            if template.list_price < 0:
                raise ValidationError(
                    _(
                        "The membership fee of %(product)s cannot be negative "
                        "(it may be 0 or start at 1 EUR a year).",
                        product=template.display_name,
                    )
                )

    @api.constrains("vrac_membership_rolling", "vrac_membership_months")
    def _check_vrac_membership_months(self):
        for template in self.filtered("vrac_membership_rolling"):
            if template.vrac_membership_months < 1:
                raise ValidationError(
                    _(
                        "A rolling membership lasts at least one month (%(product)s).",
                        product=template.display_name,
                    )
                )
