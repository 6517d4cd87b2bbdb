# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import polib

from odoo.modules.module import get_module_path
from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import TranslationModuleReader


@tagged("post_install", "-at_install")
class TestFrenchTranslation(TransactionCase):
    """Every term shown by a vrac addon has its French translation."""

    def test_fr_po_complete_for_every_vrac_addon(self):
        addons = (
            self.env["ir.module.module"]
            .search([("name", "=like", "vrac\\_%"), ("state", "=", "installed")])
            .mapped("name")
        )
        self.assertIn("vrac_groupement", addons)
        for addon in addons:
            with self.subTest(addon=addon):
                po = polib.pofile(f"{get_module_path(addon)}/i18n/fr.po")
                translated = {entry.msgid for entry in po if entry.msgstr}
                reader = TranslationModuleReader(self.env.cr, modules=[addon])
                # Each term is (module, type, name, res_id, source, value, comments).
                sources = {term[4] for term in reader if term[4]}
                missing = sorted(sources - translated)
                self.assertFalse(
                    missing,
                    f"{addon}/i18n/fr.po lacks {len(missing)} terms "
                    f"(export the .pot and translate them): {missing[:10]}",
                )
