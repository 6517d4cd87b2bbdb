# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from uuid import uuid4

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT
from odoo.addons.vrac_groupement.tests.common import VracGroupementCase


class VracTarifsCase(VracGroupementCase):
    """Three tiers A (cost, no rounding), B (+10 %), C (+25 %) rounded to 0.05,
    of their own, B by default."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_vrac_tiers(cls)

    @staticmethod
    def setup_vrac_tiers(cls):
        cls.Tier = cls.env["vrac.tier"]
        # The tiers shipped with the addon are archived so that the test bounds
        # are the only ones.
        cls.Tier.search([]).action_archive()
        cls.tier_a, cls.tier_b, cls.tier_c = cls.Tier.create(
            [
                {
                    "name": "Test A",
                    "code": "TA",
                    "sequence": 1,
                    "percent": 0,
                    "rounding": 0.0,
                    "is_precarity": True,
                    "resource_min": 0,
                    "resource_max": 800,
                },
                {
                    "name": "Test B",
                    "code": "TB",
                    "sequence": 2,
                    "percent": 10,
                    "rounding": 0.05,
                    "resource_min": 800,
                    "resource_max": 1400,
                },
                {
                    "name": "Test C",
                    "code": "TC",
                    "sequence": 3,
                    "percent": 25,
                    "rounding": 0.05,
                    "resource_min": 1400,
                },
            ]
        )
        cls.env.company.vrac_default_tier_id = cls.tier_b
        cls.vendor = cls.env["res.partner"].create(
            {
                "name": "Pastificio Biologico",
                "is_company": True,
                "vrac_logistics_percent": 8.0,
                "vrac_logistics_amount": 0.05,
            }
        )
        cls.pasta = cls.env["product.product"].create(
            {
                "name": "Pâtes bio 500 g",
                "type": "consu",
                "standard_price": 10.37,
                "list_price": 20.0,
                "seller_ids": [
                    (0, 0, {"partner_id": cls.vendor.id, "price": 1.20, "min_qty": 0})
                ],
            }
        )


# A cashier as associations set one up: Point of Sale user, with the sales
# right pos_sale asks for to settle orders.
CASHIER_GROUPS = (
    "base.group_user,point_of_sale.group_pos_user,sales_team.group_sale_salesman"
)


def new_cashier(env, login, company, name="Camille Caissière", **values):
    """A cashier of ``company`` only, who logs in with ``login``."""
    return new_test_user(
        env,
        login=login,
        name=name,
        groups=CASHIER_GROUPS,
        company_id=company.id,
        company_ids=[Command.set(company.ids)],
        **values,
    )


def add_cash_payment_method(config, code, name):
    """Give the till ``config`` its own cash drawer: a cash journal ``code``
    and a payment method ``name`` (a cash method serves one till only).

    Odoo gives a new till a cash method only when the company has one that no
    other till uses; nothing when the company has no chart of accounts.
    """
    if not config.company_id.chart_template or config.payment_method_ids.filtered(
        "is_cash_count"
    ):
        return
    env = config.env
    journal = env["account.journal"].create(
        {
            "name": name,
            "code": code,
            "type": "cash",
            "company_id": config.company_id.id,
        }
    )
    method = env["pos.payment.method"].create(
        {"name": name, "journal_id": journal.id, "company_id": config.company_id.id}
    )
    config.payment_method_ids = [Command.link(method.id)]


def setup_vrac_pos(cls):
    """Tiers, a purchasing group and households in the company of the test.

    The tiers are named "VracTier ...": the till must never show that text.
    Lentils cost 2.10: tier A sells them 2.10, tier B 2.30, tier C 2.65.
    """
    env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
    # In 18.0 the point of sale tests run as an accountant, not as the
    # administrator: the tiers and households are a coordinator's data.
    env.user.groups_id += env.ref("vrac_groupement.group_coordinator")
    company = env.company
    cls.tier_a, cls.tier_b, cls.tier_c = env["vrac.tier"].create(
        [
            {
                "name": "VracTier A",
                "code": "POS-A",
                "sequence": 1,
                "percent": 0,
                "rounding": 0.0,
                "is_precarity": True,
                "resource_min": 0,
                "resource_max": 800,
            },
            {
                "name": "VracTier B",
                "code": "POS-B",
                "sequence": 2,
                "percent": 10,
                "rounding": 0.05,
                "resource_min": 800,
                "resource_max": 1400,
            },
            {
                "name": "VracTier C",
                "code": "POS-C",
                "sequence": 3,
                "percent": 25,
                "rounding": 0.05,
                "resource_min": 1400,
            },
        ]
    )
    company.vrac_default_tier_id = cls.tier_b
    cls.groupement = env["vrac.groupement"].create(
        {
            "name": "Test Romans Épicerie",
            "code": "T-POS",
            "town": "Romans-sur-Isère",
            "company_id": company.id,
        }
    )
    cls.lentils = env["product.product"].create(
        {
            "name": "Vrac Lentilles",
            "type": "consu",
            "standard_price": 2.10,
            "list_price": 9.0,
            "available_in_pos": True,
            "taxes_id": [Command.clear()],
        }
    )
    cls.membership_product = env.ref("vrac_groupement.product_membership_year")
    # The point of sale tests archive every product sold at the till.
    cls.membership_product.active = True
    reason = "Orienté par le centre social"
    (
        cls.household_a,
        cls.household_c,
        cls.household_expired,
        cls.household_far,
    ) = env["res.partner"].create(
        [
            {
                "name": "Foyer Arnaud",
                "vrac_groupement_id": cls.groupement.id,
                "vrac_tier_id": cls.tier_a.id,
                "vrac_tier_reason": reason,
                "phone": "06 12 34 56 01",
            },
            {
                "name": "Foyer Colin",
                "vrac_groupement_id": cls.groupement.id,
                "vrac_household_number": "77002",
                "vrac_tier_id": cls.tier_c.id,
                "vrac_tier_reason": reason,
            },
            {
                "name": "Foyer Expiré",
                "vrac_groupement_id": cls.groupement.id,
                "vrac_tier_id": cls.tier_a.id,
                "vrac_tier_reason": reason,
            },
            {
                "name": "Zoé Recherche",
                "vrac_groupement_id": cls.groupement.id,
                "vrac_household_number": "77009",
                "vrac_tier_id": cls.tier_c.id,
                "vrac_tier_reason": reason,
            },
        ]
    )
    today = fields.Date.context_today(company)
    members = cls.household_a | cls.household_c | cls.household_far
    members._vrac_record_membership_payment(
        cls.membership_product, 1.0, today - relativedelta(months=2)
    )
    cls.household_expired._vrac_record_membership_payment(
        cls.membership_product, 1.0, today - relativedelta(months=13)
    )


def setup_vrac_till(cls, login):
    """setup_vrac_pos, tiers on the basic till, a cashier named ``login``.

    The cashier has the Sales user right, as pos_sale asks (see ODOO17_NOTES).
    """
    setup_vrac_pos(cls)
    cls.config = cls.basic_config
    cls.config.vrac_use_tiers = True
    cls.cashier = new_cashier(cls.env, login, cls.company, name=login)


def create_soap(env, **values):
    """A product sold at the till that no program or credit pays for."""
    return env["product.product"].create(
        {
            "name": "Vrac Savon",
            "type": "consu",
            "standard_price": 3.0,
            "available_in_pos": True,
            "taxes_id": [Command.clear()],
            **values,
        }
    )


def till_order_data(
    session, cashier, partner, lines, pricelist=None, payments=None, uid=None
):
    """A paid order of ``session``'s till as the till sends it (sync_from_ui).

    :param cashier: the user at the till (a record or an id).
    :param lines: dicts with product_id, qty, price_unit and any other value
        of a till line (sale order origin, reward, coupon...).
    :param payments: [(payment method, share of the total)], default all in
        the till's cash.
    :param uid: the till's reference of the order (its uuid), default a new one.
    """
    currency = session.currency_id
    lines = [dict(line) for line in lines]
    for line in lines:
        subtotal = currency.round(line["qty"] * line["price_unit"])
        line.setdefault("discount", 0)
        line.setdefault("uuid", str(uuid4()))
        line.update(
            pack_lot_ids=[],
            tax_ids=[Command.set([])],
            price_subtotal=subtotal,
            price_subtotal_incl=subtotal,
        )
    total = currency.round(sum(line["price_subtotal_incl"] for line in lines))
    cash = session.config_id.payment_method_ids.filtered("is_cash_count")[:1]
    payments = payments or [(cash, 1.0)]
    amounts = [currency.round(total * share) for _method, share in payments]
    amounts[-1] = currency.round(total - sum(amounts[:-1]))
    sequence = len(session.order_ids) + 1
    uid = uid or str(uuid4())
    now = fields.Datetime.to_string(fields.Datetime.now())
    return {
        "name": f"Order {session.id:05d}-001-{sequence:04d}",
        "uuid": uid,
        "amount_paid": total,
        "amount_return": 0,
        "amount_tax": 0,
        "amount_total": total,
        "date_order": now,
        "fiscal_position_id": False,
        "pricelist_id": (pricelist or session.config_id.pricelist_id).id,
        "partner_id": partner.id if partner else False,
        "session_id": session.id,
        "sequence_number": sequence,
        "user_id": getattr(cashier, "id", cashier),
        "to_invoice": False,
        "last_order_preparation_change": "{}",
        "lines": [Command.create(line) for line in lines],
        "payment_ids": [
            Command.create(
                {"amount": amount, "payment_date": now, "payment_method_id": method.id}
            )
            for (method, _share), amount in zip(payments, amounts, strict=True)
        ],
    }


def till_order(session, cashier, partner, lines, pricelist=None, payments=None):
    """The paid order of :func:`till_order_data`, sent by ``cashier``."""
    data = till_order_data(session, cashier, partner, lines, pricelist, payments)
    result = session.env["pos.order"].with_user(cashier).sync_from_ui([data])
    return session.env["pos.order"].browse(result["pos.order"][0]["id"])


def sell_at_cost(case, lines, customer, extra_line=None):
    """A paid till order of ``customer`` at cost prices, as the till sends it.

    :param case: a TestPoSCommon case with ``cashier`` (see setup_vrac_till).
    :param lines: [(product, quantity)].
    :param extra_line: values of one more line (a negative line added by the
        till: a funder's share, a food credit), or None.
    """
    till_lines = [
        {
            "product_id": product.id,
            "qty": qty,
            "price_unit": product.with_company(case.company).standard_price,
        }
        for product, qty in lines
    ]
    if extra_line:
        extra_line = dict(extra_line)
        till_lines.append(
            {"qty": 1, "price_unit": extra_line.pop("amount"), **extra_line}
        )
    return till_order(case.pos_session, case.cashier, customer, till_lines)


def setup_solidarity_fund(cls):
    """A purchasing group, its fund, a till and groceries priced to the cent.

    Everything lives in the company of the database (French chart of
    accounts): Odoo's accounting test classes cannot run on a database with
    demo entries in euros.
    """
    # The tests read messages and names in English, whatever the database's
    # language (the French demo database translates them).
    cls.env["res.lang"]._activate_lang("en_US")
    cls.env = cls.env(
        context=dict(cls.env.context, lang="en_US", **DISABLED_MAIL_CONTEXT)
    )
    env = cls.env
    company = env.company
    cls.groupement_fund = env["vrac.groupement"].create(
        {
            "name": "Test Romans Cagnotte",
            "code": "T-SOL",
            "town": "Romans-sur-Isère",
            "company_id": company.id,
        }
    )
    cls.fund = env["vrac.solidarity.fund"].create(
        {
            "name": "Cagnotte Test Romans",
            "groupement_id": cls.groupement_fund.id,
            "company_id": company.id,
        }
    )
    cls.coupon = cls.fund.coupon_product_id
    cls.discount = cls.fund.discount_product_id
    cls.donation = cls.fund.donation_product_id
    cls.groceries = env["product.product"].create(
        {
            "name": "Vrac Panier Solidaire",
            "type": "consu",
            "list_price": 12.35,
            "available_in_pos": True,
            "taxes_id": [Command.clear()],
        }
    )
    cls.pos_config = env["pos.config"].create(
        {
            "name": "Caisse Test Solidaire",
            "company_id": company.id,
            "vrac_solidarity_fund_id": cls.fund.id,
        }
    )
    add_cash_payment_method(cls.pos_config, "TSOL", "Cash Test Solidaire")
    cls.cash_method = cls.pos_config.payment_method_ids.filtered("is_cash_count")[:1]
    cls.cashier = new_cashier(env, "vrac_sol_cashier", company, lang="en_US")


def solidarity_order_data(case, lines, discount=0.0, partner=None):
    """Till order data at list prices, as the till of :func:`setup_solidarity_fund`
    sends it; ``discount`` is a solidarity discount.

    :param case: the test (class) with ``pos_session`` open.
    :param lines: [(product, quantity)].
    """
    products = [(product, qty, product.lst_price) for product, qty in lines]
    if discount:
        products.append((case.discount, 1, -discount))
    till_lines = [
        {
            "product_id": product.id,
            "full_product_name": product.display_name,
            "qty": qty,
            "price_unit": price,
        }
        for product, qty, price in products
    ]
    return till_order_data(
        case.pos_session,
        case.cashier,
        partner,
        till_lines,
        pricelist=case.pos_config.pricelist_id,
    )


def credit_fund(fund, amount, date=None):
    """A gift received on the bank, booked by the accountant to the fund
    (on ``date``, today by default)."""
    env = fund.env
    journal = env["account.journal"].search(
        [("company_id", "=", fund.company_id.id), ("type", "=", "general")], limit=1
    )
    counterpart = env["account.account"].search(
        [
            ("company_ids", "in", fund.company_id.ids),
            ("account_type", "=", "asset_current"),
        ],
        limit=1,
    )
    move = env["account.move"].create(
        {
            "move_type": "entry",
            "journal_id": journal.id,
            "date": date or fields.Date.context_today(fund),
            "line_ids": [
                Command.create({"account_id": fund.account_id.id, "credit": amount}),
                Command.create({"account_id": counterpart.id, "debit": amount}),
            ],
        }
    )
    move.action_post()
    return move


def setup_food_credit(cls, env, approved):
    """A food credit of 50 a month + 20 per additional person, on ``approved``."""
    cls.approved_tag = env.ref("vrac_tarifs.product_tag_food_credit")
    approved.product_tag_ids = [Command.link(cls.approved_tag.id)]
    cls.credit_fund = env["account.account"].create(
        {
            "name": "Test fonds crédit alimentaire",
            "code": "467891",
            "account_type": "liability_current",
            "company_ids": [Command.set(env.company.ids)],
        }
    )
    cls.top_up_product = env["product.product"].create(
        {"name": "Test recharge crédit", "type": "service", "list_price": 0.0}
    )
    cls.credit = env["loyalty.program"].create(
        food_credit_values(
            env.company,
            cls.credit_fund,
            cls.top_up_product,
            cls.approved_tag,
            50.0,
            20.0,
        )
    )


def food_credit_values(company, account, top_up, approved_tag, base, per_person):
    """A monthly food credit as a coordinator sets it up: Odoo's eWallet,
    topped up by ``top_up``, spent on the products tagged ``approved_tag``."""
    return {
        "name": "Caisse alimentaire de quartier",
        "program_type": "ewallet",
        "applies_on": "future",
        "trigger": "auto",
        "company_id": company.id,
        "vrac_food_credit": True,
        "vrac_credit_base": base,
        "vrac_credit_per_person": per_person,
        "vrac_credit_rule": "expire",
        "vrac_account_id": account.id,
        "rule_ids": [
            Command.create(
                {
                    "reward_point_amount": 1,
                    "reward_point_mode": "money",
                    "product_ids": top_up.ids,
                }
            )
        ],
        "reward_ids": [
            Command.create(
                {
                    "reward_type": "discount",
                    "discount_mode": "per_point",
                    "discount": 1,
                    "required_points": 1,
                    "discount_applicability": "specific",
                    "discount_product_tag_id": approved_tag.id,
                    "description": "Crédit alimentaire",
                }
            )
        ],
    }


def setup_funder(cls, env, products, share=50.0, budget=0.0):
    """A clearing account, a funder and a half-price program on ``products``."""
    company = env.company
    cls.clearing = env["account.account"].create(
        {
            "name": "Test parts financeur à recevoir",
            "code": "468791",
            "account_type": "asset_current",
            "reconcile": True,
            "company_ids": [Command.set(company.ids)],
        }
    )
    cls.funder = env["res.partner"].create(
        {"name": "Fondation Test Paniers", "is_company": True}
    )
    today = fields.Date.context_today(env.user)
    cls.program = env["vrac.funder.program"].create(
        {
            "name": "Paniers à moitié prix",
            "funder_id": cls.funder.id,
            "share_percent": share,
            "date_from": today - relativedelta(months=3),
            "date_to": today + relativedelta(months=9),
            "budget": budget,
            "product_ids": [Command.set(products.ids)],
            "account_id": cls.clearing.id,
            "company_id": company.id,
        }
    )
