/** @odoo-module */
/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import * as ErrorPopup from "@point_of_sale/../tests/tours/helpers/ErrorPopupTourMethods";
import * as PaymentScreen from "@point_of_sale/../tests/tours/helpers/PaymentScreenTourMethods";
import * as ProductScreen from "@point_of_sale/../tests/tours/helpers/ProductScreenTourMethods";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/helpers/ReceiptScreenTourMethods";
import * as SelectionPopup from "@point_of_sale/../tests/tours/helpers/SelectionPopupTourMethods";
import {registry} from "@web/core/registry";

// Names of the test data (vrac_tarifs/tests/test_solidarity_fund.py).
const COUPON = "Solidarity coupon (Cagnotte Test Romans)";
const GROCERIES = "Vrac Panier Solidaire";

function start() {
    return [
        ProductScreen.confirmOpeningPopup(),
        ProductScreen.clickHomeCategory(),
    ].flat();
}

function clickSolidarity() {
    return [
        {
            content: "click the solidarity button",
            trigger: ".control-button.vrac-solidarity-button",
        },
    ];
}

function fundCanGive(amount) {
    return [
        SelectionPopup.isShown(),
        {
            content: `the till shows that the fund can give ${amount}`,
            trigger: `.popup-selection .modal-title:contains("${amount}")`,
            isCheck: true,
        },
    ].flat();
}

function cancelSelection() {
    return [
        {
            content: "close the percentages",
            trigger: ".popup-selection .footer .cancel",
        },
    ];
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
        ErrorPopup.isShown(),
        {
            content: "the till says kindly that the fund cannot cover it",
            trigger:
                ".popup-error .modal-body:contains('cannot cover this discount today')",
            isCheck: true,
        },
        {
            content: "and that the order is unchanged",
            trigger:
                ".popup-error .modal-body:contains('Nothing was changed in the order')",
            isCheck: true,
        },
    ].flat();
}

registry.category("web_tour.tours").add("vrac_solidarity_pos_coupons", {
    test: true,
    url: "/pos/ui",
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
    test: true,
    url: "/pos/ui",
    steps: () =>
        [
            start(),
            ProductScreen.clickDisplayedProduct(GROCERIES),
            clickSolidarity(),
            fundCanGive("10.00"),
            SelectionPopup.hasSelectionItem("10 %"),
            SelectionPopup.hasSelectionItem("30 %"),
            SelectionPopup.clickItem("20 %"),
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
    test: true,
    url: "/pos/ui",
    steps: () =>
        [
            start(),
            ProductScreen.clickDisplayedProduct(GROCERIES),
            clickSolidarity(),
            refused(),
            ErrorPopup.clickConfirm(),
            ProductScreen.selectedOrderlineHas(GROCERIES, "1.00", "12.35"),
            ProductScreen.totalAmountIs("12.35"),
        ].flat(),
});

registry.category("web_tour.tours").add("vrac_solidarity_pos_too_big", {
    test: true,
    url: "/pos/ui",
    steps: () =>
        [
            start(),
            ProductScreen.clickDisplayedProduct(GROCERIES),
            clickSolidarity(),
            fundCanGive("2.00"),
            SelectionPopup.clickItem("20 %"),
            // 2.47 asked, 2.00 in the fund: refused, nothing lost.
            refused(),
            {
                content: "the message gives both amounts",
                trigger: ".popup-error .modal-body:contains('2.47'):contains('2.00')",
                isCheck: true,
            },
            ErrorPopup.clickConfirm(),
            ProductScreen.selectedOrderlineHas(GROCERIES, "1.00", "12.35"),
            ProductScreen.totalAmountIs("12.35"),
            // A smaller discount goes through.
            clickSolidarity(),
            SelectionPopup.clickItem("10 %"),
            ProductScreen.selectedOrderlineHas("Discount", "1.00", "-1.24"),
            ProductScreen.totalAmountIs("11.11"),
            pay(),
            ReceiptScreen.totalAmountContains("11.11"),
        ].flat(),
});
