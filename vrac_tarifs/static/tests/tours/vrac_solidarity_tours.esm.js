/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import {openTill} from "./vrac_tarifs_pos_tours.esm";
import {registry} from "@web/core/registry";

// Names of the test data (vrac_tarifs/tests/test_solidarity_fund.py).
const COUPON = "Solidarity coupon (Cagnotte Test Romans)";
const GROCERIES = "Vrac Panier Solidaire";

function start() {
    return openTill();
}

function clickSolidarity() {
    return [
        ...ProductScreen.clickControlButtonMore(),
        {
            content: "click the solidarity button",
            trigger: ".modal .vrac-solidarity-button",
            run: "click",
        },
    ];
}

function fundCanGive(amount) {
    return [
        {
            content: `the till shows that the fund can give ${amount}`,
            trigger: `.modal .modal-title:contains("${amount}")`,
        },
    ];
}

function hasPercentage(label) {
    return {
        content: `the percentage ${label} is offered`,
        trigger: `.modal .selection-item:contains("${label}")`,
    };
}

function clickPercentage(label) {
    return {
        content: `pick ${label}`,
        trigger: `.modal .selection-item:contains("${label}")`,
        run: "click",
    };
}

function cancelSelection() {
    return [Dialog.cancel()];
}

function pay() {
    return [
        ProductScreen.clickPayButton(),
        PaymentScreen.clickPaymentMethod("Cash"),
        PaymentScreen.clickValidate(),
        ReceiptScreen.isShown(),
    ].flat();
}

/** Nothing in the order or on the receipt tells that the fund paid a part. */
function nothingTellsTheFund(where, selector) {
    return [
        {
            content: `nothing tells the fund ${where}`,
            trigger: selector,
            run: () => {
                const text = document.querySelector(selector).textContent;
                for (const word of ["olidar", "Cagnotte", "fund"]) {
                    if (text.includes(word)) {
                        throw new Error(`"${word}" shows ${where}: ${text}`);
                    }
                }
            },
        },
    ];
}

function refused() {
    return [
        Dialog.is({title: "Sorry, not today"}),
        {
            content: "the till says kindly that the fund cannot cover it",
            trigger: ".modal .modal-body:contains('cannot cover this discount today')",
        },
        {
            content: "and that the order is unchanged",
            trigger: ".modal .modal-body:contains('Nothing was changed in the order')",
        },
    ];
}

registry.category("web_tour.tours").add("vrac_solidarity_pos_coupons", {
    steps: () =>
        [
            start(),
            ProductScreen.clickDisplayedProduct(COUPON),
            ProductScreen.clickDisplayedProduct(COUPON),
            ProductScreen.selectedOrderlineHas(COUPON, "2.00", "2.00"),
            ProductScreen.totalAmountIs("2.00"),
            pay(),
            ReceiptScreen.clickNextOrder(),
            clickSolidarity(),
            fundCanGive("2.00"),
            cancelSelection(),
        ].flat(),
});

registry.category("web_tour.tours").add("vrac_solidarity_pos_discount", {
    steps: () =>
        [
            start(),
            ProductScreen.clickDisplayedProduct(GROCERIES),
            clickSolidarity(),
            fundCanGive("10.00"),
            hasPercentage("10 %"),
            hasPercentage("30 %"),
            clickPercentage("20 %"),
            // 20 % of 12.35
            ProductScreen.selectedOrderlineHas("Discount", "1.00", "-2.47"),
            ProductScreen.totalAmountIs("9.88"),
            nothingTellsTheFund("in the order", ".order-container"),
            pay(),
            ReceiptScreen.totalAmountContains("9.88"),
            nothingTellsTheFund("on the receipt", ".pos-receipt"),
            ReceiptScreen.clickNextOrder(),
            // The fund gave 2.47 of its 10.00.
            clickSolidarity(),
            fundCanGive("7.53"),
            cancelSelection(),
        ].flat(),
});

registry.category("web_tour.tours").add("vrac_solidarity_pos_fund_short", {
    steps: () =>
        [
            start(),
            ProductScreen.clickDisplayedProduct(GROCERIES),
            clickSolidarity(),
            refused(),
            Dialog.confirm(),
            ProductScreen.selectedOrderlineHas(GROCERIES, "1.00", "12.35"),
            ProductScreen.totalAmountIs("12.35"),
        ].flat(),
});

registry.category("web_tour.tours").add("vrac_solidarity_pos_too_big", {
    steps: () =>
        [
            start(),
            ProductScreen.clickDisplayedProduct(GROCERIES),
            clickSolidarity(),
            fundCanGive("2.00"),
            clickPercentage("20 %"),
            // 2.47 asked, 2.00 in the fund: refused, nothing lost.
            refused(),
            {
                content: "the message gives both amounts",
                trigger: ".modal .modal-body:contains('2.47'):contains('2.00')",
            },
            Dialog.confirm(),
            ProductScreen.selectedOrderlineHas(GROCERIES, "1.00", "12.35"),
            ProductScreen.totalAmountIs("12.35"),
            // A smaller discount goes through.
            clickSolidarity(),
            clickPercentage("10 %"),
            ProductScreen.selectedOrderlineHas("Discount", "1.00", "-1.24"),
            ProductScreen.totalAmountIs("11.11"),
            pay(),
            ReceiptScreen.totalAmountContains("11.11"),
        ].flat(),
});
