# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import importlib.util
from pathlib import Path

from odoo.tests.common import TransactionCase

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def _load(version, stage):
    path = MIGRATIONS / version / f"{stage}-migration.py"
    spec = importlib.util.spec_from_file_location(f"vrac_tarifs_{stage}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestMigration1730(TransactionCase):
    def test_crons_follow_their_renamed_methods(self):
        """A 17.0.1.2.0 database keeps its crons' old code (noupdate): the
        upgrade points them at the `_vrac_cron_*` methods, which exist."""
        food = self.env.ref("vrac_tarifs.ir_cron_vrac_food_credit")
        funders = self.env.ref("vrac_tarifs.ir_cron_vrac_funder_invoice")
        food.code = "model._cron_vrac_food_credit()"
        funders.code = "model._cron_invoice_funders()"
        _load("17.0.1.3.0", "post").migrate(self.env.cr, "17.0.1.2.0")
        self.assertEqual(food.code, "model._vrac_cron_food_credit()")
        self.assertEqual(funders.code, "model._vrac_cron_invoice_funders()")
        self.assertTrue(hasattr(self.env["loyalty.program"], "_vrac_cron_food_credit"))
        self.assertTrue(
            hasattr(self.env["vrac.funder.program"], "_vrac_cron_invoice_funders")
        )

    def test_social_mix_records_keep_their_ids(self):
        """A 17.0.1.2.0 database names the social mix's menu and action
        `*_mixite`: the upgrade renames the xml ids, the records stay (so
        favourites and home actions that point at them still work)."""
        menu = self.env.ref("vrac_tarifs.res_partner_menu_social_mix")
        action = self.env.ref("vrac_tarifs.vrac_groupement_action_social_mix")
        self.env.cr.execute(
            """UPDATE ir_model_data SET name = replace(name, 'social_mix', 'mixite')
                WHERE module = 'vrac_tarifs' AND name LIKE '%%social_mix'"""
        )
        self.assertEqual(self.env.cr.rowcount, 6)
        self.env.registry.clear_cache()
        _load("17.0.1.3.0", "pre").migrate(self.env.cr, "17.0.1.2.0")
        self.env.registry.clear_cache()
        self.assertEqual(self.env.ref("vrac_tarifs.res_partner_menu_social_mix"), menu)
        self.assertEqual(
            self.env.ref("vrac_tarifs.vrac_groupement_action_social_mix"), action
        )
        self.assertFalse(
            self.env.ref(
                "vrac_tarifs.res_partner_menu_mixite", raise_if_not_found=False
            )
        )
