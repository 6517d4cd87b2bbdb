/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {ResPartner} from "@point_of_sale/app/models/res_partner";
import {patch} from "@web/core/utils/patch";

patch(ResPartner.prototype, {
    /** Households are also found by their number among the loaded ones. */
    get searchString() {
        const str = super.searchString;
        return this.vrac_household_number
            ? `${str} ${this.vrac_household_number}`
            : str;
    },
});
