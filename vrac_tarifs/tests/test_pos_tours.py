# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.point_of_sale.tests.test_frontend import TestPointOfSaleHttpCommon

from .common import setup_vrac_pos


@tagged("post_install", "-at_install")
class TestPosTours(TestPointOfSaleHttpCommon):
    """What the cashier sees, in the browser."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        setup_vrac_pos(cls)
        cls.main_pos_config.write(
            {"vrac_use_tiers": True, "vrac_membership_blocking": True}
        )
        cls.pos_user.groups_id += cls.env.ref("sales_team.group_sale_salesman")
        # Enough customers for "Zoé Recherche" not to be among the 100 the
        # till loads at opening: she is only found by a search on the server.
        cls.env["res.partner"].create(
            [
                {"name": f"Yyy Client {index:03d}", "company_id": cls.env.company.id}
                for index in range(100)
            ]
        )

    def _start(self, tour):
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_tour(
            f"/pos/ui?config_id={self.main_pos_config.id}", tour, login="pos_user"
        )

    def _close_session(self):
        session = self.main_pos_config.current_session_id
        session.post_closing_cash_details(0)
        session.close_session_from_ui()

    def test_tier_prices(self):
        self._start("vrac_tarifs_pos_tier_prices")

    def test_cost_change_new_session(self):
        self._start("vrac_tarifs_pos_tier_prices")
        self._close_session()
        self.lentils.standard_price = 3.0
        self._start("vrac_tarifs_pos_cost_change")

    def test_till_sells_at_cost_and_never_below_cost(self):
        self.lentils.standard_price = 1.21
        # C at +1 %: 1.2221, whose nearest 0.05 (1.20) is below cost.
        self.tier_c.percent = 1
        for tier, price in ((self.tier_a, 1.21), (self.tier_c, 1.25)):
            self.assertAlmostEqual(
                tier.pricelist_id._get_product_price(self.lentils, 1.0), price
            )
        self._start("vrac_tarifs_pos_never_below_cost")

    def test_membership_renewed_at_the_till(self):
        self.assertEqual(self.household_expired.membership_state, "old")
        self._start("vrac_tarifs_pos_membership")
        order = self.env["pos.order"].search(
            [("partner_id", "=", self.household_expired.id)]
        )
        self.assertEqual(len(order), 1)
        self.assertEqual(order.state, "paid")
        self.assertIn(self.membership_product, order.lines.product_id)
        self.assertEqual(order.vrac_tier_id, self.tier_a)
        self.assertEqual(self.household_expired.membership_state, "paid")

    def test_search_household_by_number(self):
        loaded = {row[0] for row in self.main_pos_config.get_limited_partners_loading()}
        self.assertIn(self.household_c.id, loaded)
        self.assertNotIn(self.household_far.id, loaded)
        self._start("vrac_tarifs_pos_search_number")
