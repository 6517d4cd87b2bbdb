/** @odoo-module */
/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import * as ErrorPopup from "@point_of_sale/../tests/tours/helpers/ErrorPopupTourMethods";
import * as PaymentScreen from "@point_of_sale/../tests/tours/helpers/PaymentScreenTourMethods";
import * as ProductScreen from "@point_of_sale/../tests/tours/helpers/ProductScreenTourMethods";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/helpers/ReceiptScreenTourMethods";
import {negate} from "@point_of_sale/../tests/tours/helpers/utils";
import {registry} from "@web/core/registry";

// The test tiers are all named "VracTier ...": no such text may show.
function noTierShown(where) {
    return [
        {
            content: `no tier name and no pricelist button ${where}`,
            trigger: `${negate(":contains('VracTier')")}`,
            run: () => {
                if (document.querySelector(".o_pricelist_button")) {
                    throw new Error("The pricelist button shows at the till.");
                }
            },
        },
    ];
}

function selectCustomer(name) {
    return [
        ProductScreen.clickPartnerButton(),
        ProductScreen.clickCustomer(name),
    ].flat();
}

function customerIs(name) {
    return [
        {
            content: `the customer of the order is ${name}`,
            trigger: `.product-screen .set-partner:contains("${name}")`,
            isCheck: true,
        },
    ];
}

function membershipPopup(answer) {
    return [
        {
            content: "the membership warning shows",
            trigger:
                ".popups .popup-confirm .modal-title:contains('Membership to renew')",
            isCheck: true,
        },
        {
            content: "it says when the membership ended",
            trigger: ".popups .popup-confirm .modal-body:contains('ended on')",
            isCheck: true,
        },
        {
            content: answer === "confirm" ? "add the membership fee" : "not now",
            trigger: `.popups .popup-confirm .footer .button.${answer}`,
        },
    ];
}

function searchPartner(query) {
    return [
        {
            content: `type '${query}' in the customer search`,
            trigger: ".partnerlist-screen .pos-search-bar input",
            run: () => {
                const input = document.querySelector(
                    ".partnerlist-screen .pos-search-bar input"
                );
                input.value = query;
                input.dispatchEvent(new KeyboardEvent("keyup", {key: query.at(-1)}));
            },
        },
    ];
}

registry.category("web_tour.tours").add("vrac_tarifs_pos_tier_prices", {
    test: true,
    url: "/pos/ui",
    steps: () =>
        [
            ProductScreen.confirmOpeningPopup(),
            ProductScreen.clickHomeCategory(),
            noTierShown("when the till opens"),
            selectCustomer("Foyer Arnaud"),
            customerIs("Foyer Arnaud"),
            ProductScreen.clickDisplayedProduct("Vrac Lentilles"),
            // Tier A sells at cost.
            ProductScreen.selectedOrderlineHas("Vrac Lentilles", "1.00", "2.10"),
            ProductScreen.totalAmountIs("2.10"),
            noTierShown("for a tier A household"),
            selectCustomer("Foyer Colin"),
            customerIs("Foyer Colin"),
            // Tier C: cost + 25 %, rounded to 0.05 (2.625 -> 2.65).
            ProductScreen.selectedOrderlineHas("Vrac Lentilles", "1.00", "2.65"),
            ProductScreen.totalAmountIs("2.65"),
            noTierShown("for a tier C household"),
        ].flat(),
});

registry.category("web_tour.tours").add("vrac_tarifs_pos_cost_change", {
    test: true,
    url: "/pos/ui",
    steps: () =>
        [
            ProductScreen.confirmOpeningPopup(),
            ProductScreen.clickHomeCategory(),
            selectCustomer("Foyer Arnaud"),
            ProductScreen.clickDisplayedProduct("Vrac Lentilles"),
            // The cost went from 2.10 to 3.00 before this session.
            ProductScreen.selectedOrderlineHas("Vrac Lentilles", "1.00", "3.00"),
            selectCustomer("Foyer Colin"),
            ProductScreen.selectedOrderlineHas("Vrac Lentilles", "1.00", "3.75"),
        ].flat(),
});

