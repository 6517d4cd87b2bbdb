/** @odoo-module */
/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {PosDB} from "@point_of_sale/app/store/db";
import {patch} from "@web/core/utils/patch";

patch(PosDB.prototype, {
    /** Households are also found by their number. */
    _partner_search_string(partner) {
        const str = super._partner_search_string(...arguments);
        if (!partner.vrac_household_number) {
            return str;
        }
        // The line reads "<id>:<fields separated by |>\n".
        const number = partner.vrac_household_number.replace(/[:\n|]/g, "");
        return str.replace(/\n$/, "|" + number + "\n");
    },
});
