# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare, float_round
from odoo.tools.misc import formatLang

from odoo.addons.vrac_groupement.tools.server_flag import ServerFlag

from ..tools.money import lock_money_rows

# The account of a new fund: "Autres comptes créditeurs" of the French chart.
FUND_ACCOUNT_PREFIX = "4671"
# Groups that see the amounts of the funds in the back office.
FUND_AMOUNT_GROUPS = (
    "vrac_groupement.group_coordinator,account.group_account_readonly,"
    "account.group_account_invoice"
)
# Raised while a fund gets its account and products (server code only).
FUND_SETUP = ServerFlag("vrac_fund_setup")


class VracSolidarityFund(models.Model):
    """A solidarity fund (cagnotte solidaire): coupons and gifts in, discounts out.

    Every movement goes through the fund's liability account: coupons and
    donations credit it, solidarity discounts at the till debit it, so that
    the accountant reads the fund in the standard journals, with the group's
    analytic account. The fund never knows which household got a discount.
    """

    _name = "vrac.solidarity.fund"
    _inherit = ["vrac.money.mixin"]
    _description = "Solidarity fund"
    _order = "company_id, name"
    _check_company_auto = True

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        string="Branch",
        required=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    groupement_id = fields.Many2one(
        "vrac.groupement",
        string="Purchasing group",
        check_company=True,
        help="Leave empty for a fund of the whole association.",
    )
    analytic_account_id = fields.Many2one(
        related="groupement_id.analytic_account_id", string="Analytic account"
    )
    account_id = fields.Many2one(
        "account.account",
        string="Fund account",
        check_company=True,
        copy=False,
        domain="[('account_type', '=', 'liability_current'), "
        "('deprecated', '=', False)]",
        help="Liability account holding the fund: coupons and donations credit "
        "it, discounts debit it. Created with the fund when left empty.",
    )
    coupon_product_id = fields.Many2one(
        "product.product",
        string="Coupon",
        check_company=True,
        copy=False,
        help="Sold at the till or invoiced: every coupon sold goes to the fund. "
        "Created with the fund when left empty.",
    )
    donation_product_id = fields.Many2one(
        "product.product",
        string="Donation",
        check_company=True,
        copy=False,
        help="Gifts to the fund, from members or not. Created with the fund "
        "when left empty.",
    )
    discount_product_id = fields.Many2one(
        "product.product",
        string="Discount product",
        check_company=True,
        copy=False,
        help="The line of a solidarity discount at the till. Its name shows on "
        "the screen and the receipt: keep it neutral, e.g. 'Discount'. Created "
        "with the fund when left empty.",
    )
    discount_percentages = fields.Char(
        string="Discount percentages",
        required=True,
        default="10,20,30",
        help="The percentages the cashier may choose, separated by commas.",
    )
    floor_amount = fields.Monetary(
        string="Floor",
        default=0.0,
        groups=FUND_AMOUNT_GROUPS,
        help="Discounts never take the balance of the fund below this amount.",
    )
    balance = fields.Monetary(
        compute="_compute_balance",
        groups=FUND_AMOUNT_GROUPS,
        help="Posted entries of the fund account, plus the coupons, donations "
        "and discounts of the open point of sale sessions.",
    )
    available_amount = fields.Monetary(
        string="Available for discounts",
        compute="_compute_balance",
        groups=FUND_AMOUNT_GROUPS,
    )
    pos_config_ids = fields.One2many(
        "pos.config", "vrac_solidarity_fund_id", string="Points of sale"
    )

    _sql_constraints = [
        (
            "account_uniq",
            "unique(account_id)",
            "Another solidarity fund already uses this account.",
        ),
    ]

    def _compute_balance(self):
        balances = self._vrac_get_balances()
        for fund in self:
            fund.balance = balances.get(fund.id, 0.0)
            fund.available_amount = max(fund.balance - fund.floor_amount, 0.0)

    @api.constrains("discount_percentages")
    def _check_discount_percentages(self):
        for fund in self:
            fund._vrac_get_percentages()

    @api.constrains("floor_amount")
    def _check_floor_amount(self):
        # sudo: the floor is read by the amount groups only; the constraint
        # checks what the writer (who had the right to write it) wrote.
        for fund in self.sudo():
            if fund.currency_id.compare_amounts(fund.floor_amount, 0.0) < 0:
                raise ValidationError(
                    _(
                        "The floor of the solidarity fund %(name)s cannot be "
                        "negative: the fund never gives more than it holds. "
                        "Enter 0 or more.",
                        name=fund.name,
                    )
                )

    @api.constrains("coupon_product_id", "donation_product_id", "discount_product_id")
    def _check_products_distinct(self):
        for fund in self:
            products = (
                fund.coupon_product_id
                | fund.donation_product_id
                | fund.discount_product_id
            )
            if fund.discount_product_id and fund.discount_product_id in (
                fund.coupon_product_id | fund.donation_product_id
            ):
                raise ValidationError(
                    _(
                        "The discount of the fund %(name)s needs its own product.",
                        name=fund.name,
                    )
                )
            if not products:
                continue
            # Superuser: a product may belong to one fund only, also among funds of
            # other branches; only a yes/no is read.
            others = self.sudo().search(
                [
                    ("id", "!=", fund.id),
                    "|",
                    "|",
                    ("coupon_product_id", "in", products.ids),
                    ("donation_product_id", "in", products.ids),
                    ("discount_product_id", "in", products.ids),
                ],
                limit=1,
            )
            if others:
                raise ValidationError(
                    _(
                        "The products of the fund %(name)s already belong to the "
                        "fund %(other)s: each fund needs its own products.",
                        name=fund.name,
                        other=others.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        funds = super().create(vals_list)
        funds._vrac_create_missing_accounting()
        return funds

    def write(self, vals):
        res = super().write(vals)
        if {
            "account_id",
            "groupement_id",
            "coupon_product_id",
            "donation_product_id",
            "discount_product_id",
        } & set(vals) and not FUND_SETUP.is_raised(self.env):
            self._vrac_create_missing_accounting()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_movements(self):
        # Superuser: the fund's products and account are read whatever the deleter's
        # rights; only those of the funds of `self`, whose deletion the ORM checked, are
        # looked at.
        funds = self.sudo()
        products = funds.coupon_product_id | funds.donation_product_id
        products |= funds.discount_product_id
        # Superuser: entries and till lines of every user must keep their fund; only a
        # yes/no on the accounts and products of `self` is read.
        moved = self.env["account.move.line"].sudo().search_count(
            [("account_id", "in", funds.account_id.ids)], limit=1
        ) or self.env["pos.order.line"].sudo().search_count(
            [("product_id", "in", products.ids)], limit=1
        )
        if moved:
            raise UserError(
                _(
                    "A solidarity fund that has received or given money cannot be "
                    "deleted, so that its history is kept. Archive it instead."
                )
            )

    # Accounting set-up

    def _vrac_prepare_account_values(self, code):
        self.ensure_one()
        return {
            "name": _("Solidarity fund %(name)s", name=self.name),
            "code": code,
            "account_type": "liability_current",
            "reconcile": True,
            "company_ids": [Command.set(self.company_id.ids)],
        }

    def _vrac_prepare_product_values(self, kind):
        """Values of the coupon, donation or discount product of the fund."""
        self.ensure_one()
        names = {
            "coupon": _("Solidarity coupon (%(name)s)", name=self.name),
            "donation": _("Donation to the solidarity fund (%(name)s)", name=self.name),
            # Shown on the screen and the receipt: nothing tells the others.
            "discount": _("Discount"),
        }
        return {
            "name": names[kind],
            "type": "service",
            "list_price": 0.0 if kind == "discount" else 1.0,
            "standard_price": 0.0,
            "categ_id": self.env.ref("vrac_tarifs.product_category_fees").id,
            "sale_ok": True,
            "purchase_ok": False,
            "available_in_pos": kind != "discount",
            "taxes_id": [Command.clear()],
            "supplier_taxes_id": [Command.clear()],
            "company_id": self.company_id.id,
            "property_account_income_id": self.account_id.id,
            "property_account_expense_id": self.account_id.id,
            "description": _(
                "Solidarity fund %(name)s: this product books to the fund's account.",
                name=self.name,
            ),
        }

    def _vrac_create_missing_accounting(self):
        """Give each fund its account and its products when it has none."""
        funds = FUND_SETUP.on(self)
        # Superuser: fund managers may not create accounts; one account is made for each
        # fund of `self` without one.
        for fund in funds.filtered(lambda fund: not fund.account_id):
            # Accounts are shared between companies, their codes are per company:
            # codes are read and made in the fund's company.
            Account = self.env["account.account"].sudo().with_company(fund.company_id)
            sample = Account.search(
                [*Account._check_company_domain(fund.company_id)], limit=1
            )
            # The first free code after 467100 (6 digits), as the chart counts them.
            code = Account._search_new_account_code(
                FUND_ACCOUNT_PREFIX.ljust(len(sample.code or "") or 6, "0")
            )
            fund.account_id = Account.create(fund._vrac_prepare_account_values(code))
        # Superuser: fund managers may not create products; the missing products of the
        # funds of `self` are made.
        Product = self.env["product.product"].sudo()
        for fund in funds:
            missing = {
                kind: Product.with_company(fund.company_id).create(
                    fund._vrac_prepare_product_values(kind)
                )
                for kind in ("coupon", "donation", "discount")
                if not fund[f"{kind}_product_id"]
            }
            if missing:
                fund.write(
                    {
                        f"{kind}_product_id": product.id
                        for kind, product in missing.items()
                    }
                )
        funds._vrac_sync_product_accounts()
        funds._vrac_sync_analytic_distribution_models()

    def _vrac_sync_product_accounts(self):
        """The coupons, donations and discounts of a fund book to its account."""
        # Superuser: fund managers may not write product accounts; only the products of
        # the funds of `self` book to their account.
        for fund in self.sudo().filtered("account_id"):
            products = (
                fund.coupon_product_id
                | fund.donation_product_id
                | fund.discount_product_id
            ).product_tmpl_id.with_company(fund.company_id)
            account = fund.account_id
            products.filtered(
                lambda product, account=account: (
                    product.property_account_income_id != account
                    or product.property_account_expense_id != account
                )
            ).write(
                {
                    "property_account_income_id": account.id,
                    "property_account_expense_id": account.id,
                }
            )

    def _vrac_get_analytic_distribution(self):
        """The analytic distribution of the fund's entries: its group's account."""
        self.ensure_one()
        # Superuser: the group's analytic account is read whatever the user's rights;
        # only the one of the group of `self`.
        analytic = self.sudo().groupement_id.analytic_account_id
        return {str(analytic.id): 100.0} if analytic else {}

    def _vrac_sync_analytic_distribution_models(self):
        """Entries on the fund account (invoices, bank) get the group's analytic."""
        # Superuser: fund managers may not write distribution models; only the models of
        # the accounts of the funds of `self` are kept.
        Model = self.env["account.analytic.distribution.model"].sudo()
        for fund in self.sudo().filtered("account_id"):
            existing = Model.search(
                [
                    ("account_prefix", "=", fund.account_id.code),
                    ("company_id", "=", fund.company_id.id),
                ]
            )
            distribution = fund._vrac_get_analytic_distribution()
            if not distribution:
                existing.unlink()
            elif existing:
                existing.write({"analytic_distribution": distribution})
            else:
                Model.create(
                    {
                        "account_prefix": fund.account_id.code,
                        "company_id": fund.company_id.id,
                        "analytic_distribution": distribution,
                    }
                )

    # Balance

    def _vrac_get_fund_by_product(self):
        """{product: (fund, kind)} for the coupon, donation, discount products."""
        result = {}
        for fund in self:
            for kind in ("coupon", "donation", "discount"):
                product = fund[f"{kind}_product_id"]
                if product:
                    result[product] = (fund, kind)
        return result

    def _vrac_get_balances(self):
        """{fund id: balance}: posted entries plus the open sessions' sales.

        Orders paid at the till are booked when their session closes (or at
        once when invoiced): until then, the fund lines of the paid orders
        count here.
        """
        # Superuser: cashiers may not read the fund's account; the balance is read for
        # the funds of `self` only (callers check the caller's till first).
        funds = self.sudo().filtered("account_id")
        if not funds:
            return {}
        # Superuser: entries of the fund account, whoever posted them; only the sums on
        # the accounts of `self` are read.
        posted = dict(
            self.env["account.move.line"]
            .sudo()
            ._read_group(
                [
                    ("account_id", "in", funds.account_id.ids),
                    ("parent_state", "=", "posted"),
                ],
                ["account_id"],
                ["balance:sum"],
            )
        )
        balances = {fund.id: -posted.get(fund.account_id, 0.0) for fund in funds}
        by_product = funds._vrac_get_fund_by_product()
        if by_product:
            # Superuser: till lines of every cashier; only the sums of the products of
            # the funds of `self` are read.
            for product, amount in (
                self.env["pos.order.line"]
                .sudo()
                ._read_group(
                    [
                        ("order_id.state", "=", "paid"),
                        ("product_id", "in", [p.id for p in by_product]),
                    ],
                    ["product_id"],
                    ["price_subtotal:sum"],
                )
            ):
                fund = by_product[product][0]
                balances[fund.id] += amount
        return {
            fund_id: float_round(amount, precision_digits=2)
            for fund_id, amount in balances.items()
        }

    def _vrac_get_available_amounts(self):
        """{fund id: amount the discounts may still take}."""
        balances = self._vrac_get_balances()
        return {
            # Superuser: the floor is read by the amount groups only; here for the funds
            # of `self`.
            fund.id: max(balances.get(fund.id, 0.0) - fund.sudo().floor_amount, 0.0)
            for fund in self
        }

    def _vrac_get_percentages(self):
        """The discount percentages offered at the till, as numbers."""
        self.ensure_one()
        percentages = []
        for part in (self.discount_percentages or "").split(","):
            part = part.strip().rstrip("%").strip().replace(" ", "")
            if not part:
                continue
            try:
                value = float(part)
            except ValueError:
                value = -1
            if not 0 < value <= 100:
                raise ValidationError(
                    _(
                        "The discount percentages of %(name)s must be numbers "
                        "between 1 and 100 separated by commas, e.g. 10,20,30 "
                        "('%(value)s' is not).",
                        name=self.name,
                        value=part,
                    )
                )
            percentages.append(value)
        if not percentages:
            raise ValidationError(
                _("Give at least one discount percentage, e.g. 10,20,30.")
            )
        return sorted(set(percentages))

    # Discounts

    def _vrac_lock_for_discounts(self):
        """Serialize the discounts of concurrent tills on the same fund.

        See ``lock_money_rows``: a ``SELECT ... FOR UPDATE`` alone let two
        tills of a company without certification sequence both spend the
        last euros of the fund.
        """
        lock_money_rows(self)

    def _check_discounts(self, amounts):
        """Refuse discounts the funds cannot cover.

        :param amounts: {fund: amount of new discounts (positive)}
        :raise UserError: in the cashier's words, when a fund is short.
        """
        funds = self.browse([fund.id for fund in amounts])
        funds._vrac_lock_for_discounts()
        available = funds._vrac_get_available_amounts()
        for fund, amount in amounts.items():
            left = available[fund.id]
            rounding = fund.currency_id.rounding
            if float_compare(amount, left, precision_rounding=rounding) > 0:
                raise UserError(fund._vrac_get_short_message(amount, left))

    def _vrac_get_short_message(self, amount, available):
        self.ensure_one()
        return _(
            "The solidarity fund cannot cover this discount today: the discount "
            "is %(amount)s and the fund can give %(available)s. Nothing is lost: "
            "the order is still open, you may choose a smaller discount or "
            "remove it.",
            amount=self._vrac_format_amount(amount),
            available=self._vrac_format_amount(available),
        )

    def _vrac_format_amount(self, amount):
        self.ensure_one()
        return formatLang(self.env, amount, currency_obj=self.currency_id)

    @api.model
    def _check_pos_user(self):
        if not self.env.user.has_group("point_of_sale.group_pos_user"):
            raise AccessError(_("Only the cashiers of a point of sale can read this."))
