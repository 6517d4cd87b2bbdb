# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import fields

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT


def setup_households(cls):
    """A purchasing group and three households, without income tiers (this
    addon works without vrac_tarifs): Foyer Membre is a member, Foyer Expiré
    was one until a month ago, Zoé Lointain (number 66009) is a member.
    """
    env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
    env.user.groups_id += env.ref("vrac_groupement.group_coordinator")
    cls.groupement = env["vrac.groupement"].create(
        {
            "name": "Test Groupement Caisse",
            "code": "T-GPOS",
            "town": "Valence",
            "company_id": env.company.id,
        }
    )
    cls.membership_product = env.ref("vrac_groupement.product_membership_year")
    cls.membership_product.write({"active": True, "available_in_pos": True})
    cls.household_member, cls.household_expired, cls.household_far = env[
        "res.partner"
    ].create(
        [
            {
                "name": name,
                "vrac_groupement_id": cls.groupement.id,
                "vrac_household_number": number,
            }
            for name, number in (
                ("Foyer Membre", "66001"),
                ("Foyer Expiré", "66002"),
                ("Zoé Lointain", "66009"),
            )
        ]
    )
    today = fields.Date.context_today(env.user)
    (cls.household_member | cls.household_far)._vrac_record_membership_payment(
        cls.membership_product, 1.0, today - relativedelta(months=2)
    )
    cls.household_expired._vrac_record_membership_payment(
        cls.membership_product, 1.0, today - relativedelta(months=13)
    )
