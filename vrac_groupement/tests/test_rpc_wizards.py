# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Wizards are private to the person who opened them, through the web
client's door: their rows, and the files they produce."""

from odoo.tests import new_test_user, tagged

from .common import VracCycleCase
from .rpc import ACCESS_ERROR, VracRpcCase

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@tagged("post_install", "-at_install")
class TestRpcWizards(VracRpcCase, VracCycleCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A second volunteer of Romans: same groups, yet not the same wizards.
        cls.volunteer_2 = new_test_user(
            cls.env,
            login="vrac_test_volunteer_2",
            name="Véra Bénévole",
            groups="vrac_groupement.group_volunteer",
        )
        cls.romans.user_ids |= cls.volunteer_2

    def new_report(self):
        return self.rpc_ok(
            "vrac.indicator.report",
            "web_save",
            [],
            {
                "scope": "groupement",
                "groupement_ids": [[6, 0, self.romans.ids]],
                "date_from": "2025-01-01",
                "date_to": "2025-12-31",
            },
            specification={"previous_date_from": {}},
        )[0]

    def test_spreadsheet_downloaded_by_its_creator_only(self):
        self.rpc_login("vrac_test_volunteer")
        report = self.new_report()
        self.assertEqual(report["previous_date_from"], "2024-01-01")
        action = self.rpc_ok(
            "vrac.indicator.report", "action_export_xlsx", [report["id"]]
        )
        self.assertEqual(action["type"], "ir.actions.act_url")
        response = self.url_open(action["url"])
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], XLSX_MIMETYPE)
        self.assertIn(
            "indicators-2025-01-01-2025-12-31.xlsx",
            response.headers["Content-Disposition"],
        )
        self.assertTrue(response.content.startswith(b"PK"), "a zipped workbook")
        # No attachment is left for anyone to find.
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "=", "vrac.indicator.report")]
            )
        )
        # Another volunteer of the same group gets nothing.
        self.rpc_login("vrac_test_volunteer_2")
        response = self.url_open(action["url"])
        self.assertIn(response.status_code, (403, 404))
        self.assertFalse(response.content.startswith(b"PK"))
        self.rpc_refused(
            "vrac.indicator.report",
            "read",
            [report["id"]],
            ["xlsx_file", "groupement_ids"],
            errors=(ACCESS_ERROR,),
        )
        self.assertEqual(
            self.rpc_ok("vrac.indicator.report", "search_read", [], ["id"]), []
        )

    def test_old_spreadsheet_attachments_are_removed(self):
        """Spreadsheets attached to the wizard by earlier versions: hidden by
        the wizard's rule while it lives, removed at the upgrade."""
        self.rpc_login("vrac_test_volunteer")
        report = self.new_report()
        old = self.env["ir.attachment"].create(
            {
                "name": "indicators-2024-01-01-2024-12-31.xlsx",
                "raw": b"old workbook",
                "res_model": "vrac.indicator.report",
                "res_id": report["id"],
            }
        )
        self.rpc_login("vrac_test_volunteer_2")
        self.rpc_refused(
            "ir.attachment", "read", [old.id], ["name"], errors=(ACCESS_ERROR,)
        )
        response = self.url_open(f"/web/content/{old.id}?download=true")
        self.assertEqual(response.status_code, 404)
        self.env["vrac.indicator.report"]._vrac_purge_attachments()
        self.assertFalse(old.exists())

    def test_order_entry_private_to_its_creator(self):
        self.rpc_login("vrac_test_volunteer")
        entry = self.rpc_ok(
            "vrac.order.entry",
            "web_save",
            [],
            {"cycle_id": self.cycle.id, "partner_id": self.household_romans.id},
            specification={"line_ids": {"fields": {"product_id": {}}}},
        )[0]
        self.assertEqual(len(entry["line_ids"]), 4, "one line per product")
        line_ids = [line["id"] for line in entry["line_ids"]]
        self.rpc_login("vrac_test_volunteer_2")
        self.rpc_refused(
            "vrac.order.entry",
            "read",
            [entry["id"]],
            ["partner_id"],
            errors=(ACCESS_ERROR,),
        )
        self.rpc_refused(
            "vrac.order.entry.line",
            "write",
            line_ids[:1],
            {"quantity": 5},
            errors=(ACCESS_ERROR,),
        )
        self.rpc_refused(
            "vrac.order.entry",
            "action_save",
            [entry["id"]],
            errors=(ACCESS_ERROR,),
        )
        self.assertEqual(
            self.rpc_ok("vrac.order.entry.line", "search_read", [], ["id"]), []
        )
