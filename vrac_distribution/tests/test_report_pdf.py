# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from odoo.addons.vrac_groupement.tests.common import (
    VracCycleCase,
    VracGroupementCase,
    VracPdfMixin,
)

from .common import VracDistributionCase


@tagged("post_install", "-at_install")
class TestBagSheetsPdf(VracPdfMixin, HttpCase):
    """The bag sheets as the real PDF: one sheet per household, numbered,
    light enough to send (they weighed 4.5 MB for 17 pages)."""

    cycle_line = VracCycleCase.cycle_line

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        VracGroupementCase.setup_vrac_groupements(cls)
        VracCycleCase.setup_vrac_cycle(cls)
        VracDistributionCase.setup_vrac_distribution(cls)
        cls.distribution.with_user(cls.volunteer).action_prepare()

    def test_bag_sheets_pdf_numbered_and_light(self):
        pdf = self.render_pdf(
            "vrac_distribution.vrac_distribution_action_report_bags",
            self.distribution,
            user=self.volunteer,
        )
        pages = self.pages_text(pdf)
        total = len(pages)
        self.assertGreaterEqual(total, 4, "a sheet per household of Romans")
        for number, text in enumerate(pages, start=1):
            self.assertIn(f"Page {number} / {total}", text)
        self.assertIn("Foyer Martin", " ".join(pages))
        self.assertLess(len(pdf), 100_000, f"{len(pdf)} bytes, {total} pages")
