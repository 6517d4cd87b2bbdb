/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {ProductScreen} from "@point_of_sale/app/screens/product_screen/product_screen";
import {patch} from "@web/core/utils/patch";

/* A household scanned by its card is checked like one picked in the list. */
patch(ProductScreen.prototype, {
    async _barcodePartnerAction(code) {
        const previous = this.currentOrder.get_partner();
        const res = await super._barcodePartnerAction(code);
        const partner = this.currentOrder.get_partner();
        if (partner && partner !== previous) {
            await this.pos.vracCheckMembership(this.currentOrder);
        }
        return res;
    },
});
