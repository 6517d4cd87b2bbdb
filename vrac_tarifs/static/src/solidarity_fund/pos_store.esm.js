/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {PosStore} from "@point_of_sale/app/store/pos_store";
import {patch} from "@web/core/utils/patch";
import {roundPrecision} from "@web/core/utils/numbers";

/**
 * The solidarity fund of the till. Its discount product is hidden from the
 * product screen and named "Discount" by the server (pos.session data), so
 * that its line tells nobody where it comes from.
 */
patch(PosStore.prototype, {
    /** The solidarity fund of the till (pos.config._load_pos_data), or null. */
    get vracSolidarityFund() {
        return this.config._vrac_solidarity_fund || null;
    },

    vracSolidarityDiscountProduct() {
        const fund = this.vracSolidarityFund;
        return (
            (fund && this.models["product.product"].get(fund.discount_product_id)) ||
            null
        );
    },

    /** Whether a product moves the fund: coupon, donation or discount. */
    vracIsSolidarityProduct(product) {
        const fund = this.vracSolidarityFund;
        return Boolean(
            fund &&
                [
                    fund.coupon_product_id,
                    fund.donation_product_id,
                    fund.discount_product_id,
                ].includes(product.id)
        );
    },

    /** The amount a discount applies to: the order without the fund's lines. */
    vracSolidarityBase(order) {
        return order
            .get_orderlines()
            .filter((line) => !this.vracIsSolidarityProduct(line.get_product()))
            .reduce((total, line) => total + line.get_price_with_tax(), 0);
    },

    vracSolidarityAmount(order, percentage) {
        const amount = (this.vracSolidarityBase(order) * percentage) / 100;
        return Math.max(roundPrecision(amount, this.currency.rounding), 0);
    },

    /** What the fund may still give, asked to the server (checked there). */
    async vracGetSolidarityAvailable() {
        return await this.data.call("pos.config", "vrac_get_solidarity_available", [
            [this.config.id],
        ]);
    },

    /** Replace the order's solidarity discount by one of this amount. */
    async vracApplySolidarityDiscount(order, amount) {
        const product = this.vracSolidarityDiscountProduct();
        for (const line of order
            .get_orderlines()
            .filter((orderline) => orderline.get_product() === product)) {
            order.removeOrderline(line);
        }
        if (amount > 0) {
            await this.addLineToOrder(
                {product_id: product, price_unit: -amount, qty: 1},
                order,
                {},
                false
            );
        }
    },
});
