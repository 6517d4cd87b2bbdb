# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import functools
import io
import subprocess

from reportlab.pdfgen import canvas

from odoo import _, models
from odoo.tools.pdf import PdfReader, PdfWriter

from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin

# Addons whose PDF reports get their page numbers stamped.
NUMBERED_MODULES = ("vrac_groupement", "vrac_distribution", "vrac_tarifs")


@functools.lru_cache(maxsize=1)
def _wkhtmltopdf_has_patched_qt():
    """Whether wkhtmltopdf draws the layout's footer (with its page numbers).

    Debian's wkhtmltopdf is built on an unpatched Qt: it ignores
    --header-html and --footer-html (it says so on stderr), so the page
    numbers of web.external_layout's footer never show.
    """
    try:
        version = subprocess.run(
            [_get_wkhtmltopdf_bin(), "--version"],
            capture_output=True,
            timeout=10,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return b"patched qt" in version


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _render_qweb_pdf(self, report_ref, res_ids=None, data=None):
        content, report_type = super()._render_qweb_pdf(
            report_ref, res_ids=res_ids, data=data
        )
        report = self._get_report(report_ref)
        if report_type == "pdf" and report._vrac_stamps_page_numbers():
            content = self._vrac_stamp_page_numbers(content)
        return content, report_type

    def _vrac_stamps_page_numbers(self):
        """Our PDF reports, when wkhtmltopdf cannot draw the footer."""
        self.ensure_one()
        module = (self.report_name or "").split(".")[0]
        return module in NUMBERED_MODULES and not _wkhtmltopdf_has_patched_qt()

    def _vrac_stamp_page_numbers(self, content):
        """``content`` with "Page x / y" at the foot of each page.

        Drawn after wkhtmltopdf, with a standard PDF font (not embedded), on
        a layer merged onto each page.
        """
        reader = PdfReader(io.BytesIO(content), strict=False)
        total = len(reader.pages)
        packet = io.BytesIO()
        layer = canvas.Canvas(packet)
        for index in range(total):
            box = reader.pages[index].mediabox
            width = float(abs(box.width))
            layer.setPageSize((width, float(abs(box.height))))
            layer.setFont("Helvetica", 8)
            layer.setFillGray(0.35)
            layer.drawCentredString(
                width / 2,
                22,
                _("Page %(page)s / %(total)s", page=index + 1, total=total),
            )
            layer.showPage()
        layer.save()
        numbers = PdfReader(packet, strict=False)
        writer = PdfWriter()
        for index in range(total):
            page = reader.pages[index]
            page.merge_page(numbers.pages[index])
            # Merging leaves the page's content uncompressed.
            page.compress_content_streams()
            writer.add_page(page)
        output = io.BytesIO()
        writer.write(output)
        return output.getvalue()
