# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields
from odoo.tests import tagged

from odoo.addons.point_of_sale.tests.test_frontend import TestPointOfSaleHttpCommon

from .common import create_soap, setup_food_credit, setup_funder, setup_vrac_pos


class VracTillTourCase(TestPointOfSaleHttpCommon):
    """The main till with tiers, its cashier (pos_user) and a non-food product."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        setup_vrac_pos(cls)
        cls.main_pos_config.write({"vrac_use_tiers": True})
        # pos_sale asks the cashier for the Sales user right (ODOO17_NOTES).
        cls.pos_user.groups_id += cls.env.ref("sales_team.group_sale_salesman")
        cls.soap = create_soap(cls.env, list_price=9.0)


@tagged("post_install", "-at_install")
class TestFunderTours(VracTillTourCase):
    """The funder's share at the till, as the cashier sees it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        setup_funder(cls, cls.env, cls.lentils, budget=3.0)
        cls.env["vrac.funder.program.enrolment"].create(
            {"program_id": cls.program.id, "partner_id": cls.household_a.id}
        )

    def test_share_paid_by_the_funder(self):
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_tour(
            f"/pos/ui?config_id={self.main_pos_config.id}",
            "vrac_funder_pos_share",
            login="pos_user",
        )
        order = self.env["pos.order"].search(
            [("partner_id", "=", self.household_a.id), ("state", "=", "paid")]
        )
        self.assertEqual(len(order), 1)
        share = order.lines.filtered(
            lambda line: line.product_id == self.program.share_product_id
        )
        self.assertAlmostEqual(share.price_subtotal_incl, -2.10, places=2)
        self.assertAlmostEqual(order.amount_total, 5.10, places=2)
        self.program.invalidate_recordset()
        self.assertAlmostEqual(self.program.budget_remaining, 0.90, places=2)


@tagged("post_install", "-at_install")
class TestFoodCreditTours(VracTillTourCase):
    """The food credit at the till: approved products only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        setup_food_credit(cls, cls.env, cls.lentils)
        cls.card = cls.credit.action_vrac_enrol(cls.household_a)
        cls.credit._vrac_top_up(fields.Date.context_today(cls.env.user))

    def test_food_credit_pays_approved_products(self):
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_tour(
            f"/pos/ui?config_id={self.main_pos_config.id}",
            "vrac_food_credit_pos_pay",
            login="pos_user",
        )
        order = self.env["pos.order"].search(
            [("partner_id", "=", self.household_a.id), ("state", "=", "paid")]
        )
        self.assertEqual(len(order), 1)
        credit = order.lines.filtered("reward_id")
        self.assertAlmostEqual(credit.price_subtotal_incl, -4.20, places=2)
        self.assertAlmostEqual(order.amount_total, 3.0, places=2)
        self.assertAlmostEqual(self.card.points, 45.80, places=2)
