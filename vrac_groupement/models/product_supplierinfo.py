# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ProductSupplierinfo(models.Model):
    _inherit = "product.supplierinfo"

    vrac_case_qty = fields.Float(
        string="Case quantity",
        digits="Product Unit of Measure",
        help="Quantity in one case at this vendor, in the product's unit "
        "(20 packets, 25 kg). Order cycles buy whole cases.",
    )

    @api.constrains("vrac_case_qty")
    def _check_vrac_case_qty(self):
        if any(info.vrac_case_qty < 0 for info in self):
            raise ValidationError(_("A case quantity cannot be negative."))
