/* Copyright 2026 VRAC for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {PosStore} from "@point_of_sale/app/store/pos_store";
import {_t} from "@web/core/l10n/translation";
import {batched} from "@web/core/utils/timing";
import {effect} from "@web/core/utils/reactive";
import {patch} from "@web/core/utils/patch";
import {roundPrecision} from "@web/core/utils/numbers";

/**
 * Funder-paid programs at the till: when the order's household is eligible,
 * a line "Paid by <funder>" takes the funder's share of the eligible
 * products off what the household pays. The line follows the order by
 * itself, as pos_loyalty's reward lines do: an effect on the current order
 * recomputes it whenever its household or lines change.
 *
 * The programs of the day are the records of vrac.funder.program
 * (vrac.funder.program._load_pos_data); the rules of the share are their
 * `_` values.
 */
patch(PosStore.prototype, {
    async setup() {
        // Shares of the orders validated since the till was opened, per program.
        this.vracFunderSpent = {};
        await super.setup(...arguments);
        effect(
            batched((orders) => {
                const order = Array.from(orders.values()).find(
                    (candidate) => candidate.uuid === this.selectedOrderUuid
                );
                if (order) {
                    this.vracUpdateFunderShares(order);
                }
            }),
            [this.data.records["pos.order"]]
        );
    },

    get vracFunderPrograms() {
        return this.models["vrac.funder.program"]?.getAll() || [];
    },

    vracFunderProgramOfProduct(product) {
        return this.vracFunderPrograms.find(
            (program) => program._share_product_id === product.id
        );
    },

    vracIsFunderLine(line) {
        return Boolean(this.vracFunderProgramOfProduct(line.get_product()));
    },

    vracFunderCovers(program, product) {
        if (this.vracFunderProgramOfProduct(product) || product.membership) {
            return false;
        }
        if (program._all_products) {
            return true;
        }
        return (
            program._product_ids.includes(product.id) ||
            program._categ_ids.includes(product.raw.categ_id)
        );
    },

    /** What is left of the program's budget at this till, null without cap. */
    vracFunderRemaining(program) {
        if (program._budget_remaining === false) {
            return null;
        }
        return Math.max(
            program._budget_remaining - (this.vracFunderSpent[program.id] || 0),
            0
        );
    },

    vracFunderLines(order) {
        return order.get_orderlines().filter((line) => this.vracIsFunderLine(line));
    },

    /** {program id: share} that the lines of the order give the funders. */
    vracFunderShares(order) {
        const shares = {};
        for (const line of this.vracFunderLines(order)) {
            const program = this.vracFunderProgramOfProduct(line.get_product());
            shares[program.id] = (shares[program.id] || 0) - line.get_price_with_tax();
        }
        return shares;
    },

    /** Add, update or remove the order's lines "Paid by <funder>". */
    vracUpdateFunderShares(order) {
        const programs = this.vracFunderPrograms;
        if (!programs.length || order.finalized || order.state !== "draft") {
            return;
        }
        const partner = order.get_partner();
        const programIds = new Set(
            ((partner && partner.vrac_funder_program_ids) || []).map(
                (program) => program.id
            )
        );
        const covered = new Set();
        const lines = order
            .get_orderlines()
            .filter((line) => !this.vracIsFunderLine(line) && !line.is_reward_line);
        for (const program of programs) {
            let base = 0;
            if (programIds.has(program.id)) {
                for (const line of lines) {
                    if (
                        !covered.has(line.uuid) &&
                        this.vracFunderCovers(program, line.get_product())
                    ) {
                        covered.add(line.uuid);
                        base += line.get_price_with_tax();
                    }
                }
            }
            let share = roundPrecision(
                (base * program.share_percent) / 100,
                this.currency.rounding
            );
            const remaining = this.vracFunderRemaining(program);
            const lowered = this.vracLoweredShares(order);
            if (remaining !== null && share > remaining) {
                this.vracNotifyFunderLowered(order, program, share, remaining);
                share = remaining;
            } else if (lowered[program.id] !== undefined) {
                delete lowered[program.id];
            }
            this.vracSetFunderLine(order, program, share > 0 ? share : 0);
        }
    },

    /** {program id: the lowered share the cashier was told of}, per order. */
    vracLoweredShares(order) {
        if (!order.uiState.vracLoweredShares) {
            order.uiState.vracLoweredShares = {};
        }
        return order.uiState.vracLoweredShares;
    },

    /**
     * Tell the cashier when the budget left lowers the funder's share (once
     * per order and amount): the household pays the difference.
     */
    vracNotifyFunderLowered(order, program, share, remaining) {
        const lowered = this.vracLoweredShares(order);
        if (lowered[program.id] === remaining) {
            return;
        }
        lowered[program.id] = remaining;
        const format = (amount) => this.env.utils.formatCurrency(amount);
        this.notification.add(
            _t(
                "%(program)s: only %(remaining)s left in the budget. The funder pays %(remaining)s instead of %(share)s; the household pays the rest.",
                {
                    program: program.name,
                    remaining: format(remaining),
                    share: format(share),
                }
            ),
            {type: "warning", sticky: false}
        );
    },

    vracSetFunderLine(order, program, share) {
        const existing = order
            .get_orderlines()
            .find((line) => line.get_product().id === program._share_product_id);
        if (!share) {
            if (existing) {
                order.removeOrderline(existing);
            }
            return;
        }
        if (existing) {
            if (existing.get_unit_price() !== -share) {
                existing.set_unit_price(-share);
            }
            return;
        }
        const product = this.models["product.product"].get(program._share_product_id);
        if (!product) {
            return;
        }
        // Not selected: the numpad stays on the cashier's last product.
        this.models["pos.order.line"].create({
            order_id: order,
            product_id: product,
            price_unit: -share,
            price_type: "manual",
            qty: 1,
            tax_ids: product.taxes_id.map((tax) => ["link", tax]),
        });
    },
});
