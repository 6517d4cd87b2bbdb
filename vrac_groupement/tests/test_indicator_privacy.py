# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
from datetime import date

from freezegun import freeze_time

from odoo.osv import expression
from odoo.tests import tagged

from .common import VracGroupementCase, VracIndicatorReportMixin

YEAR = ("2025-01-01", "2025-12-31")


def number(text):
    """The figure a reader takes from a cell, or None when it is hidden."""
    if isinstance(text, (int, float)):
        return float(text)
    text = (text or "").replace(",", "").strip()
    return float(text) if re.fullmatch(r"-?\d+(\.\d+)?", text) else None


@tagged("post_install", "-at_install")
class TestIndicatorPrivacy(VracIndicatorReportMixin, VracGroupementCase):
    """No hidden count comes back from a total and the cells shown beside it.

    Threshold 5. 9 households joined on 2024-03-01 and paid a year of
    membership then, not renewed: 8 in Romans, 1 in Die. So in 2025, 9
    memberships expired: Romans 8, Die 1. Die's 1 is shown "< 5"; if
    Romans showed 8 beside the total 9, anyone would read Die's 1.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.env.company.vrac_indicator_threshold = 5
        fee = cls.env.ref("vrac_groupement.product_membership_year")
        households = cls.Partner.create(
            [
                {
                    "name": f"Foyer Parti {group.code} {index}",
                    "vrac_groupement_id": group.id,
                    "vrac_join_date": "2024-03-01",
                    "vrac_adult_count": 1,
                }
                for group, size in ((cls.romans, 8), (cls.die, 1))
                for index in range(size)
            ]
        )
        households._vrac_record_membership_payment(fee, 1.0, date(2024, 3, 1))
        cls.env.flush_all()
        cls.both = cls.romans | cls.die

    def wizard(self, date_from=YEAR[0], date_to=YEAR[1]):
        return self.env["vrac.indicator.report"].create(
            {
                "scope": "groupement",
                "groupement_ids": [(6, 0, self.both.ids)],
                "date_from": date_from,
                "date_to": date_to,
            }
        )

    def assertNotRecomputable(self, total, cells, what):
        """What the total and the shown cells give back is the sum of at
        least two hidden cells, and at least the threshold."""
        total = number(total)
        figures = [number(cell) for cell in cells]
        hidden = [figure for figure in figures if figure is None]
        if total is None or not hidden:
            return
        self.assertGreaterEqual(
            len(hidden), 2, f"{what}: {cells} beside {total} give the hidden cell"
        )
        rest = total - sum(figure for figure in figures if figure is not None)
        self.assertGreaterEqual(rest, 5, f"{what}: {cells} beside {total}")

    def test_engine_hides_a_second_cell(self):
        engine = self.env["vrac.indicator"]
        romans, die = self.romans.id, self.die.id
        self.assertEqual(
            engine._vrac_hidden_cells({romans: 8, die: 1, "total": 9}), {romans, die}
        )
        # Two cells of 1: both hidden, but 2 of 2 would tell them: a third.
        self.assertEqual(
            engine._vrac_hidden_cells({1: 1, 2: 1, 3: 6, 4: 20, "total": 28}),
            {1, 2, 3},
        )
        # No other cell to hide: the total goes (a count of the whole that is
        # not the sum of its parts, as a volunteer serving two groups).
        self.assertEqual(
            engine._vrac_hidden_cells({1: 1, 2: 0, "total": 6}), {1, "total"}
        )
        # A small total is hidden itself.
        self.assertEqual(
            engine._vrac_hidden_cells({1: 3, 2: 0, "total": 3}), {1, "total"}
        )
        self.assertFalse(engine._vrac_hidden_cells({1: 5, 2: 0, "total": 5}))

    def test_report_html(self):
        html = self.render_html(self.wizard())
        main = self.html_row(html, "expired")
        self.assertEqual(main[:2], ["Memberships expired, not renewed", "9"])
        # The table per group: Die then Romans.
        table = re.search(r'<table[^>]*name="group_table".*?</table>', html, re.S)
        header = [
            re.sub(r"<[^>]+>|\s+", " ", cell).strip()
            for cell in re.findall(r"<th[^>]*>(.*?)</th>", table.group(0), re.S)
        ]
        self.assertEqual(header[1:], ["Test Die", "Test Romans Monnaie"])
        rows = {}
        for row in re.findall(r"<tr>(.*?)</tr>", table.group(0), re.S):
            cells = [
                re.sub(r"<[^>]+>|\s+", " ", cell).strip()
                for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
            ]
            if cells:
                rows[cells[0]] = cells[1:]
        expired = rows["Memberships expired, not renewed"]
        self.assertEqual(expired, ["&lt; 5", "hidden"])
        self.assertNotRecomputable(main[1], expired, "expired")
        self.assertIn("cannot give a small count back", html)

    def test_xlsx(self):
        wizard = self.wizard()
        content = wizard._vrac_xlsx_content(wizard._vrac_report_data())
        sheets = self.read_xlsx(content)
        label = "Memberships expired, not renewed"
        total = next(row for row in sheets["Indicators"] if label in row)[2]
        self.assertEqual(total, 9.0)
        per_group = sheets["Per group"]
        header = next(row for row in per_group if "Indicator" in row)
        self.assertEqual(header[3:], ["Test Die", "Test Romans Monnaie"])
        cells = next(row for row in per_group if label in row)[3:]
        self.assertEqual(cells, ["< 5", "hidden"])
        self.assertNotRecomputable(total, cells, "expired")

    def test_every_count_of_the_report(self):
        """The same guarantee on every count row, this year and the year
        before (members at the end of 2024: Romans 8, Die 1)."""
        for date_from, date_to in (YEAR, ("2024-01-01", "2024-12-31")):
            data = self.wizard(date_from, date_to)._vrac_report_data()
            for section in data["sections"]:
                for line in section["rows"]:
                    if line["unit"] != "count":
                        continue
                    with self.subTest(key=line["key"], year=date_from):
                        self.assertNotRecomputable(
                            line["display"],
                            list(line["groups"].values()),
                            line["key"],
                        )
        data = self.wizard("2024-01-01", "2024-12-31")._vrac_report_data()
        members = self.line(data, "member_households")
        self.assertEqual(members["display"], "9")
        self.assertEqual(
            members["groups"], {self.romans.id: "hidden", self.die.id: "< 5"}
        )

    @freeze_time("2025-12-15")
    def test_dashboard(self):
        """Last year's cards beside the report of the same span: the report
        shows 9 members, so Romans' card may not show its 8."""
        data = self.wizard("2024-01-01", "2024-12-15")._vrac_report_data()
        for key in ("member_households", "new_members"):
            line = self.line(data, key)
            self.assertEqual(line["display"], "9")
            self.both.invalidate_recordset(["vrac_dashboard_html"])
            cards = [
                self.html_row(str(groupement.vrac_dashboard_html), key)[2]
                for groupement in self.both
            ]
            self.assertEqual(cards, ["hidden", "&lt; 5"], key)
            self.assertNotRecomputable(line["display"], cards, key)

    def test_pivot(self):
        Fact = self.env["vrac.indicator.fact"]
        domain = [
            ("groupement_id", "in", self.both.ids),
            ("date", ">=", YEAR[0]),
            ("date", "<=", YEAR[1]),
        ]
        expired = domain + [("indicator", "=", "expired")]
        [root] = Fact.read_group(expired, ["value:sum"], [], lazy=False)
        self.assertEqual(root["value"], 9)
        rows = Fact.read_group(expired, ["value:sum"], ["groupement_id"], lazy=False)
        cells = {row["groupement_id"][0]: row["value"] for row in rows}
        self.assertEqual(cells, {self.romans.id: False, self.die.id: False})
        self.assertNotRecomputable(root["value"], list(cells.values()), "pivot")
        # The measure "Count" alone tells the same: blank too.
        rows = Fact.read_group(expired, [], ["groupement_id"], lazy=False)
        self.assertEqual([row["__count"] for row in rows], [False, False])
        # Indicators against groups: Romans' 8 blank in the expired row.
        rows = Fact.read_group(
            domain, ["value:sum"], ["indicator", "groupement_id"], lazy=False
        )
        cells = {
            row["groupement_id"][0]: row["value"]
            for row in rows
            if row["indicator"] == "expired"
        }
        self.assertEqual(cells, {self.romans.id: False, self.die.id: False})
        # Not grouped by indicator: Die's only fact is its expiry, so its
        # total is a small count (blank), and Romans' total beside it too.
        rows = Fact.read_group(domain, ["value:sum"], ["groupement_id"], lazy=False)
        cells = {row["groupement_id"][0]: row["value"] for row in rows}
        self.assertIs(cells[self.die.id], False)
        self.assertIs(cells[self.romans.id], False)

    def test_pivot_totals_beside_the_cells(self):
        """The pivot as the web client loads it: indicators in rows, groups
        in columns, each total asked by its own read_group. Every equation
        the table gives (a total is the sum of its row or column) is solved
        when it has one unknown: no hidden cell may come out.

        In 2025, with two more groups: Valence, 6 memberships expired; Crest,
        3 households joined (3 new members, the only ones). The 3 new
        members are hidden, so is the 17 - 3 expired beside them; the
        expired of Romans (8) and Valence (6) may not both stay shown, or
        they would add up to it."""
        valence, crest = self.Groupement.create(
            [
                {"name": "Test Valence", "code": "T-VAL", "town": "Valence"},
                {"name": "Test Crest", "code": "T-CRE", "town": "Crest"},
            ]
        )
        fee = self.env.ref("vrac_groupement.product_membership_year")
        self.Partner.create(
            [
                {
                    "name": f"Foyer Parti Valence {index}",
                    "vrac_groupement_id": valence.id,
                    "vrac_join_date": "2024-03-01",
                }
                for index in range(6)
            ]
        )._vrac_record_membership_payment(fee, 1.0, date(2024, 3, 1))
        self.Partner.create(
            [
                {
                    "name": f"Foyer Nouveau Crest {index}",
                    "vrac_groupement_id": crest.id,
                    "vrac_join_date": "2025-02-01",
                }
                for index in range(3)
            ]
        )
        self.env.flush_all()
        Fact = self.env["vrac.indicator.fact"]
        domain = [
            ("groupement_id", "in", (self.romans | valence | crest).ids),
            ("date", ">=", YEAR[0]),
            ("date", "<=", YEAR[1]),
            ("indicator", "in", ("new_members", "renewals", "expired")),
        ]
        table = {}
        for groupby in ([], ["indicator"], ["groupement_id"]) + (
            ["indicator", "groupement_id"],
        ):
            for row in Fact.read_group(domain, ["value:sum"], groupby, lazy=False):
                indicator = row.get("indicator") if "indicator" in groupby else None
                group = row["groupement_id"][0] if "groupement_id" in groupby else None
                table[indicator, group] = row["value"]
        indicators = {key[0] for key in table} - {None}
        groups = {key[1] for key in table} - {None}
        self.assertEqual(indicators, {"new_members", "expired"})
        self.assertEqual(table[None, None], 17)
        self.assertIs(table["new_members", crest.id], False)
        self.assertIs(table["new_members", None], False)
        # What a reader knows: the shown cells, 0 where the pivot is empty.
        known = {
            (indicator, group): table.get((indicator, group), 0)
            for indicator in indicators | {None}
            for group in groups | {None}
        }
        hidden = {cell for cell, value in known.items() if value is False}
        known = {cell: value for cell, value in known.items() if value is not False}
        equations = [
            ((None, None), [(indicator, None) for indicator in indicators]),
            ((None, None), [(None, group) for group in groups]),
        ]
        equations += [
            ((indicator, None), [(indicator, group) for group in groups])
            for indicator in indicators
        ]
        equations += [
            ((None, group), [(indicator, group) for indicator in indicators])
            for group in groups
        ]
        solved = True
        while solved:
            solved = False
            for total, parts in equations:
                unknown = [cell for cell in [total] + parts if cell not in known]
                if len(unknown) != 1:
                    continue
                [cell] = unknown
                shown = sum(known[part] for part in parts if part in known)
                known[cell] = shown if cell == total else known[total] - shown
                solved = True
        self.assertFalse(
            {cell: known[cell] for cell in hidden if cell in known},
            "hidden cells worked out from the pivot",
        )
        # Opening the header "expired" by group asks its rows with the
        # pivot's domain AND indicator = expired: the same cells are hidden
        # (8 and 6 shown would add up to the hidden 14).
        expanded = {
            row["groupement_id"][0]: row["value"]
            for row in Fact.read_group(
                expression.AND([domain, [("indicator", "=", "expired")]]),
                ["value:sum"],
                ["groupement_id"],
                lazy=False,
            )
        }
        self.assertEqual(
            expanded, {self.romans.id: 8, valence.id: False}, "expired by group"
        )
        self.assertEqual(expanded[self.romans.id], table["expired", self.romans.id])
        self.assertIs(table["expired", valence.id], False)
