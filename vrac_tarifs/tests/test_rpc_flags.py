# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Context keys that used to lift a check can no longer be sent by a client."""

from odoo.tests import new_test_user, tagged

from odoo.addons.vrac_groupement.tests.rpc import ACCESS_ERROR, VracRpcCase


@tagged("post_install", "-at_install")
class TestRpcServerFlags(VracRpcCase):
    def test_client_context_does_not_skip_the_tier_pricelists(self):
        """The "vrac_tier_sync" key from the client does not keep a point of sale
        with tiers off its tier pricelists."""
        config = self.env["pos.config"].create(
            {"name": "Test caisse RPC", "vrac_use_tiers": True}
        )
        tier_pricelists = config.available_pricelist_ids
        default = config.pricelist_id
        self.assertTrue(tier_pricelists)
        other = self.env["product.pricelist"].create({"name": "Test prix public"})
        self.rpc_login("admin")
        self.rpc_ok(
            "pos.config",
            "write",
            config.ids,
            {"available_pricelist_ids": [(6, 0, other.ids)], "pricelist_id": other.id},
            context={"vrac_tier_sync": True},
        )
        config.invalidate_recordset()
        self.assertEqual(config.available_pricelist_ids, tier_pricelists)
        self.assertEqual(config.pricelist_id, default)

    def test_client_context_does_not_skip_the_fund_setup(self):
        """The "vrac_fund_setup" key from the client does not leave a fund without
        its discount product."""
        fund = self.env["vrac.solidarity.fund"].create({"name": "Test cagnotte RPC"})
        discount = fund.discount_product_id
        self.assertTrue(discount)
        self.rpc_login("admin")
        self.rpc_ok(
            "vrac.solidarity.fund",
            "write",
            fund.ids,
            {"discount_product_id": False},
            context={"vrac_fund_setup": True},
        )
        fund.invalidate_recordset()
        self.assertTrue(fund.discount_product_id)
        self.assertEqual(
            fund.discount_product_id.property_account_income_id, fund.account_id
        )

    def test_nobody_marks_a_product_as_a_funder_share_by_hand(self):
        """A funder's share is let into the cycles' orders outside their
        catalog: a person who may edit products (a sales manager) cannot mark
        one by hand over RPC, while editing the product still works."""
        new_test_user(
            self.env,
            login="vrac_rpc_sales_manager",
            groups="base.group_user,sales_team.group_sale_manager",
        )
        product = self.env["product.product"].create({"name": "Test panier"})
        self.rpc_login("vrac_rpc_sales_manager")
        message = self.rpc_refused(
            "product.product",
            "write",
            product.ids,
            {"vrac_funder_share": True},
            errors=(ACCESS_ERROR,),
        )
        self.assertIn("cannot be marked as a funder's share by hand", message)
        self.rpc_ok("product.product", "write", product.ids, {"name": "Panier bio"})
        product.invalidate_recordset()
        self.assertFalse(product.vrac_funder_share)
        self.assertEqual(product.name, "Panier bio")
