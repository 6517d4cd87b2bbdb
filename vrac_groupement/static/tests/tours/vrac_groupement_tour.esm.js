/** @odoo-module */
/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("vrac_groupement_tour", {
    url: "/web",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the purchasing groups app",
            trigger: '.o_app[data-menu-xmlid="vrac_groupement.menu_root"]',
            run: "click",
        },
        {
            content: "The group card shows its indicators",
            trigger:
                '.o_kanban_record:contains("Test Romans Monnaie"):contains("member households")',
        },
        {
            content: "Open the group",
            trigger: '.o_kanban_record:contains("Test Romans Monnaie")',
            run: "click",
        },
        {
            content: "Open its households",
            trigger: '.o_form_view button[name="action_view_households"]',
            run: "click",
        },
        {
            content: "The household of the group is listed",
            trigger: '.o_list_view .o_data_row:contains("Foyer Martin")',
        },
    ],
});
