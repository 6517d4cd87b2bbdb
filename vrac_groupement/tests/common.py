# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
import re
import zipfile
from contextlib import contextmanager

from lxml import etree

from odoo import Command
from odoo.tests import TransactionCase, new_test_user
from odoo.tools.pdf import PdfFileReader

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT

#: The prices the households pay in the tests that fix them (see
#: VracCycleCase.setup_fixture_prices): {product attribute: price}, pasta
#: 1.35 a packet, olive oil 8.20 a bottle, lentils 2.40 and apples 2.00 a kg.
HOUSEHOLD_PRICES = {"pasta": 1.35, "oil": 8.20, "lentils": 2.40, "apples": 2.00}


class VracAssertMixin:
    @contextmanager
    def assertRaisesText(self, exception, text):
        """Like assertRaisesRegex, inside a savepoint like Odoo's assertRaises.

        The savepoint proves that nothing of the refused change is kept.
        """
        with self.assertRaises(exception) as cm:
            yield cm
        self.assertIn(text, str(cm.exception))


#: The namespace of the spreadsheet's XML parts (read_xlsx).
NS = {"x": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


class VracIndicatorReportMixin:
    """Read the funder report as a person sees it: a row of the data, a row
    of the HTML (as text), the spreadsheet's cells."""

    def line(self, data, key):
        for section in data["sections"]:
            for line in section["rows"]:
                if line["key"] == key:
                    return line
        raise AssertionError(f"No row {key}")

    def render_html(self, wizard):
        return (
            self.env["ir.actions.report"]
            .with_context(lang="en_US")
            ._render_qweb_html(
                "vrac_groupement.action_report_vrac_indicator", wizard.ids
            )[0]
            .decode()
        )

    def html_row(self, html, key):
        """The cells of the main table row of `key`, as text."""
        match = re.search(r'<tr data-key="%s">(.*?)</tr>' % key, html, re.S)
        self.assertTrue(match, key)
        return [
            re.sub(r"<[^>]+>|\s+", " ", cell).strip()
            for cell in re.findall(r"<td[^>]*>(.*?)</td>", match.group(1), re.S)
        ]

    def read_xlsx(self, content):
        """{sheet name: [[cell value]]}: numbers as floats, texts as str."""
        book = zipfile.ZipFile(io.BytesIO(content))
        workbook = etree.fromstring(book.read("xl/workbook.xml"))
        names = [sheet.get("name") for sheet in workbook.iterfind(".//x:sheet", NS)]
        strings = [
            "".join(item.itertext())
            for item in etree.fromstring(book.read("xl/sharedStrings.xml")).iterfind(
                "x:si", NS
            )
        ]
        sheets = {}
        for index, name in enumerate(names, start=1):
            xml = etree.fromstring(book.read(f"xl/worksheets/sheet{index}.xml"))
            rows = []
            for row in xml.iterfind(".//x:row", NS):
                cells = []
                for cell in row.iterfind("x:c", NS):
                    value = cell.findtext("x:v", namespaces=NS)
                    if cell.get("t") == "s":
                        value = strings[int(value)]
                    elif value is not None:
                        value = float(value)
                    cells.append(value)
                rows.append(cells)
            sheets[name] = rows
        return sheets


class VracPdfMixin:
    """For HttpCase: real PDFs, with the report's styles and fonts served by
    the test server as in production (wkhtmltopdf fetches them)."""

    def render_pdf(self, report_ref, records, user=None):
        """The PDF of ``records`` printed by ``user``."""
        if self.env["ir.actions.report"].get_wkhtmltopdf_state() != "ok":
            self.skipTest("wkhtmltopdf is not installed")
        # wkhtmltopdf loads the report's assets from this test server.
        self.env["ir.config_parameter"].sudo().set_param("report.url", self.base_url())
        reports = self.env(user=user or self.env.user)["ir.actions.report"]
        reports = reports.with_context(force_report_rendering=True, lang="en_US")
        pdf, report_type = reports._render_qweb_pdf(report_ref, records.ids)
        self.assertEqual(report_type, "pdf")
        return pdf

    def pages_text(self, pdf):
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        # Words come out separated by tabs: one space each.
        return [
            " ".join(reader.getPage(index).extract_text().split())
            for index in range(reader.getNumPages())
        ]


class VracGroupementCase(VracAssertMixin, TransactionCase):
    """Two groups of one branch, a coordinator, a volunteer serving Romans."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.setup_vrac_groupements(cls)

    @staticmethod
    def setup_vrac_groupements(cls):
        cls.Groupement = cls.env["vrac.groupement"]
        cls.Partner = cls.env["res.partner"]
        cls.coordinator = new_test_user(
            cls.env,
            login="vrac_test_coordinator",
            name="Claire Coordinatrice",
            groups="vrac_groupement.group_coordinator",
        )
        cls.volunteer = new_test_user(
            cls.env,
            login="vrac_test_volunteer",
            name="Victor Bénévole",
            groups="vrac_groupement.group_volunteer",
        )
        cls.social_centre = cls.Partner.create(
            {"name": "Maison de Quartier Saint-Nicolas", "is_company": True}
        )
        cls.romans, cls.die = cls.Groupement.create(
            [
                {
                    "name": "Test Romans Monnaie",
                    "code": "T-ROM",
                    "town": "Romans-sur-Isère",
                    "is_qpv": True,
                    "coordinator_ids": [(6, 0, cls.coordinator.ids)],
                    "user_ids": [(6, 0, cls.volunteer.ids)],
                    "structure_ids": [
                        (
                            0,
                            0,
                            {
                                "partner_id": cls.social_centre.id,
                                "role": "social_centre",
                            },
                        )
                    ],
                },
                {"name": "Test Die", "code": "T-DIE", "town": "Die"},
            ]
        )
        cls.household_romans = cls.Partner.create(
            {
                "name": "Foyer Martin",
                "vrac_groupement_id": cls.romans.id,
                "vrac_adult_count": 2,
                "vrac_child_count": 2,
                "phone": "06 11 22 33 44",
            }
        )
        cls.household_die = cls.Partner.create(
            {"name": "Foyer Roux", "vrac_groupement_id": cls.die.id}
        )


class VracCycleCase(VracGroupementCase):
    """An open order cycle for Romans and Die, with four catalog products.

    - pasta: units, cases of 20 (a purchase packaging), rounded up;
    - olive oil: units, cases of 6 (the vendor's case quantity), rounded down;
    - lentils: sold by the kg, 25 kg sacks, rounded down, 3 kg at most;
    - apples: sold by the kg, crates of 10 kg, producer capacity 30 kg.
    Six households: four in Romans, two in Die.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_vrac_cycle(cls)

    @staticmethod
    def setup_vrac_cycle(cls):
        cls.coordinator.groups_id |= cls.env.ref("purchase.group_purchase_user")
        cls.Cycle = cls.env["vrac.order.cycle"]
        uom_unit = cls.env.ref("uom.product_uom_unit")
        uom_kg = cls.env.ref("uom.product_uom_kgm")
        cls.vendor_italy, cls.vendor_spain, cls.vendor_farm = cls.Partner.create(
            [
                {"name": "Test Pastificio Toscano", "is_company": True},
                {"name": "Test Aceites Andaluces", "is_company": True},
                {"name": "Test Ferme des Coteaux", "is_company": True},
            ]
        )

        def product(name, uom, price, vendor, vendor_price, case_qty=0.0):
            return cls.env["product.product"].create(
                {
                    "name": name,
                    "type": "consu",
                    "is_storable": True,
                    "uom_id": uom.id,
                    "uom_po_id": uom.id,
                    "list_price": price,
                    "standard_price": vendor_price,
                    "taxes_id": [(5, 0, 0)],
                    "supplier_taxes_id": [(5, 0, 0)],
                    "seller_ids": [
                        (
                            0,
                            0,
                            {
                                "partner_id": vendor.id,
                                "price": vendor_price,
                                "vrac_case_qty": case_qty,
                            },
                        )
                    ],
                }
            )

        cls.pasta = product("Test Penne 500 g", uom_unit, 1.50, cls.vendor_italy, 1.20)
        cls.env["product.packaging"].create(
            {
                "name": "Carton de 20",
                "product_id": cls.pasta.id,
                "qty": 20,
                "purchase": True,
            }
        )
        cls.oil = product(
            "Test Huile d'olive 1 L", uom_unit, 9.00, cls.vendor_spain, 7.50, 6
        )
        cls.lentils = product(
            "Test Lentilles vertes (vrac)", uom_kg, 3.00, cls.vendor_farm, 2.40, 25
        )
        cls.apples = product(
            "Test Pommes (kg)", uom_kg, 2.20, cls.vendor_farm, 1.60, 10
        )
        cls.households_romans = cls.household_romans | cls.Partner.create(
            [
                {"name": f"Foyer Romans {n}", "vrac_groupement_id": cls.romans.id}
                for n in (2, 3, 4)
            ]
        )
        cls.households_die = cls.household_die | cls.Partner.create(
            {"name": "Foyer Die 2", "vrac_groupement_id": cls.die.id}
        )
        cls.cycle = cls.Cycle.create(
            {
                "name": "Test commande de décembre",
                "date_open": "2026-12-01 08:00:00",
                "date_close": "2026-12-10 20:00:00",
                "groupement_line_ids": [
                    (
                        0,
                        0,
                        {
                            "groupement_id": cls.romans.id,
                            "distribution_date": "2026-12-17",
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "groupement_id": cls.die.id,
                            "distribution_date": "2026-12-18",
                        },
                    ),
                ],
                "line_ids": [
                    (0, 0, {"product_id": cls.pasta.id, "rounding_policy": "up"}),
                    (0, 0, {"product_id": cls.oil.id, "rounding_policy": "down"}),
                    (
                        0,
                        0,
                        {
                            "product_id": cls.lentils.id,
                            "rounding_policy": "down",
                            "max_per_household": 3.0,
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "product_id": cls.apples.id,
                            "rounding_policy": "up",
                            "capacity": 30.0,
                        },
                    ),
                ],
            }
        )
        cls.cycle.with_user(cls.coordinator).action_open()

    @staticmethod
    def setup_fixture_prices(cls, prices=None, households=None):
        """The households (all six by default) pay exactly ``prices``:
        {product or product attribute: price per unit of measure}, default
        HOUSEHOLD_PRICES.

        Without vrac_tarifs, a pricelist of fixed prices. With it, a household
        pays its tier's price, computed from the cost: a tier at cost price,
        and these prices as costs. Either way the tests name the amounts.
        """
        if households is None:
            households = cls.households_romans | cls.households_die
        prices = {
            getattr(cls, product) if isinstance(product, str) else product: price
            for product, price in (prices or HOUSEHOLD_PRICES).items()
        }
        if "vrac_tier_id" in households._fields:
            tier = cls.env["vrac.tier"].create(
                {
                    "name": "Test prix coûtant",
                    "code": "T-PC",
                    "percent": 0.0,
                    "rounding": 0.01,
                    "by_resources": False,
                }
            )
            households.write(
                {
                    "vrac_tier_mode": "manual",
                    "vrac_tier_id": tier.id,
                    "vrac_tier_reason": "Test",
                }
            )
            cls.fixture_pricelist = tier.pricelist_id
        else:
            cls.fixture_pricelist = cls.env["product.pricelist"].create(
                {"name": "Test tarif du cycle"}
            )
            households.property_product_pricelist = cls.fixture_pricelist
        VracCycleCase.set_fixture_prices(cls, prices)

    @staticmethod
    def set_fixture_prices(cls, prices):
        """Change the prices of :meth:`setup_fixture_prices`."""
        if "vrac_tier_id" in cls.env["res.partner"]._fields:
            for product, price in prices.items():
                product.standard_price = price
            return
        products = cls.env["product.product"].concat(*prices)
        pricelist = cls.fixture_pricelist
        pricelist.item_ids.filtered(lambda item: item.product_id in products).unlink()
        pricelist.item_ids = [
            Command.create(
                {
                    "applied_on": "0_product_variant",
                    "product_id": product.id,
                    "compute_price": "fixed",
                    "fixed_price": price,
                }
            )
            for product, price in prices.items()
        ]

    def cycle_line(self, product, cycle=None):
        return (cycle or self.cycle).line_ids.filtered(
            lambda line: line.product_id == product
        )

    def order_line(self, household, product, cycle=None):
        return self.env["sale.order.line"].search(
            [
                ("vrac_cycle_id", "=", (cycle or self.cycle).id),
                ("order_partner_id", "=", household.id),
                ("product_id", "=", product.id),
                ("state", "!=", "cancel"),
            ]
        )
