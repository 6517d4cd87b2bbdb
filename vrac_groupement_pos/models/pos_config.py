# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class PosConfig(models.Model):
    _inherit = "pos.config"

    vrac_membership_product_id = fields.Many2one(
        "product.product",
        string="Membership fee",
        default=lambda self: self._default_vrac_membership_product_id(),
        domain="[('membership', '=', True), ('sale_ok', '=', True)]",
        check_company=True,
        help="Offered to the cashier when a household whose membership has "
        "ended is selected.",
    )
    vrac_membership_blocking = fields.Boolean(
        string="Membership required",
        help="An order of a household that is not a member can only be "
        "validated with the membership fee in it.",
    )

    @api.model
    def _default_vrac_membership_product_id(self):
        return self.env.ref(
            "vrac_groupement.product_membership_year", raise_if_not_found=False
        )

    @api.model_create_multi
    def create(self, vals_list):
        configs = super().create(vals_list)
        configs._vrac_make_membership_product_available()
        return configs

    def write(self, vals):
        res = super().write(vals)
        if vals.get("vrac_membership_product_id"):
            self._vrac_make_membership_product_available()
        return res

    def _vrac_make_membership_product_available(self):
        """The membership fee must be loaded in the point of sale."""
        # Superuser: cashiers may not write products; only the membership product of
        # these points of sale is made available at the till.
        products = self.sudo().vrac_membership_product_id.filtered(
            lambda product: not product.available_in_pos
        )
        if products:
            products.available_in_pos = True
