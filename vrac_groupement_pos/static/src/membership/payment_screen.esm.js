/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {AlertDialog} from "@web/core/confirmation_dialog/confirmation_dialog";
import {PaymentScreen} from "@point_of_sale/app/screens/payment_screen/payment_screen";
import {_t} from "@web/core/l10n/translation";
import {patch} from "@web/core/utils/patch";

/* The customer chosen on the payment screen goes through PosStore.selectPartner
 * (checked there); here the payment is refused without the fee when required. */
patch(PaymentScreen.prototype, {
    async _isOrderValid(isForceValidate) {
        if (!(await super._isOrderValid(isForceValidate))) {
            return false;
        }
        if (!(await this.pos.vracMembershipAllowsPayment(this.currentOrder))) {
            this.dialog.add(AlertDialog, {
                title: _t("Membership fee missing"),
                body: _t(
                    "%(name)s is not a member at the moment: add the membership fee to the order before validating it.",
                    {name: this.currentOrder.get_partner().name}
                ),
            });
            return false;
        }
        return true;
    },

    async _finalizeValidation() {
        const order = this.currentOrder;
        await super._finalizeValidation(...arguments);
        this.pos.vracMarkMember(order);
    },
});
