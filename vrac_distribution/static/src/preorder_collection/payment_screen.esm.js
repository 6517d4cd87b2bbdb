/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {AlertDialog} from "@web/core/confirmation_dialog/confirmation_dialog";
import {PaymentScreen} from "@point_of_sale/app/screens/payment_screen/payment_screen";
import {_t} from "@web/core/l10n/translation";
import {floatIsZero, formatFloat} from "@web/core/utils/numbers";
import {patch} from "@web/core/utils/patch";

patch(PaymentScreen.prototype, {
    /**
     * An item of a household order sold by weight cannot be paid at 0: it
     * would stay in a backorder without a word. Same words as "Record the
     * weights" in the back office (and as the server, which refuses it too).
     * Checked before core's validation, which drops the lines at 0.
     */
    async validateOrder() {
        const line = this.vracLineWeighedAtZero();
        if (line) {
            this.dialog.add(AlertDialog, {
                title: _t("Weight missing"),
                body: _t(
                    "The weight of %(product)s for %(household)s must be above 0 %(uom)s (you typed %(weight)s). To leave the item out, remove it from the order instead.",
                    {
                        product: line.get_product().display_name,
                        household: this.currentOrder.get_partner()?.name || "",
                        uom: line.get_unit().name,
                        weight: formatFloat(line.get_quantity(), {digits: [69, 3]}),
                    }
                ),
            });
            return;
        }
        return await super.validateOrder(...arguments);
    },

    vracLineWeighedAtZero() {
        const weightCategory = this.pos.config._vrac_weight_category_id;
        return this.currentOrder.get_orderlines().find((line) => {
            const unit = line.get_unit();
            return (
                line.sale_order_line_id &&
                !line.refunded_orderline_id &&
                unit &&
                unit.raw.category_id === weightCategory &&
                floatIsZero(line.get_quantity(), 3)
            );
        });
    },
});
