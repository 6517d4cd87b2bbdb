/** @odoo-module */
/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {ProductScreen} from "@point_of_sale/app/screens/product_screen/product_screen";
import {SetPricelistButton} from "@point_of_sale/app/screens/product_screen/control_buttons/pricelist_button/pricelist_button";
import {patch} from "@web/core/utils/patch";

// With income tiers the price follows the household: no pricelist button, so
// that no tier name ever shows at the till.
ProductScreen.addControlButton({
    component: SetPricelistButton,
    condition: function () {
        const {config, pricelists} = this.pos;
        return config.use_pricelist && pricelists.length > 0 && !config.vrac_use_tiers;
    },
    position: ["replace", "SetPricelistButton"],
});

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
