/** @odoo-module */
/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {ConfirmPopup} from "@point_of_sale/app/utils/confirm_popup/confirm_popup";
import {ErrorPopup} from "@point_of_sale/app/errors/popups/error_popup";
import {PosStore} from "@point_of_sale/app/store/pos_store";
import {_t} from "@web/core/l10n/translation";
import {deserializeDate, formatDate} from "@web/core/l10n/dates";
import {patch} from "@web/core/utils/patch";

patch(PosStore.prototype, {
    async selectPartner() {
        const order = this.get_order();
        const previous = order && order.get_partner();
        await super.selectPartner(...arguments);
        if (order && order.get_partner() && order.get_partner() !== previous) {
            await this.vracCheckMembership(order);
        }
    },

    /**
     * The household a customer belongs to: itself, or the household of a
     * contact (a relative who collects the order).
     */
    async vracGetHousehold(partner) {
        const householdId =
            partner.commercial_partner_id && partner.commercial_partner_id[0];
        if (!householdId || householdId === partner.id) {
            return partner;
        }
        if (!this.db.get_partner_by_id(householdId)) {
            try {
                await this._loadPartners([householdId]);
            } catch {
                // Offline: the contact stands for its household.
                return partner;
            }
        }
        return this.db.get_partner_by_id(householdId) || partner;
    },

    /**
     * Whether the household's membership covers today, as the server says
     * (res.partner.vrac_is_member_today, loaded with the partners).
     */
    vracIsMember(household) {
        return Boolean(household.vrac_is_member_today);
    },

    vracOrderHasMembershipFee(order) {
        return order
            .get_orderlines()
            .some((line) => line.get_product().membership && line.get_quantity() > 0);
    },

    /**
     * Whether the order may be paid: a household that is not a member pays
     * with its membership fee when the point of sale requires it.
     */
    async vracMembershipAllowsPayment(order) {
        if (!this.config.vrac_membership_blocking || !order.get_partner()) {
            return true;
        }
        const household = await this.vracGetHousehold(order.get_partner());
        return (
            !household.vrac_is_household ||
            this.vracIsMember(household) ||
            this.vracOrderHasMembershipFee(order)
        );
    },

    async vracGetMembershipProduct() {
        const productId =
            this.config.vrac_membership_product_id &&
            this.config.vrac_membership_product_id[0];
        if (!productId) {
            return null;
        }
        if (!this.db.get_product_by_id(productId)) {
            try {
                await this._addProducts([productId], false);
            } catch {
                return null;
            }
        }
        return this.db.get_product_by_id(productId) || null;
    },

    vracMembershipMessage(household) {
        if (household.membership_state === "old" && household.membership_stop) {
            return _t("The membership of %(name)s ended on %(date)s.", {
                name: household.name,
                date: formatDate(deserializeDate(household.membership_stop)),
            });
        }
        return _t("%(name)s has no current membership.", {name: household.name});
    },

    /**
     * Warn the cashier when the order's household is not a member, and offer
     * to add the membership fee to the order.
     */
    async vracCheckMembership(order) {
        const partner = order.get_partner();
        if (!partner) {
            return;
        }
        const household = await this.vracGetHousehold(partner);
        if (
            !household.vrac_is_household ||
            this.vracIsMember(household) ||
            this.vracOrderHasMembershipFee(order)
        ) {
            return;
        }
        const product = await this.vracGetMembershipProduct();
        let body = this.vracMembershipMessage(household);
        if (this.config.vrac_membership_blocking) {
            body += " " + _t("The order can only be paid with the membership fee.");
        }
        if (!product) {
            await this.popup.add(ErrorPopup, {title: _t("Membership to renew"), body});
            return;
        }
        const {confirmed} = await this.popup.add(ConfirmPopup, {
            title: _t("Membership to renew"),
            body: body + " " + _t("Add the membership fee to this order?"),
            confirmText: _t("Add the fee"),
            cancelText: _t("Not now"),
        });
        if (confirmed) {
            order.add_product(product);
        }
    },

    /** After a fee is paid, the household is a member for the rest of the session. */
    vracMarkMember(order) {
        const partner = order.get_partner();
        if (!partner || !this.vracOrderHasMembershipFee(order)) {
            return;
        }
        const householdId =
            partner.commercial_partner_id && partner.commercial_partner_id[0];
        const household = this.db.get_partner_by_id(householdId) || partner;
        if (household.vrac_is_household && !this.vracIsMember(household)) {
            household.membership_state = "paid";
            household.membership_stop = false;
            household.vrac_is_member_today = true;
        }
    },
});