registry.category("web_tour.tours").add("vrac_tarifs_pos_never_below_cost", {
    test: true,
    url: "/pos/ui",
    steps: () =>
        [
            ProductScreen.confirmOpeningPopup(),
            ProductScreen.clickHomeCategory(),
            selectCustomer("Foyer Arnaud"),
            ProductScreen.clickDisplayedProduct("Vrac Lentilles"),
            // Tier A sells at the cost to the cent (1.21, not 1.20).
            ProductScreen.selectedOrderlineHas("Vrac Lentilles", "1.00", "1.21"),
            selectCustomer("Foyer Colin"),
            // Tier C (+1 %): 1.2221, the nearest 0.05 is below cost: 1.25.
            ProductScreen.selectedOrderlineHas("Vrac Lentilles", "1.00", "1.25"),
            ProductScreen.totalAmountIs("1.25"),
        ].flat(),
});

registry.category("web_tour.tours").add("vrac_tarifs_pos_membership", {
    test: true,
    url: "/pos/ui",
    steps: () =>
        [
            ProductScreen.confirmOpeningPopup(),
            ProductScreen.clickHomeCategory(),
            // 1. The cashier goes on without the fee: the till refuses the payment.
            selectCustomer("Foyer Expiré"),
            membershipPopup("cancel"),
            customerIs("Foyer Expiré"),
            ProductScreen.clickDisplayedProduct("Vrac Lentilles"),
            ProductScreen.selectedOrderlineHas("Vrac Lentilles", "1.00", "2.10"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Cash"),
            PaymentScreen.clickValidate(),
            ErrorPopup.isShown(),
            {
                content: "the till asks for the membership fee",
                trigger: ".popup-error .modal-title:contains('Membership fee missing')",
                isCheck: true,
            },
            ErrorPopup.clickConfirm(),
            PaymentScreen.clickBack(),
            // 2. The household is selected again: the cashier adds the fee.
            ProductScreen.clickPartnerButton(),
            {
                content: "unselect the household",
                trigger:
                    ".partnerlist-screen .partner-line.active td:contains('Foyer Expiré')",
            },
            selectCustomer("Foyer Expiré"),
            membershipPopup("confirm"),
            ProductScreen.selectedOrderlineHas("Annual membership", "1.00", "1.00"),
            ProductScreen.totalAmountIs("3.10"),
            noTierShown("with the membership fee"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Cash"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
            ReceiptScreen.totalAmountContains("3.10"),
            noTierShown("on the receipt"),
            // 3. The household is a member for the rest of the session.
            ReceiptScreen.clickNextOrder(),
            selectCustomer("Foyer Expiré"),
            customerIs("Foyer Expiré"),
            {
                content: "no membership warning once the fee is paid",
                trigger: negate(".popups .popup-confirm"),
                isCheck: true,
            },
        ].flat(),
});

registry.category("web_tour.tours").add("vrac_tarifs_pos_search_number", {
    test: true,
    url: "/pos/ui",
    steps: () =>
        [
            ProductScreen.confirmOpeningPopup(),
            ProductScreen.clickHomeCategory(),
            ProductScreen.clickPartnerButton(),
            // Found among the households loaded with the till...
            searchPartner("77002"),
            {
                content: "a loaded household is found by its number",
                trigger:
                    ".partnerlist-screen .partner-line:contains('Foyer Colin'):contains('77002')",
                isCheck: true,
            },
            // ... and beyond them, on the server.
            searchPartner("77009"),
            {
                content: "the household is not loaded in the till",
                trigger: negate(".partner-line:contains('Zoé Recherche')"),
                isCheck: true,
            },
            {
                content: "search the server",
                trigger: ".partnerlist-screen .search-more-button button",
            },
            {
                content: "select the household found by its number",
                trigger:
                    ".partnerlist-screen .partner-line:contains('77009') td:contains('Zoé Recherche')",
            },
            customerIs("Zoé Recherche"),
            ProductScreen.clickDisplayedProduct("Vrac Lentilles"),
            // Her tier (C) came with her: its price applies at once.
            ProductScreen.selectedOrderlineHas("Vrac Lentilles", "1.00", "2.65"),
            noTierShown("for a household found on the server"),
        ].flat(),
});
