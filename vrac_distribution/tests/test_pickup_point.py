# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import ValidationError

from .common import VracRoundCase


class TestPickupPoint(VracRoundCase):
    def test_coordinates_in_range(self):
        for values, message in (
            ({"latitude": 91.0}, "latitude of"),
            ({"latitude": -90.5}, "latitude of"),
            ({"longitude": 180.5}, "longitude of"),
            ({"longitude": -181.0}, "longitude of"),
        ):
            with self.assertRaisesText(ValidationError, message):
                self.pickup_point.write(values)
        self.assertEqual(
            (self.pickup_point.latitude, self.pickup_point.longitude),
            (45.0436, 5.0521),
            "nothing kept",
        )
        self.pickup_point.write({"latitude": -90.0, "longitude": 180.0})
        self.assertTrue(self.pickup_point.has_coordinates)

    def test_unknown_coordinates(self):
        self.pickup_point.write({"latitude": 0.0, "longitude": 0.0})
        self.assertFalse(self.pickup_point.has_coordinates)

    def test_a_stop_needs_an_address(self):
        premises = self.Partner.create({"name": "Test Salle sans adresse"})
        point = self.env["vrac.pickup.point"].create(
            {"name": "Test Salle sans adresse", "partner_id": premises.id}
        )
        with self.assertRaisesText(ValidationError, "has no address: the driver needs"):
            self.vrac_round.write(
                {
                    "stop_ids": [
                        (
                            0,
                            0,
                            {
                                "sequence": 30,
                                "pickup_point_id": point.id,
                                "hour_from": 11.5,
                                "hour_to": 12.0,
                            },
                        )
                    ]
                }
            )
        self.assertEqual(len(self.vrac_round.stop_ids), 2, "nothing kept")
        premises.write({"street": "Le Village"})
        with self.assertRaisesText(ValidationError, "has no address"):
            self.stop_luc.pickup_point_id = point
        premises.write({"city": "Beaurières"})
        self.stop_luc.pickup_point_id = point
        self.assertEqual(self.stop_luc.village, "Beaurières")

    def test_a_stop_keeps_its_address(self):
        with self.assertRaisesText(ValidationError, "has no address"):
            self.point_luc.partner_id.street = False
        with self.assertRaisesText(ValidationError, "has no address"):
            self.point_luc.partner_id = self.Partner.create({"name": "Test Nowhere"})
        self.assertEqual(self.point_luc.street, "Place du Champ de Mars")

    def test_a_point_distribution_needs_no_address(self):
        premises = self.Partner.create({"name": "Test Salle sans adresse"})
        point = self.env["vrac.pickup.point"].create(
            {"name": "Test Salle sans adresse", "partner_id": premises.id}
        )
        self.assertFalse(point._vrac_has_address())
