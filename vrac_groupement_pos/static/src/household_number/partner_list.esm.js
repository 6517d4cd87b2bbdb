/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {PartnerList} from "@point_of_sale/app/screens/partner_list/partner_list";
import {patch} from "@web/core/utils/patch";

patch(PartnerList.prototype, {
    /**
     * Search households beyond the ones loaded by their number too (the
     * number may be typed without its leading zeros). The households found
     * join the loaded partners, which the list shows by their search string;
     * what is returned is core's page, so that "load more" pages as before.
     */
    async getNewPartners() {
        const partners = await super.getNewPartners(...arguments);
        const query = (this.state.query || "").trim();
        if (query && !this.state.currentOffset) {
            await this.pos.data.searchRead(
                "res.partner",
                [["vrac_household_number", "ilike", query]],
                [],
                {limit: 30}
            );
        }
        return partners;
    },
});
