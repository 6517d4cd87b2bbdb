/** @odoo-module */
/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {ErrorPopup} from "@point_of_sale/app/errors/popups/error_popup";
import {PaymentScreen} from "@point_of_sale/app/screens/payment_screen/payment_screen";
import {_t} from "@web/core/l10n/translation";
import {patch} from "@web/core/utils/patch";

patch(PaymentScreen.prototype, {
    async selectPartner() {
        const previous = this.currentOrder.get_partner();
        await super.selectPartner(...arguments);
        const partner = this.currentOrder.get_partner();
        if (partner && partner !== previous) {
            await this.pos.vracCheckMembership(this.currentOrder);
        }
    },

    async _isOrderValid(isForceValidate) {
        if (!(await super._isOrderValid(isForceValidate))) {
            return false;
        }
        if (!(await this.pos.vracMembershipAllowsPayment(this.currentOrder))) {
            await this.popup.add(ErrorPopup, {
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
