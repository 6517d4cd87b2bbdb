# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, float_round, formatLang

from ..tools.money import lock_money_rows

# States of the orders whose funder share counts in the budget.
POS_COUNTED_STATES = ("paid", "done", "invoiced")
SALE_COUNTED_STATES = ("sale",)


class VracFunderProgram(models.Model):
    """A share of the price of some products, paid by a funder for some households.

    The share is a negative line of the program's own product at the till and
    on sale orders. That product's income account is a clearing account (e.g.
    468700 "Produits à recevoir"): the sale keeps its full revenue, the share
    waits on the clearing account until the monthly invoice to the funder
    moves it to the funder's receivable.
    """

    _name = "vrac.funder.program"
    _description = "Funder-paid program"
    _inherit = ["mail.thread", "vrac.money.mixin", "pos.load.mixin"]
    _order = "sequence, date_from desc, id"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    funder_id = fields.Many2one(
        "res.partner",
        required=True,
        check_company=True,
        tracking=True,
        help="Invoiced every month for the program's share.",
    )
    share_percent = fields.Float(
        string="Funder share (%)",
        default=50.0,
        digits=(5, 2),
        tracking=True,
        help="Part of the price of eligible products paid by the funder; the "
        "household pays the rest.",
    )
    date_from = fields.Date(string="From", required=True, tracking=True)
    date_to = fields.Date(string="To", required=True, tracking=True)
    budget = fields.Monetary(
        string="Budget cap",
        tracking=True,
        help="The most the funder pays over the program. Leave 0 for no cap. "
        "Once it is used up, sales go on at the full price.",
    )
    budget_used = fields.Monetary(compute="_compute_budget")
    budget_remaining = fields.Monetary(compute="_compute_budget")
    tier_ids = fields.Many2many(
        "vrac.tier",
        string="Eligible tiers",
        check_company=True,
        help="Households of these tiers are eligible for the whole program.",
    )
    partner_category_ids = fields.Many2many(
        "res.partner.category",
        string="Eligible tags",
        help="Households with one of these tags are eligible for the whole program.",
    )
    enrolment_ids = fields.One2many(
        "vrac.funder.program.enrolment", "program_id", string="Enrolled households"
    )
    enrolment_count = fields.Integer(compute="_compute_enrolment_count")
    product_ids = fields.Many2many(
        "product.product",
        string="Eligible products",
        check_company=True,
        help="Leave products and categories empty to cover every product.",
    )
    product_categ_ids = fields.Many2many(
        "product.category",
        string="Eligible categories",
        help="Products of these categories and their subcategories.",
    )
    account_id = fields.Many2one(
        "account.account",
        string="Clearing account",
        required=True,
        check_company=True,
        default=lambda self: self._default_account_id(),
        domain="[('deprecated', '=', False), "
        "('account_type', 'not in', ('asset_receivable', 'liability_payable'))]",
        help="Receives the shares at the till and on sale orders, and is "
        "balanced by the monthly invoice to the funder (e.g. 468700 Produits à "
        "recevoir).",
    )
    share_product_id = fields.Many2one(
        "product.product",
        string="Share product",
        readonly=True,
        copy=False,
        help="The line 'Paid by ...' of the orders.",
    )
    invoice_households = fields.Selection(
        [
            ("count", "Counts only"),
            ("number", "Household numbers"),
        ],
        string="Households on invoices",
        default="count",
        required=True,
        help="What the funder's invoice tells about the households served: "
        "the counts, or also the household numbers when the agreement asks "
        "for them. Names are never sent.",
    )
    invoice_ids = fields.One2many(
        "account.move", "vrac_funder_program_id", string="Funder invoices"
    )
    invoice_count = fields.Integer(compute="_compute_invoice_count")

    @api.model
    def _default_account_id(self):
        return self.env["account.account"].search(
            [
                *self.env["account.account"]._check_company_domain(self.env.company),
                ("code", "=like", "4687%"),
                ("deprecated", "=", False),
            ],
            limit=1,
        )

    @api.model
    def _vrac_clearing_account(self, company):
        """The company's 4687 account, created when its chart has none."""
        # Superuser: the program manager may not read or create accounts; only the 4687
        # account of this program's branch is found or made.
        # Accounts are shared between companies, their codes are per company: the
        # code is searched and set in `company`.
        Account = self.env["account.account"].sudo().with_company(company)
        account = Account.search(
            [
                *Account._check_company_domain(company),
                ("code", "=like", "4687%"),
                ("deprecated", "=", False),
            ],
            limit=1,
        )
        return account or Account.create(
            {
                "name": _("Accrued income receivable"),
                "code": "468700",
                "account_type": "asset_current",
                "reconcile": True,
                "company_ids": [Command.set(company.ids)],
            }
        )

    def _compute_enrolment_count(self):
        counts = dict(
            self.env["vrac.funder.program.enrolment"]._read_group(
                [("program_id", "in", self.ids)], ["program_id"], ["__count"]
            )
        )
        for program in self:
            program.enrolment_count = counts.get(program, 0)

    def _compute_invoice_count(self):
        counts = dict(
            self.env["account.move"]._read_group(
                [("vrac_funder_program_id", "in", self.ids)],
                ["vrac_funder_program_id"],
                ["__count"],
            )
        )
        for program in self:
            program.invoice_count = counts.get(program, 0)

    def _compute_budget(self):
        used = self._vrac_budget_used()
        for program in self:
            program.budget_used = used.get(program.id, 0.0)
            program.budget_remaining = (
                max(
                    program.currency_id.round(program.budget - program.budget_used), 0.0
                )
                if program.budget
                else 0.0
            )

    @api.constrains("budget")
    def _check_budget(self):
        for program in self:
            if program.budget < 0:
                raise ValidationError(
                    _(
                        "The budget cap of %(program)s cannot be negative: enter 0 "
                        "for no cap.",
                        program=program.name,
                    )
                )

    @api.constrains("share_percent")
    def _check_share_percent(self):
        for program in self:
            if program.share_percent <= 0 or program.share_percent > 100:
                raise ValidationError(
                    _(
                        "The funder share of %(program)s must be more than 0 %% and "
                        "at most 100 %% (it is %(share)s %%).",
                        program=program.name,
                        share=program.share_percent,
                    )
                )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for program in self:
            if program.date_to < program.date_from:
                raise ValidationError(
                    _(
                        "The program %(program)s ends before it starts.",
                        program=program.name,
                    )
                )
        self.enrolment_ids._check_dates()

    @api.constrains("account_id")
    def _check_account_id(self):
        for program in self:
            if program.account_id.account_type in (
                "asset_receivable",
                "liability_payable",
            ):
                raise ValidationError(
                    _(
                        "The clearing account of %(program)s cannot be a receivable "
                        "or payable account: choose e.g. 468700 Produits à recevoir.",
                        program=program.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("account_id"):
                company = self.env["res.company"].browse(
                    vals.get("company_id") or self.env.company.id
                )
                vals["account_id"] = self._vrac_clearing_account(company).id
        programs = super().create(vals_list)
        programs._vrac_create_share_products()
        return programs

    def write(self, vals):
        res = super().write(vals)
        if {"name", "funder_id", "account_id", "company_id", "active"} & set(vals):
            self._vrac_sync_share_products()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        if self.filtered(lambda program: program.budget_used or program.invoice_ids):
            raise UserError(
                _("A program with shares or invoices cannot be deleted: archive it.")
            )

    def action_view_invoices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        action["domain"] = [("vrac_funder_program_id", "=", self.id)]
        action["context"] = {"default_move_type": "out_invoice", "create": False}
        return action

    def action_view_enrolments(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Enrolled households"),
            "res_model": "vrac.funder.program.enrolment",
            "view_mode": "list",
            "domain": [("program_id", "=", self.id)],
            "context": {"default_program_id": self.id},
        }

    def action_invoice_last_month(self):
        """Prepare the funder's draft invoice for last month's shares."""
        today = fields.Date.context_today(self)
        invoices = self._vrac_invoice_month(today - relativedelta(months=1))
        if not invoices:
            raise UserError(_("No share to invoice for last month."))
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        action["domain"] = [("id", "in", invoices.ids)]
        return action

    # Share products -----------------------------------------------------------

    def _vrac_share_product_vals(self):
        self.ensure_one()
        return {
            "name": _("Paid by %(funder)s", funder=self.funder_id.name),
            "type": "service",
            "sale_ok": True,
            "purchase_ok": False,
            "available_in_pos": True,
            "list_price": 0.0,
            "taxes_id": [Command.clear()],
            "supplier_taxes_id": [Command.clear()],
            "company_id": self.company_id.id,
            "property_account_income_id": self.account_id.id,
            "active": self.active,
            "default_code": False,
            "vrac_funder_share": True,
        }

    def _vrac_create_share_products(self):
        # Superuser: program managers may not create products; one share product is made
        # for each program of `self`.
        Product = self.env["product.product"].sudo()
        for program in self:
            product = Product.with_company(program.company_id).create(
                program._vrac_share_product_vals()
            )
            program.share_product_id = product

    def _vrac_sync_share_products(self):
        for program in self.with_context(active_test=False):
            # Superuser: program managers may not write products; only the share product
            # of each program of `self` follows it.
            product = program.share_product_id.sudo().with_company(program.company_id)
            if product:
                product.write(program._vrac_share_product_vals())

    # Eligibility --------------------------------------------------------------

    @api.model
    def _vrac_active_programs(self, company, date):
        # Superuser: cashiers and volunteers may not read the programs; only those of
        # the order's branch, on that date, are returned.
        return self.sudo().search(
            [
                ("company_id", "=", company.id),
                ("date_from", "<=", date),
                ("date_to", ">=", date),
            ]
        )

    def _vrac_eligible_households(self, partners, date):
        """{program: households of ``partners`` eligible on ``date``}.

        Eligible: enrolled on that date, or of an eligible tier or tag.
        """
        # Superuser: eligibility reads private household data (tier, tags); only the
        # households of `partners` and the programs of `self` are looked at.
        households = partners.sudo().commercial_partner_id.filtered("vrac_is_household")
        result = {program: households.browse() for program in self}
        # Superuser: the caller (cashier, volunteer) may not read the programs; only
        # those of `self` are filtered.
        programs = self.sudo().filtered(
            lambda program: program.date_from <= date <= program.date_to
        )
        if not households or not programs:
            return result
        # Superuser: enrolments are private; only those of the households and programs
        # above are read.
        enrolments = (
            self.env["vrac.funder.program.enrolment"]
            .sudo()
            .search(
                [
                    ("program_id", "in", programs.ids),
                    ("partner_id", "in", households.ids),
                    ("date_from", "<=", date),
                    ("date_to", ">=", date),
                ]
            )
        )
        enrolled = {
            program: lines.partner_id
            for program, lines in enrolments.grouped("program_id").items()
        }
        for program in programs:
            eligible = enrolled.get(program, households.browse())
            if program.tier_ids or program.partner_category_ids:
                eligible |= households.filtered(
                    lambda household, program=program: (
                        household.vrac_tier_id in program.tier_ids
                        or household.category_id & program.partner_category_ids
                    )
                )
            result[program.with_env(self.env)] = eligible
        return result

    def _vrac_eligible_products(self, products):
        """The products of ``products`` whose price the program shares."""
        self.ensure_one()
        products = products.filtered(
            lambda product: not product.vrac_funder_share and not product.membership
        )
        if not self.product_ids and not self.product_categ_ids:
            return products
        # A category or one of its children: read from the categories' paths,
        # without a search for every order and program.
        paths = tuple(self.product_categ_ids.mapped("parent_path"))
        return products.filtered(
            lambda product: (
                product in self.product_ids
                or (product.categ_id.parent_path or "").startswith(paths)
            )
        )

    def _vrac_lines_by_program(self, household, eligible, lines):
        """[(program, its lines)]: for each program of ``self`` that gives
        ``household`` a share (``eligible``: {program: households}), the lines
        of ``lines`` whose price it shares; a line counts for the first
        program only. The same split for sale orders and the till."""
        covered = lines.browse()
        result = []
        for program in self:
            if household not in eligible.get(program, ()):
                continue
            products = program._vrac_eligible_products(lines.product_id)
            program_lines = (
                lines.filtered(
                    lambda line, products=products: line.product_id in products
                )
                - covered
            )
            covered |= program_lines
            result.append((program, program_lines))
        return result

    def _vrac_share_amount(self, base):
        """The funder's share of ``base``, to the cent."""
        self.ensure_one()
        return self.currency_id.round(base * self.share_percent / 100.0)

    # Budget -------------------------------------------------------------------

    def _vrac_budget_used(self, exclude_sale_orders=None):
        """{program id: shares of counted orders}, set-wise."""
        # Superuser: the budget counts every order of the programs of `self`, also those
        # the caller cannot read; only sums leave here.
        programs = self.sudo().with_context(active_test=False)
        by_product = {
            program.share_product_id.id: program.id
            for program in programs
            if program.share_product_id
        }
        used = dict.fromkeys(programs.ids, 0.0)
        if not by_product:
            return used
        # Superuser: till lines of every cashier count in the budget; only the sums of
        # the share products of `self` are read.
        for product, amount in (
            self.env["pos.order.line"]
            .sudo()
            ._read_group(
                [
                    ("product_id", "in", list(by_product)),
                    ("order_id.state", "in", POS_COUNTED_STATES),
                    # A share settled with its sale order counts with the order.
                    ("sale_order_line_id", "=", False),
                ],
                ["product_id"],
                ["price_subtotal_incl:sum"],
            )
        ):
            used[by_product[product.id]] -= amount
        sale_domain = [
            ("product_id", "in", list(by_product)),
            ("state", "in", SALE_COUNTED_STATES),
        ]
        if exclude_sale_orders:
            sale_domain.append(("order_id", "not in", exclude_sale_orders.ids))
        # Superuser: orders of every group count in the budget; only the sums of the
        # share products of `self` are read.
        for product, amount in (
            self.env["sale.order.line"]
            .sudo()
            ._read_group(sale_domain, ["product_id"], ["price_total:sum"])
        ):
            used[by_product[product.id]] -= amount
        return used

    def _vrac_lock_budget(self):
        """Serialise the orders that spend the budget of these programs.

        Taken before the budget used is read, in the transaction that saves
        the shares (see ``lock_money_rows``).
        """
        lock_money_rows(self)

    def _vrac_remaining(self, used):
        """What is left of the budget, None when the program has no cap."""
        self.ensure_one()
        if not self.budget:
            return None
        return max(self.currency_id.round(self.budget - used.get(self.id, 0.0)), 0.0)

    @api.model
    def _vrac_check_pos_orders(self, orders):
        """Refuse paid till orders whose shares go beyond a program's budget."""
        # Superuser: cashiers may not read every line's product flags; only the lines of
        # the orders being paid are checked.
        share_lines = orders.sudo().lines.filtered(
            lambda line: (
                line.product_id.vrac_funder_share and not line.sale_order_line_id
            )
        )
        self._vrac_check_pos_sale_shares(orders)
        if not share_lines:
            return
        self._vrac_check_pos_shares(share_lines)
        # Superuser: cashiers may not read the programs; only those of the share
        # products on these orders are checked.
        programs = self.sudo().search(
            [("share_product_id", "in", share_lines.product_id.ids)]
        )
        programs.filtered("budget")._vrac_lock_budget()
        used = programs._vrac_budget_used()
        for program in programs:
            if not program.budget:
                continue
            if (
                float_compare(
                    used[program.id],
                    program.budget,
                    precision_rounding=program.currency_id.rounding,
                )
                > 0
            ):
                this_order = -sum(
                    share_lines.filtered(
                        lambda line, program=program: (
                            line.product_id == program.share_product_id
                        )
                    ).mapped("price_subtotal_incl")
                )
                raise UserError(
                    _(
                        "The budget of %(program)s is used up: %(remaining)s left "
                        "for a share of %(share)s. Remove the line '%(line)s' and "
                        "take the full price.",
                        program=program.name,
                        remaining=formatLang(
                            self.env,
                            max(program.budget - used[program.id] + this_order, 0.0),
                            currency_obj=program.currency_id,
                        ),
                        share=formatLang(
                            self.env, this_order, currency_obj=program.currency_id
                        ),
                        line=program.share_product_id.name,
                    )
                )

    @api.model
    def _vrac_check_pos_shares(self, share_lines):
        """Refuse a share the till gives beyond what the programs give the
        order's household: the share of its eligible products, computed here
        as the till does (the till sends the line, the funder is invoiced
        for it)."""
        for order, lines in share_lines.grouped("order_id").items():
            date = fields.Date.context_today(order, order.date_order)
            currency = order.currency_id
            amounts = order._vrac_line_amounts()
            given = defaultdict(float)
            for line in lines:
                given[line.product_id] -= amounts[line]
            if all(
                currency.compare_amounts(share, 0.0) <= 0 for share in given.values()
            ):
                # A refund gives the share back.
                continue
            programs = self._vrac_active_programs(order.company_id, date)
            eligible = programs._vrac_eligible_households(order.partner_id, date)
            household = order.partner_id.commercial_partner_id
            # Superuser: the lines of the order being paid, for their products.
            others = order.sudo().lines.filtered(
                lambda line: (
                    not line.product_id.vrac_funder_share and not line.is_reward_line
                )
            )
            allowed = {
                program.share_product_id: program._vrac_share_amount(
                    sum(amounts[line] for line in program_lines)
                )
                for program, program_lines in programs._vrac_lines_by_program(
                    household, eligible, others
                )
            }
            for product, share in given.items():
                limit = allowed.get(product, 0.0)
                if currency.compare_amounts(share, limit) > 0:
                    raise UserError(
                        _(
                            "The line '%(line)s' is %(share)s, and the program "
                            "gives this order %(limit)s: the order is still open, "
                            "remove the line.",
                            line=product.name,
                            share=formatLang(self.env, share, currency_obj=currency),
                            limit=formatLang(self.env, limit, currency_obj=currency),
                        )
                    )

    @api.model
    def _vrac_check_pos_sale_shares(self, orders):
        """A share line settling a sale order gives that order's share, no
        more: it counts with the sale order, not in the till's budget."""
        # Superuser: the lines of the orders being paid and the sale lines they
        # settle; cashiers may not read the programs' products of every branch.
        lines = orders.sudo().lines.filtered(
            lambda line: line.product_id.vrac_funder_share and line.sale_order_line_id
        )
        for line in lines:
            sale_line = line.sale_order_line_id
            share = -line._compute_amount_line_all()["price_subtotal_incl"]
            currency = line.order_id.currency_id
            if currency.compare_amounts(share, 0.0) <= 0:
                continue
            if (
                sale_line.product_id != line.product_id
                or sale_line.state not in SALE_COUNTED_STATES
                or currency.compare_amounts(share, -sale_line.price_total) > 0
            ):
                raise UserError(
                    _(
                        "The line '%(line)s' does not match the share of the order "
                        "%(order)s: the order is still open, remove the line.",
                        line=line.product_id.name,
                        order=sale_line.order_id.name,
                    )
                )

    # Monthly invoice ------------------------------------------------------------

    @api.model
    def _vrac_month_bounds(self, date):
        start = date.replace(day=1)
        return start, start + relativedelta(months=1, days=-1)

    def _vrac_month_shares(self, date_start, date_end):
        """{program: {order key: (household, amount)}} for the period, set-wise.

        Till orders and confirmed sale orders of the period; an order is a
        basket.
        """
        self.ensure_one()
        product = self.share_product_id
        start = fields.Datetime.to_datetime(date_start)
        end = fields.Datetime.to_datetime(date_end + relativedelta(days=1))
        baskets = {}
        # Superuser: the program's invoice counts the till lines of every cashier; only
        # the share product of `self` in the period is read.
        for order, amount in (
            self.env["pos.order.line"]
            .sudo()
            ._read_group(
                [
                    ("product_id", "=", product.id),
                    ("order_id.state", "in", POS_COUNTED_STATES),
                    # A share settled with its sale order counts with the order.
                    ("sale_order_line_id", "=", False),
                    ("order_id.date_order", ">=", start),
                    ("order_id.date_order", "<", end),
                ],
                ["order_id"],
                ["price_subtotal_incl:sum"],
            )
        ):
            baskets[("pos.order", order.id)] = (
                order.partner_id.commercial_partner_id,
                -amount,
            )
        # Superuser: the program's invoice counts the orders of every group; only the
        # share product of `self` in the period is read.
        for order, amount in (
            self.env["sale.order.line"]
            .sudo()
            ._read_group(
                [
                    ("product_id", "=", product.id),
                    ("state", "in", SALE_COUNTED_STATES),
                    ("order_id.date_order", ">=", start),
                    ("order_id.date_order", "<", end),
                ],
                ["order_id"],
                ["price_total:sum"],
            )
        ):
            baskets[("sale.order", order.id)] = (
                order.partner_id.commercial_partner_id,
                -amount,
            )
        return baskets

    def _vrac_invoice_description(self, date_start, baskets):
        """The invoice line: aggregated, household numbers only if allowed."""
        self.ensure_one()
        households = self.env["res.partner"].union(
            *(household for household, _amount in baskets.values())
        )
        month = fields.Date.to_string(date_start)[:7]
        description = _(
            "%(program)s, %(month)s: %(share)s %% of the eligible purchases of "
            "%(households)s households served, %(baskets)s baskets",
            program=self.name,
            month=month,
            share=float_round(self.share_percent, 2),
            households=len(households),
            baskets=len(baskets),
        )
        if self.invoice_households == "number":
            numbers = sorted(households.mapped("vrac_household_number") or [])
            description += "\n" + _(
                "Households: %(numbers)s",
                numbers=", ".join(number for number in numbers if number),
            )
        return description

    def _vrac_invoice_analytic(self, baskets):
        """The groups' analytic accounts, in proportion to their households'
        shares: the subsidy of each group lands on its account."""
        by_group = defaultdict(float)
        for household, amount in baskets.values():
            # Superuser: the accountant may not read households; only the group of each
            # household of these baskets is taken.
            by_group[household.sudo().vrac_groupement_id] += amount
        return self.env["vrac.order.cycle.line"]._vrac_analytic_distribution(by_group)

    def _vrac_invoice_month(self, date):
        """Draft invoices to the funders for the month of ``date``.

        One invoice per program and month; a month already invoiced (and not
        cancelled) is skipped.
        """
        date_start, date_end = self._vrac_month_bounds(date)
        programs = self.filtered(
            lambda program: (
                program.date_from <= date_end and program.date_to >= date_start
            )
        )
        done = {
            program.id
            for [program] in self.env["account.move"]._read_group(
                [
                    ("vrac_funder_program_id", "in", programs.ids),
                    ("vrac_funder_period", "=", date_start),
                    ("state", "!=", "cancel"),
                ],
                ["vrac_funder_program_id"],
            )
        }
        vals_list = []
        for program in programs:
            if program.id in done:
                continue
            baskets = program._vrac_month_shares(date_start, date_end)
            amount = program.currency_id.round(
                sum(amount for _household, amount in baskets.values())
            )
            if program.currency_id.is_zero(amount):
                continue
            vals_list.append(
                {
                    "move_type": "out_invoice",
                    "partner_id": program.funder_id.id,
                    "company_id": program.company_id.id,
                    "invoice_date": date_end,
                    "vrac_funder_program_id": program.id,
                    "vrac_funder_period": date_start,
                    "invoice_origin": program.name,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "name": program._vrac_invoice_description(
                                    date_start, baskets
                                ),
                                "account_id": program.account_id.id,
                                "quantity": 1.0,
                                "price_unit": amount,
                                "tax_ids": [Command.clear()],
                                "analytic_distribution": (
                                    program._vrac_invoice_analytic(baskets)
                                ),
                            }
                        )
                    ],
                }
            )
        return self.env["account.move"].create(vals_list)

    @api.model
    def _vrac_cron_invoice_funders(self):
        """Monthly: prepare last month's invoices of every program."""
        last_month = fields.Date.context_today(self) - relativedelta(months=1)
        date_start, date_end = self._vrac_month_bounds(last_month)
        programs = self.search(
            [("date_from", "<=", date_end), ("date_to", ">=", date_start)]
        )
        for company, company_programs in programs.grouped("company_id").items():
            company_programs.with_company(company)._vrac_invoice_month(last_month)

    # POS ------------------------------------------------------------------------

    @api.model
    def _load_pos_data_domain(self, data):
        session = self.env["pos.session"].browse(data["pos.session"]["data"][0]["id"])
        return [("id", "in", session._vrac_funder_programs().ids)]

    @api.model
    def _load_pos_data_fields(self, config_id):
        return ["id", "name", "share_percent"]

    def _load_pos_data(self, data):
        """The programs of the session's day, for the lines "Paid by <funder>".

        The rules of the share travel under ``_`` keys (records' own values
        at the till, not fields): ``_share_product_id``, ``_product_ids``,
        ``_categ_ids``, ``_all_products``, ``_budget_remaining``.
        """
        # Superuser: cashiers may not read the programs; only those of the session's
        # branch and day are read, without any household.
        programs = self.sudo().search(self._load_pos_data_domain(data))
        fields = self._load_pos_data_fields(data["pos.config"]["data"][0]["id"])
        return {
            "data": [
                {
                    key if key in fields else f"_{key}": value
                    for key, value in program.items()
                }
                for program in programs._vrac_pos_data()
            ],
            "fields": fields,
        }

    def _vrac_pos_data(self):
        """What the till needs: no household, only the rules of the share."""
        used = self._vrac_budget_used()
        result = []
        for program in self:
            categories = self.env["product.category"].search(
                [("id", "child_of", program.product_categ_ids.ids)]
            )
            remaining = program._vrac_remaining(used)
            result.append(
                {
                    "id": program.id,
                    "name": program.name,
                    "funder_name": program.funder_id.name,
                    "share_percent": program.share_percent,
                    "share_product_id": program.share_product_id.id,
                    "product_ids": program.product_ids.ids,
                    "categ_ids": categories.ids,
                    "all_products": not (
                        program.product_ids or program.product_categ_ids
                    ),
                    "budget_remaining": remaining if remaining is not None else False,
                }
            )
        return result


