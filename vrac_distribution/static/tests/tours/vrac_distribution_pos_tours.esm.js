/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import {registry} from "@web/core/registry";

const DIALOG = ".modal:not(.o_inactive_modal)";

function openTill() {
    return [
        {
            content: "Start PoS",
            trigger: ".screen-login .btn.open-register-btn",
            run: "click",
        },
        Dialog.confirm("Open Register"),
    ];
}

/** pos_sale's dialog of the orders to settle (Actions > Quotation/Order). */
function openOrders() {
    return ProductScreen.clickControlButton("Quotation/Order");
}

/**
 * Search the orders: by the household's name, or, with ``field``, by the
 * field of the search view (e.g. "Household number").
 */
function searchOrders(query, field = null) {
    return [
        {
            content: `search the orders for '${query}'`,
            trigger: `${DIALOG} .o_searchview_input`,
            run: `edit ${query}`,
        },
        field
            ? {
                  content: `search '${query}' in ${field}`,
                  trigger: `${DIALOG} .o_searchview_autocomplete li:contains("${field}")`,
                  run: "click",
              }
            : {
                  content: "search",
                  trigger: `${DIALOG} .o_searchview_input`,
                  run: "press Enter",
              },
    ];
}

function orderShown(household) {
    return [
        {
            content: `the order of ${household} is offered`,
            trigger: `${DIALOG} .o_data_row:contains("${household}")`,
        },
    ];
}

function settleOrderOf(household) {
    return [
        {
            content: `select the order of ${household}`,
            trigger: `${DIALOG} .o_data_row:contains("${household}") td.o_data_cell`,
            run: "click",
        },
        {
            content: "settle it",
            trigger: `${DIALOG} .selection-item:contains('Settle the order')`,
            run: "click",
        },
    ];
}

// Foyer Romans 3 collects here (1 oil, 2 kg of apples); its household
// number is VRT-503. The apples weigh 1.8 kg.
registry.category("web_tour.tours").add("vrac_distribution_pos_collect", {
    steps: () =>
        [
            openTill(),
            openOrders(),
            searchOrders("VRT-503", "Household number"),
            orderShown("Foyer Romans 3"),
            settleOrderOf("Foyer Romans 3"),
            ProductScreen.clickOrderline("Test Huile d'olive 1 L", "1.00"),
            ProductScreen.clickOrderline("Test Pommes (kg)", "2.00"),
            // The till drops more than two quick presses (barcode guard).
            ProductScreen.clickNumpad("1"),
            ProductScreen.selectedOrderlineHas("Test Pommes (kg)", "1.00"),
            ProductScreen.clickNumpad(".", "8"),
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
    steps: () =>
        [
            openTill(),
            openOrders(),
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
    steps: () =>
        [
            openTill(),
            openOrders(),
            searchOrders("VRT-503", "Household number"),
            settleOrderOf("Foyer Romans 3"),
            ProductScreen.clickOrderline("Test Huile d'olive 1 L", "1.00"),
            ProductScreen.clickOrderline("Test Pommes (kg)", "2.00"),
            ProductScreen.clickNumpad("0"),
            ProductScreen.selectedOrderlineHas("Test Pommes (kg)", "0.00"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Test Espèces"),
            PaymentScreen.clickValidate(),
            Dialog.is({title: "Weight missing"}),
            {
                content: "the till refuses the weight of 0",
                trigger:
                    ".modal .modal-body:contains('The weight of Test Pommes (kg) for Foyer Romans 3 must be above 0 kg (you typed 0.000). To leave the item out, remove it from the order instead.')",
            },
            Dialog.confirm(),
            {
                content: "the order is still to pay",
                trigger: ".payment-screen",
            },
        ].flat(),
});

// Foyer Die 2 collects at another distribution: its order is not offered.
registry.category("web_tour.tours").add("vrac_distribution_pos_other_distribution", {
    steps: () =>
        [
            openTill(),
            openOrders(),
            searchOrders("Foyer Romans 2"),
            orderShown("Foyer Romans 2"),
            {
                content: "clear the search",
                trigger: `${DIALOG} .o_searchview .o_facet_remove`,
                run: "click",
            },
            searchOrders("Foyer Die 2"),
            {
                content: "no order of another distribution",
                trigger: `${DIALOG} .o_view_nocontent, ${DIALOG} p:contains(No record found)`,
            },
        ].flat(),
});
