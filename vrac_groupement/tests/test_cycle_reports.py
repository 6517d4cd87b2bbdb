# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
import shutil

from lxml import html

from odoo.tools.pdf import PdfFileReader

from .common import VracCycleCase

VENDOR_REPORT = "vrac_groupement.vrac_order_cycle_action_report_vendor"
PRODUCT_REPORT = "vrac_groupement.vrac_order_cycle_action_report_product"
HOUSEHOLD_REPORT = "vrac_groupement.vrac_order_cycle_action_report_household"


def text(node):
    """The text of a node as a reader sees it: one space between words."""
    return " ".join(node.text_content().split())


def rows(node):
    """The body rows of the tables under ``node``, as lists of cell texts."""
    return [
        [text(cell) for cell in tr.xpath("./td")] for tr in node.xpath(".//tbody/tr")
    ]


class TestCycleReports(VracCycleCase):
    """The printed reports of an order cycle: what the coordinator and the
    volunteers read on paper.

    Orders (oil, lentils and apples fall short; pasta is rounded up):

    - pasta, cases of 20: 12 + 5 + 4 = 21, bought 40 (2 cases);
    - oil, cases of 6, rounded down: 4 + 3 + 2 + 2 = 11, bought 6 (1 case):
      Foyer Martin gets 2 of their 4;
    - lentils, 25 kg sacks, rounded down: 3 + 3 + 2.5 kg, nothing bought;
    - apples, crates of 10 kg, 30 kg at most: 9 + 8.5 + 7 + 6 kg, bought 30.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The households' prices (HOUSEHOLD_PRICES): pasta 1.35 a packet,
        # oil 8.20 a bottle, lentils 2.40 and apples 2.00 a kg.
        cls.setup_fixture_prices(cls)
        martin, romans_2, romans_3, romans_4 = cls.households_romans
        roux, die_2 = cls.households_die
        cls.cycle._vrac_set_orders(
            {
                martin.id: {
                    cls.pasta.id: 12,
                    cls.oil.id: 4,
                    cls.lentils.id: 3,
                    cls.apples.id: 9,
                },
                romans_2.id: {cls.pasta.id: 5, cls.oil.id: 3},
                romans_3.id: {cls.oil.id: 2, cls.lentils.id: 3},
                romans_4.id: {cls.apples.id: 8.5},
                roux.id: {
                    cls.pasta.id: 4,
                    cls.oil.id: 2,
                    cls.lentils.id: 2.5,
                    cls.apples.id: 6,
                },
                die_2.id: {cls.apples.id: 7},
            }
        )

    def close(self):
        self.cycle.with_user(self.coordinator).action_close()

    def render(self, report, user=None):
        reports = self.env["ir.actions.report"].with_user(user or self.coordinator)
        content, report_type = reports._render_qweb_html(report, self.cycle.ids)
        self.assertEqual(report_type, "html")
        return html.fromstring(content)

    def money(self, amount):
        """An amount as the reports print it, in the company's currency."""
        markup = self.env["ir.qweb.field.monetary"].value_to_html(
            amount, {"display_currency": self.cycle.currency_id}
        )
        return text(html.fragment_fromstring(markup, create_parent="span"))

    def vendor_blocks(self, page):
        return {
            text(block.xpath(".//h4[@name='vendor_name']/span")[0]): rows(block)
            for block in page.xpath("//div[@name='vendor_block']")
        }

    def household_blocks(self, page):
        return [
            (text(block.xpath(".//h5[@name='household_name']")[0]), rows(block))
            for block in page.xpath("//div[@name='household_block']")
        ]

    # ------------------------------------------------------------------
    # Order summary per vendor
    # ------------------------------------------------------------------
    def test_vendor_summary_closed_cycle(self):
        self.close()
        page = self.render(VENDOR_REPORT)
        self.assertIn("Order summary per vendor: Test commande de décembre", text(page))
        self.assertFalse(page.xpath("//div[@name='draft_note']"))
        blocks = self.vendor_blocks(page)
        # Vendors by name; what they sell, bought by whole cases.
        self.assertEqual(
            list(blocks),
            [
                "Test Aceites Andaluces",
                "Test Ferme des Coteaux",
                "Test Pastificio Toscano",
            ],
        )
        # Product, case of, cases, quantity, vendor price, amount.
        self.assertEqual(
            blocks["Test Pastificio Toscano"],
            [
                [
                    "Test Penne 500 g",
                    "20 Units",
                    "2",
                    "40 Units",
                    "1.20",
                    self.money(48.0),
                ],
                ["Subtotal Test Pastificio Toscano", self.money(48.0)],
            ],
        )
        self.assertEqual(
            blocks["Test Aceites Andaluces"][0],
            [
                "Test Huile d'olive 1 L",
                "6 Units",
                "1",
                "6 Units",
                "7.50",
                self.money(45.0),
            ],
        )
        # Nothing bought of the lentils (8.5 kg ordered, sacks of 25 kg,
        # rounded down): the farm only sells its apples, within its capacity.
        self.assertEqual(
            blocks["Test Ferme des Coteaux"],
            [
                ["Test Pommes (kg)", "10 kg", "3", "30 kg", "1.60", self.money(48.0)],
                ["Subtotal Test Ferme des Coteaux", self.money(48.0)],
            ],
        )
        total = page.xpath("//td[@name='td_total']")
        self.assertEqual([text(td) for td in total], [self.money(141.0)])

    def test_vendor_summary_draft_cycle(self):
        """Before closing: what would be ordered, and a visible draft note."""
        page = self.render(VENDOR_REPORT)
        note = page.xpath("//div[@name='draft_note']")
        self.assertEqual(len(note), 1)
        self.assertIn("Draft: cycle not closed yet.", text(note[0]))
        blocks = self.vendor_blocks(page)
        self.assertEqual(
            blocks["Test Pastificio Toscano"][0],
            [
                "Test Penne 500 g",
                "20 Units",
                "1.05",
                "21 Units",
                "1.20",
                self.money(25.2),
            ],
        )
        self.assertEqual(
            blocks["Test Ferme des Coteaux"],
            [
                [
                    "Test Lentilles vertes (vrac)",
                    "25 kg",
                    "0.34",
                    "8.5 kg",
                    "2.40",
                    self.money(20.4),
                ],
                [
                    "Test Pommes (kg)",
                    "10 kg",
                    "3.05",
                    "30.5 kg",
                    "1.60",
                    self.money(48.8),
                ],
                ["Subtotal Test Ferme des Coteaux", self.money(69.2)],
            ],
        )

    def test_vendor_summary_coordinators_only(self):
        """Vendor prices are for the coordinators: not in a volunteer's Print menu."""
        Actions = self.env["ir.actions.actions"]
        volunteer_reports = {
            action["name"]
            for action in Actions.with_user(self.volunteer).get_bindings(
                "vrac.order.cycle"
            )["report"]
        }
        coordinator_reports = {
            action["name"]
            for action in Actions.with_user(self.coordinator).get_bindings(
                "vrac.order.cycle"
            )["report"]
        }
        self.assertIn("Order summary per vendor", coordinator_reports)
        self.assertNotIn("Order summary per vendor", volunteer_reports)
        self.assertTrue(
            {"Totals per product", "Orders per household"} <= volunteer_reports
        )

    # ------------------------------------------------------------------
    # Totals per product
    # ------------------------------------------------------------------
    def test_product_totals(self):
        self.close()
        page = self.render(PRODUCT_REPORT)
        # Product, unit, households, ordered, bought, allocated, surplus.
        self.assertEqual(
            rows(page),
            [
                ["Test Penne 500 g", "Units", "3", "21", "40", "21", "19"],
                ["Test Huile d'olive 1 L", "Units", "4", "11", "6", "6", "0"],
                ["Test Lentilles vertes (vrac)", "kg", "3", "8.5", "0", "0", "0"],
                ["Test Pommes (kg)", "kg", "4", "30.5", "30", "30", "0"],
            ],
        )

    def test_product_totals_draft_cycle(self):
        page = self.render(PRODUCT_REPORT)
        self.assertIn("Draft: cycle not closed yet.", text(page))
        # Nothing bought yet: no bought nor surplus quantity to mislead.
        self.assertEqual(
            rows(page)[0], ["Test Penne 500 g", "Units", "3", "21", "-", "21", "-"]
        )

    # ------------------------------------------------------------------
    # Orders per household
    # ------------------------------------------------------------------
    def test_household_orders(self):
        self.close()
        page = self.render(HOUSEHOLD_REPORT)
        martin, romans_2, romans_3, romans_4 = self.households_romans
        roux, die_2 = self.households_die
        # Group by group (Die before Romans Monnaie), households by number.
        self.assertEqual(
            [text(h3) for h3 in page.xpath("//h3[@name='group_name']")],
            [
                "Test Die Distribution: 12/18/2026",
                "Test Romans Monnaie Distribution: 12/17/2026",
            ],
        )
        blocks = self.household_blocks(page)
        # Number, name and phone, to call the household about what they got.
        self.assertEqual(
            [title for title, _rows in blocks],
            [
                f"No. {household.vrac_household_number} {household.name}"
                + (f" {household.phone}" if household.phone else "")
                for household in (roux, die_2, martin, romans_2, romans_3, romans_4)
            ],
        )
        self.assertEqual(martin.phone, "06 11 22 33 44")
        self.assertTrue(martin.vrac_household_number)
        martin_rows = blocks[2][1]
        apples = self.order_line(martin, self.apples)
        # Product (with the shortfall), ordered, allocated, unit price, subtotal,
        # at the household's own prices.
        self.assertEqual(
            martin_rows[0],
            [
                "Test Penne 500 g",
                "12 Units",
                "12 Units",
                self.money(1.35),
                self.money(16.20),
            ],
        )
        self.assertEqual(
            martin_rows[1],
            [
                "Test Huile d'olive 1 L ordered 4, allocated 2",
                "4 Units",
                "2 Units",
                self.money(8.20),
                self.money(16.40),
            ],
        )
        self.assertEqual(martin_rows[2][1:3], ["3 kg", "0 kg"])
        self.assertIn("ordered 3", martin_rows[2][0])
        # Apples: 30 kg shared to the gram among 30.5 kg ordered, 9 * 30 / 30.5.
        self.assertAlmostEqual(apples.vrac_allocated_qty, 8.852)
        self.assertEqual(
            martin_rows[3],
            [
                "Test Pommes (kg) ordered 9 kg, allocated 8.852 kg",
                "9 kg",
                "8.852 kg",
                self.money(2.00),
                self.money(17.70),
            ],
        )
        self.assertEqual(
            martin_rows[-1],
            [
                "Order total",
                # 16.20 + 16.40 + 0 kg of lentils + 17.70
                self.money(50.30),
            ],
        )
        # Households who got what they ordered carry no note.
        self.assertEqual(
            blocks[3][1][0],
            [
                "Test Penne 500 g",
                "5 Units",
                "5 Units",
                self.money(1.35),
                self.money(6.75),
            ],
        )
        self.assertEqual(len(page.xpath("//div[@name='allocation_note']")), 11)

    def test_household_orders_volunteer(self):
        """A volunteer prints the sheet of the groups they serve, and only those."""
        self.close()
        page = self.render(HOUSEHOLD_REPORT, user=self.volunteer)
        titles = [title for title, _rows in self.household_blocks(page)]
        self.assertEqual(len(titles), 4)
        self.assertIn("Foyer Martin", titles[0])
        self.assertNotIn("Foyer Roux", text(page))
        self.assertNotIn("Test Die", text(page))

    def test_household_orders_draft_cycle(self):
        page = self.render(HOUSEHOLD_REPORT)
        self.assertIn("Draft: cycle not closed yet.", text(page))
        self.assertFalse(page.xpath("//div[@name='allocation_note']"))

    def test_reports_render_as_pdf(self):
        if not shutil.which("wkhtmltopdf"):
            self.skipTest("wkhtmltopdf is not installed: PDF rendering not checked")
        self.close()
        reports = self.env["ir.actions.report"].with_context(
            force_report_rendering=True
        )
        for report in (VENDOR_REPORT, PRODUCT_REPORT, HOUSEHOLD_REPORT):
            content, report_type = reports._render_qweb_pdf(report, self.cycle.ids)
            self.assertEqual(report_type, "pdf")
            self.assertTrue(content.startswith(b"%PDF"), report)

    def test_long_names_are_cut_and_pages_stay_readable(self):
        """A name of thousands of letters without a space (a paste gone
        wrong) is printed cut to 80 characters and wraps: the sheets keep
        their size instead of shrinking to unreadable pages."""
        pdf = shutil.which("wkhtmltopdf")
        reports = self.env["ir.actions.report"].with_context(
            force_report_rendering=True
        )
        self.close()

        def pages(report):
            content, _kind = reports._render_qweb_pdf(report, self.cycle.ids)
            return PdfFileReader(io.BytesIO(content)).getNumPages()

        all_reports = (VENDOR_REPORT, PRODUCT_REPORT, HOUSEHOLD_REPORT)
        before = {report: pages(report) for report in all_reports} if pdf else {}
        martin = self.households_romans[0]
        long_names = {
            self.apples: "Pommes" * 500,
            martin: "Martin" * 500,
            self.vendor_farm: "Ferme" * 500,
            self.romans: "Romans" * 500,
        }
        for record, name in long_names.items():
            record.name = name
        for report in all_reports:
            page = text(self.render(report))
            for record, name in long_names.items():
                if record == self.vendor_farm and report != VENDOR_REPORT:
                    continue
                if record == martin and report != HOUSEHOLD_REPORT:
                    continue
                self.assertIn(name[:79] + "\u2026", page, f"{report}: {record}")
                self.assertNotIn(name[:80], page, report)
            if pdf:
                # The cut names take two lines: one more page at most.
                self.assertLessEqual(pages(report), before[report] + 1, report)
