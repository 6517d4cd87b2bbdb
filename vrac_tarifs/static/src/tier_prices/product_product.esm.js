/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {ProductProduct} from "@point_of_sale/app/models/product_product";
import {patch} from "@web/core/utils/patch";

// Prices within this of the cost are at cost (float noise, far below a cent).
const PRICE_EPSILON = 1e-9;

patch(ProductProduct.prototype, {
    /**
     * The membership fee is the same for every household: the tiers' rule on
     * the cost price does not apply to it (a rule on the fee product itself
     * or its category still does).
     */
    get_price(pricelist, quantity, price_extra = 0, ...rest) {
        // The rest: recurring, list_price (ProductProduct.get_price).
        const listPrice = rest[1] || false;
        const config = this.models["pos.config"].getFirst();
        if (this.membership && pricelist && config.vrac_use_tiers) {
            const ownRule = (this.cachedPricelistRules[pricelist.id] || []).some(
                (rule) =>
                    rule.raw.product_id || rule.raw.product_tmpl_id || rule.raw.categ_id
            );
            if (!ownRule) {
                return (listPrice || this.lst_price) + (price_extra || 0);
            }
        }
        const price = super.get_price(...arguments);
        return this._vracNeverBelowCost(pricelist, quantity, price);
    },

    /**
     * A tier at or above cost never sells below cost: when the rounding step
     * brings the price below the cost, the price is the next step up. Same
     * rule as product.pricelist.item._compute_price (tests/pricing_oracle.py).
     */
    _vracNeverBelowCost(pricelist, quantity, price) {
        const rule = this.getPricelistRule(pricelist, quantity);
        if (
            rule &&
            rule.vrac_never_below_cost &&
            rule.compute_price === "formula" &&
            rule.base === "standard_price" &&
            rule.price_round &&
            price < this.standard_price - PRICE_EPSILON
        ) {
            return price + rule.price_round;
        }
        return price;
    },
});
