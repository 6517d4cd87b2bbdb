/** @odoo-module */
/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {PartnerListScreen} from "@point_of_sale/app/screens/partner_list/partner_list";
import {patch} from "@web/core/utils/patch";

patch(PartnerListScreen.prototype, {
    /**
     * Search households beyond the ones loaded by their number too (the
     * number may be typed without its leading zeros).
     */
    async getNewPartners() {
        if (!this.state.query) {
            return super.getNewPartners(...arguments);
        }
        const query = this.state.query.trim();
        const searchFields = ["name", "parent_name", "phone_mobile_search", "email"];
        const domain = [
            ...Array(searchFields.length).fill("|"),
            ...searchFields.map((field) => [field, "ilike", query + "%"]),
            ["vrac_household_number", "ilike", query],
        ];
        return await this.orm.silent.call(
            "pos.session",
            "get_pos_ui_res_partner_by_params",
            [
                [odoo.pos_session_id],
                {domain, limit: 30, offset: this.state.currentOffset},
            ]
        );
    },
});
