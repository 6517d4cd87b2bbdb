/** @odoo-module */
/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {Product} from "@point_of_sale/app/store/models";
import {patch} from "@web/core/utils/patch";

patch(Product.prototype, {
    /**
     * The membership fee is the same for every household: the tiers' rule on
     * the cost price does not apply to it (a rule on the fee product itself
     * or its category still does).
     */
    get_price(pricelist, quantity, price_extra = 0) {
        if (this.membership && pricelist && this.pos.config.vrac_use_tiers) {
            const ownRule = (this.applicablePricelistItems[pricelist.id] || []).some(
                (item) => item.product_id || item.product_tmpl_id || item.categ_id
            );
            if (!ownRule) {
                return this.lst_price + (price_extra || 0);
            }
        }
        return super.get_price(...arguments);
    },
});
