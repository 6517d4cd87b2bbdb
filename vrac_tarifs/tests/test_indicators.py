# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.vrac_groupement.tests.common import VracIndicatorReportMixin

from .common import VracTarifsCase, credit_fund, setup_food_credit

YEAR = ("2025-01-01", "2025-12-31")


@tagged("post_install", "-at_install")
class TestTarifsIndicators(VracIndicatorReportMixin, VracTarifsCase):
    """The social mix and the solidarity flows of two groups in 2025.

    - "Mixité" aims at 60 % in precarity: 6 households joined in 2024 (5 in
      tier A, a precarity tier, 1 in B), 4 in 2025 (2 in A, 1 in B, 1
      without tier, so in the default tier B): 7 of 10 at the end of 2025.
    - "Petit" has 3 households (1 in A, 2 in C), joined in 2025: too few to
      be shown.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Figures and labels read in English, whatever the database's language.
        cls.env["res.lang"]._activate_lang("en_US")
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        company = cls.env.company
        company.vrac_indicator_threshold = 5
        cls.mix, cls.small = cls.env["vrac.groupement"].create(
            [
                {
                    "name": "Test Indicateurs Mixité",
                    "code": "T-MIX",
                    "town": "Valence",
                    "precarity_target": 60.0,
                    "user_ids": [Command.set(cls.volunteer.ids)],
                },
                {
                    "name": "Test Indicateurs Petit",
                    "code": "T-PET",
                    "town": "Crest",
                    "precarity_target": 50.0,
                },
            ]
        )
        households = []
        for group, joined, tiers in (
            (cls.mix, "2024-06-01", "AAAAAB"),
            (cls.mix, "2025-03-01", "AAB-"),
            (cls.small, "2025-02-01", "ACC"),
        ):
            for index, letter in enumerate(tiers):
                tier = {"A": cls.tier_a, "B": cls.tier_b, "C": cls.tier_c}.get(letter)
                households.append(
                    {
                        "name": f"Foyer {group.code} {joined} {index}",
                        "vrac_groupement_id": group.id,
                        "vrac_join_date": joined,
                        "free_member": True,
                        "vrac_free_member_reason": "Test",
                        "vrac_tier_id": tier.id if tier else False,
                        "vrac_tier_reason": "Test" if tier else False,
                    }
                )
        cls.households = cls.env["res.partner"].create(households)
        cls.mix_households = cls.households.filtered(
            lambda partner: partner.vrac_groupement_id == cls.mix
        )
        cls.small_households = cls.households - cls.mix_households
        cls.setup_solidarity(cls)

    @staticmethod
    def setup_solidarity(cls):
        env = cls.env
        cls.fund = env["vrac.solidarity.fund"].create(
            {"name": "Cagnotte Test Indicateurs", "groupement_id": cls.mix.id}
        )
        cls.groceries = env["product.product"].create(
            {
                "name": "Test Panier Indicateurs",
                "type": "consu",
                "list_price": 10.0,
                "taxes_id": [Command.clear()],
            }
        )
        cls.funder_one, cls.funder_two = env["res.partner"].create(
            [
                {"name": "Fondation Test Indicateurs", "is_company": True},
                {"name": "Département Test Indicateurs", "is_company": True},
            ]
        )
        cls.program_one, cls.program_two = env["vrac.funder.program"].create(
            [
                {
                    "name": f"Paniers {funder.name}",
                    "funder_id": funder.id,
                    "date_from": "2024-01-01",
                    "date_to": "2025-12-31",
                    "product_ids": [Command.set(cls.groceries.ids)],
                }
                for funder in (cls.funder_one, cls.funder_two)
            ]
        )
        setup_food_credit(cls, env, cls.groceries)
        config = env["pos.config"].create({"name": "Caisse Test Indicateurs"})
        cls.session = env["pos.session"].create(
            {"config_id": config.id, "user_id": env.uid}
        )
        mix, small = cls.mix_households, cls.small_households
        reward = cls.credit.reward_ids
        # 2025, the fund of Mixité: in 10 (coupons) + 15 (donation) + 40
        # (bank), out 6.
        cls.pos_order(cls, mix[0], "2025-03-10", [(cls.fund.coupon_product_id, 2, 5)])
        cls.pos_order(
            cls, mix[1], "2025-04-10", [(cls.fund.discount_product_id, 1, -6)]
        )
        cls.pos_order(
            cls, mix[2], "2025-05-10", [(cls.fund.donation_product_id, 1, 15)]
        )
        cls.pos_order(
            cls,
            mix[3],
            "2025-05-11",
            [(cls.fund.coupon_product_id, 3, 5)],
            state="draft",
        )
        credit_fund(cls.fund, 40.0, "2025-06-01")
        # A fund of the whole association: its coupon counts in the group of
        # the household who bought it (Petit).
        cls.network_fund = env["vrac.solidarity.fund"].create(
            {"name": "Cagnotte Test Réseau"}
        )
        cls.pos_order(
            cls,
            small[2],
            "2025-06-10",
            [(cls.network_fund.coupon_product_id, 1, 5)],
        )
        # 2024: a coupon.
        cls.pos_order(cls, mix[0], "2024-11-05", [(cls.fund.coupon_product_id, 1, 5)])
        # Funders at the till: the first pays 6.18 for Mixité and 2.50 for
        # Petit, the second 4.00 for Mixité.
        one, two = cls.program_one.share_product_id, cls.program_two.share_product_id
        cls.pos_order(cls, mix[4], "2025-02-10", [(one, 1, -6.18)])
        cls.pos_order(cls, mix[5], "2025-07-01", [(two, 1, -4.0)])
        cls.pos_order(cls, small[0], "2025-03-01", [(one, 1, -2.5)])
        # A sale order of Petit, half paid by the second funder: 10.00.
        env["vrac.funder.program.enrolment"].create(
            {"program_id": cls.program_two.id, "partner_id": small[1].id}
        )
        sale = env["sale.order"].create(
            {
                "partner_id": small[1].id,
                "date_order": "2025-04-15 10:00:00",
                "order_line": [
                    Command.create(
                        {
                            "product_id": cls.groceries.id,
                            "product_uom_qty": 2,
                            "price_unit": 10.0,
                        }
                    )
                ],
            }
        )
        sale.action_confirm()
        sale.date_order = "2025-04-15 10:00:00"
        # Food credit: 50 + 70 issued in 2025 (10 expired), 50 in 2024; 25
        # spent in 2025.
        card = env["loyalty.card"].create(
            {"program_id": cls.credit.id, "partner_id": mix[0].id, "points": 0}
        )
        env["vrac.food.credit.move"].create(
            [
                {
                    "program_id": cls.credit.id,
                    "card_id": card.id,
                    "partner_id": mix[0].id,
                    "groupement_id": cls.mix.id,
                    "date": date,
                    "kind": kind,
                    "amount": amount,
                }
                for date, kind, amount in (
                    ("2024-12-01", "issue", 50.0),
                    ("2025-01-01", "issue", 50.0),
                    ("2025-02-01", "issue", 70.0),
                    ("2025-03-01", "expire", 10.0),
                )
            ]
        )
        cls.pos_order(
            cls,
            mix[0],
            "2025-01-20",
            [
                (cls.groceries, 3, 10),
                (reward.discount_line_product_id, 1, -25, {"reward_id": reward.id}),
            ],
        )

    @staticmethod
    def pos_order(cls, household, date, lines, state="paid"):
        """A till order of ``household`` on ``date``: [(product, qty, price)]."""
        total = sum(line[1] * line[2] for line in lines)
        order = cls.env["pos.order"].create(
            {
                "session_id": cls.session.id,
                "partner_id": household.id,
                "date_order": f"{date} 10:00:00",
                "amount_tax": 0.0,
                "amount_total": total,
                "amount_paid": total,
                "amount_return": 0.0,
                "lines": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "full_product_name": product.name,
                            "qty": qty,
                            "price_unit": price,
                            "price_subtotal": qty * price,
                            "price_subtotal_incl": qty * price,
                            **(extra[0] if extra else {}),
                        }
                    )
                    for product, qty, price, *extra in lines
                ],
            }
        )
        order.state = state
        return order

    # Helpers

    def report(self, user=None, groupements=None):
        groupements = groupements if groupements is not None else self.mix | self.small
        Report = self.env["vrac.indicator.report"]
        if user:
            Report = Report.with_user(user)
        return Report.create(
            {
                "scope": "groupement" if groupements else "all",
                "groupement_ids": [Command.set(groupements.ids)],
                "date_from": YEAR[0],
                "date_to": YEAR[1],
            }
        )

    def report_rows(self, report):
        data = report._vrac_report_data()
        return {
            line["key"]: line
            for section in data["sections"]
            for line in section["rows"]
        }

    # Social mix

    def test_precarity_share_against_the_target(self):
        # At 5, Mixité's share (7 of 10) would tell its 3 households of tier B
        # (10 - 7): hidden (see test_tiers_do_not_give_back_a_hidden_tier).
        self.env.company.vrac_indicator_threshold = 3
        rows = self.report_rows(self.report(groupements=self.mix))
        share = rows["precarity_share"]
        self.assertEqual(share["groups"][self.mix.id], "70.0 %")
        self.assertEqual(rows["precarity_households"]["groups"][self.mix.id], "7")
        self.assertEqual(rows["precarity_target"]["groups"][self.mix.id], "60.0 %")
        # Met: 10 points above the target.
        # A gap between two percents reads in points (not "10.0 %").
        self.assertEqual(rows["precarity_gap"]["groups"][self.mix.id], "10.0 points")
        self.env.company.vrac_indicator_threshold = 5
        rows = self.report_rows(self.report())
        share = rows["precarity_share"]
        # Beside Petit (3 households, 1 in precarity), Mixité's 10 and 7
        # would give Petit's back from the totals (13, 8): hidden, and so
        # are the share and the gap computed from them.
        self.assertEqual(rows["member_households"]["groups"][self.mix.id], "hidden")
        self.assertEqual(rows["precarity_households"]["groups"][self.mix.id], "hidden")
        self.assertEqual(share["groups"][self.mix.id], "hidden")
        self.assertEqual(rows["precarity_gap"]["groups"][self.mix.id], "hidden")
        self.assertEqual(rows["precarity_target"]["groups"][self.mix.id], "60.0 %")
        # Both groups: 8 of 13, against a target weighted by households
        # (60 x 10 + 50 x 3) / 13.
        self.assertAlmostEqual(share["value"], 800 / 13, places=6)
        self.assertAlmostEqual(rows["precarity_target"]["value"], 750 / 13, places=6)
        self.assertAlmostEqual(rows["precarity_gap"]["value"], 50 / 13, places=6)
        self.assertEqual(share["display"], "61.5 %")
        # The target weighted by the households of each group would tell
        # them: (60 x m + 50 x (13 - m)) / 13 gives m = 10. Hidden, and the
        # gap (share minus target) with it.
        self.assertEqual(rows["precarity_target"]["display"], "hidden")
        self.assertEqual(rows["precarity_gap"]["display"], "hidden")
        # Last year's target is shown (6 households, all in Mixité), but no
        # change from it: the change would give this year's back.
        self.assertEqual(rows["precarity_target"]["previous_display"], "60.0 %")
        self.assertEqual(rows["precarity_target"]["change"], "")
        # The previous period beside it: 5 of the 6 households of 2024.
        self.assertAlmostEqual(share["previous"], 500 / 6, places=6)
        # Shown, it would tell the 1 household of tier B (6 - 5): hidden.
        self.assertEqual(share["previous_display"], "hidden")
        self.assertEqual(rows["member_households"]["previous_display"], "6")

    def test_households_per_tier(self):
        rows = self.report_rows(self.report())
        tier_a = rows[f"tier_{self.tier_a.id}"]
        # With several branches, the branch follows the tier's name.
        # The tier's name is said once (not "Households in tier Tier A").
        self.assertRegex(tier_a["label"], r"^Test A \(.+\): households$")
        self.assertRegex(
            rows[f"tier_{self.tier_b.id}_share"]["label"],
            r"^Test B \(.+\): share of the member households$",
        )
        self.assertEqual(tier_a["value"], 8)
        # Petit's 1 household in A would come back from 8 - 7: hidden.
        self.assertEqual(tier_a["groups"][self.mix.id], "hidden")
        self.assertEqual(tier_a["groups"][self.small.id], "< 5")
        self.assertEqual(rows[f"tier_{self.tier_a.id}_share"]["display"], "61.5 %")
        # The household without tier counts in the default tier, B.
        tier_b = rows[f"tier_{self.tier_b.id}"]
        self.assertEqual(tier_b["value"], 3)
        self.assertEqual(tier_b["groups"][self.mix.id], "< 5")
        self.assertEqual(rows[f"tier_{self.tier_b.id}_share"]["display"], "< 5")
        self.assertEqual(rows[f"tier_{self.tier_c.id}"]["value"], 2)

    def test_tiers_do_not_give_back_a_hidden_tier(self):
        """Mixité alone in 2025: 10 member households, 7 in tier A (the
        precarity tier), 3 in B. Tier B is shown "< 5": tier A (7), or the
        households in precarity (7), or their share (70 %), beside the 10
        members would tell it (10 - 7 = 3)."""
        report = self.report(groupements=self.mix)
        rows = self.report_rows(report)
        tier_a, tier_b = (f"tier_{self.tier_a.id}", f"tier_{self.tier_b.id}")
        self.assertNotIn(f"tier_{self.tier_c.id}", rows)  # nobody, left out
        shown = {
            key: rows[key]["display"]
            for key in (
                "member_households",
                tier_a,
                tier_b,
                "precarity_households",
                "precarity_share",
                "precarity_gap",
            )
        }
        self.assertEqual(
            shown,
            {
                "member_households": "10",
                tier_a: "hidden",
                tier_b: "< 5",
                "precarity_households": "hidden",
                "precarity_share": "hidden",
                "precarity_gap": "hidden",
            },
        )
        self.assertEqual(rows[tier_a]["groups"][self.mix.id], "hidden")
        # The spreadsheet shows the same: 10 members, no tier to subtract.
        content = report._vrac_xlsx_content(report._vrac_report_data())
        sheet = self.read_xlsx(content)["Indicators"]
        cells = {row[1]: row[2] for row in sheet if len(row) > 2}
        self.assertEqual(cells["Member households (end of period)"], 10.0)
        self.assertEqual(
            [cells[rows[key]["label"]] for key in (tier_a, tier_b)],
            ["hidden", "< 5"],
        )
        self.assertEqual(
            cells["Households in a precarity tier (end of period)"], "hidden"
        )
        # The previous year: 6 members, 5 in A, 1 in B.
        self.assertEqual(rows["member_households"]["previous_display"], "6")
        self.assertEqual(
            (rows[tier_a]["previous_display"], rows[tier_b]["previous_display"]),
            ("hidden", "< 5"),
        )
        self.assertEqual(rows["precarity_share"]["previous_display"], "hidden")

    def test_a_tier_nobody_is_in_is_left_out(self):
        empty = self.tier_c.copy(
            {"name": "Test Vide", "code": "T-VIDE", "by_resources": False}
        )
        rows = self.report_rows(self.report())
        self.assertIn(f"tier_{self.tier_c.id}", rows)
        self.assertNotIn(f"tier_{empty.id}", rows)
        self.assertNotIn(f"tier_{empty.id}_share", rows)

    def test_small_group_is_hidden(self):
        rows = self.report_rows(self.report())
        for key in (
            "member_households",
            "precarity_households",
            "precarity_share",
            "precarity_gap",
            f"tier_{self.tier_c.id}",
            f"tier_{self.tier_c.id}_share",
        ):
            self.assertEqual(rows[key]["groups"][self.small.id], "< 5", key)
        # Its target is no secret.
        self.assertEqual(rows["precarity_target"]["groups"][self.small.id], "50.0 %")

    def test_sections_of_the_tiers(self):
        """vrac_tarifs declares its sections: the social mix after the
        members, the solidarity last."""
        data = self.report()._vrac_report_data()
        codes = [section["code"] for section in data["sections"]]
        self.assertEqual(codes[:2], ["members", "social_mix"])
        self.assertEqual(codes[-1], "solidarity")
        social_mix = data["sections"][1]
        self.assertEqual(social_mix["label"], "Social mix")
        self.assertIn("precarity_share", [line["key"] for line in social_mix["rows"]])

    def test_social_mix_chart_hides_small_shares_and_escapes_text(self):
        """The funder report charts the shares of the social mix (moved from
        vrac_groupement's report tests): a hidden share draws no bar and
        the labels are escaped."""
        data = self.report()._vrac_report_data()
        data["sections"] = [
            section for section in data["sections"] if section["code"] != "social_mix"
        ] + [
            {
                "code": "social_mix",
                "label": "Social mix",
                "rows": [
                    {
                        "key": "tier_share_a",
                        "label": "Tier <A> & co",
                        "unit": "percent",
                        "value": 42.86,
                        "previous": 61.5,
                        "suppressed": True,
                        "previous_suppressed": False,
                        "display": "< 5",
                        "previous_display": "61.5 %",
                    }
                ],
            }
        ]
        charts = self.env["report.vrac_groupement.report_vrac_indicator"]._vrac_charts(
            data
        )
        self.assertEqual(charts[-1]["title"], "Social mix (shares in %)")
        svg = str(charts[-1]["svg"])
        self.assertIn("Tier &lt;A&gt; &amp; co", svg)
        self.assertIn(">&lt; 5</text>", svg)
        self.assertIn(">61.5 %</text>", svg)
        self.assertNotIn(">42", svg)
        self.assertIn('width="0.0" height="12.0" fill="#1f77b4"', svg)

    def test_social_mix_is_set_based(self):
        engine = self.env["vrac.indicator"]
        groupements = self.mix | self.small
        engine._vrac_social_mix_values(groupements, YEAR[1])
        with self.assertQueryCount(2):
            engine._vrac_social_mix_values(groupements, YEAR[1])

    def test_volunteer_sees_their_groups_only(self):
        volunteer = self.volunteer
        rows = self.report_rows(self.report(user=volunteer, groupements=self.mix))
        self.assertEqual(set(rows["precarity_share"]["groups"]), {self.mix.id})
        self.assertEqual(rows[f"tier_{self.tier_a.id}"]["value"], 7)
        # Every group they see: not Petit.
        groups = self.report_rows(
            self.report(user=volunteer, groupements=self.env["vrac.groupement"])
        )["precarity_share"]["groups"]
        self.assertIn(self.mix.id, groups)
        self.assertNotIn(self.small.id, groups)
        # Petit asked for by hand (the form would not offer it): refused.
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            self.report(user=volunteer, groupements=self.small)._vrac_report_data()
        Fact = self.env["vrac.indicator.fact"]
        domain = [("groupement_id", "=", self.small.id)]
        self.assertTrue(Fact.search_count(domain))
        self.assertFalse(Fact.with_user(volunteer).search_count(domain))

    # Solidarity

    def test_solidarity_flows(self):
        rows = self.report_rows(self.report())
        self.assertAlmostEqual(rows["solidarity_in"]["value"], 70.0)
        values = self.env["vrac.indicator"]._vrac_indicator_values(
            self.mix | self.small, *YEAR
        )
        self.assertAlmostEqual(values["solidarity_in"][self.mix.id], 65.0)
        self.assertAlmostEqual(values["solidarity_in"][self.small.id], 5.0)
        self.assertAlmostEqual(rows["solidarity_in"]["previous"], 5.0)
        self.assertAlmostEqual(rows["solidarity_out"]["value"], 6.0)
        self.assertAlmostEqual(rows["solidarity_out"]["previous"], 0.0)
        self.assertAlmostEqual(rows["food_credit_issued"]["value"], 120.0)
        self.assertAlmostEqual(rows["food_credit_issued"]["previous"], 50.0)
        self.assertAlmostEqual(rows["food_credit_used"]["value"], 25.0)

    def test_program_share_per_funder(self):
        rows = self.report_rows(self.report())
        one = rows[f"program_share_{self.funder_one.id}"]
        two = rows[f"program_share_{self.funder_two.id}"]
        self.assertEqual(one["label"], "Paid by Fondation Test Indicateurs")
        self.assertEqual(one["unit"], "amount")
        self.assertAlmostEqual(one["value"], 8.68)
        self.assertAlmostEqual(two["value"], 14.0)
        self.assertAlmostEqual(rows["program_share"]["value"], 22.68)
        values = self.env["vrac.indicator"]._vrac_indicator_values(
            self.mix | self.small, *YEAR
        )
        per_group = values[f"program_share_{self.funder_one.id}"]
        self.assertAlmostEqual(per_group[self.mix.id], 6.18)
        self.assertAlmostEqual(per_group[self.small.id], 2.5)
        per_group = values[f"program_share_{self.funder_two.id}"]
        self.assertAlmostEqual(per_group[self.mix.id], 4.0)
        self.assertAlmostEqual(per_group[self.small.id], 10.0)

    def test_pivot_shows_the_flows(self):
        facts = self.env["vrac.indicator.fact"]._read_group(
            [
                ("groupement_id", "in", (self.mix | self.small).ids),
                ("date", ">=", YEAR[0]),
                ("date", "<=", YEAR[1]),
                ("funder_id", "!=", False),
            ],
            ["funder_id"],
            ["value:sum"],
        )
        self.assertEqual(
            {funder: round(value, 2) for funder, value in facts},
            {self.funder_one: 8.68, self.funder_two: 14.0},
        )

    def test_dashboard_shows_the_share_against_the_target(self):
        # Mixité's card alone, at a threshold of 3 (at 5 its share would
        # tell its 3 households of tier B).
        self.env.company.vrac_indicator_threshold = 3
        html = str(self.mix.with_prefetch(self.mix.ids).vrac_dashboard_html)
        self.assertIn('data-key="precarity_share"', html)
        self.assertIn("(target 60 %)", html)
        self.assertIn("70.0 %", html)
        # The cards of both groups: the small group's share is hidden, and
        # so is Mixité's (its 10 households would give Petit's 3 back from
        # the report's total of 13).
        self.env.company.vrac_indicator_threshold = 5
        cards = self.mix | self.small
        cards.invalidate_recordset(["vrac_dashboard_html"])
        small = str(self.small.vrac_dashboard_html)
        self.assertIn("(target 50 %)", small)
        self.assertNotIn("33.3 %", small)
        html = str(self.mix.vrac_dashboard_html)
        self.assertIn("(target 60 %)", html)
        self.assertNotIn("70.0 %", html)
