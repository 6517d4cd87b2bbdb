# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math

from lxml import html

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form

from .common import CHATILLON, DIE, LUC, VracRoundCase


def law_of_cosines_km(lat1, lon1, lat2, lon2):
    """The same great circle by another formula than the module's."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dlambda = math.radians(lon2 - lon1)
    cos_angle = math.sin(phi1) * math.sin(phi2) + math.cos(phi1) * math.cos(
        phi2
    ) * math.cos(dlambda)
    return 6371.0088 * math.acos(min(1.0, cos_angle))


class TestRoundStops(VracRoundCase):
    def test_round_distribution_collects_its_stop_households(self):
        self.round_distribution.with_user(self.coordinator).action_prepare()
        self.assertEqual(self.round_distribution.sale_order_ids.partner_id, self.d1)
        self.die_distribution.with_user(self.coordinator).action_prepare()
        self.assertEqual(
            self.die_distribution.sale_order_ids.partner_id,
            self.d2,
            "a household with a stop collects on the round, not at the point",
        )

    def test_round_day_is_the_distribution_slot_by_default(self):
        self.assertEqual(
            (self.round_distribution.hour_from, self.round_distribution.hour_to),
            (8.0, 13.0),
        )
        with Form(self.env["vrac.distribution"]) as form:
            form.kind = "round"
            form.round_id = self.vrac_round
            form.date = "2026-12-19"
            self.assertEqual((form.hour_from, form.hour_to), (8.0, 13.0))

    def test_households_are_assigned_from_the_stop(self):
        with Form(self.stop_chatillon) as form:
            form.household_ids.add(self.d2)
        self.assertEqual(self.d2.vrac_round_stop_id, self.stop_chatillon)
        self.assertEqual(self.vrac_round.household_count, 2)
        action = self.vrac_round.action_view_households()
        self.assertEqual(self.Partner.search(action["domain"]), self.d1 | self.d2)
        with Form(self.stop_luc) as form:
            form.household_ids.remove(id=self.d1.id)
        self.assertFalse(self.d1.vrac_round_stop_id)
        self.assertTrue(self.d1.exists(), "removed from the stop, not deleted")

    def test_households_are_assigned_from_the_round_form(self):
        with Form(self.vrac_round.with_user(self.coordinator)) as form:
            with form.stop_ids.edit(0) as stop:
                stop.household_ids.add(self.d2)
        self.assertEqual(self.d2.vrac_round_stop_id, self.stop_chatillon)
        household_form = "vrac_groupement.res_partner_view_form_household"
        with Form(self.d2, view=household_form) as form:
            form.vrac_round_stop_id = self.stop_luc
        self.assertEqual(self.stop_luc.household_ids, self.d1 | self.d2)

    def test_shifting_every_stop_at_once(self):
        """Stops moved together never overlap once all are written."""
        self.vrac_round.write(
            {
                "stop_ids": [
                    (1, self.stop_chatillon.id, {"hour_from": 10.0, "hour_to": 10.75}),
                    (1, self.stop_luc.id, {"hour_from": 10.75, "hour_to": 11.5}),
                ]
            }
        )
        self.assertEqual(self.stop_chatillon.hour_to, 10.75)


class TestRoundDistances(VracRoundCase):
    def test_distance_die_luc(self):
        self.vrac_round.stop_ids = [(2, self.stop_chatillon.id)]
        expected = law_of_cosines_km(*DIE, *LUC)
        self.assertTrue(15 < expected < 19, "sanity: about 16.5 km as the crow flies")
        self.assertTrue(self.stop_luc.distance_known)
        # Shown to a tenth of a km.
        self.assertAlmostEqual(
            self.stop_luc.distance_from_previous_km, expected, delta=0.05
        )
        self.assertAlmostEqual(self.vrac_round.total_distance_km, expected, delta=0.05)

    def test_distances_between_consecutive_stops(self):
        first = law_of_cosines_km(*DIE, *CHATILLON)
        second = law_of_cosines_km(*CHATILLON, *LUC)
        self.assertAlmostEqual(
            self.stop_chatillon.distance_from_previous_km, first, delta=0.05
        )
        self.assertAlmostEqual(
            self.stop_luc.distance_from_previous_km, second, delta=0.05
        )
        self.assertAlmostEqual(
            self.vrac_round.total_distance_km, first + second, delta=0.1
        )
        self.assertEqual(self.stop_luc.position, 2)
        self.assertFalse(self.vrac_round.distance_incomplete)

    def test_no_coordinates_no_distance(self):
        self.point_chatillon.write({"latitude": 0.0, "longitude": 0.0})
        self.assertFalse(self.stop_chatillon.distance_known)
        self.assertFalse(self.stop_luc.distance_known, "its previous stop is unknown")
        self.assertTrue(self.vrac_round.distance_incomplete)
        self.assertEqual(self.vrac_round.total_distance_km, 0.0)
        sheet = self.render_sheet(
            "vrac_distribution.action_report_vrac_round_sheet", self.vrac_round
        )
        row = sheet.xpath(f"//tr[@data-stop='{self.stop_luc.id}']")[0]
        self.assertEqual(
            row.xpath("td[@data-distance]")[0].text_content().strip(),
            "-",
            "no distance printed, not 0 km",
        )

    def test_first_stop_without_departure(self):
        self.vrac_round.departure_point_id = False
        self.assertFalse(self.stop_chatillon.distance_known)
        self.assertTrue(self.stop_luc.distance_known)
        self.assertFalse(self.vrac_round.distance_incomplete)


class TestRoundBadInput(VracRoundCase):
    def test_stop_outside_the_round_day(self):
        with self.assertRaisesText(ValidationError, "outside the round's day"):
            self.stop_chatillon.write({"hour_from": 7.0, "hour_to": 7.5})
        with self.assertRaisesText(ValidationError, "outside the round's day"):
            self.vrac_round.hour_end = 11.0
        with self.assertRaisesText(ValidationError, "must start before it ends"):
            self.stop_luc.write({"hour_from": 11.0, "hour_to": 10.0})
        with self.assertRaisesText(ValidationError, "must start before it ends"):
            self.vrac_round.write({"hour_start": 8.0, "hour_end": 25.0})
        self.assertEqual(self.stop_chatillon.hour_from, 9.0, "nothing kept")
        self.assertEqual(self.vrac_round.hour_end, 13.0)

    def test_stops_overlap_or_go_backwards(self):
        with self.assertRaisesText(ValidationError, "before the previous stop"):
            self.stop_luc.write({"hour_from": 9.5, "hour_to": 10.0})
        with self.assertRaisesText(ValidationError, "before the previous stop"):
            # Luc first, but still at 10:30: the van would go back in time.
            self.vrac_round.write(
                {"stop_ids": [(1, self.stop_luc.id, {"sequence": 1})]}
            )
        with self.assertRaisesText(ValidationError, "before the previous stop"):
            self.env["vrac.round.stop"].create(
                {
                    "round_id": self.vrac_round.id,
                    "sequence": 30,
                    "pickup_point_id": self.point_die.id,
                    "hour_from": 11.0,
                    "hour_to": 12.0,
                }
            )
        self.assertEqual(self.vrac_round.stop_ids, self.stop_chatillon | self.stop_luc)
        self.assertEqual(self.stop_luc.sequence, 20)

    def test_household_of_another_group(self):
        with self.assertRaisesText(ValidationError, "does not serve"):
            self.r1.vrac_round_stop_id = self.stop_luc
        self.assertFalse(self.r1.vrac_round_stop_id)
        with self.assertRaisesText(ValidationError, "does not serve"):
            self.vrac_round.groupement_ids = self.romans
        with self.assertRaisesText(ValidationError, "does not serve"):
            self.d1.vrac_groupement_id = self.romans
        self.assertEqual(self.d1.vrac_round_stop_id, self.stop_luc)

    def test_stops_fit_in_the_distribution_slot(self):
        with self.assertRaisesText(ValidationError, "fit in the distribution's time"):
            self.round_distribution.hour_to = 11.0
        with self.assertRaisesText(ValidationError, "fit in the distribution's time"):
            self.env["vrac.distribution"].create(
                {
                    "kind": "round",
                    "date": "2026-12-19",
                    "round_id": self.vrac_round.id,
                    "hour_from": 10.0,
                    "hour_to": 13.0,
                }
            )
        self.round_distribution.hour_to = 12.0
        with self.assertRaisesText(ValidationError, "fit in the distribution's time"):
            self.stop_luc.write({"hour_from": 12.0, "hour_to": 12.5})
        self.assertEqual(self.stop_luc.hour_to, 11.25)


class TestRoundSheet(VracRoundCase):
    def test_round_sheet_lists_households_and_bags(self):
        self.round_distribution.with_user(self.coordinator).action_prepare()
        sheet = self.render_sheet(
            "vrac_distribution.action_report_vrac_round_sheet_distribution",
            self.round_distribution,
        )
        luc = sheet.xpath(f"//tr[@data-stop='{self.stop_luc.id}']")[0]
        self.assertEqual(luc.xpath("td[@data-bags]")[0].text_content().strip(), "1")
        self.assertEqual(
            luc.xpath("td[@data-households]")[0].text_content().strip(), "1"
        )
        chatillon = sheet.xpath(f"//tr[@data-stop='{self.stop_chatillon.id}']")[0]
        self.assertEqual(
            chatillon.xpath("td[@data-bags]")[0].text_content().strip(), "0"
        )
        household = sheet.xpath(f"//tr[@data-household='{self.d1.id}']")[0]
        text = household.text_content()
        for expected in (self.d1.vrac_household_number, "Foyer Roux", "04 75 22 33 44"):
            self.assertIn(expected, text)
        self.assertEqual(
            household.xpath("td[@data-bags]")[0].text_content().strip(), "1"
        )
        totals = sheet.xpath("//tr[contains(@class, 'o_vrac_round_totals')]")[0]
        self.assertEqual(totals.xpath("td[@data-bags]")[0].text_content().strip(), "1")
        self.assertIn("10:30 - 11:15", luc.text_content())
        self.assertNotIn("Foyer Die 2", sheet.text_content(), "d2 collects in Die")

    def test_round_sheet_of_the_round(self):
        sheet = self.render_sheet(
            "vrac_distribution.action_report_vrac_round_sheet", self.vrac_round
        )
        self.assertIn("Foyer Roux", sheet.text_content())
        self.assertFalse(sheet.xpath("//td[@data-bags]"), "no bags without a day")

    def test_no_round_sheet_for_a_point_distribution(self):
        with self.assertRaisesText(UserError, "not a day of the mobile round"):
            self.die_distribution.action_print_round_sheet()
        action = self.round_distribution.action_print_round_sheet()
        # Without a document layout yet, Odoo asks for one first.
        self.assertIn(
            "vrac_distribution.report_vrac_round_sheet_distribution", str(action)
        )


class TestRoundRights(VracRoundCase):
    def test_volunteer_of_the_group_prints_the_round_sheet(self):
        self.die.user_ids = self.volunteer
        self.round_distribution.with_user(self.volunteer).action_prepare()
        report = self.env["ir.actions.report"].with_user(self.volunteer)
        content, _kind = report._render_qweb_html(
            "vrac_distribution.action_report_vrac_round_sheet_distribution",
            self.round_distribution.ids,
        )
        self.assertIn("Foyer Roux", html.fromstring(content).text_content())

    def test_volunteer_reads_rounds_coordinator_edits(self):
        vrac_round = self.vrac_round.with_user(self.volunteer)
        self.assertEqual(vrac_round.name, "Test VRAC mobile")
        self.assertEqual(
            vrac_round.stop_ids.with_user(self.volunteer).mapped("position"), [1, 2]
        )
        with self.assertRaises(AccessError):
            vrac_round.write({"vehicle": "Another van"})
        with self.assertRaises(AccessError):
            self.stop_luc.with_user(self.volunteer).write({"hour_to": 11.0})
        self.vrac_round.with_user(self.coordinator).write({"vehicle": "Trafic"})
        self.assertEqual(self.vrac_round.vehicle, "Trafic")


class TestRoundDemo(VracRoundCase):
    def test_demo_round_in_the_haut_diois(self):
        distribution = self.env.ref(
            "vrac_distribution.vrac_distribution_haut_diois_2026_11_demo",
            raise_if_not_found=False,
        )
        if not distribution:
            self.skipTest("no demo data")
        vrac_round = distribution.round_id
        self.assertEqual(len(vrac_round.stop_ids), 4)
        self.assertTrue(all(vrac_round.stop_ids.mapped("distance_known")))
        self.assertEqual(distribution.state, "preparing")
        self.assertTrue(distribution.sale_order_ids)
        self.assertFalse(
            distribution.sale_order_ids.partner_id.filtered(
                lambda h: h.vrac_round_stop_id.round_id != vrac_round
            ),
            "only households with a stop of the round",
        )
        sheet = distribution._vrac_round_sheet()
        self.assertEqual(sheet["bag_count"], len(distribution.sale_order_ids))
        self.assertFalse(sheet["unassigned"])


class TestTillDemo(VracRoundCase):
    def test_demo_tills_sell_the_association_products_only(self):
        """The demo tills have French names and offer no furniture."""
        if not self.env.ref(
            "vrac_distribution.pos_config_distributions_demo", raise_if_not_found=False
        ):
            self.skipTest("no demo data")
        demo_tills = self.env.ref("point_of_sale.pos_config_main") | self.env.ref(
            "vrac_distribution.pos_config_distributions_demo"
        )
        self.assertEqual(
            set(demo_tills.mapped("name")),
            {"Caisse de l'association", "Caisse des distributions"},
        )
        for till in demo_tills:
            products = self.env["product.product"].search(
                till._get_available_product_domain()
            )
            names = set(products.mapped("name"))
            for furniture in ("Three-Seat Sofa", "Large Desk", "Office Chair"):
                self.assertNotIn(furniture, names, till.name)
            self.assertIn("Lentilles vertes bio (vrac)", names, till.name)
        # Hidden, not deleted: Odoo's other demos still find the sofa.
        sofa = self.env["product.template"].search([("name", "=", "Three-Seat Sofa")])
        self.assertEqual(len(sofa), 1)
