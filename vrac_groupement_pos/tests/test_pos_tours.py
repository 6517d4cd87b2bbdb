# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.point_of_sale.tests.test_frontend import TestPointOfSaleHttpCommon

from .common import setup_households


@tagged("post_install", "-at_install")
class TestPosTours(TestPointOfSaleHttpCommon):
    """The membership check and the household numbers, as the cashier sees
    them, on a till without income tiers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        setup_households(cls)
        cls.main_pos_config.write({"vrac_membership_blocking": True})
        cls.main_pos_config.vrac_membership_product_id = cls.membership_product
        # Enough customers for Zoé Lointain not to be among the 100 the
        # till loads at opening: she is only found by a search on the server.
        cls.env["res.partner"].create(
            [
                {"name": f"Yyy Client {index:03d}", "company_id": cls.env.company.id}
                for index in range(100)
            ]
        )

    def test_membership_fee_and_household_number(self):
        loaded = {row[0] for row in self.main_pos_config.get_limited_partners_loading()}
        self.assertNotIn(self.household_far.id, loaded)
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_pos_tour("vrac_groupement_pos_membership")
        order = self.env["pos.order"].search(
            [("partner_id", "=", self.household_expired.id)]
        )
        self.assertEqual(order.state, "paid")
        self.assertIn(self.membership_product, order.lines.product_id)
        self.assertEqual(self.household_expired.membership_state, "paid")
