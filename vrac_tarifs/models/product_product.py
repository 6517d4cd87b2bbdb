# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, models


class ProductProduct(models.Model):
    _inherit = "product.product"

    def _load_pos_data(self, data):
        res = super()._load_pos_data(data)
        session = self.env["pos.session"].browse(data["pos.session"]["data"][0]["id"])
        self._vrac_load_funder_share_products(res, session)
        self._vrac_hide_solidarity_discount(res, data, session)
        return res

    def _vrac_load_funder_share_products(self, res, session):
        """The lines "Paid by <funder>" need their product at the till (hidden
        from the product screen by ``pos.config._get_special_products``)."""
        loaded = {product["id"] for product in res["data"]}
        missing = [
            product_id
            for product_id in session._vrac_funder_programs().share_product_id.ids
            if product_id not in loaded
        ]
        if not missing:
            return
        # Superuser: cashiers may not read the programs' products of other branches;
        # only the share products of this session's programs are read.
        extra = self.sudo().browse(missing).read(res["fields"], load=False)
        self._process_pos_ui_product_product(extra, session.config_id)
        res["data"].extend(extra)

    def _vrac_hide_solidarity_discount(self, res, data, session):
        """The discount product is never picked by hand, and its line tells
        nobody where it comes from: named "Discount" at the till (and so on
        the order line saved from the till)."""
        # Superuser: cashiers may not read the fund; only its discount product's id
        # is used, for the fund of this session's point of sale.
        product_id = (
            session.config_id.sudo().vrac_solidarity_fund_id.discount_product_id.id
        )
        if not product_id:
            return
        label = _("Discount")
        for product in res["data"]:
            if product["id"] == product_id:
                product.update(name=label, display_name=label)
        data["pos.session"]["data"][0]["_pos_special_products_ids"].append(product_id)
