/** @odoo-module */
/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {SaleOrderManagementControlPanel} from "@pos_sale/app/order_management_screen/sale_order_management_control_panel/sale_order_management_control_panel";
import {patch} from "@web/core/utils/patch";

patch(SaleOrderManagementControlPanel.prototype, {
    /** A household is also found by its number ("household: 0042" too). */
    get searchFields() {
        return [...super.searchFields, "vrac_household_number"];
    },
    get validSearchTags() {
        return new Set([...super.validSearchTags, "household"]);
    },
    get fieldMap() {
        return {...super.fieldMap, household: "vrac_household_number"};
    },
    /**
     * The till offers the households' orders of its open distribution only
     * (the server refuses the others), and the ordinary sale orders.
     */
    _computeDomain() {
        const domain = super._computeDomain(...arguments);
        const distributionId = this.pos.config.vrac_distribution_id;
        const vracDomain = distributionId
            ? [
                  "|",
                  ["vrac_cycle_id", "=", false],
                  ["vrac_distribution_id", "=", distributionId],
              ]
            : [["vrac_cycle_id", "=", false]];
        return [...vracDomain, ...domain];
    },
});
