/** @odoo-module */
/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import * as PaymentScreen from "@point_of_sale/../tests/tours/helpers/PaymentScreenTourMethods";
import * as ProductScreenPos from "@point_of_sale/../tests/tours/helpers/ProductScreenTourMethods";
import * as ProductScreenSale from "@pos_sale/../tests/helpers/ProductScreenTourMethods";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/helpers/ReceiptScreenTourMethods";
import {registry} from "@web/core/registry";

const ProductScreen = {...ProductScreenPos, ...ProductScreenSale};
const SEARCH_INPUT = ".control-panel .search-box input";

function searchOrders(query) {
    return [
        {
            content: `search the orders for '${query}'`,
            trigger: SEARCH_INPUT,
            run: () => {
                const input = document.querySelector(SEARCH_INPUT);
                input.value = query;
                input.dispatchEvent(new Event("input"));
                input.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter"}));
            },
        },
    ];
}

function orderShown(household) {
    return [
        {
            content: `the order of ${household} is offered`,
            trigger: `.order-list .order-row:contains("${household}")`,
            isCheck: true,
        },
    ];
}

function settleOrderOf(household) {
    return [
        {
            content: `select the order of ${household}`,
            trigger: `.order-list .order-row:contains("${household}")`,
        },
        {
            content: "settle it",
            trigger: ".selection-item:contains('Settle the order')",
        },
    ];
}

// Foyer Romans 3 collects here (1 oil, 2 kg of apples); its household
// number is VRT-503. The apples weigh 1.8 kg.
registry.category("web_tour.tours").add("vrac_distribution_pos_collect", {
    test: true,
    url: "/pos/ui",
    steps: () =>
        [
            ProductScreen.confirmOpeningPopup(),
            ProductScreen.clickQuotationButton(),
            searchOrders("VRT-503"),
            orderShown("Foyer Romans 3"),
            settleOrderOf("Foyer Romans 3"),
            ProductScreen.clickOrderline("Test Huile d'olive 1 L", "1.00"),
            ProductScreen.clickOrderline("Test Pommes (kg)", "2.00"),
            // The till drops more than two quick presses (barcode guard).
            ProductScreen.pressNumpad("1"),
            ProductScreen.selectedOrderlineHas("Test Pommes (kg)", "1.00"),
            ProductScreen.pressNumpad(".", "8"),
            ProductScreen.selectedOrderlineHas("Test Pommes (kg)", "1.80"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Test Espèces"),
            PaymentScreen.remainingIs("0.00"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
        ].flat(),
});

// Foyer Martin collects 2.941 kg of lentils at 8.31 EUR/kg: 24.44 EUR
// (2.941 x 8.31 = 24.43971), to the gram and the cent.
registry.category("web_tour.tours").add("vrac_distribution_pos_collect_grams", {
    test: true,
    url: "/pos/ui",
    steps: () =>
        [
            ProductScreen.confirmOpeningPopup(),
            ProductScreen.clickQuotationButton(),
            searchOrders("Foyer Martin"),
            settleOrderOf("Foyer Martin"),
            ProductScreen.clickOrderline("Test Lentilles vertes (vrac)", "2.941"),
            ProductScreen.selectedOrderlineHas(
                "Test Lentilles vertes (vrac)",
                "2.941",
                "24.44"
            ),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Test Espèces"),
            PaymentScreen.remainingIs("0.00"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
        ].flat(),
});

// Foyer Romans 3's apples weighed 0 at the till: refused at payment, with
// the words of "Record the weights".
registry.category("web_tour.tours").add("vrac_distribution_pos_weight_zero", {
    test: true,
    url: "/pos/ui",
    steps: () =>
        [
            ProductScreen.confirmOpeningPopup(),
            ProductScreen.clickQuotationButton(),
            searchOrders("VRT-503"),
            settleOrderOf("Foyer Romans 3"),
            ProductScreen.clickOrderline("Test Huile d'olive 1 L", "1.00"),
            ProductScreen.clickOrderline("Test Pommes (kg)", "2.00"),
            ProductScreen.pressNumpad("0"),
            ProductScreen.selectedOrderlineHas("Test Pommes (kg)", "0.00"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Test Espèces"),
            PaymentScreen.clickValidate(),
            {
                content: "the till refuses the weight of 0",
                trigger:
                    ".popup-error .modal-body:contains('The weight of Test Pommes (kg) for Foyer Romans 3 must be above 0 kg (you typed 0.000). To leave the item out, remove it from the order instead.')",
                isCheck: true,
            },
            {
                content: "close the message",
                trigger: ".popup-error .footer .cancel",
            },
            {
                content: "the order is still to pay",
                trigger: ".payment-screen",
                isCheck: true,
            },
        ].flat(),
});

// Foyer Die 2 collects at another distribution: its order is not offered.
registry.category("web_tour.tours").add("vrac_distribution_pos_other_distribution", {
    test: true,
    url: "/pos/ui",
    steps: () =>
        [
            ProductScreen.confirmOpeningPopup(),
            ProductScreen.clickQuotationButton(),
            searchOrders("Foyer Romans 2"),
            orderShown("Foyer Romans 2"),
            searchOrders("Foyer Die 2"),
            ProductScreen.checkOrdersListEmpty(),
        ].flat(),
});
