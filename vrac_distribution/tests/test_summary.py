# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import html

from odoo.tests import tagged

from .common import VracTillCase


@tagged("post_install", "-at_install")
class TestSummary(VracTillCase):
    """After the distribution: bags, takings, surplus and volunteer hours."""

    def text(self, node):
        return " ".join(node.text_content().split())

    def test_summary_of_a_distribution(self):
        (self.r2 | self.r3).vrac_is_volunteer = True
        self.distribution.write(
            {
                "shift_ids": [
                    (
                        0,
                        0,
                        {
                            "partner_id": self.r2.id,
                            "role": "bags",
                            "hour_from": 8.0,
                            "hour_to": 10.5,
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "partner_id": self.r3.id,
                            "role": "bags",
                            "hour_from": 8.0,
                            "hour_to": 10.0,
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "partner_id": self.r2.id,
                            "role": "till",
                            "hour_from": 10.5,
                            "hour_to": 12.0,
                        },
                    ),
                ]
            }
        )
        order_r2 = self.household_order(self.r2)
        self.settle(self.order_r1, payments=[(self.card_method, 1.0)])
        self.settle(order_r2, quantities={self.pasta: 2}, extra=[(self.soap, 2, 2.5)])
        distribution = self.distribution.with_user(self.volunteer)
        self.assertEqual(distribution.order_count, 3 + 1)
        self.assertEqual(distribution.collected_count, 1)
        self.assertEqual(
            distribution.partial_count, 1, "r2 took 2 packets of pasta of 3"
        )
        self.assertEqual(distribution.to_collect_count, 2)
        self.assertEqual(
            distribution._vrac_hours_per_role(),
            [("Bag preparation", 2, 4.5), ("Till", 1, 1.5)],
        )
        content, _type = (
            self.env["ir.actions.report"]
            .with_user(self.volunteer)
            ._render_qweb_html(
                "vrac_distribution.report_vrac_distribution_summary",
                self.distribution.ids,
            )
        )
        tree = html.fromstring(content)
        bags = {
            self.text(row.xpath("td")[0]): self.text(row.xpath("td")[1])
            for row in tree.xpath("//table[@name='bags']//tr")
        }
        self.assertEqual(
            bags,
            {
                "Prepared": "4",
                "Collected": "1",
                "Partly collected": "1",
                "Not collected": "2",
            },
        )
        till = self.text(tree.xpath("//table[@name='till']")[0])
        self.assertIn("5.00", till, "surplus: 2 soaps at 2.50")
        payments = {
            self.text(row.xpath("td")[0]): self.text(row.xpath("td")[1])
            for row in tree.xpath("//table[@name='payments']/tbody/tr")
        }
        self.assertEqual(set(payments), {"Test Espèces", "Test Carte"})
        hours = self.text(tree.xpath("//table[@name='hours']")[0])
        self.assertIn("Bag preparation 2 04:30", hours)
        total = tree.xpath("//table[@name='hours']/tfoot//th")[-1]
        self.assertEqual(self.text(total), "06:00")

    def test_summary_before_the_till(self):
        content, _type = self.env["ir.actions.report"]._render_qweb_html(
            "vrac_distribution.report_vrac_distribution_summary",
            self.distribution.ids,
        )
        text = self.text(html.fromstring(content))
        self.assertIn("Nothing was paid at the till", text)
        self.assertIn("No volunteer shift recorded", text)
