# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import tagged
from odoo.tools import SQL

from .common import VracCycleCase

YEAR = (date(2025, 1, 1), date(2025, 12, 31))
PREVIOUS_YEAR = (date(2024, 1, 1), date(2024, 12, 31))


@tagged("post_install", "-at_install")
class TestIndicators(VracCycleCase):
    """The indicators of vrac_groupement on a known dataset, 2025 beside 2024.

    Romans (test group):
    - A joined 2024-03-01, paid then, renewed 2025-02-20: member all along;
    - B joined 2024-03-01, paid then, not renewed: expired 2025-02-28;
    - C joined 2024-03-01, paid then, renewed the day after it ended;
    - D and E joined and paid 2025-02-01;
    - F joined 2025-06-01 and never paid.
    A cycle closed on 2025-05-10 for Romans and Die, with pasta and apples.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        fee = cls.env.ref("vrac_groupement.product_membership_year")

        def household(name, joined, adults, children=0):
            return cls.Partner.create(
                {
                    "name": name,
                    "vrac_groupement_id": cls.romans.id,
                    "vrac_join_date": joined,
                    "vrac_adult_count": adults,
                    "vrac_child_count": children,
                }
            )

        cls.a = household("Foyer Indicateur A", date(2024, 3, 1), 2, 2)
        cls.b = household("Foyer Indicateur B", date(2024, 3, 1), 1)
        cls.c = household("Foyer Indicateur C", date(2024, 3, 1), 1, 1)
        cls.d = household("Foyer Indicateur D", date(2025, 2, 1), 2)
        cls.e = household("Foyer Indicateur E", date(2025, 2, 1), 1)
        cls.f = household("Foyer Indicateur F", date(2025, 6, 1), 3)
        cls.a.vrac_is_volunteer = True
        # The households of the common case joined today: not in 2024/2025.
        (cls.a | cls.b | cls.c)._vrac_record_membership_payment(
            fee, 1.0, date(2024, 3, 1)
        )
        cls.a._vrac_record_membership_payment(fee, 1.0, date(2025, 2, 20))
        cls.c._vrac_record_membership_payment(fee, 1.0, date(2025, 3, 1))
        (cls.d | cls.e)._vrac_record_membership_payment(fee, 1.0, date(2025, 2, 1))

        cls.past_cycle = cls.Cycle.create(
            {
                "name": "Test commande de mai 2025",
                "date_open": "2025-05-01 08:00:00",
                "date_close": "2025-05-10 20:00:00",
                "groupement_line_ids": [
                    (
                        0,
                        0,
                        {
                            "groupement_id": cls.romans.id,
                            "distribution_date": "2025-05-15",
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "groupement_id": cls.die.id,
                            "distribution_date": "2025-05-16",
                        },
                    ),
                ],
                "line_ids": [
                    (0, 0, {"product_id": cls.pasta.id, "rounding_policy": "up"}),
                    (0, 0, {"product_id": cls.apples.id, "rounding_policy": "up"}),
                ],
            }
        )
        cycle = cls.past_cycle.with_user(cls.coordinator)
        cycle.action_open()
        cls.past_cycle._vrac_set_orders(
            {
                cls.a.id: {cls.pasta.id: 4, cls.apples.id: 2.5},
                cls.d.id: {cls.pasta.id: 2, cls.apples.id: 1.5},
                cls.household_die.id: {cls.pasta.id: 1},
            }
        )
        cycle.action_close()
        cls.groupements = cls.romans | cls.die
        cls.engine = cls.env["vrac.indicator"]

    def values(self, period=YEAR):
        return self.engine._vrac_indicator_values(self.groupements, *period)

    def test_members_at_the_end_of_the_period(self):
        values = self.values()
        romans = self.romans.id
        # A, C (renewed), D and E; B expired, F never paid.
        self.assertEqual(values["member_households"][romans], 4)
        self.assertEqual(values["people"][romans], 4 + 2 + 2 + 1)
        self.assertEqual(values["member_households"][self.die.id], 0)
        self.assertEqual(values["member_households"]["total"], 4)
        before = self.values(PREVIOUS_YEAR)
        self.assertEqual(before["member_households"][romans], 3)
        self.assertEqual(before["people"][romans], 4 + 1 + 2)

    def test_new_members_renewals_and_expired(self):
        values = self.values()
        romans = self.romans.id
        self.assertEqual(values["new_members"][romans], 3)  # D, E, F
        self.assertEqual(values["renewals"][romans], 2)  # A, C
        self.assertEqual(values["expired"][romans], 1)  # B only: C renewed on time
        self.assertEqual(values["volunteers"][romans], 1)
        before = self.values(PREVIOUS_YEAR)
        self.assertEqual(before["new_members"][romans], 3)
        self.assertEqual(before["renewals"][romans], 0)
        self.assertEqual(before["expired"][romans], 0)

    def test_cycles_products_volumes_and_sales(self):
        values = self.values()
        romans, die = self.romans.id, self.die.id
        # One cycle for two groups: once in the total.
        self.assertEqual(values["cycles_run"][romans], 1)
        self.assertEqual(values["cycles_run"][die], 1)
        self.assertEqual(values["cycles_run"]["total"], 1)
        self.assertEqual(values["groups_active"]["total"], 2)
        self.assertEqual(values["products_offered"]["total"], 2)
        self.assertAlmostEqual(values["volume_kg"][romans], 4.0)
        self.assertAlmostEqual(values["volume_units"][romans], 6.0)
        self.assertAlmostEqual(values["volume_units"][die], 1.0)
        self.assertAlmostEqual(values["volume_units"]["total"], 7.0)
        lines = self.past_cycle.sale_order_ids.order_line
        romans_lines = lines.filtered(
            lambda line: line.order_id.vrac_groupement_id == self.romans
        )
        self.assertGreater(sum(romans_lines.mapped("price_subtotal")), 0)
        self.assertAlmostEqual(
            values["sales_amount"][romans], sum(romans_lines.mapped("price_subtotal"))
        )
        self.assertAlmostEqual(
            values["sales_amount"]["total"], sum(lines.mapped("price_subtotal"))
        )
        before = self.values(PREVIOUS_YEAR)
        self.assertFalse(before.get("sales_amount", {}).get(romans))
        self.assertEqual(before["cycles_run"]["total"], 0)

    def test_an_open_cycle_is_not_counted(self):
        # The common case's cycle is open in December 2026.
        values = self.engine._vrac_indicator_values(
            self.groupements, date(2026, 1, 1), date(2026, 12, 31)
        )
        self.assertEqual(values["cycles_run"]["total"], 0)
        self.assertFalse(values.get("volume_kg", {}).get("total"))

    def test_pivot_shows_the_report_figures(self):
        facts = self.env["vrac.indicator.fact"]._read_group(
            [
                ("groupement_id", "=", self.romans.id),
                ("date", ">=", YEAR[0]),
                ("date", "<=", YEAR[1]),
            ],
            ["indicator"],
            ["value:sum"],
        )
        pivot = dict(facts)
        values = self.values()
        for key in ("new_members", "renewals", "expired", "volume_kg", "sales_amount"):
            self.assertAlmostEqual(pivot[key], values[key][self.romans.id], msg=key)

    def test_report_shows_small_counts_as_below_the_threshold(self):
        report = self.env["vrac.indicator.report"].create(
            {
                "scope": "groupement",
                "groupement_ids": [(6, 0, self.romans.ids)],
                "date_from": YEAR[0],
                "date_to": YEAR[1],
            }
        )
        self.assertEqual(
            (report.previous_date_from, report.previous_date_to), PREVIOUS_YEAR
        )

        def displayed():
            data = report._vrac_report_data()
            return {
                row["key"]: (row["display"], row["previous_display"])
                for section in data["sections"]
                for row in section["rows"]
            }

        report = report.with_context(lang="en_US")
        self.env.company.vrac_indicator_threshold = 5
        rows = displayed()
        self.assertEqual(rows["volume_kg"], ("4.0 kg", "0.0 kg"))
        self.assertEqual(rows["member_households"], ("< 5", "< 5"))
        self.assertEqual(rows["people"], ("9", "7"))
        self.assertEqual(rows["expired"], ("< 5", "0"))
        self.env.company.vrac_indicator_threshold = 3
        rows = displayed()
        self.assertEqual(rows["member_households"], ("4", "3"))
        self.assertEqual(rows["expired"], ("< 3", "0"))

    def test_pivot_leaves_small_counts_blank(self):
        Fact = self.env["vrac.indicator.fact"]
        domain = [
            ("groupement_id", "=", self.romans.id),
            ("date", ">=", YEAR[0]),
            ("date", "<=", YEAR[1]),
        ]
        self.env.company.vrac_indicator_threshold = 5

        def pivot(extra=None, groupby=("indicator",)):
            return Fact.read_group(
                domain + (extra or []), ["value:sum"], list(groupby), lazy=False
            )

        rows = {row["indicator"]: row for row in pivot()}
        # 3 new members, 1 expiry: blank, row count too; kilos stay.
        self.assertIs(rows["new_members"]["value"], False)
        self.assertIs(rows["new_members"]["__count"], False)
        self.assertIs(rows["expired"]["value"], False)
        self.assertAlmostEqual(rows["volume_kg"]["value"], 4.0)
        # The "Memberships" filter grouped by month only: counts too.
        memberships = [("indicator", "in", ("new_members", "renewals", "expired"))]
        for row in pivot(memberships, groupby=("date:month",)):
            self.assertIs(row["value"], False)
        self.env.company.vrac_indicator_threshold = 3
        rows = {row["indicator"]: row for row in pivot()}
        self.assertEqual(rows["new_members"]["value"], 3)
        self.assertIs(rows["expired"]["value"], False)

    def test_fact_sources_get_unique_ids_and_their_columns(self):
        """An addon gives its facts as a source (the FROM and the common
        columns): the engine numbers its rows apart from the others' and
        fills the columns it does not give."""
        Fact = type(self.env["vrac.indicator.fact"])
        sources = Fact._vrac_fact_sources
        columns = Fact._vrac_fact_columns

        def with_test_source(model):
            return {
                **sources(model),
                "test_households": {
                    # The same rows as "new_members": only the number differs.
                    "id": SQL("p.id"),
                    "date": SQL("p.vrac_join_date"),
                    "groupement_id": SQL("p.vrac_groupement_id"),
                    "company_id": SQL("p.company_id"),
                    "indicator": "new_members",
                    "value": SQL("10.0"),
                    "test_note": SQL("p.id"),
                    "from": SQL(
                        "FROM res_partner p WHERE p.vrac_groupement_id = %s"
                        " AND p.vrac_is_household AND p.active"
                        " AND p.vrac_join_date IS NOT NULL",
                        self.romans.id,
                    ),
                },
            }

        def with_test_column(model):
            return dict(columns(model), test_note=SQL("NULL::integer"))

        self.patch(Fact, "_vrac_fact_sources", with_test_source)
        self.patch(Fact, "_vrac_fact_columns", with_test_column)
        Fact.init(self.env["vrac.indicator.fact"])
        self.env.cr.execute(
            SQL(
                """SELECT COUNT(*), COUNT(DISTINCT id), SUM(value),
                          COUNT(test_note)
                     FROM vrac_indicator_fact
                    WHERE indicator = 'new_members' AND groupement_id = %s
                      AND date BETWEEN %s AND %s""",
                self.romans.id,
                *YEAR,
            )
        )
        # D, E and F twice: once by each source, the test's worth 10.
        self.assertEqual(self.env.cr.fetchone(), (6, 6, 33.0, 3))

        def missing_from(model):
            test_sources = with_test_source(model)
            del test_sources["test_households"]["from"]
            return test_sources

        self.patch(Fact, "_vrac_fact_sources", missing_from)
        with self.assertRaisesRegex(ValueError, "test_households.*missing.*from"):
            Fact.init(self.env["vrac.indicator.fact"])
