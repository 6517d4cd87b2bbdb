/** @odoo-module */
/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {Component} from "@odoo/owl";
import {ConnectionLostError} from "@web/core/network/rpc_service";
import {ErrorPopup} from "@point_of_sale/app/errors/popups/error_popup";
import {ProductScreen} from "@point_of_sale/app/screens/product_screen/product_screen";
import {SelectionPopup} from "@point_of_sale/app/utils/input_popups/selection_popup";
import {_t} from "@web/core/l10n/translation";
import {usePos} from "@point_of_sale/app/store/pos_hook";
import {useService} from "@web/core/utils/hooks";

/**
 * The solidarity discount: the cashier picks a percentage, asks nothing, and
 * the discount is charged to the fund of the till.
 */
export class VracSolidarityButton extends Component {
    static template = "vrac_tarifs.VracSolidarityButton";

    setup() {
        this.pos = usePos();
        this.popup = useService("popup");
    }

    async click() {
        const order = this.pos.get_order();
        let available = 0;
        try {
            available = await this.pos.vracGetSolidarityAvailable();
        } catch (error) {
            if (!(error instanceof ConnectionLostError)) {
                throw error;
            }
            await this.popup.add(ErrorPopup, {
                title: _t("No connection"),
                body: _t(
                    "The till cannot ask the solidarity fund right now. Try again in a moment; the order is kept as it is."
                ),
            });
            return;
        }
        const format = (amount) => this.env.utils.formatCurrency(amount);
        if (available <= 0) {
            await this.vracRefuse(available);
            return;
        }
        const list = this.pos.vracSolidarityFund.percentages.map((percentage) => ({
            id: percentage,
            item: percentage,
            label: `${percentage} %`,
            description: format(this.pos.vracSolidarityAmount(order, percentage)),
        }));
        const {confirmed, payload} = await this.popup.add(SelectionPopup, {
            title: _t("Discount (the fund can give %(amount)s)", {
                amount: format(available),
            }),
            list,
        });
        if (!confirmed) {
            return;
        }
        const amount = this.pos.vracSolidarityAmount(order, payload);
        if (amount > available + this.pos.currency.rounding / 2) {
            await this.vracRefuse(available, amount);
            return;
        }
        this.pos.vracApplySolidarityDiscount(order, amount);
    }

    async vracRefuse(available, amount = null) {
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
        await this.popup.add(ErrorPopup, {
            title: _t("Sorry, not today"),
            body,
        });
    }
}

ProductScreen.addControlButton({
    component: VracSolidarityButton,
    condition: function () {
        return Boolean(this.pos.vracSolidarityFund);
    },
});
