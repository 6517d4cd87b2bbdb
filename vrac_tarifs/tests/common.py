# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
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
