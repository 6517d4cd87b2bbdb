/** @odoo-module */
/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {Product} from "@point_of_sale/app/store/models";
import {patch} from "@web/core/utils/patch";

const {DateTime} = luxon;
// Prices within this of the cost are at cost (float noise, far below a cent).
const PRICE_EPSILON = 1e-9;

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
        const price = super.get_price(...arguments);
        return this._vracNeverBelowCost(pricelist, quantity, price);
    },
    /**
     * A tier at or above cost never sells below cost: when the rounding step
     * brings the price below the cost, the price is the next step up. Same
     * rule as product.pricelist.item._compute_price (tests/pricing_oracle.py).
     */
    _vracNeverBelowCost(pricelist, quantity, price) {
        if (!pricelist) {
            return price;
        }
        const date = DateTime.now();
        const rule = (this.applicablePricelistItems[pricelist.id] || [])
            .filter((item) => this.isPricelistItemUsable(item, date))
            .find((item) => !item.min_quantity || quantity >= item.min_quantity);
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
