# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.exceptions import AccessError

from .common import VracDistributionCase


class TestFunderShareOnCycleOrders(VracDistributionCase):
    """A funder pays half of the pasta of two enrolled households of Romans,
    whose orders come from the order cycle: preparing the bags confirms the
    orders, which adds the line "Paid by ..." outside the cycle's catalog."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if "vrac.funder.program" not in cls.env:
            cls.skipTest(cls, "needs vrac_tarifs (funder-paid programs)")
        today = fields.Date.context_today(cls.env.user)
        cls.funder = cls.env["res.partner"].create(
            {"name": "Fondation Test Pâtes", "is_company": True}
        )
        cls.program = cls.env["vrac.funder.program"].create(
            {
                "name": "Pâtes à moitié prix",
                "funder_id": cls.funder.id,
                "share_percent": 50.0,
                "date_from": today - relativedelta(months=1),
                "date_to": today + relativedelta(months=6),
                "product_ids": [Command.set(cls.pasta.ids)],
            }
        )
        cls.env["vrac.funder.program.enrolment"].create(
            [
                {"program_id": cls.program.id, "partner_id": household.id}
                for household in cls.r1 | cls.r2
            ]
        )

    def share_line(self, household):
        return self.household_order(household).order_line.filtered(
            lambda line: line.product_id == self.program.share_product_id
        )

    def test_volunteer_prepares_bags_with_funder_shares(self):
        self.distribution.with_user(self.volunteer).action_prepare()
        self.assertEqual(self.distribution.state, "preparing")
        orders = self.distribution.sale_order_ids
        self.assertEqual(orders.partner_id, self.households_romans)
        self.assertEqual(set(orders.mapped("state")), {"sale"})
        self.assertEqual(len(self.distribution.batch_id.picking_ids), 4)
        # Tier B (the default tier): 1.30 a packet of pasta.
        self.assertEqual(self.order_line(self.r1, self.pasta).price_unit, 1.3)
        # r1: 2 packets = 2.60, the funder pays 1.30;
        # r2: 3 packets = 3.90, the funder pays 1.95.
        r1_share = self.share_line(self.r1)
        self.assertEqual(r1_share.product_uom_qty, 1.0)
        self.assertEqual(r1_share.price_unit, -1.3)
        self.assertEqual(r1_share.price_total, -1.3)
        self.assertEqual(
            r1_share.name, "Paid by Fondation Test Pâtes (Pâtes à moitié prix)"
        )
        self.assertEqual(self.share_line(self.r2).price_total, -1.95)
        self.assertFalse(self.share_line(self.r3), "r3 is not enrolled")
        self.assertFalse(self.share_line(self.r4), "r4 is not enrolled")
        # r1 pays 2.60 pasta + 8.25 oil + 3.98 lentils + 4.38 apples - 1.30.
        self.assertAlmostEqual(self.household_order(self.r1).amount_total, 17.91)
        self.assertEqual(self.program.budget_used, 3.25)
        # The share is no product of the cycle: nothing to put in the bags.
        self.assertFalse(r1_share.vrac_cycle_line_id)
        self.assertNotIn(
            self.program.share_product_id,
            self.distribution.batch_id.picking_ids.move_ids.product_id,
        )

    def test_late_reception_keeps_the_share(self):
        """Sharing out again what arrives late (a backorder received after
        the bags were prepared) changes the catalog lines only: the share
        line keeps its quantity and amount."""
        self.distribution.with_user(self.volunteer).action_prepare()
        share = self.share_line(self.r1)
        self.cycle._vrac_apply_allocations()
        self.assertEqual(share.product_uom_qty, 1.0)
        self.assertEqual(share.price_total, -1.3)

    def test_share_flag_is_set_by_programs_only(self):
        """A coordinator cannot let a product into the cycles' orders outside
        the catalog by marking it as a funder's share."""
        outsider = self.env["product.product"].create({"name": "Test Hors catalogue"})
        self.coordinator.groups_id |= self.env.ref("sales_team.group_sale_manager")
        with self.assertRaisesText(AccessError, "cannot be marked as a funder"):
            outsider.with_user(self.coordinator).write({"vrac_funder_share": True})
        self.assertFalse(outsider.vrac_funder_share)
