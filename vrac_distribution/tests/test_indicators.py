# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import tagged

from .common import VracDistributionCase

PERIOD = (date(2025, 1, 1), date(2025, 6, 30))
PREVIOUS = (date(2024, 7, 1), date(2024, 12, 31))


@tagged("post_install", "-at_install")
class TestIndicators(VracDistributionCase):
    """The indicators of vrac_distribution on a known dataset.

    - Distribution A, Romans' pickup point, 2025-03-15: Foyer Martin (r1)
      collects its bag, r2 part of it (the rest returned to stock), r3 never
      comes (returned to stock), r4's bag is kept for the next distribution.
      Shifts: Anne 9:00-12:00, Bruno 8:30-12:30.
    - Distribution B, a hall serving Romans and Die, 2025-04-12: r4 and d1
      collect, d2 never comes (returned to stock). Shifts: Anne 9:00-11:00,
      Chloé 13:00-14:30.
    - A cancelled distribution of the hall, 2025-05-10: Chloé's shift there
      does not count.
    - The previous half-year: a distribution of Romans' point, 2024-11-16,
      closed; Bruno served 9:00-14:00.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Distribution = cls.env["vrac.distribution"]
        cls.anne, cls.bruno, cls.chloe = cls.Partner.create(
            [
                {"name": name, "vrac_is_volunteer": True}
                for name in ("Test Anne", "Test Bruno", "Test Chloé")
            ]
        )
        cls.hall = cls.env["vrac.pickup.point"].create(
            {
                "name": "Test Salle des fêtes",
                "partner_id": cls.social_centre.id,
                "groupement_ids": [(6, 0, (cls.romans | cls.die).ids)],
            }
        )
        cls.dist_a = cls.distribution
        cls.dist_a.date = "2025-03-15"
        cls.dist_b = Distribution.create(
            {
                "kind": "point",
                "date": "2025-04-12",
                "pickup_point_id": cls.hall.id,
                "cycle_ids": [(6, 0, cls.cycle.ids)],
                "pos_config_id": cls.env["pos.config"]
                .create({"name": "Test caisse salle des fêtes"})
                .id,
            }
        )
        cancelled = Distribution.create(
            {"kind": "point", "date": "2025-05-10", "pickup_point_id": cls.hall.id}
        )
        cancelled.state = "cancel"
        last_year = Distribution.create(
            {
                "kind": "point",
                "date": "2024-11-16",
                "pickup_point_id": cls.pickup_point.id,
            }
        )
        last_year.state = "closed"

        # Distribution A.
        cls.prepare_and_open(cls)
        cls.hand_over(cls.r1)
        cls.hand_over(cls.r2, {cls.pasta: 1.0})
        cls.close(cls.dist_a, {cls.r2: "cancel", cls.r3: "cancel", cls.r4: "keep"})
        # Distribution B.
        cls.dist_b.action_prepare()
        cls.dist_b.action_open()
        cls.hand_over(cls.r4)
        cls.hand_over(cls.d1)
        cls.close(cls.dist_b, {cls.d2: "cancel"})

        cls.env["vrac.distribution.shift"].create(
            [
                {
                    "distribution_id": distribution.id,
                    "partner_id": volunteer.id,
                    "hour_from": hour_from,
                    "hour_to": hour_to,
                }
                for distribution, volunteer, hour_from, hour_to in (
                    (cls.dist_a, cls.anne, 9.0, 12.0),
                    (cls.dist_a, cls.bruno, 8.5, 12.5),
                    (cls.dist_b, cls.anne, 9.0, 11.0),
                    (cls.dist_b, cls.chloe, 13.0, 14.5),
                    (cancelled, cls.chloe, 9.0, 11.0),
                    (last_year, cls.bruno, 9.0, 14.0),
                )
            ]
        )
        cls.groups = cls.romans | cls.die

    @classmethod
    def hand_over(cls, household, quantities=None):
        """The household collects its bag (all of it, or ``quantities``),
        as ``collect`` does in a test."""
        order = cls.env["sale.order"].search(
            [
                ("vrac_cycle_id", "=", cls.cycle.id),
                ("partner_id", "=", household.id),
                ("state", "!=", "cancel"),
            ]
        )
        pickings = order.picking_ids.filtered(
            lambda p: p.state not in ("done", "cancel")
        )
        for move in pickings.move_ids:
            move.quantity = (
                move.product_uom_qty
                if quantities is None
                else quantities.get(move.product_id, 0.0)
            )
            move.picked = True
        pickings.with_context(skip_backorder=True).button_validate()

    @staticmethod
    def close(distribution, decisions):
        """Close ``distribution``, deciding for each bag not collected."""
        action = distribution.action_close()
        wizard = distribution.env["vrac.distribution.close"].browse(action["res_id"])
        for line in wizard.line_ids:
            line.decision = decisions[line.partner_id]
        wizard.action_confirm()

    def values(self, period=PERIOD):
        return self.env["vrac.indicator"]._vrac_indicator_values(self.groups, *period)

    def assertValues(self, values, key, romans, die, total):
        self.assertEqual(
            (
                values[key][self.romans.id],
                values[key][self.die.id],
                values[key]["total"],
            ),
            (romans, die, total),
            key,
        )

    def test_dataset(self):
        self.assertEqual((self.dist_a.state, self.dist_b.state), ("closed", "closed"))
        collect = {
            household: self.household_order(household).vrac_collect_state
            for household in self.households_romans | self.households_die
        }
        self.assertEqual(
            [collect[h] for h in (self.r1, self.r2, self.r4, self.d1)],
            ["collected"] * 4,
        )
        self.assertEqual(
            self.household_order(self.r4).vrac_distribution_id, self.dist_b
        )
        for household in (self.r3, self.d2):
            order = self.env["sale.order"].search(
                [
                    ("vrac_cycle_id", "=", self.cycle.id),
                    ("partner_id", "=", household.id),
                ]
            )
            self.assertEqual(order.vrac_collect_state, "cancel")

    def test_volunteers(self):
        values = self.values()
        # Anne and Chloé served the hall, which serves both groups: they
        # count for each group, once in the total.
        self.assertValues(values, "volunteers_served", 3, 2, 3)
        # Romans: 3 + 4 at A, 2 + 1.5 at B; Die: B only. The hours of the
        # hall count once in the total.
        self.assertValues(values, "volunteer_hours", 10.5, 3.5, 10.5)
        self.assertValues(values, "distributions_held", 2, 1, 2)

    def test_baskets(self):
        values = self.values()
        # Partly collected counts as collected; r4 counts where it was
        # collected, at B.
        self.assertValues(values, "baskets_collected", 3, 1, 4)
        self.assertValues(values, "baskets_not_collected", 1, 1, 2)

    def test_previous_period(self):
        values = self.values(PREVIOUS)
        self.assertValues(values, "volunteers_served", 1, 0, 1)
        self.assertValues(values, "volunteer_hours", 5.0, 0.0, 5.0)
        self.assertValues(values, "distributions_held", 1, 0, 1)
        self.assertValues(values, "baskets_collected", 0, 0, 0)
        # A period without any distribution.
        values = self.values((date(2023, 1, 1), date(2023, 12, 31)))
        self.assertValues(values, "volunteer_hours", 0.0, 0.0, 0.0)
        self.assertValues(values, "volunteers_served", 0, 0, 0)

    def test_pivot_shows_each_group(self):
        """The fact view gives the same figures per group as the engine."""
        facts = self.env["vrac.indicator.fact"]._read_group(
            [
                ("groupement_id", "in", self.groups.ids),
                ("date", ">=", PERIOD[0]),
                ("date", "<=", PERIOD[1]),
                (
                    "indicator",
                    "in",
                    (
                        "volunteer_hours",
                        "distributions_held",
                        "baskets_collected",
                        "baskets_not_collected",
                    ),
                ),
            ],
            ["indicator", "groupement_id"],
            ["value:sum", "__count"],
        )
        figures = {
            (indicator, groupement): (value, count)
            for indicator, groupement, value, count in facts
        }
        self.assertEqual(
            figures,
            {
                ("volunteer_hours", self.romans): (10.5, 4),
                ("volunteer_hours", self.die): (3.5, 2),
                ("distributions_held", self.romans): (2.0, 2),
                ("distributions_held", self.die): (1.0, 1),
                ("baskets_collected", self.romans): (3.0, 3),
                ("baskets_collected", self.die): (1.0, 1),
                ("baskets_not_collected", self.romans): (1.0, 1),
                ("baskets_not_collected", self.die): (1.0, 1),
            },
        )
        # Each row has its own id, a shift of the hall being two rows.
        rows = self.env["vrac.indicator.fact"].search(
            [
                ("groupement_id", "in", self.groups.ids),
                ("indicator", "=", "volunteer_hours"),
            ]
        )
        self.assertEqual(len(rows), 7)
        self.assertEqual(len(set(rows.ids)), 7)
        # Numbered from the pair (shift, group), by the same source.
        self.assertEqual(len({row_id % 64 for row_id in rows.ids}), 1)
        self.assertEqual(
            {divmod(row_id // 64, 65536)[1] for row_id in rows.ids},
            set(self.groups.ids),
        )

    def test_report(self):
        """The funder report: the volunteers and the bags (one per household)
        are small counts, distributions a number, the previous period beside
        them."""
        report = self.env["vrac.indicator.report"].create(
            {
                "scope": "groupement",
                "groupement_ids": [(6, 0, self.groups.ids)],
                "date_from": PERIOD[0],
                "date_to": PERIOD[1],
            }
        )
        data = report._vrac_report_data()
        lines = {
            line["key"]: line
            for section in data["sections"]
            for line in section["rows"]
        }
        sections = {
            line["key"]: section["code"]
            for section in data["sections"]
            for line in section["rows"]
        }
        self.assertEqual(sections["volunteer_hours"], "volunteers")
        self.assertEqual(sections["baskets_collected"], "distribution")
        # The section of the distributions comes after the groups' activity.
        codes = [section["code"] for section in data["sections"]]
        self.assertEqual(codes.index("distribution"), codes.index("activity") + 1)
        served = lines["volunteers_served"]
        self.assertEqual((served["value"], served["previous"]), (3, 1))
        self.assertEqual(served["display"], "< 5")
        self.assertEqual(served["groups"][self.die.id], "< 5")
        hours = lines["volunteer_hours"]
        self.assertEqual((hours["value"], hours["previous"]), (10.5, 5.0))
        baskets = lines["baskets_collected"]
        self.assertEqual((baskets["value"], baskets["display"]), (4, "< 5"))
        self.assertEqual(baskets["groups"][self.die.id], "< 5")
        self.assertEqual(lines["distributions_held"]["display"], "2")

    def test_volunteer_sees_the_groups_served(self):
        """A volunteer of Romans sees the figures of Romans only, the hall's
        Die rows included in nothing they see."""
        facts = (
            self.env["vrac.indicator.fact"]
            .with_user(self.volunteer)
            ._read_group(
                [("indicator", "=", "volunteer_hours")],
                ["groupement_id"],
                ["value:sum"],
            )
        )
        self.assertEqual(facts, [(self.romans, 15.5)])
        report = (
            self.env["vrac.indicator.report"]
            .with_user(self.volunteer)
            .create({"scope": "all", "date_from": PERIOD[0], "date_to": PERIOD[1]})
        )
        data = report._vrac_report_data()
        self.assertEqual(data["groupements"], self.romans)
        lines = {
            line["key"]: line
            for section in data["sections"]
            for line in section["rows"]
        }
        self.assertEqual(lines["volunteer_hours"]["value"], 10.5)
        self.assertEqual(lines["baskets_collected"]["value"], 3)

    def test_dashboard_cards_show_hours_and_bags(self):
        html = str(self.romans.vrac_dashboard_html)
        self.assertIn('data-key="volunteer_hours"', html)
        self.assertIn('data-key="baskets_collected"', html)
        self.assertLess(
            html.index('data-key="volunteers"'),
            html.index('data-key="volunteer_hours"'),
        )
