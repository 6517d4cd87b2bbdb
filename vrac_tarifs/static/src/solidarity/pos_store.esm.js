/** @odoo-module */
/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {PosStore} from "@point_of_sale/app/store/pos_store";
import {patch} from "@web/core/utils/patch";
import {roundPrecision} from "@web/core/utils/numbers";

patch(PosStore.prototype, {
    async _processData(loadedData) {
        await super._processData(loadedData);
        const fund = this.config.vrac_solidarity_fund;
        const product = fund && this.db.get_product_by_id(fund.discount_product_id);
        if (product) {
            // Never picked by hand, and its line tells nobody where it comes from.
            this.db.addProductIdsToNotDisplay([product.id]);
            product.display_name = fund.discount_label;
        }
    },

    /** The solidarity fund of the till, or null. */
    get vracSolidarityFund() {
        return this.config.vrac_solidarity_fund || null;
    },

    vracSolidarityDiscountProduct() {
        const fund = this.vracSolidarityFund;
        return (fund && this.db.get_product_by_id(fund.discount_product_id)) || null;
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
        return await this.orm.call("pos.config", "vrac_get_solidarity_available", [
            [this.config.id],
        ]);
    },

    /** Replace the order's solidarity discount by one of this amount. */
    vracApplySolidarityDiscount(order, amount) {
        const product = this.vracSolidarityDiscountProduct();
        for (const line of order
            .get_orderlines()
            .filter((orderline) => orderline.get_product() === product)) {
            order.removeOrderline(line);
        }
        if (amount > 0) {
            order.add_product(product, {
                price: -amount,
                lst_price: -amount,
                merge: false,
                extras: {price_type: "automatic"},
            });
        }
    },
});
