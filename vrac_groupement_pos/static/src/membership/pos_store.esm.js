/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {AlertDialog} from "@web/core/confirmation_dialog/confirmation_dialog";
import {PosStore} from "@point_of_sale/app/store/pos_store";
import {_t} from "@web/core/l10n/translation";
import {ask} from "@point_of_sale/app/store/make_awaitable_dialog";
import {deserializeDate, formatDate} from "@web/core/l10n/dates";
import {patch} from "@web/core/utils/patch";

/**
 * The membership check: a household whose membership has ended is offered
 * its membership fee when it is selected, and may have to pay it.
 */
patch(PosStore.prototype, {
    async selectPartner() {
        const order = this.get_order();
        const previous = order && order.get_partner();
        const result = await super.selectPartner(...arguments);
        const partner = order && order.get_partner();
        if (partner && partner !== previous) {
            await this.vracCheckMembership(order);
        }
        return result;
    },

    /**
     * The household a customer belongs to: itself, or the household of a
     * contact (a relative who collects the order).
     */
    async vracGetHousehold(partner) {
        const householdId = partner.raw.commercial_partner_id;
        if (!householdId || householdId === partner.id) {
            return partner;
        }
        let household = this.models["res.partner"].get(householdId);
        if (!household) {
            try {
                [household] = await this.data.read("res.partner", [householdId]);
            } catch {
                // Offline: the contact stands for its household.
                return partner;
            }
        }
        return household || partner;
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
        const productId = this.config.raw.vrac_membership_product_id;
        if (!productId) {
            return null;
        }
        let product = this.models["product.product"].get(productId);
        if (!product) {
            try {
                [product] = await this.data.read("product.product", [productId]);
            } catch {
                return null;
            }
        }
        return product || null;
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
            this.dialog.add(AlertDialog, {title: _t("Membership to renew"), body});
            return;
        }
        const confirmed = await ask(this.dialog, {
            title: _t("Membership to renew"),
            body: body + " " + _t("Add the membership fee to this order?"),
            confirmLabel: _t("Add the fee"),
            cancelLabel: _t("Not now"),
        });
        if (confirmed) {
            await this.addLineToOrder({product_id: product}, order);
        }
    },

    /** After a fee is paid, the household is a member for the rest of the session. */
    vracMarkMember(order) {
        const partner = order.get_partner();
        if (!partner || !this.vracOrderHasMembershipFee(order)) {
            return;
        }
        const household =
            this.models["res.partner"].get(partner.raw.commercial_partner_id) ||
            partner;
        if (household.vrac_is_household && !this.vracIsMember(household)) {
            household.update({
                membership_state: "paid",
                membership_stop: false,
                vrac_is_member_today: true,
            });
        }
    },
});
