/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {ControlButtons} from "@point_of_sale/app/screens/product_screen/control_buttons/control_buttons";
import {SelectCreateDialog} from "@web/views/view_dialogs/select_create_dialog";
import {patch} from "@web/core/utils/patch";

patch(ControlButtons.prototype, {
    /**
     * The till offers the households' orders of its open distribution only
     * (the server refuses the others), and the ordinary sale orders. A
     * household's order is also found by its number (the search view of the
     * distributions' orders, vrac_distribution.sale_order_view_search_vrac).
     *
     * pos_sale builds the dialog with its domain inline: the dialog is the
     * same, its domain is pos_sale's plus ours.
     */
    onClickQuotation() {
        this.dialog.add(SelectCreateDialog, {
            resModel: "sale.order",
            noCreate: true,
            multiSelect: false,
            domain: this.vracQuotationDomain(),
            context: {
                search_view_ref: "vrac_distribution.sale_order_view_search_vrac",
            },
            onSelected: async (resIds) => {
                await this.pos.onClickSaleOrder(resIds[0]);
            },
        });
    },

    vracQuotationDomain() {
        const distributionId = this.pos.config._vrac_distribution_id;
        const vracDomain = distributionId
            ? [
                  "|",
                  ["vrac_cycle_id", "=", false],
                  ["vrac_distribution_id", "=", distributionId],
              ]
            : [["vrac_cycle_id", "=", false]];
        return [
            ["state", "!=", "cancel"],
            ["invoice_status", "!=", "invoiced"],
            ["currency_id", "=", this.pos.currency.id],
            ...vracDomain,
        ];
    },
});
