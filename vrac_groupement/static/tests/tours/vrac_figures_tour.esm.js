/** @odoo-module */
/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

const TO_THE_MINUTE = /^\d\d\/\d\d\/\d{4} \d\d:\d\d$/;

/** A step checking that a date and time is shown to the minute. */
function toTheMinute(content, trigger) {
    return {
        content,
        trigger,
        run() {
            const text = this.anchor.textContent.trim();
            if (!TO_THE_MINUTE.test(text)) {
                throw new Error(`${content}: "${text}"`);
            }
        },
    };
}

/** A step checking the text of a field in the catalog row of a product. */
function catalogCell(product, field, expected) {
    return {
        content: `${product}: ${field} reads ${expected.join(" or ")}`,
        trigger: `.o_field_widget[name='line_ids'] .o_data_row:contains("${product}") td[name='${field}']`,
        run() {
            const text = this.anchor.textContent.trim();
            if (!expected.includes(text)) {
                throw new Error(`${product}: ${field} reads "${text}"`);
            }
        },
    };
}

/**
 * The order cycle form as a volunteer reads it (in French): quantities
 * without useless decimals, no "0,000" for "no maximum", dates to the minute.
 */
registry.category("web_tour.tours").add("vrac_figures_tour", {
    url: "/web",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the purchasing groups app",
            trigger: '.o_app[data-menu-xmlid="vrac_groupement.menu_root"]',
            run: "click",
        },
        {
            content: "Open the orders menu",
            trigger: '.o_menu_sections [data-menu-xmlid="vrac_groupement.menu_cycles"]',
            run: "click",
        },
        {
            content: "Open the order cycles",
            trigger:
                '.dropdown-item[data-menu-xmlid="vrac_groupement.vrac_order_cycle_menu"]',
            run: "click",
        },
        toTheMinute(
            "The closing date in the list is shown to the minute",
            ".o_list_view .o_data_row:contains('Test commande de décembre') td[name='date_close']"
        ),
        {
            content: "Open the cycle",
            trigger:
                ".o_list_view .o_data_row:contains('Test commande de décembre') td[name='name']",
            run: "click",
        },
        toTheMinute(
            "The closing date in the form is shown to the minute",
            ".o_form_view .o_field_widget[name='date_close'] span"
        ),
        catalogCell("Test Penne 500 g", "case_size", ["20"]),
        catalogCell("Test Huile d'olive 1 L", "case_size", ["6"]),
        catalogCell("Test Lentilles vertes (vrac)", "case_size", ["25"]),
        catalogCell("Test Lentilles vertes (vrac)", "max_per_household", ["3"]),
        catalogCell("Test Penne 500 g", "max_per_household", [
            "No maximum",
            "Pas de maximum",
        ]),
        catalogCell("Test Lentilles vertes (vrac)", "ordered_qty", ["2,5"]),
        catalogCell("Test Penne 500 g", "ordered_qty", ["4"]),
        catalogCell("Test Huile d'olive 1 L", "ordered_qty", ["0"]),
        {
            content: "Back to the list",
            trigger: ".o_breadcrumb .breadcrumb-item:not(.active) a",
            run: "click",
        },
        {
            content: "Open the cycle taking orders",
            trigger:
                ".o_list_view .o_data_row:contains('Test commande de janvier') td[name='name']",
            run: "click",
        },
        {
            content: "The closing date being edited is also to the minute",
            trigger: ".o_form_view .o_field_widget[name='date_close'] input",
            run() {
                const value = this.anchor.value;
                if (!TO_THE_MINUTE.test(value)) {
                    throw new Error(`The closing date in edition reads "${value}"`);
                }
            },
        },
        {
            content: "Change the closing date, to the minute",
            trigger: ".o_form_view .o_field_widget[name='date_close'] input",
            run: "edit 15/01/2027 18:30",
        },
        {
            content: "Save",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "The new date is saved and shown to the minute",
            trigger: ".o_form_saved .o_field_widget[name='date_close'] input",
            run() {
                const value = this.anchor.value;
                if (value !== "15/01/2027 18:30") {
                    throw new Error(`The saved closing date reads "${value}"`);
                }
            },
        },
    ],
});
