# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import json
import re
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import VracCycleCase, VracIndicatorReportMixin


@tagged("post_install", "-at_install")
class TestIndicatorReport(VracIndicatorReportMixin, VracCycleCase):
    """The funder report (HTML/PDF), its spreadsheet and the dashboard.

    Known dataset, in 2024 and 2025 so that the demo data stays out (the
    reports are scoped to the test groups):
    - Romans: 3 households joined on 2024-03-01, 4 on 2025-02-01;
    - Die: 5 households joined on 2025-06-01;
    every household is a free member of 3 people. A cycle closed on
    2025-03-10 sold 2 kg of lentils at 2.50 to two Romans households and
    one Die household.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Figures and dates in English formats (the French ones come from fr.po).
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.manager = new_test_user(
            cls.env,
            login="vrac_test_indicator_manager",
            name="Margot Manager",
            groups="vrac_groupement.group_manager",
        )

        def households(groupement, join_date, names):
            return cls.Partner.create(
                [
                    {
                        "name": name,
                        "vrac_groupement_id": groupement.id,
                        "vrac_join_date": join_date,
                        "vrac_adult_count": 2,
                        "vrac_child_count": 1,
                        "free_member": True,
                        "vrac_free_member_reason": "Test",
                    }
                    for name in names
                ]
            )

        cls.romans_2024 = households(
            cls.romans, "2024-03-01", [f"Foyer Secret {n}" for n in range(3)]
        )
        cls.romans_2025 = households(
            cls.romans, "2025-02-01", [f"Foyer Discret {n}" for n in range(4)]
        )
        cls.die_2025 = households(
            cls.die, "2025-06-01", [f"Foyer Caché {n}" for n in range(5)]
        )
        cls.cycle_2025 = cls.Cycle.create(
            {
                "name": "Test commande de mars 2025",
                "date_open": "2025-03-01 08:00:00",
                "date_close": "2025-03-10 20:00:00",
                "groupement_line_ids": [
                    (
                        0,
                        0,
                        {
                            "groupement_id": cls.romans.id,
                            "distribution_date": "2025-03-17",
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "groupement_id": cls.die.id,
                            "distribution_date": "2025-03-18",
                        },
                    ),
                ],
                "line_ids": [
                    (0, 0, {"product_id": cls.lentils.id, "rounding_policy": "up"})
                ],
            }
        )
        cls.cycle_2025.with_user(cls.coordinator).action_open()
        buyers = cls.romans_2025[:2] | cls.die_2025[:1]
        orders = cls.cycle_2025._vrac_set_orders(
            {partner.id: {cls.lentils.id: 2.0} for partner in buyers}
        )
        orders.order_line.write({"price_unit": 2.5})
        cls.cycle_2025.with_user(cls.coordinator).action_close()
        # Confirming the orders is not the subject here: force their state.
        orders.write({"state": "sale"})
        cls.env.flush_all()
        cls.both = cls.romans | cls.die

    def wizard(self, user=None, **values):
        values = {
            "scope": "groupement",
            "groupement_ids": [(6, 0, self.both.ids)],
            "date_from": "2025-01-01",
            "date_to": "2025-12-31",
            **values,
        }
        env = self.env(user=user) if user else self.env
        return env["vrac.indicator.report"].create(values)

    # ------------------------------------------------------------------
    # Figures and periods
    # ------------------------------------------------------------------
    def test_figures_of_the_period_and_the_previous_one(self):
        data = self.wizard()._vrac_report_data()
        self.assertEqual(data["groupements"], self.both)
        members = self.line(data, "member_households")
        self.assertEqual((members["value"], members["previous"]), (12, 3))
        self.assertEqual(
            (members["display"], members["previous_display"]), ("12", "< 5")
        )
        self.assertEqual(members["groups"], {self.romans.id: "7", self.die.id: "5"})
        self.assertFalse(members["change"], "no change beside a hidden figure")
        people = self.line(data, "people")
        self.assertEqual((people["value"], people["previous"]), (36, 9))
        self.assertEqual(people["change"], "+300.0 %")
        sales = self.line(data, "sales_amount")
        self.assertAlmostEqual(sales["value"], 15.0)
        self.assertAlmostEqual(sales["group_values"][self.romans.id], 10.0)
        self.assertAlmostEqual(self.line(data, "volume_kg")["value"], 6.0)
        self.assertEqual(self.line(data, "cycles_run")["value"], 1)
        monthly = dict(data["monthly"])
        self.assertEqual(len(monthly), 12)
        self.assertAlmostEqual(monthly[date(2025, 3, 1)]["sales_amount"], 15.0)

    def test_previous_period(self):
        cases = [
            (("2025-01-01", "2025-12-31"), (date(2024, 1, 1), date(2024, 12, 31))),
            (("2025-04-01", "2025-06-30"), (date(2025, 1, 1), date(2025, 3, 31))),
            (("2025-03-11", "2025-03-20"), (date(2025, 3, 1), date(2025, 3, 10))),
        ]
        for (date_from, date_to), expected in cases:
            with self.subTest(period=(date_from, date_to)):
                wizard = self.wizard(date_from=date_from, date_to=date_to)
                self.assertEqual(
                    (wizard.previous_date_from, wizard.previous_date_to), expected
                )

    def test_period_ending_in_the_future_is_cut_at_today(self):
        """Read on 5 December, a year to 31 December counts the members of
        today, not those whose membership will have expired by then."""
        fee = self.env.ref("vrac_groupement.product_membership_year")
        renewing = self.Partner.create(
            {
                "name": "Foyer Renouvelle",
                "vrac_groupement_id": self.romans.id,
                "vrac_join_date": "2024-12-21",
            }
        )
        # Paid on 21/12/2024: a member until 20/12/2025.
        renewing._vrac_record_membership_payment(fee, 1.0, date(2024, 12, 21))
        with freeze_time("2025-12-31"):
            full_year = self.wizard()._vrac_report_data()
        self.assertEqual(self.line(full_year, "member_households")["value"], 12)
        with freeze_time("2025-12-05"):
            data = self.wizard(user=self.coordinator)._vrac_report_data()
        self.assertEqual(self.line(data, "member_households")["value"], 13)
        self.assertEqual(data["date_to"], date(2025, 12, 5))
        self.assertEqual(data["period"], "01/01/2025 to 12/05/2025 (to date)")
        # Compared with the same days of the year before.
        self.assertEqual(
            (data["previous_from"], data["previous_to"]),
            (date(2024, 1, 1), date(2024, 12, 5)),
        )
        self.assertEqual(data["previous_period"], "01/01/2024 to 12/05/2024")
        self.assertEqual(len(data["monthly"]), 12)
        # In French, as the funders read it.
        self.env["res.lang"]._activate_lang("fr_FR")
        with freeze_time("2025-12-05"):
            data = self.wizard().with_context(lang="fr_FR")._vrac_report_data()
        self.assertEqual(data["period"], "du 01/01/2025 au 05/12/2025 (à ce jour)")

    def test_figures_in_the_language_of_the_user(self):
        # Activated, not loaded: Odoo's French formats, no translation needed.
        self.env["res.lang"]._activate_lang("fr_FR")
        wizard = self.wizard().with_context(lang="fr_FR")
        data = wizard._vrac_report_data()
        self.assertEqual(self.line(data, "people")["change"], "+300,0 %")
        self.assertIn("01/01/2025", data["period"])
        self.assertIn("31/12/2025", data["period"])

    def test_threshold_setting_changes_the_display(self):
        data = self.wizard()._vrac_report_data()
        new_members = self.line(data, "new_members")
        self.assertEqual(new_members["groups"][self.romans.id], "< 5")
        self.env.company.vrac_indicator_threshold = 3
        data = self.wizard()._vrac_report_data()
        new_members = self.line(data, "new_members")
        self.assertEqual(new_members["groups"][self.romans.id], "4")
        self.assertEqual(new_members["previous_display"], "3")

    def test_wizard_errors(self):
        with self.assertRaisesText(UserError, "at least one purchasing group"):
            self.wizard(groupement_ids=[])._vrac_report_data()
        lonely = new_test_user(
            self.env,
            login="vrac_test_lonely_volunteer",
            groups="vrac_groupement.group_volunteer",
        )
        with self.assertRaisesText(UserError, "No purchasing group of yours"):
            self.wizard(user=lonely, scope="all").action_print()

    # ------------------------------------------------------------------
    # Outputs
    # ------------------------------------------------------------------
    def test_report_html(self):
        wizard = self.wizard()
        html = self.render_html(wizard)
        self.assertIn("Indicators for funders", html)
        self.assertIn("Test Romans Monnaie, Test Die", html)
        self.assertIn("01/01/2025 to 12/31/2025", html)
        self.assertIn("01/01/2024 to 12/31/2024", html)
        self.assertIn("shown as &lt; 5 to protect privacy", html)
        self.assertEqual(
            self.html_row(html, "member_households"),
            ["Member households (end of period)", "12", "&lt; 5", ""],
        )
        self.assertEqual(
            self.html_row(html, "people"),
            ["People in member households", "36", "9", "+300.0 %"],
        )
        # A table per group, and the charts.
        self.assertIn("Per group (period)", html)
        self.assertIn("<svg", html)
        self.assertIn("Sales at cost price per month", html)
        for name in (self.romans_2024 | self.romans_2025 | self.die_2025).mapped(
            "name"
        ):
            self.assertNotIn(name, html)
        # The chart of members does not draw the hidden previous count.
        members_chart = re.search(r"<svg.*?</svg>", html, re.S).group(0)
        self.assertIn("&lt; 5", members_chart)
        self.assertNotIn(">3</text>", members_chart)

    def test_report_pdf(self):
        if self.env["ir.actions.report"].get_wkhtmltopdf_state() != "ok":
            self.skipTest("wkhtmltopdf is not installed")
        # Tests render HTML unless asked for the real PDF.
        reports = self.env["ir.actions.report"].with_context(
            force_report_rendering=True
        )
        pdf, report_type = reports._render_qweb_pdf(
            "vrac_groupement.action_report_vrac_indicator", self.wizard().ids
        )
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

    def test_action_print(self):
        action = self.wizard(user=self.volunteer, scope="all").action_print()
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(action["report_name"], "vrac_groupement.report_vrac_indicator")

    def test_xlsx(self):
        wizard = self.wizard()
        action = wizard.action_export_xlsx()
        self.assertEqual(action["type"], "ir.actions.act_url")
        # The file stays in the (private) wizard, no attachment is left.
        self.assertEqual(
            action["url"],
            f"/web/content/vrac.indicator.report/{wizard.id}/xlsx_file"
            "?download=true&filename_field=xlsx_filename"
            "&mimetype=application/vnd.openxmlformats-officedocument"
            ".spreadsheetml.sheet",
        )
        self.assertEqual(wizard.xlsx_filename, "indicators-2025-01-01-2025-12-31.xlsx")
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "=", "vrac.indicator.report")]
            )
        )
        sheets = self.read_xlsx(base64.b64decode(wizard.xlsx_file))
        self.assertEqual(list(sheets), ["Indicators", "Per group"])
        indicators = sheets["Indicators"]
        self.assertEqual(indicators[1][:2], ["Scope", "Test Romans Monnaie, Test Die"])
        self.assertEqual(indicators[2][:2], ["Period", "01/01/2025 to 12/31/2025"])
        rows = {row[1]: row for row in indicators if len(row) > 2}
        self.assertEqual(
            rows["Member households (end of period)"][:4],
            ["Member households", "Member households (end of period)", 12.0, "< 5"],
        )
        self.assertEqual(rows["People in member households"][2:4], [36.0, 9.0])
        self.assertAlmostEqual(rows["Sales at cost price (untaxed)"][2], 15.0)
        per_group = sheets["Per group"]
        header = next(row for row in per_group if "Indicator" in row)
        # Groups in their order (sequence, name).
        self.assertEqual(header[3:], ["Test Die", "Test Romans Monnaie"])
        rows = {row[1]: row for row in per_group if len(row) > 3}
        self.assertEqual(rows["Member households (end of period)"][3:], [5.0, 7.0])
        # 9 new members, Romans 4: Die's 5 would give the 4 back, hidden too.
        self.assertEqual(rows["New member households"][3:], ["hidden", "< 5"])
        texts = {cell for rows in sheets.values() for row in rows for cell in row} - {
            None
        }
        self.assertFalse([text for text in texts if "Foyer" in str(text)])

    # ------------------------------------------------------------------
    # Rights
    # ------------------------------------------------------------------
    def test_volunteer_sees_the_groups_served_only(self):
        data = self.wizard(user=self.volunteer, scope="all")._vrac_report_data()
        self.assertEqual(data["groupements"], self.romans)
        self.assertEqual(self.line(data, "member_households")["value"], 7)
        self.assertAlmostEqual(self.line(data, "sales_amount")["value"], 10.0)
        Fact = self.env["vrac.indicator.fact"]
        domain = [("groupement_id", "in", self.both.ids)]
        facts = Fact.with_user(self.volunteer).search(domain)
        self.assertTrue(facts)
        self.assertEqual(facts.groupement_id, self.romans)
        self.assertEqual(
            Fact.with_user(self.manager).search(domain).groupement_id, self.both
        )

    def test_manager_sees_every_group(self):
        data = self.wizard(user=self.manager, scope="all")._vrac_report_data()
        self.assertLessEqual(self.both, data["groupements"])

    # ------------------------------------------------------------------
    # Dashboard
    # ------------------------------------------------------------------
    @freeze_time("2025-12-15")
    def test_dashboard(self):
        self.both.invalidate_recordset(["vrac_dashboard_html", "vrac_dashboard_graph"])
        cards = {}
        for groupement in self.both:
            html = str(groupement.vrac_dashboard_html)
            cards[groupement] = {
                key: self.html_row(html, key)[1:]
                for key in ("member_households", "people", "new_members")
            }
        self.assertEqual(
            cards[self.romans],
            {
                "member_households": ["7", "&lt; 5"],
                "people": ["21", "9"],
                "new_members": ["&lt; 5", "&lt; 5"],
            },
        )
        self.assertEqual(
            cards[self.die],
            {
                "member_households": ["5", "0"],
                "people": ["15", "0"],
                # Beside Romans' 4 (hidden), 5 would give it back from the
                # total of the report (9): hidden too.
                "new_members": ["hidden", "0"],
            },
        )
        graph = json.loads(self.romans.vrac_dashboard_graph)
        values = graph[0]["values"]
        self.assertEqual(len(values), 12)
        self.assertEqual([point["value"] for point in values][2], 10.0)  # March
        self.assertEqual(sum(point["value"] for point in values), 10.0)

    def test_dashboard_table_is_the_template_escaped(self):
        """The cards' table is the QWeb template `vrac_dashboard_table`
        rendered over the figures: a label is text, never markup."""
        engine = type(self.env["vrac.indicator"])
        specs = engine._vrac_indicator_specs

        def with_odd_label(model):
            result = specs(model)
            result["people"] = dict(result["people"], label="People <b>& co</b>")
            return result

        self.patch(engine, "_vrac_indicator_specs", with_odd_label)
        self.romans.invalidate_recordset(["vrac_dashboard_html"])
        html = str(self.romans.vrac_dashboard_html)
        self.assertIn("<td>People &lt;b&gt;&amp; co&lt;/b&gt;</td>", html)
        self.assertNotIn("<b>", html)
        template = self.env.ref("vrac_groupement.vrac_dashboard_table")
        self.assertIn("o_vrac_dashboard_table", template.arch)
        self.assertIn("o_vrac_dashboard_table", html)

    def test_dashboard_computed_in_one_pass(self):
        """The cards of all the groups come from one engine call per period."""
        calls = []
        engine = type(self.env["vrac.indicator"])
        original = engine._vrac_indicator_rows

        def counting(model, groupements, *args):
            calls.append(groupements)
            return original(model, groupements, *args)

        self.patch(engine, "_vrac_indicator_rows", counting)
        self.both.invalidate_recordset(["vrac_dashboard_html"])
        self.both.mapped("vrac_dashboard_html")
        self.assertEqual(len(calls), 2)
        self.assertEqual(calls[0], self.both)

    def test_dashboard_views_and_actions(self):
        view = self.env.ref("vrac_groupement.vrac_groupement_view_kanban_dashboard")
        views = (
            self.env["vrac.groupement"]
            .with_user(self.volunteer)
            .get_views([(view.id, "kanban")])
        )
        arch = views["views"]["kanban"]["arch"]
        self.assertIn('widget="dashboard_graph"', arch)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vrac_groupement.vrac_groupement_action_dashboard"
        )
        self.assertEqual(action["view_mode"], "kanban")
        # A volunteer reads the cards of the groups they serve.
        cards = (
            self.env["vrac.groupement"]
            .with_user(self.volunteer)
            .search_read(
                [("id", "in", self.both.ids)],
                ["vrac_dashboard_html", "vrac_dashboard_graph"],
            )
        )
        self.assertEqual([card["id"] for card in cards], self.romans.ids)
        self.assertIn("data-key", cards[0]["vrac_dashboard_html"])
        analysis = self.romans.action_vrac_dashboard_analysis()
        self.assertEqual(analysis["res_model"], "vrac.indicator.fact")
        self.assertEqual(analysis["domain"], [("groupement_id", "=", self.romans.id)])
        report = self.romans.action_vrac_dashboard_report()
        wizard = (
            self.env["vrac.indicator.report"]
            .with_context(**report["context"])
            .create({})
        )
        self.assertEqual(wizard.scope, "groupement")
        self.assertEqual(wizard.groupement_ids, self.romans)
