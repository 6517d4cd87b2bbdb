/** @odoo-module */
/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {DateTimeField, dateTimeField} from "@web/views/fields/datetime/datetime_field";
import {FloatField, floatField} from "@web/views/fields/float/float_field";
import {formatDateTime} from "@web/core/l10n/dates";
import {formatFloat} from "@web/views/fields/formatters";
import {localization} from "@web/core/l10n/localization";
import {registry} from "@web/core/registry";

/**
 * A quantity as a volunteer reads it: "2" for 2 units, "1,5" or "2,941" for
 * weighed products (to the gram), never "2,000".
 */
export function formatVracQuantity(value, options = {}) {
    if (value === false) {
        return "";
    }
    return formatFloat(value, {...options, trailingZeros: false});
}

/**
 * The quantity field: no useless decimals. With a placeholder, a zero that
 * means "no maximum" shows the placeholder instead of "0" (read-only: its
 * text; in edition: an empty input with the placeholder, typing a figure
 * sets it).
 */
export class VracQuantityField extends FloatField {
    get formattedValue() {
        const value = this.value;
        if (this.props.placeholder && !value) {
            return this.props.readonly ? this.props.placeholder : "";
        }
        if (!this.props.formatNumber || this.props.humanReadable) {
            return super.formattedValue;
        }
        return formatVracQuantity(value, {digits: this.digits});
    }
}

export const vracQuantityField = {
    ...floatField,
    component: VracQuantityField,
};

/** A date and time to the minute: "24/01/2027 18:00", not "18:00:00". */
export function formatVracDateTime(value) {
    return formatDateTime(value, {
        format: localization.dateTimeFormat.replace(/:ss/, ""),
    });
}

export class VracDateTimeField extends DateTimeField {
    getFormattedValue(valueIndex) {
        const value = this.values[valueIndex];
        if (value && this.field.type === "datetime" && this.props.showTime) {
            return formatVracDateTime(value);
        }
        return super.getFormattedValue(valueIndex);
    }
}

export const vracDateTimeField = {
    ...dateTimeField,
    component: VracDateTimeField,
};

registry.category("fields").add("vrac_quantity", vracQuantityField);
registry.category("fields").add("vrac_datetime", vracDateTimeField);
// Totals of list columns use the formatter of the column's widget.
registry.category("formatters").add("vrac_quantity", formatVracQuantity);
registry.category("formatters").add("vrac_datetime", formatVracDateTime);
