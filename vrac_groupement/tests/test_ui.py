# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from .common import VracGroupementCase


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        VracGroupementCase.setup_vrac_groupements(cls)
        cls.coordinator.password = "vrac_test_coordinator"

    def test_coordinator_opens_the_groups_menu(self):
        self.start_tour("/web", "vrac_groupement_tour", login="vrac_test_coordinator")
