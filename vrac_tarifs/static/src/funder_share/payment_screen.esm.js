/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {PaymentScreen} from "@point_of_sale/app/screens/payment_screen/payment_screen";
import {patch} from "@web/core/utils/patch";

patch(PaymentScreen.prototype, {
    /** The shares of a validated order count against the programs' budgets. */
    async _finalizeValidation() {
        const order = this.currentOrder;
        const shares = this.pos.vracFunderShares(order);
        await super._finalizeValidation(...arguments);
        if (order.finalized) {
            for (const [programId, share] of Object.entries(shares)) {
                this.pos.vracFunderSpent[programId] =
                    (this.pos.vracFunderSpent[programId] || 0) + share;
            }
        }
    },
});
