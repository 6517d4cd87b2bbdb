# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import new_test_user, tagged

from .rpc import ACCESS_ERROR, VracRpcCase


@tagged("post_install", "-at_install")
class TestRpcHelpers(VracRpcCase):
    def test_volunteer_reads_own_group_not_configuration(self):
        """The helpers reach the server as the person: a volunteer reads the
        groups they serve and is refused what only a manager may do."""
        volunteer = new_test_user(
            self.env,
            login="vrac_rpc_volunteer",
            groups="vrac_groupement.group_volunteer",
        )
        group = self.env["vrac.groupement"].create(
            {
                "name": "Groupement RPC",
                "code": "RPC",
                "town": "Valence",
                "user_ids": [(4, volunteer.id)],
            }
        )
        self.rpc_login("vrac_rpc_volunteer")
        names = self.rpc_ok(
            "vrac.groupement", "read", [group.id], ["name"], context={"lang": "en_US"}
        )
        self.assertEqual(names[0]["name"], "Groupement RPC")
        self.rpc_refused(
            "vrac.groupement", "unlink", [group.id], errors=(ACCESS_ERROR,)
        )
