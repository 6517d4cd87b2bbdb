/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {AlertDialog} from "@web/core/confirmation_dialog/confirmation_dialog";
import {ConnectionLostError} from "@web/core/network/rpc";
import {ControlButtons} from "@point_of_sale/app/screens/product_screen/control_buttons/control_buttons";
import {SelectionPopup} from "@point_of_sale/app/utils/input_popups/selection_popup";
import {_t} from "@web/core/l10n/translation";
import {makeAwaitable} from "@point_of_sale/app/store/make_awaitable_dialog";
import {patch} from "@web/core/utils/patch";

/**
 * The solidarity discount: the cashier picks a percentage, asks nothing, and
 * the discount is charged to the fund of the till.
 */
patch(ControlButtons.prototype, {
    async onClickVracSolidarity() {
        const order = this.pos.get_order();
        let available = 0;
        try {
            available = await this.pos.vracGetSolidarityAvailable();
        } catch (error) {
            if (!(error instanceof ConnectionLostError)) {
                throw error;
            }
            this.dialog.add(AlertDialog, {
                title: _t("No connection"),
                body: _t(
                    "The till cannot ask the solidarity fund right now. Try again in a moment; the order is kept as it is."
                ),
            });
            return;
        }
        const format = (amount) => this.env.utils.formatCurrency(amount);
        if (available <= 0) {
            this.vracRefuseSolidarity(available);
            return;
        }
        const list = this.pos.vracSolidarityFund.percentages.map((percentage) => ({
            id: percentage,
            item: percentage,
            label: `${percentage} %`,
            description: format(this.pos.vracSolidarityAmount(order, percentage)),
        }));
        const percentage = await makeAwaitable(this.dialog, SelectionPopup, {
            title: _t("Discount (the fund can give %(amount)s)", {
                amount: format(available),
            }),
            list,
        });
        if (percentage === undefined || percentage === null) {
            return;
        }
        const amount = this.pos.vracSolidarityAmount(order, percentage);
        if (amount > available + this.pos.currency.rounding / 2) {
            this.vracRefuseSolidarity(available, amount);
            return;
        }
        await this.pos.vracApplySolidarityDiscount(order, amount);
    },

    vracRefuseSolidarity(available, amount = null) {
        const format = (value) => this.env.utils.formatCurrency(value);
        let body = _t(
            "The solidarity fund cannot cover this discount today: it can give %(available)s.",
            {available: format(available)}
        );
        if (amount !== null) {
            body = _t(
                "The solidarity fund cannot cover this discount today: the discount would be %(amount)s and the fund can give %(available)s.",
                {amount: format(amount), available: format(available)}
            );
        }
        body +=
            " " +
            _t("Nothing was changed in the order. You may choose a smaller discount.");
        this.dialog.add(AlertDialog, {title: _t("Sorry, not today"), body});
    },
});
