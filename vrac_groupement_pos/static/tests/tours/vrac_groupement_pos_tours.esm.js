/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import {registry} from "@web/core/registry";

function searchCustomer(query) {
    return {
        content: `type '${query}' in the customer search`,
        trigger: ".modal-header .input-group input",
        run: `edit ${query}`,
    };
}

registry.category("web_tour.tours").add("vrac_groupement_pos_membership", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            // A household found by its number, beyond those loaded.
            ProductScreen.clickPartnerButton(),
            searchCustomer("66009"),
            {
                content: "search the server",
                trigger: ".modal .search-more-button button",
                run: "click",
            },
            {
                content: "the household found shows its number",
                trigger:
                    ".modal .partner-line:contains('Zoé Lointain') .vrac-household-number:contains('66009')",
            },
            {
                content: "select it",
                trigger: ".modal .partner-line b:contains('Zoé Lointain')",
                run: "click",
            },
            ProductScreen.customerIsSelected("Zoé Lointain"),
            // A member: no warning. A household whose membership ended: the
            // fee is offered, and added.
            ProductScreen.clickPartnerButton(),
            searchCustomer("66002"),
            {
                content: "search the server",
                trigger: ".modal .search-more-button button",
                run: "click",
            },
            {
                content: "select the household by its number",
                trigger: ".modal .partner-line b:contains('Foyer Expiré')",
                run: "click",
            },
            Dialog.is({title: "Membership to renew"}),
            Dialog.confirm("Add the fee"),
            ProductScreen.selectedOrderlineHas("Annual membership", "1.00"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Bank"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
        ].flat(),
});
