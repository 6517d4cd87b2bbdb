/** @odoo-module */
/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {DateTimeField, dateTimeField} from "@web/views/fields/datetime/datetime_field";
import {FloatField, floatField} from "@web/views/fields/float/float_field";
import {formatDateTime} from "@web/core/l10n/dates";
import {formatFloat} from "@web/views/fields/formatters";
import {localization} from "@web/core/l10n/localization";
import {registry} from "@web/core/registry";
import {useService} from "@web/core/utils/hooks";

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
        if (
            !this.props.formatNumber ||
            this.props.humanReadable ||
            this.props.inputType === "number"
        ) {
            return super.formattedValue;
        }
        return formatVracQuantity(value, {digits: this.digits});
    }
}

export const vracQuantityField = {
    ...floatField,
    component: VracQuantityField,
};

/** The user's date and time format, to the minute. */
export function vracDateTimeFormat() {
    return localization.dateTimeFormat.replace(/:ss/, "");
}

/** A date and time to the minute: "24/01/2027 18:00", not "18:00:00". */
export function formatVracDateTime(value) {
    return formatDateTime(value, {format: vracDateTimeFormat()});
}

export class VracDateTimeField extends DateTimeField {
    setup() {
        // The input in edition is written (and read back) by the date picker
        // of DateTimeField.setup(): give it the format to the minute.
        const picker = useService("datetime_picker");
        const create = picker.create;
        const toTheMinute =
            this.props.record.fields[this.props.name].type === "datetime" &&
            this.props.showTime;
        if (toTheMinute) {
            picker.create = (hookParams, ...args) => {
                hookParams.format = hookParams.format || vracDateTimeFormat();
                return create.call(picker, hookParams, ...args);
            };
        }
        try {
            super.setup();
        } finally {
            picker.create = create;
        }
    }

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
