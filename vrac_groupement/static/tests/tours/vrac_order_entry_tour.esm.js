/** @odoo-module */
/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

const QUANTITY_INPUT = ".o_data_row.o_selected_row td[name='quantity'] input";

/** Presses a key where the focus is, as the keyboard does. */
function press(key, options = {}) {
    document.activeElement.dispatchEvent(
        new KeyboardEvent("keydown", {key, bubbles: true, cancelable: true, ...options})
    );
}

/** Types in the focused field, as the keyboard does (no click). */
function typeInFocus(text) {
    const input = document.activeElement;
    input.value = text;
    input.dispatchEvent(new InputEvent("input", {bubbles: true, data: text}));
}

/**
 * Steps typing the quantity of a product: its quantity must already have the
 * focus (reached with the keyboard), then Enter goes to the next product.
 */
function typeQuantity(product, quantity) {
    return [
        {
            content: `The quantity of ${product} has the focus`,
            trigger: `.o_data_row.o_selected_row:contains("${product}") td[name='quantity'] input`,
            run() {
                if (document.activeElement !== this.anchor) {
                    throw new Error(
                        `The quantity of ${product} does not have the focus`
                    );
                }
                if (quantity !== null) {
                    typeInFocus(quantity);
                }
                press("Enter");
            },
        },
    ];
}

registry.category("web_tour.tours").add("vrac_order_entry_tour", {
    url: "/web",
    steps: () =>
        [
            stepUtils.showAppsMenuItem(),
            {
                content: "Open the purchasing groups app",
                trigger: '.o_app[data-menu-xmlid="vrac_groupement.menu_root"]',
                run: "click",
            },
            {
                content: "Open the grouped orders menu",
                trigger:
                    '.o_menu_sections [data-menu-xmlid="vrac_groupement.menu_cycles"]',
                run: "click",
            },
            {
                content: "Open the order entry screen",
                trigger:
                    '.dropdown-item[data-menu-xmlid="vrac_groupement.vrac_order_entry_menu"]',
                run: "click",
            },
            {
                content: "The only open cycle is chosen",
                trigger: ".o_field_widget[name='cycle_id'] input",
                run() {
                    if (this.anchor.value !== "Test commande de décembre") {
                        throw new Error(`Wrong cycle: ${this.anchor.value}`);
                    }
                },
            },
            {
                content: "Type the household number",
                trigger: ".o_field_widget[name='partner_id'] input",
                run: "edit T-4242",
            },
            {
                content: "The household is found by its number: choose it with Enter",
                trigger:
                    ".o_field_widget[name='partner_id'] .o-autocomplete--dropdown-item:first:contains('Foyer Martin')",
                run() {
                    press("Enter");
                },
            },
            {
                content: "The catalog of the cycle is listed",
                trigger: ".o_data_row:contains('Test Pommes (kg)')",
            },
            {
                content: "The maximum reads 3 kg, not 3.000",
                trigger:
                    ".o_data_row:contains('Test Lentilles vertes (vrac)') td[name='max_per_household']",
                run() {
                    const text = this.anchor.textContent.trim();
                    if (text !== "3") {
                        throw new Error(`The maximum reads "${text}"`);
                    }
                },
            },
            ...typeQuantity("Test Penne 500 g", "4"),
            {
                content: "The total follows the quantities",
                trigger: ".o_field_widget[name='amount_total']:contains('6.00')",
            },
            ...typeQuantity("Test Huile d'olive 1 L", null),
            ...typeQuantity("Test Lentilles vertes (vrac)", "2.5"),
            {
                content: "The focus went on to the apples",
                trigger: `.o_data_row.o_selected_row:contains('Test Pommes (kg)')`,
            },
            {
                content: "The total adds the lentils",
                trigger: ".o_field_widget[name='amount_total']:contains('13.50')",
            },
            {
                content: "Alt+N: save and go to the next household",
                trigger: QUANTITY_INPUT,
                run() {
                    press("n", {altKey: true});
                },
            },
            {
                content: "The order is confirmed",
                trigger: ".o_notification:contains('Foyer Martin')",
            },
            {
                content: "A new entry opens",
                trigger: ".modal .o_field_widget[name='cycle_id'] input",
            },
            {
                content: "A blank entry opens on the same cycle",
                trigger: ".o_field_widget[name='partner_id'] input",
                run() {
                    const cycle = document.querySelector(
                        ".modal .o_field_widget[name='cycle_id'] input"
                    ).value;
                    if (this.anchor.value || cycle !== "Test commande de décembre") {
                        throw new Error(
                            "The next entry is not blank on the same cycle"
                        );
                    }
                },
            },
            {
                content: "Type the name of the next household",
                trigger: ".o_field_widget[name='partner_id'] input",
                run: "edit Foyer Romans 2",
            },
            {
                content: "Choose it with Enter",
                trigger:
                    ".o_field_widget[name='partner_id'] .o-autocomplete--dropdown-item:first:contains('Foyer Romans 2')",
                run() {
                    press("Enter");
                },
            },
            {
                content: "Half a packet of pasta",
                trigger: `.o_data_row.o_selected_row:contains("Test Penne 500 g") td[name='quantity'] input`,
                run() {
                    typeInFocus("1.5");
                    press("s", {altKey: true});
                },
            },
            {
                content: "The order line refuses it with a clear message, no traceback",
                trigger:
                    ".o_error_dialog:contains('order a whole number'):not(:contains('See details'))",
            },
            {
                content: "Close the message",
                trigger: ".o_error_dialog .modal-footer .btn-primary",
                run: "click",
            },
            {
                content: "The message is closed",
                trigger: "body:not(:has(.o_error_dialog))",
            },
            {
                content: "Cancel this entry",
                trigger:
                    ".modal:not(.o_inactive_modal) .modal-footer button:contains('Cancel')",
                run: "click",
            },
            {
                content: "The entry screen is closed",
                trigger: "body:not(:has(.modal))",
            },
        ].flat(),
});
