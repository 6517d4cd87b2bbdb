# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The monthly food credit ("caisse alimentaire"): Odoo's eWallet programs
(loyalty.program, loyalty.card, loyalty.reward of pos_loyalty) paying
approved products only, topped up every month. Its history is
vrac.food.credit.move, its figures vrac.food.credit.report."""

from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, float_compare, formatLang

# Reward fields whose change Odoo passes on to the reward's product.
PRODUCT_FIELDS = {"description", "active"}


class LoyaltyProgram(models.Model):
    """A monthly food credit is an eWallet program of pos_loyalty.

    One card per enrolled household, topped up every month; its reward pays
    only the products of the approved tag (``discount_applicability`` is
    ``specific``), which the till honours.
    """

    _name = "loyalty.program"
    _inherit = ["loyalty.program", "vrac.money.mixin"]

    vrac_food_credit = fields.Boolean(
        string="Monthly food credit",
        help="The enrolled households' cards are topped up every month.",
    )
    vrac_credit_base = fields.Monetary(
        string="Monthly credit per household",
        help="Credited every month on the card of each enrolled household.",
    )
    vrac_credit_per_person = fields.Monetary(
        string="Per additional person",
        help="Added to the monthly credit for every person of the household "
        "after the first.",
    )
    vrac_credit_rule = fields.Selection(
        [
            ("carry", "Carried over to the next month"),
            ("expire", "Expires at the end of the month"),
        ],
        string="Unused credit",
        default="expire",
        required=True,
    )
    vrac_contribution_product_id = fields.Many2one(
        "product.product",
        string="Contribution product",
        check_company=True,
        help="Sold to the households who contribute by their means; its income "
        "account is the credit fund's.",
    )
    vrac_account_id = fields.Many2one(
        "account.account",
        string="Credit fund account",
        check_company=True,
        domain="[('deprecated', '=', False)]",
        help="The fund that pays the food credit: the credit spent at the till "
        "is charged to it and the households' contributions are credited to it "
        "(set on the eWallet and contribution products).",
    )
    vrac_last_top_up = fields.Date(
        string="Last monthly credit",
        readonly=True,
        copy=False,
        help="First day of the last month credited.",
    )

    @api.constrains(
        "vrac_food_credit", "program_type", "vrac_credit_base", "vrac_credit_per_person"
    )
    def _check_vrac_food_credit(self):
        for program in self:
            if program.vrac_food_credit and program.program_type != "ewallet":
                raise ValidationError(
                    _(
                        "%(program)s: a monthly food credit must be an eWallet "
                        "program.",
                        program=program.name,
                    )
                )
            if program.vrac_credit_base < 0 or program.vrac_credit_per_person < 0:
                raise ValidationError(
                    _(
                        "%(program)s: the monthly credit cannot be negative.",
                        program=program.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        programs = super().create(vals_list)
        programs._vrac_sync_fund_account()
        return programs

    def write(self, vals):
        res = super().write(vals)
        if {
            "vrac_account_id",
            "vrac_contribution_product_id",
            "reward_ids",
            "vrac_food_credit",
        } & set(vals):
            self._vrac_sync_fund_account()
        return res

    def _vrac_sync_fund_account(self):
        """Approved products only; the products book on the credit fund.

        The simplified eWallet form cannot restrict the reward to some
        products: a food credit's reward is restricted to the approved tag
        unless it already names its products.
        """
        tag = self.env.ref("vrac_tarifs.product_tag_food_credit", False)
        rewards = self.filtered("vrac_food_credit").reward_ids.filtered(
            lambda reward: (
                reward.discount_applicability != "specific"
                or not (
                    reward.discount_product_ids
                    or reward.discount_product_category_id
                    or reward.discount_product_tag_id
                )
            )
        )
        if rewards and tag:
            rewards.write(
                {
                    "discount_applicability": "specific",
                    "discount_product_tag_id": tag.id,
                }
            )
        for program in self.filtered("vrac_account_id"):
            # Superuser: coordinators may not write product accounts; only the reward
            # and contribution products of the programs of `self`, which they write, are
            # set.
            products = (
                (
                    program.reward_ids.discount_line_product_id
                    | program.vrac_contribution_product_id
                )
                .sudo()
                .with_company(program.company_id or self.env.company)
            )
            products.filtered(
                lambda product, program=program: (
                    product.property_account_income_id != program.vrac_account_id
                )
            ).property_account_income_id = program.vrac_account_id

    def toggle_active(self):
        """Odoo passes the program's state on to its rewards' products, which
        coordinators may not write: done for them once their right on the
        programs is checked."""
        if self.env.su:
            return super().toggle_active()
        self.check_access("write")
        # Checked above: the caller may write these programs.
        return super(LoyaltyProgram, self.sudo()).toggle_active()

    def action_vrac_enrol(self, partners):
        """Give each household its single card (none for those who have one;
        an archived card is reactivated)."""
        self.ensure_one()
        households = partners.commercial_partner_id.filtered("vrac_is_household")
        if partners.commercial_partner_id - households:
            raise UserError(
                _(
                    "Only member households can be enrolled in %(program)s: %(names)s.",
                    program=self.name,
                    names=", ".join(
                        (partners.commercial_partner_id - households).mapped(
                            "display_name"
                        )
                    ),
                )
            )
        Card = self.env["loyalty.card"]
        cards = Card.with_context(active_test=False).search(
            [("program_id", "=", self.id), ("partner_id", "in", households.ids)]
        )
        cards.filtered(lambda card: not card.active).active = True
        enrolled = cards.partner_id
        return Card.create(
            [
                {"program_id": self.id, "partner_id": household.id, "points": 0.0}
                for household in households - enrolled
            ]
        )

    def _vrac_monthly_amounts(self, cards):
        """{card: credit of the month}: base plus per additional person."""
        self.ensure_one()
        return {
            card: self.currency_id.round(
                self.vrac_credit_base
                + self.vrac_credit_per_person
                * max(card.partner_id.vrac_person_count - 1, 0)
            )
            for card in cards
        }

    def _vrac_top_up(self, date):
        """Credit the month of ``date`` on every card, once per month.

        Set-wise: cards are updated in one query per distinct amount. With
        the expiry rule, what was left is recorded as expired first.
        """
        month = date.replace(day=1)
        programs = self.filtered(
            lambda program: (
                program.vrac_food_credit
                and program.active
                and (not program.vrac_last_top_up or program.vrac_last_top_up < month)
                and (not program.date_from or program.date_from <= date)
                and (not program.date_to or program.date_to >= date)
            )
        )
        programs = programs._vrac_claim_month(month)
        # Superuser: the monthly top-up (scheduler) writes cards and credit moves; only
        # those of the programs of `self` are read and written.
        Card = self.env["loyalty.card"].sudo()
        Move = self.env["vrac.food.credit.move"].sudo()
        cards_by_program = Card.search(
            [("program_id", "in", programs.ids), ("partner_id", "!=", False)]
        ).grouped("program_id")
        move_vals = []
        for program in programs:
            cards = cards_by_program.get(program, Card)
            amounts = program._vrac_monthly_amounts(cards)
            if program.vrac_credit_rule == "expire":
                for card in cards.filtered(lambda card: card.points > 0):
                    move_vals.append(
                        card._vrac_credit_move_vals(month, "expire", card.points)
                    )
            by_amount = defaultdict(list)
            for card, amount in amounts.items():
                by_amount[amount].append(card.id)
                if amount:
                    move_vals.append(
                        card._vrac_credit_move_vals(month, "issue", amount)
                    )
            cards.flush_recordset(["points"])
            for amount, card_ids in by_amount.items():
                if program.vrac_credit_rule == "expire":
                    query = SQL(
                        "UPDATE loyalty_card SET points = %s WHERE id IN %s",
                        amount,
                        tuple(card_ids),
                    )
                else:
                    query = SQL(
                        "UPDATE loyalty_card SET points = COALESCE(points, 0) + %s "
                        "WHERE id IN %s",
                        amount,
                        tuple(card_ids),
                    )
                self.env.cr.execute(query)
            cards.invalidate_recordset(["points"])
        Move.create(move_vals)
        return programs

    def _vrac_claim_month(self, month):
        """Mark ``month`` as credited first; return the programs to credit.

        One UPDATE both checks and marks the month: of two top-ups run at
        once (the cron and a click), the second is refused by PostgreSQL
        and, replayed, finds the month done (see ``lock_money_rows``).
        """
        if not self:
            return self
        self.flush_recordset(["vrac_last_top_up"])
        self.env.cr.execute(
            SQL(
                "UPDATE loyalty_program SET vrac_last_top_up = %s "
                "WHERE id IN %s "
                "AND (vrac_last_top_up IS NULL OR vrac_last_top_up < %s) "
                "RETURNING id",
                month,
                tuple(self.ids),
                month,
            )
        )
        claimed = self.browse(row[0] for row in self.env.cr.fetchall())
        self.invalidate_recordset(["vrac_last_top_up"])
        return self & claimed

    @api.model
    def _vrac_cron_food_credit(self):
        """Monthly: credit the food credit cards."""
        programs = self.search([("vrac_food_credit", "=", True)])
        programs._vrac_top_up(fields.Date.context_today(self))

    @api.model
    def _vrac_check_food_credit_orders(self, orders):
        """The food credit pays approved products only, nothing else.

        The till applies it so; an order saying otherwise is refused.
        """
        # Superuser: the cashier may not read every reward; only the lines of the orders
        # of `self` being paid are checked.
        lines = orders.sudo().lines
        reward_lines = lines.filtered(
            lambda line: line.reward_id.program_id.vrac_food_credit
        )
        for order, order_reward_lines in reward_lines.grouped("order_id").items():
            for reward, credit_lines in order_reward_lines.grouped("reward_id").items():
                paid = -sum(credit_lines.mapped("price_subtotal_incl"))
                others = order.lines - reward_lines
                approved = others.product_id.filtered_domain(
                    reward._get_discount_product_domain()
                )
                base = sum(
                    others.filtered(
                        lambda line, approved=approved: line.product_id in approved
                    ).mapped("price_subtotal_incl")
                )
                if (
                    float_compare(
                        paid, base, precision_rounding=order.currency_id.rounding
                    )
                    > 0
                ):
                    raise UserError(
                        _(
                            "The food credit pays approved products only: "
                            "%(paid)s asked for %(base)s of approved products. "
                            "The rest of the order is paid otherwise.",
                            paid=formatLang(
                                self.env, paid, currency_obj=order.currency_id
                            ),
                            base=formatLang(
                                self.env, base, currency_obj=order.currency_id
                            ),
                        )
                    )


class LoyaltyCard(models.Model):
    _name = "loyalty.card"
    _inherit = ["loyalty.card", "vrac.money.mixin"]

    vrac_groupement_id = fields.Many2one(
        related="partner_id.commercial_partner_id.vrac_groupement_id",
        string="Purchasing group",
        store=True,
    )
    vrac_contribution = fields.Monetary(
        string="Monthly contribution",
        currency_field="currency_id",
        help="What the household gives every month to the credit fund, by its "
        "means; paid with the program's contribution product.",
    )

    @api.constrains("partner_id", "program_id")
    def _check_vrac_single_card(self):
        cards = self.filtered(
            lambda card: card.partner_id and card.program_id.vrac_food_credit
        )
        if not cards:
            return
        # Superuser: one food credit card per household and program, also
        # among cards the writer cannot see, archived ones included; only counts
        # for the programs and partners of `self` are read.
        counts = (
            self.sudo()
            .with_context(active_test=False)
            ._read_group(
                [
                    ("program_id", "in", cards.program_id.ids),
                    ("partner_id", "in", cards.partner_id.ids),
                ],
                ["program_id", "partner_id"],
                ["__count"],
            )
        )
        for program, partner, count in counts:
            if count > 1:
                raise ValidationError(
                    _(
                        "%(household)s already has a card of %(program)s: one "
                        "card per household.",
                        household=partner.display_name,
                        program=program.name,
                    )
                )

    def _vrac_credit_move_vals(self, month, kind, amount):
        self.ensure_one()
        return {
            "program_id": self.program_id.id,
            "card_id": self.id,
            "partner_id": self.partner_id.id,
            "groupement_id": self.vrac_groupement_id.id,
            "date": month,
            "kind": kind,
            "amount": amount,
        }


class LoyaltyReward(models.Model):
    """Coordinators set up the monthly food credits (eWallet programs).

    Odoo makes, renames and archives each reward's own product (the line
    "Crédit alimentaire" of the orders) as the user saving the reward; a
    coordinator may save rewards but not products, which stay the catalog
    managers'. That product is made and kept in step for them, once their
    right on the rewards is checked; its values come from Odoo's code
    (``_get_discount_product_values``), only the name is theirs.
    """

    _inherit = "loyalty.reward"

    def write(self, vals):
        passed_on = PRODUCT_FIELDS.intersection(vals)
        if self.env.su or not passed_on:
            return super().write(vals)
        own_vals = {key: value for key, value in vals.items() if key not in passed_on}
        if own_vals:
            super().write(own_vals)
        self.check_access("write")
        # Checked above: the caller may write these rewards; the product
        # follows the reward's name and state.
        return super(LoyaltyReward, self.sudo()).write(
            {key: vals[key] for key in passed_on}
        )

    def _create_missing_discount_line_products(self):
        missing = self.filtered(lambda reward: not reward.discount_line_product_id)
        if self.env.su or not missing:
            return super()._create_missing_discount_line_products()
        missing.check_access("write")
        # Checked above: the caller created or may write these rewards; the
        # product of each is made for them.
        return super(
            LoyaltyReward, missing.sudo()
        )._create_missing_discount_line_products()
