/** @odoo-module */
/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {X2ManyField, x2ManyField} from "@web/views/fields/x2many/x2many_field";
import {ListRenderer} from "@web/views/list/list_renderer";
import {registry} from "@web/core/registry";
import {useEffect} from "@odoo/owl";

/**
 * The lines of the order entry screen. Their cells cannot be reached with
 * Tab from the household field, so when the household's lines appear the
 * first quantity is put in edition (and focused): the volunteer types the
 * quantities, Enter or Tab going from one to the next.
 */
export class VracOrderEntryListRenderer extends ListRenderer {
    setup() {
        super.setup();
        useEffect(
            (firstRecord) => {
                const list = this.props.list;
                if (firstRecord && !list.editedRecord) {
                    list.enterEditMode(firstRecord);
                }
            },
            () => [this.props.list.records[0]]
        );
    }
}

export class VracOrderEntryLinesField extends X2ManyField {
    static components = {
        ...X2ManyField.components,
        ListRenderer: VracOrderEntryListRenderer,
    };
}

registry.category("fields").add("vrac_order_entry_lines", {
    ...x2ManyField,
    component: VracOrderEntryLinesField,
});
