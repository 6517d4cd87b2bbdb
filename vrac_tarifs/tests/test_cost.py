# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import ValidationError
from odoo.tools.safe_eval import safe_eval

from .common import VracTarifsCase


class TestCost(VracTarifsCase):
    def test_cost_is_vendor_price_plus_logistics(self):
        template = self.pasta.product_tmpl_id
        template._vrac_update_costs()
        # 1.20 + 8 % + 0.05 = 1.346: no margin hidden anywhere
        self.assertAlmostEqual(self.pasta.standard_price, 1.35, places=2)
        self.assertEqual(template.vrac_cost_vendor_id, self.vendor)
        self.assertAlmostEqual(template.vrac_cost_vendor_price, 1.20)
        self.assertAlmostEqual(template.vrac_cost_logistics, 0.15, places=2)
        self.assertAlmostEqual(
            template.vrac_cost_vendor_price + template.vrac_cost_logistics,
            self.pasta.standard_price,
            places=2,
        )
        # Tier prices follow the new cost at once.
        for tier, price in ((self.tier_a, 1.35), (self.tier_c, 1.70)):
            self.assertAlmostEqual(
                tier.pricelist_id._get_product_price(self.pasta, 1), price
            )

    def test_product_logistics_override_and_uom(self):
        kg = self.env.ref("uom.product_uom_kgm")
        sack = self.env["uom.uom"].create(
            {
                "name": "Sac 25 kg",
                "category_id": kg.category_id.id,
                "uom_type": "bigger",
                "factor_inv": 25,
            }
        )
        lentils = self.env["product.product"].create(
            {
                "name": "Lentilles vertes (vrac)",
                "uom_id": kg.id,
                "uom_po_id": sack.id,
                "vrac_logistics_override": True,
                "vrac_logistics_percent": 0,
                "vrac_logistics_amount": 0.10,
                "seller_ids": [
                    (0, 0, {"partner_id": self.vendor.id, "price": 50.0})  # per sack
                ],
            }
        )
        lentils.product_tmpl_id._vrac_update_costs()
        self.assertAlmostEqual(lentils.standard_price, 2.10)  # 50 / 25 + 0.10

    def test_update_is_set_wise(self):
        products = self.env["product.product"].create(
            [
                {
                    "name": f"Produit {i}",
                    "seller_ids": [
                        (0, 0, {"partner_id": self.vendor.id, "price": 1.0 + i / 100})
                    ],
                }
                for i in range(40)
            ]
        )
        templates = products.product_tmpl_id
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        templates[:4]._vrac_update_costs()
        few = self.cr.sql_log_count - before
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        templates._vrac_update_costs()
        many = self.cr.sql_log_count - before
        self.assertLess(many, few * 3, "Queries grow with the number of products")
        self.assertAlmostEqual(
            products[-1].standard_price, 1.39 * 1.08 + 0.05, places=2
        )

    def test_product_without_vendor_keeps_its_cost(self):
        tomato = self.env["product.product"].create(
            {"name": "Tomates", "standard_price": 2.0}
        )
        action = tomato.product_tmpl_id.action_vrac_update_cost()
        self.assertEqual(action["params"]["type"], "warning")
        self.assertEqual(tomato.standard_price, 2.0)

    def test_products_without_cost_are_listed(self):
        action = self.env.ref("vrac_tarifs.product_template_action_no_cost")
        domain = safe_eval(action.domain)
        free = self.env["product.product"].create({"name": "Sans prix"})
        listed = self.env["product.template"].search(domain)
        self.assertIn(free.product_tmpl_id, listed)
        self.assertNotIn(self.pasta.product_tmpl_id, listed)
        fee = self.env.ref("vrac_groupement.product_membership_year")
        self.assertNotIn(fee.product_tmpl_id, listed)

    def test_negative_logistics_refused(self):
        with self.assertRaisesText(ValidationError, "cannot be negative"):
            self.vendor.vrac_logistics_percent = -5
