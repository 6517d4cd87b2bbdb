# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import importlib.util
from pathlib import Path

from odoo.tests import tagged
from odoo.tests.common import TransactionCase

import odoo.addons.vrac_groupement as vrac_groupement

SCRIPT = (
    Path(vrac_groupement.__file__).resolve().parent
    / "migrations"
    / "18.0.1.2.0"
    / "pre-migration.py"
)

FIELD_XMLIDS = (
    "field_pos_config__vrac_membership_product_id",
    "field_pos_config__vrac_membership_blocking",
    "field_res_config_settings__pos_vrac_membership_product_id",
    "field_res_config_settings__pos_vrac_membership_blocking",
)


def _load_script():
    spec = importlib.util.spec_from_file_location("vrac_groupement_pre_18", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestMembershipSettingsMove(TransactionCase):
    """A 17.0 database has the till's membership settings in vrac_tarifs: the
    18.0 upgrade hands them to vrac_groupement_pos and the tills keep them."""

    def _owners(self):
        self.env.cr.execute(
            """SELECT name, module FROM ir_model_data
                WHERE model = 'ir.model.fields' AND name IN %s ORDER BY name""",
            [FIELD_XMLIDS],
        )
        return self.env.cr.fetchall()

    def test_settings_move_with_their_values(self):
        till = self.env["pos.config"].create({"name": "Caisse Fontbarlettes"})
        fee = self.env.ref("vrac_groupement.product_membership_year")
        till.write(
            {"vrac_membership_product_id": fee.id, "vrac_membership_blocking": True}
        )
        field_ids = {
            name: self.env.ref(f"vrac_groupement_pos.{name}").id
            for name in FIELD_XMLIDS
        }
        # The 17.0 shape: vrac_tarifs owns the four fields' xml ids.
        self.env.cr.execute(
            """UPDATE ir_model_data SET module = 'vrac_tarifs'
                WHERE module = 'vrac_groupement_pos' AND name IN %s""",
            [FIELD_XMLIDS],
        )
        self.assertEqual(self.env.cr.rowcount, 4)
        self.env.registry.clear_cache()

        _load_script().migrate(self.env.cr, "17.0.1.2.0")
        self.env.registry.clear_cache()

        self.assertEqual(
            self._owners(),
            sorted((name, "vrac_groupement_pos") for name in FIELD_XMLIDS),
        )
        for name, field_id in field_ids.items():
            self.assertEqual(self.env.ref(f"vrac_groupement_pos.{name}").id, field_id)
        self.env.invalidate_all()
        self.assertEqual(till.vrac_membership_product_id, fee)
        self.assertTrue(till.vrac_membership_blocking)

    def test_nothing_to_move_on_an_18_database(self):
        """Run again, or on a database installed on 18.0: nothing changes."""
        before = self._owners()
        _load_script().migrate(self.env.cr, "17.0.1.2.0")
        self.assertEqual(self._owners(), before)
        self.assertEqual(len(before), 4)
