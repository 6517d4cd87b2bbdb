# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    def _vrac_outside_catalog(self):
        """The line "Paid by <funder>" of a funder-paid program is added to
        the cycle's orders by the program when they are confirmed: it is no
        product of the catalog. Its product is flagged by the program's server
        code only (see ``product.template._vrac_check_funder_share_flag``)."""
        return super()._vrac_outside_catalog() | self.filtered(
            "product_id.vrac_funder_share"
        )
