/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import {openTill, selectCustomer} from "./vrac_tarifs_pos_tours.esm";
import {negate} from "@point_of_sale/../tests/tours/utils/common";
import {registry} from "@web/core/registry";

const FUNDER_LINE =
    ".product-screen .orderline:has(.product-name:contains('Paid by Fondation Test Paniers'))";

function funderLineIs(amount) {
    return [
        {
            content: `the funder pays ${amount}`,
            trigger: `${FUNDER_LINE} .price:contains('${amount}')`,
        },
    ];
}

function noFunderLine() {
    return [
        {
            content: "no line paid by the funder",
            trigger: negate(FUNDER_LINE),
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

registry.category("web_tour.tours").add("vrac_funder_pos_share", {
    steps: () =>
        [
            openTill(),
            // 1. An enrolled household: half of the lentils paid by the funder,
            // the soap is not in the program.
            selectCustomer("Foyer Arnaud"),
            ProductScreen.clickDisplayedProduct("Vrac Lentilles"),
            funderLineIs("1.05"),
            ProductScreen.clickDisplayedProduct("Vrac Lentilles"),
            funderLineIs("2.10"),
            ProductScreen.clickDisplayedProduct("Vrac Savon"),
            ProductScreen.selectedOrderlineHas("Vrac Savon", "1.00", "3.00"),
            funderLineIs("2.10"),
            ProductScreen.totalAmountIs("5.10"),
            pay(),
            ReceiptScreen.totalAmountContains("5.10"),
            {
                content: "the receipt says what the funder paid",
                trigger: ".pos-receipt:contains('Paid by Fondation Test Paniers')",
            },
            ReceiptScreen.clickNextOrder(),
            // 2. A household outside the program pays the full price.
            selectCustomer("Foyer Colin"),
            ProductScreen.clickDisplayedProduct("Vrac Lentilles"),
            ProductScreen.selectedOrderlineHas("Vrac Lentilles", "1.00", "2.65"),
            noFunderLine(),
            // 3. Back to the enrolled household: the share follows at once;
            // only what is left of the budget (3.00 - 2.10) is paid.
            selectCustomer("Foyer Arnaud"),
            ProductScreen.clickDisplayedProduct("Vrac Lentilles"),
            funderLineIs("0.90"),
            {
                content: "the cashier is told the share is lowered to the budget left",
                trigger: [
                    ".o_notification",
                    ":contains('Paniers à moitié prix: only ')",
                    ":contains('0.90 left in the budget. The funder pays ')",
                    ":contains('0.90 instead of ')",
                    ":contains('1.05; the household pays the rest.')",
                ].join(""),
            },
            ProductScreen.clickDisplayedProduct("Vrac Lentilles"),
            funderLineIs("0.90"),
            ProductScreen.totalAmountIs("5.40"),
            // 4. Removing the lentils removes the share.
            ProductScreen.selectedOrderlineHas("Vrac Lentilles", "3.00"),
            ProductScreen.clickNumpad("⌫"),
            ProductScreen.clickNumpad("⌫"),
            noFunderLine(),
        ].flat(),
});

registry.category("web_tour.tours").add("vrac_food_credit_pos_pay", {
    steps: () =>
        [
            openTill(),
            selectCustomer("Foyer Arnaud"),
            ProductScreen.clickDisplayedProduct("Vrac Lentilles"),
            ProductScreen.clickDisplayedProduct("Vrac Lentilles"),
            ProductScreen.clickDisplayedProduct("Vrac Savon"),
            ProductScreen.totalAmountIs("7.20"),
            ...ProductScreen.clickControlButtonMore(),
            {
                // Highlighted once the household's card is loaded.
                content: "pay with the food credit",
                trigger: '.modal button.highlight:contains("eWallet Pay")',
                run: "click",
            },
            // The credit pays the approved lentils only: the soap stays to pay.
            {
                content: "the food credit pays the lentils",
                trigger:
                    ".product-screen .orderline:has(.product-name:contains('Crédit alimentaire')) .price:contains('4.20')",
            },
            ProductScreen.totalAmountIs("3.00"),
            pay(),
            ReceiptScreen.totalAmountContains("3.00"),
        ].flat(),
});
