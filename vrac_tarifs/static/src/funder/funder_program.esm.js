/** @odoo-module */
/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {Order, Orderline} from "@point_of_sale/app/store/models";
import {PaymentScreen} from "@point_of_sale/app/screens/payment_screen/payment_screen";
import {PosStore} from "@point_of_sale/app/store/pos_store";
import {_t} from "@web/core/l10n/translation";
import {patch} from "@web/core/utils/patch";
import {roundPrecision} from "@web/core/utils/numbers";

/**
 * Funder-paid programs at the till: when the order's household is eligible,
 * a line "Paid by <funder>" takes the funder's share of the eligible
 * products off what the household pays. The line follows the order: it is
 * added, updated or removed by itself, like pos_loyalty's reward lines.
 */
patch(PosStore.prototype, {
    async _processData(loadedData) {
        await super._processData(...arguments);
        this.vracFunderPrograms = (loadedData["vrac.funder.program"] || []).map(
            (program) => ({
                ...program,
                product_ids: new Set(program.product_ids),
                categ_ids: new Set(program.categ_ids),
                // Shares of the orders validated since the till was opened.
                spent: 0,
            })
        );
        this.vracFunderProgramByProduct = {};
        for (const program of this.vracFunderPrograms) {
            this.vracFunderProgramByProduct[program.share_product_id] = program;
        }
    },

    vracIsFunderLine(line) {
        return Boolean(
            this.vracFunderProgramByProduct &&
                this.vracFunderProgramByProduct[line.get_product().id]
        );
    },

    vracFunderCovers(program, product) {
        if (this.vracFunderProgramByProduct[product.id] || product.membership) {
            return false;
        }
        if (program.all_products) {
            return true;
        }
        const categId = product.categ_id && product.categ_id[0];
        return program.product_ids.has(product.id) || program.categ_ids.has(categId);
    },

    /** What is left of the program's budget at this till, null without cap. */
    vracFunderRemaining(program) {
        if (program.budget_remaining === false) {
            return null;
        }
        return Math.max(program.budget_remaining - program.spent, 0);
    },
});

patch(Order.prototype, {
    init_from_JSON() {
        this.vracFunderLock = true;
        try {
            super.init_from_JSON(...arguments);
        } finally {
            this.vracFunderLock = false;
        }
    },

    async add_product() {
        const result = await super.add_product(...arguments);
        this.vracUpdateFunderShares();
        return result;
    },

    set_partner() {
        super.set_partner(...arguments);
        this.vracUpdateFunderShares();
    },

    removeOrderline(line) {
        const result = super.removeOrderline(...arguments);
        if (!this.pos.vracIsFunderLine(line)) {
            this.vracUpdateFunderShares();
        }
        return result;
    },

    vracFunderLines() {
        return this.get_orderlines().filter((line) => this.pos.vracIsFunderLine(line));
    },

    /** {program id: share} that the lines of this order give the funders. */
    vracFunderShares() {
        const shares = {};
        for (const line of this.vracFunderLines()) {
            const program = this.pos.vracFunderProgramByProduct[line.get_product().id];
            shares[program.id] = (shares[program.id] || 0) - line.get_price_with_tax();
        }
        return shares;
    },

    /** Add, update or remove the lines "Paid by <funder>". */
    vracUpdateFunderShares() {
        const programs = this.pos.vracFunderPrograms;
        if (this.vracFunderLock || !programs || !programs.length || this.finalized) {
            return;
        }
        this.vracFunderLock = true;
        try {
            const partner = this.get_partner();
            const programIds = new Set(
                (partner && partner.vrac_funder_program_ids) || []
            );
            const rounding = this.pos.currency.rounding;
            const covered = new Set();
            const lines = this.get_orderlines().filter(
                (line) => !this.pos.vracIsFunderLine(line) && !line.is_reward_line
            );
            for (const program of programs) {
                let base = 0;
                if (programIds.has(program.id)) {
                    for (const line of lines) {
                        if (
                            !covered.has(line.cid) &&
                            this.pos.vracFunderCovers(program, line.get_product())
                        ) {
                            covered.add(line.cid);
                            base += line.get_price_with_tax();
                        }
                    }
                }
                let share = roundPrecision(
                    (base * program.share_percent) / 100,
                    rounding
                );
                const remaining = this.pos.vracFunderRemaining(program);
                if (remaining !== null && share > remaining) {
                    this.vracNotifyFunderLowered(program, share, remaining);
                    share = remaining;
                } else {
                    this.vracLoweredShares()[program.id] = null;
                }
                this.vracSetFunderLine(program, share > 0 ? share : 0);
            }
        } finally {
            this.vracFunderLock = false;
        }
    },

    /**
     * Tell the cashier when the budget left lowers the funder's share (once
     * per order and amount): the household pays the difference.
     */
    vracNotifyFunderLowered(program, share, remaining) {
        const lowered = this.vracLoweredShares();
        if (lowered[program.id] === remaining) {
            return;
        }
        lowered[program.id] = remaining;
        const format = (amount) => this.env.utils.formatCurrency(amount);
        this.env.services.pos_notification.add(
            _t(
                "%(program)s: only %(remaining)s left in the budget. The funder pays %(remaining)s instead of %(share)s; the household pays the rest.",
                {
                    program: program.name,
                    remaining: format(remaining),
                    share: format(share),
                }
            ),
            8000
        );
    },

    /** {program id: the lowered share the cashier was told of}. */
    vracLoweredShares() {
        if (!this.vracLowered) {
            this.vracLowered = {};
        }
        return this.vracLowered;
    },

    vracSetFunderLine(program, share) {
        const existing = this.get_orderlines().find(
            (line) => line.get_product().id === program.share_product_id
        );
        if (!share) {
            if (existing) {
                this.removeOrderline(existing);
            }
            return;
        }
        if (existing) {
            if (existing.get_unit_price() !== -share) {
                existing.set_unit_price(-share);
            }
            return;
        }
        const product = this.pos.db.get_product_by_id(program.share_product_id);
        if (!product) {
            return;
        }
        const line = new Orderline(
            {env: this.env},
            {pos: this.pos, order: this, product, price: -share}
        );
        line.price_type = "manual";
        line.set_unit_price(-share);
        // Not selected: the numpad stays on the cashier's last product.
        this.orderlines.add(line);
    },
});

patch(Orderline.prototype, {
    set_quantity() {
        const result = super.set_quantity(...arguments);
        this.vracFunderLineChanged();
        return result;
    },

    set_discount() {
        const result = super.set_discount(...arguments);
        this.vracFunderLineChanged();
        return result;
    },

    vracFunderLineChanged() {
        const order = this.order;
        if (
            order &&
            !order.vracFunderLock &&
            order.orderlines &&
            order.orderlines.includes(this) &&
            !this.pos.vracIsFunderLine(this)
        ) {
            order.vracUpdateFunderShares();
        }
    },
});

patch(PaymentScreen.prototype, {
    async _finalizeValidation() {
        const order = this.currentOrder;
        const shares = order.vracFunderShares();
        await super._finalizeValidation(...arguments);
        if (order.finalized) {
            for (const program of this.pos.vracFunderPrograms || []) {
                program.spent += shares[program.id] || 0;
            }
        }
    },
});
