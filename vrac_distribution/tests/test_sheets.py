# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import html

from .common import VracDistributionCase


class TestSheets(VracDistributionCase):
    """The bag sheets and the preparation sheet, as the volunteers print them."""

    def render(self, report, user=None):
        env = self.env(user=user) if user else self.env
        content, _type = (
            env["ir.actions.report"]
            .with_user(user or self.env.user)
            ._render_qweb_html(f"vrac_distribution.{report}", self.distribution.ids)
        )
        return html.fromstring(content)

    def text(self, node):
        return " ".join(node.text_content().split())

    def test_bag_sheets_one_per_household_with_blanks_for_weights(self):
        self.distribution.action_prepare()
        tree = self.render("report_vrac_distribution_bags", self.volunteer)
        bags = tree.xpath("//div[@name='bag']")
        households = [
            self.text(bag.xpath(".//h2[@name='bag_household']")[0]) for bag in bags
        ]
        self.assertEqual(len(bags), 4, "one sheet per Romans household")
        self.assertTrue(any("Foyer Martin" in name for name in households))
        self.assertFalse(any("Die" in name for name in households))
        martin = bags[[i for i, n in enumerate(households) if "Foyer Martin" in n][0]]
        self.assertIn("06 11 22 33 44", self.text(martin))
        rows = {
            self.text(row.xpath("td")[0]): [self.text(td) for td in row.xpath("td")]
            for row in martin.xpath(".//table[@name='bag_lines']/tbody/tr")
        }
        self.assertEqual(
            set(rows),
            {
                self.pasta.display_name,
                self.oil.display_name,
                self.lentils.display_name,
                self.apples.display_name,
            },
        )
        self.assertTrue(rows[self.pasta.display_name][1].startswith("2 "))
        self.assertTrue(rows[self.lentils.display_name][1].startswith("1.5 "))
        # Bulk products: a blank to write the weight; units: nothing to weigh.
        self.assertIn("....", rows[self.lentils.display_name][2])
        self.assertIn("....", rows[self.apples.display_name][2])
        self.assertEqual(rows[self.pasta.display_name][2], "")

    def test_bag_sheet_shows_the_weight_once_recorded(self):
        self.distribution.action_prepare()
        line = self.order_line(self.r1, self.lentils)
        line.vrac_weight_served = 1.62
        tree = self.render("report_vrac_distribution_bags")
        cells = tree.xpath(
            "//div[@name='bag'][contains(., 'Foyer Martin')]"
            f"//tr[contains(., '{self.lentils.display_name}')]/td[@name='weight']"
        )
        self.assertTrue(self.text(cells[0]).startswith("1.62"))

    def test_preparation_sheet_totals_and_shares_per_product(self):
        self.distribution.action_prepare()
        tree = self.render("report_vrac_distribution_preparation")
        self.assertIn(
            "4 bags to prepare", self.text(tree.xpath("//p[@name='bag_count']")[0])
        )
        rows = {
            self.text(row.xpath("td")[0]): row.xpath("td")
            for row in tree.xpath("//tr[@name='product']")
        }
        pasta = rows[self.pasta.display_name]
        self.assertTrue(self.text(pasta[1]).startswith("7 "), "2 + 3 + 2 packets")
        shares = self.text(pasta[2])
        for household in (self.r1, self.r2, self.r4):
            number = household.vrac_household_number or household.name
            self.assertIn(number, shares)
        self.assertNotIn(self.r3.vrac_household_number or self.r3.name, shares)
        apples = rows[self.apples.display_name]
        self.assertTrue(self.text(apples[1]).startswith("4.5 "), "2.5 + 2 kg")

    def test_sheets_before_preparation_say_so(self):
        tree = self.render("report_vrac_distribution_bags")
        self.assertIn("prepare the distribution first", self.text(tree))
        tree = self.render("report_vrac_distribution_preparation")
        self.assertIn("Nothing to prepare", self.text(tree))