class VracFunderProgramEnrolment(models.Model):
    _name = "vrac.funder.program.enrolment"
    _description = "Household enrolled in a funder-paid program"
    _order = "program_id, date_from, id"

    program_id = fields.Many2one(
        "vrac.funder.program", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="program_id.company_id", store=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Household",
        required=True,
        index=True,
        domain="[('vrac_is_household', '=', True)]",
    )
    date_from = fields.Date(
        string="From",
        required=True,
        compute="_compute_dates",
        store=True,
        readonly=False,
        precompute=True,
    )
    date_to = fields.Date(
        string="To",
        required=True,
        compute="_compute_dates",
        store=True,
        readonly=False,
        precompute=True,
    )

    @api.depends("program_id")
    def _compute_dates(self):
        for enrolment in self:
            if not enrolment.date_from:
                enrolment.date_from = enrolment.program_id.date_from
            if not enrolment.date_to:
                enrolment.date_to = enrolment.program_id.date_to

    @api.constrains("date_from", "date_to", "program_id")
    def _check_dates(self):
        for enrolment in self:
            program = enrolment.program_id
            if enrolment.date_to < enrolment.date_from:
                raise ValidationError(
                    _(
                        "The enrolment of %(household)s in %(program)s ends before "
                        "it starts.",
                        household=enrolment.partner_id.display_name,
                        program=program.name,
                    )
                )
            if (
                enrolment.date_from < program.date_from
                or enrolment.date_to > program.date_to
            ):
                raise ValidationError(
                    _(
                        "The enrolment of %(household)s (%(date_from)s to "
                        "%(date_to)s) must lie within the dates of %(program)s "
                        "(%(program_from)s to %(program_to)s).",
                        household=enrolment.partner_id.display_name,
                        date_from=enrolment.date_from,
                        date_to=enrolment.date_to,
                        program=program.name,
                        program_from=program.date_from,
                        program_to=program.date_to,
                    )
                )

    @api.constrains("partner_id")
    def _check_partner_id(self):
        for enrolment in self:
            if not enrolment.partner_id.vrac_is_household:
                raise ValidationError(
                    _(
                        "%(partner)s is not a member household: only households "
                        "can be enrolled.",
                        partner=enrolment.partner_id.display_name,
                    )
                )
