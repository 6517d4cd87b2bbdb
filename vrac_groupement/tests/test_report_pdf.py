# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo.tests import HttpCase, tagged

from .common import VracGroupementCase, VracPdfMixin


@tagged("post_install", "-at_install")
class TestReportPdf(VracPdfMixin, HttpCase):
    """The funder report as the real PDF."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        VracGroupementCase.setup_vrac_groupements(cls)

    def test_funder_report_pdf_numbered_and_light(self):
        wizard = (
            self.env["vrac.indicator.report"]
            .with_user(self.coordinator)
            .create(
                {"scope": "all", "date_from": "2025-01-01", "date_to": "2025-12-31"}
            )
        )
        pdf = self.render_pdf(
            "vrac_groupement.action_report_vrac_indicator",
            wizard,
            user=self.coordinator,
        )
        pages = self.pages_text(pdf)
        total = len(pages)
        self.assertGreaterEqual(total, 2)
        # Every page says its number (wkhtmltopdf's footer is not drawn by
        # Debian's build: the numbers are stamped after it).
        for number, text in enumerate(pages, start=1):
            self.assertIn(f"Page {number} / {total}", text)
        # The text is text (a font embedded once), not outlines of the web
        # font drawn glyph by glyph: it was 2.4 MB for 7 pages, ~350 kB a page.
        self.assertIn("Indicators for funders", pages[0])
        self.assertIn("Period: 01/01/2025 to 12/31/2025", pages[0])
        # Measured: 40 kB for these 6 pages.
        self.assertLess(len(pdf), 100_000, f"{len(pdf)} bytes, {total} pages")
        self.assertTrue(re.search(rb"/FontFile2", pdf))
