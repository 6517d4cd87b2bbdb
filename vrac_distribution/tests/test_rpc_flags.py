# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Context keys that used to lift a check can no longer be sent by a client."""

from odoo.tests import tagged

from odoo.addons.vrac_groupement.tests.common import VracCycleCase, VracGroupementCase
from odoo.addons.vrac_groupement.tests.rpc import VALIDATION_ERROR, VracRpcCase

from .common import VracDistributionCase, VracRoundCase


@tagged("post_install", "-at_install")
class TestRpcRoundFlag(VracRpcCase):
    cycle_line = VracCycleCase.cycle_line

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        VracGroupementCase.setup_vrac_groupements(cls)
        VracCycleCase.setup_vrac_cycle(cls)
        VracDistributionCase.setup_vrac_distribution(cls)
        VracRoundCase.setup_vrac_round(cls)

    def test_client_context_does_not_skip_the_stop_schedule(self):
        """The "vrac_round_write" key from the client does not let a stop overlap the
        one before; moving every stop through the round still works."""
        self.rpc_login("vrac_test_coordinator")
        message = self.rpc_refused(
            "vrac.round.stop",
            "write",
            self.stop_luc.ids,
            {"hour_from": 9.5, "hour_to": 10.0},
            context={"vrac_round_write": True, "lang": "en_US"},
            errors=(VALIDATION_ERROR,),
        )
        self.assertIn("before the previous stop", message)
        self.assertEqual(self.stop_luc.hour_from, 10.5)
        self.rpc_ok(
            "vrac.round",
            "write",
            self.vrac_round.ids,
            {
                "stop_ids": [
                    (1, self.stop_chatillon.id, {"hour_from": 10.0, "hour_to": 10.75}),
                    (1, self.stop_luc.id, {"hour_from": 10.75, "hour_to": 11.5}),
                ]
            },
        )
        self.assertEqual(self.stop_luc.hour_from, 10.75)
