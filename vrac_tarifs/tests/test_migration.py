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
