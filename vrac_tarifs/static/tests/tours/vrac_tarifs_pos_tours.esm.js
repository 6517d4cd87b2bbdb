/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import {negate} from "@point_of_sale/../tests/tours/utils/common";
import {registry} from "@web/core/registry";

/** Log in and open the register (the tests' tills count their cash). */
export function openTill() {
    return [Chrome.startPoS(), Dialog.confirm("Open Register")].flat();
}

// The test tiers are all named "VracTier ...": no such text may show.
export function noTierShown(where) {
    return [
        {
            content: `no tier name ${where}`,
            trigger: negate(":contains('VracTier')"),
        },
    ];
}

// Nor the pricelist button among the actions (it would name the tier).
export function noPricelistButton() {
    return [
        ...ProductScreen.clickControlButtonMore(),
        {
            content: "the actions show no pricelist button",
            trigger: ".modal .control-buttons-modal:not(:has(.o_pricelist_button))",
        },
        {
            content: "close the actions",
            trigger: ".modal .btn-close",
            run: "click",
        },
    ];
}

export function selectCustomer(name) {
    return [
        ProductScreen.clickPartnerButton(),
        ProductScreen.clickCustomer(name),
    ].flat();
}

export function membershipDialog(answer) {
    return [
        Dialog.is({title: "Membership to renew"}),
        {
            content: "it says when the membership ended",
            trigger: ".modal .modal-body:contains('ended on')",
        },
        answer === "confirm"
            ? Dialog.confirm("Add the fee")
            : {
                  content: "not now",
                  trigger: ".modal .modal-footer button:contains('Not now')",
                  run: "click",
              },
    ];
}

export function searchPartner(query) {
    return [
        {
            content: `type '${query}' in the customer search`,
            trigger: ".modal-header .input-group input",
            run: `edit ${query}`,
        },
    ];
}

registry.category("web_tour.tours").add("vrac_tarifs_pos_tier_prices", {
    steps: () =>
        [
            openTill(),
            noTierShown("when the till opens"),
            noPricelistButton(),
            selectCustomer("Foyer Arnaud"),
            ProductScreen.customerIsSelected("Foyer Arnaud"),
            ProductScreen.clickDisplayedProduct("Vrac Lentilles"),
            // Tier A sells at cost.
            ProductScreen.selectedOrderlineHas("Vrac Lentilles", "1.00", "2.10"),
            ProductScreen.totalAmountIs("2.10"),
            noTierShown("for a tier A household"),
            selectCustomer("Foyer Colin"),
            ProductScreen.customerIsSelected("Foyer Colin"),
            // Tier C: cost + 25 %, rounded to 0.05 (2.625 -> 2.65).
            ProductScreen.selectedOrderlineHas("Vrac Lentilles", "1.00", "2.65"),
            ProductScreen.totalAmountIs("2.65"),
            noTierShown("for a tier C household"),
            noPricelistButton(),
        ].flat(),
});

registry.category("web_tour.tours").add("vrac_tarifs_pos_cost_change", {
    steps: () =>
        [
            openTill(),
            selectCustomer("Foyer Arnaud"),
            ProductScreen.clickDisplayedProduct("Vrac Lentilles"),
            // The cost went from 2.10 to 3.00 before this session.
            ProductScreen.selectedOrderlineHas("Vrac Lentilles", "1.00", "3.00"),
            selectCustomer("Foyer Colin"),
            ProductScreen.selectedOrderlineHas("Vrac Lentilles", "1.00", "3.75"),
        ].flat(),
});

registry.category("web_tour.tours").add("vrac_tarifs_pos_never_below_cost", {
    steps: () =>
        [
            openTill(),
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
    steps: () =>
        [
            openTill(),
            // 1. The cashier goes on without the fee: the till refuses the payment.
            selectCustomer("Foyer Expiré"),
            membershipDialog("cancel"),
            ProductScreen.customerIsSelected("Foyer Expiré"),
            ProductScreen.clickDisplayedProduct("Vrac Lentilles"),
            ProductScreen.selectedOrderlineHas("Vrac Lentilles", "1.00", "2.10"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Cash"),
            PaymentScreen.clickValidate(),
            Dialog.is({title: "Membership fee missing"}),
            Dialog.confirm(),
            PaymentScreen.clickBack(),
            // 2. The household is selected again: the cashier adds the fee.
            ProductScreen.clickPartnerButton(),
            {
                content: "unselect the household",
                trigger:
                    ".modal .partner-line.selected:contains('Foyer Expiré') .unselect-tag",
                run: "click",
            },
            selectCustomer("Foyer Expiré"),
            membershipDialog("confirm"),
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
            ProductScreen.customerIsSelected("Foyer Expiré"),
            {
                content: "no membership warning once the fee is paid",
                trigger: negate(".modal-header:contains('Membership to renew')"),
            },
        ].flat(),
});

registry.category("web_tour.tours").add("vrac_tarifs_pos_search_number", {
    steps: () =>
        [
            openTill(),
            ProductScreen.clickPartnerButton(),
            // Found among the households loaded with the till...
            searchPartner("77002"),
            {
                content: "a loaded household is found by its number",
                trigger:
                    ".modal .partner-line:contains('Foyer Colin'):contains('77002')",
            },
            // ... and beyond them, on the server.
            searchPartner("77009"),
            {
                content: "the household is not loaded in the till",
                trigger: negate(".partner-line:contains('Zoé Recherche')"),
            },
            {
                content: "search the server",
                trigger: ".modal .search-more-button button",
                run: "click",
            },
            {
                content: "select the household found by its number",
                trigger:
                    ".modal .partner-line:contains('77009') b:contains('Zoé Recherche')",
                run: "click",
            },
            ProductScreen.customerIsSelected("Zoé Recherche"),
            ProductScreen.clickDisplayedProduct("Vrac Lentilles"),
            // Her tier (C) came with her: its price applies at once.
            ProductScreen.selectedOrderlineHas("Vrac Lentilles", "1.00", "2.65"),
            noTierShown("for a household found on the server"),
        ].flat(),
});
