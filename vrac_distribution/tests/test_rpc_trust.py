# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who may do what with distributions, through the web client's door.

Victor (``vrac_test_volunteer``) serves Romans, Denise
(``vrac_test_volunteer_die``) serves Die. Romans' distribution is open; Die
has its own distribution, open too, with the bags of Foyer Roux (d1) and
Foyer Die 2 (d2).
"""

from odoo.tests import tagged

from odoo.addons.vrac_groupement.tests.rpc import (
    ACCESS_ERROR,
    USER_ERROR,
    VracRpcCase,
)

from .common import VracDistributionCase

LINE_SPEC = {
    "line_ids": {
        "fields": {
            "partner_name": {},
            "mobile": {},
            "left_description": {},
            "decision": {},
        }
    }
}


@tagged("post_install", "-at_install")
class TestRpcTrust(VracRpcCase, VracDistributionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_volunteer_die(cls)
        cls.d1.mobile = "06 11 22 33 44"
        cls.point_die = cls.env["vrac.pickup.point"].create(
            {
                "name": "Salle des fêtes de Die",
                "partner_id": cls.social_centre.id,
                "groupement_ids": [(6, 0, cls.die.ids)],
            }
        )
        cls.distribution_die = cls.env["vrac.distribution"].create(
            {
                "kind": "point",
                "date": "2026-12-18",
                "pickup_point_id": cls.point_die.id,
                "cycle_ids": [(6, 0, cls.cycle.ids)],
                "pos_config_id": cls.env["pos.config"]
                .create({"name": "Test caisse Die"})
                .id,
            }
        )

    def open_both(self):
        self.prepare_and_open()
        self.distribution_die.action_prepare()
        self.distribution_die.action_open()
        self.d1_order = self.household_order(self.d1)
        self.assertEqual(self.d1_order.vrac_distribution_id, self.distribution_die)

    def assert_die_untouched(self):
        self.env.invalidate_all()
        orders = self.distribution_die.sale_order_ids
        self.assertEqual(orders.partner_id, self.d1 | self.d2)
        self.assertEqual(set(orders.mapped("state")), {"sale"})
        self.assertEqual(set(orders.mapped("vrac_collect_state")), {"to_collect"})
        self.assertFalse(orders.invoice_ids)
        self.assertEqual(self.distribution_die.state, "open")

    def new_close_wizard(self, distribution, values=None, spec=None):
        """Open the closing wizard as the web client does: a new record with
        the distribution as default, saved with web_save."""
        return self.rpc(
            "vrac.distribution.close",
            "web_save",
            [],
            values or {},
            specification=spec or LINE_SPEC,
            context={"default_distribution_id": distribution.id},
        )

    # ------------------------------------------------------------------
    # 1. The closing wizard acts on the caller's own bags only
    # ------------------------------------------------------------------
    def test_volunteer_closes_their_distribution_over_rpc(self):
        self.open_both()
        for household in (self.r1, self.r4):
            self.collect(household)
        self.rpc_login("vrac_test_volunteer")
        answer = self.new_close_wizard(self.distribution)
        wizard = answer["result"][0]
        names = sorted(line["partner_name"] for line in wizard["line_ids"])
        self.assertEqual(names, ["Foyer Romans 2", "Foyer Romans 3"])
        decisions = {"Foyer Romans 2": "cancel", "Foyer Romans 3": "charge"}
        self.rpc_ok(
            "vrac.distribution.close",
            "web_save",
            [wizard["id"]],
            {
                "line_ids": [
                    [1, line["id"], {"decision": decisions[line["partner_name"]]}]
                    for line in wizard["line_ids"]
                ]
            },
            specification={},
        )
        action = self.rpc_ok(
            "vrac.distribution.close", "action_confirm", [wizard["id"]]
        )
        self.assertEqual(action["res_model"], "vrac.distribution.close.line")
        self.env.invalidate_all()
        self.assertEqual(self.distribution.state, "closed")
        self.assertEqual(self.household_order(self.r2), self.env["sale.order"])
        r3_invoice = self.household_order(self.r3).invoice_ids
        self.assertEqual(r3_invoice.state, "posted")
        self.assertEqual(r3_invoice.partner_id, self.r3)
        # The households to call: the volunteer reads their own list.
        to_call = self.rpc_ok(
            "vrac.distribution.close.line",
            "search_read",
            action["domain"],
            ["partner_name", "decision"],
        )
        self.assertEqual(
            [(row["partner_name"], row["decision"]) for row in to_call],
            [("Foyer Romans 3", "charge")],
        )
        self.assert_die_untouched()

    def test_close_button_over_rpc(self):
        self.open_both()
        self.rpc_login("vrac_test_volunteer")
        action = self.rpc_ok(
            "vrac.distribution", "action_close", [self.distribution.id]
        )
        lines = self.rpc_ok(
            "vrac.distribution.close",
            "web_read",
            [action["res_id"]],
            specification=LINE_SPEC,
        )[0]["line_ids"]
        self.assertEqual(len(lines), 4, "the four bags of Romans")
        self.assertNotIn("Foyer Roux", [line["partner_name"] for line in lines])

    def test_wizard_refuses_another_groups_bag_at_create(self):
        self.open_both()
        self.rpc_login("vrac_test_volunteer")
        message = self.rpc_refused(
            "vrac.distribution.close",
            "web_save",
            [],
            {
                "line_ids": [
                    [0, 0, {"order_id": self.d1_order.id, "decision": "cancel"}]
                ]
            },
            specification=LINE_SPEC,
            context={"default_distribution_id": self.distribution.id},
            errors=(ACCESS_ERROR,),
        )
        self.assertIn("of the groups you serve", message)
        self.assertNotIn("Foyer Roux", message)
        self.assertNotIn("06 11 22 33 44", message)
        self.assert_die_untouched()

    def test_wizard_refuses_another_groups_bag_at_write_and_confirm(self):
        self.open_both()
        self.rpc_login("vrac_test_volunteer")
        wizard = self.new_close_wizard(self.distribution)["result"][0]
        line_ids = [line["id"] for line in wizard["line_ids"]]
        self.rpc_refused(
            "vrac.distribution.close",
            "write",
            [wizard["id"]],
            {"line_ids": [[0, 0, {"order_id": self.d1_order.id}]]},
            errors=(ACCESS_ERROR,),
        )
        self.rpc_refused(
            "vrac.distribution.close.line",
            "create",
            {"wizard_id": wizard["id"], "order_id": self.d1_order.id},
            errors=(ACCESS_ERROR,),
        )
        # A line of the wizard pointed at Die's bag.
        self.rpc_refused(
            "vrac.distribution.close.line",
            "write",
            line_ids[:1],
            {"order_id": self.d1_order.id, "decision": "cancel"},
            errors=(ACCESS_ERROR,),
        )
        # The wizard moved to Die's distribution.
        self.rpc_refused(
            "vrac.distribution.close",
            "write",
            [wizard["id"]],
            {"distribution_id": self.distribution_die.id},
            errors=(ACCESS_ERROR,),
        )
        # Confirming decides only for Romans' bags.
        self.rpc_ok(
            "vrac.distribution.close",
            "write",
            [wizard["id"]],
            {
                "line_ids": [
                    [1, line_id, {"decision": "cancel"}] for line_id in line_ids
                ]
            },
        )
        self.rpc_ok("vrac.distribution.close", "action_confirm", [wizard["id"]])
        self.env.invalidate_all()
        self.assertEqual(self.distribution.state, "closed")
        self.assert_die_untouched()

    def test_line_of_another_bag_slipped_in_is_refused_at_confirm(self):
        """Even a line that reached the database (an older wizard, a bug)
        names no order outside the caller's bags when confirming."""
        self.open_both()
        self.rpc_login("vrac_test_volunteer")
        wizard = self.new_close_wizard(self.distribution)["result"][0]
        lines = self.env["vrac.distribution.close.line"].browse(
            [line["id"] for line in wizard["line_ids"]]
        )
        lines.decision = "cancel"
        lines[0].order_id = self.d1_order
        self.env.flush_all()
        self.rpc_refused(
            "vrac.distribution.close",
            "action_confirm",
            [wizard["id"]],
            errors=(ACCESS_ERROR,),
        )
        self.assert_die_untouched()
        self.assertEqual(self.distribution.state, "open")

    def test_wizard_on_another_groups_distribution_is_refused(self):
        self.open_both()
        self.rpc_login("vrac_test_volunteer")
        self.rpc_refused(
            "vrac.distribution.close",
            "web_save",
            [],
            {},
            specification=LINE_SPEC,
            context={"default_distribution_id": self.distribution_die.id},
            errors=(ACCESS_ERROR,),
        )
        self.rpc_refused(
            "vrac.distribution",
            "action_close",
            [self.distribution_die.id],
            errors=(ACCESS_ERROR,),
        )
        self.assert_die_untouched()

    def test_shared_distribution_closes_by_a_coordinator(self):
        """A distribution serving Romans and Die: Victor cannot decide for
        Die's bags, so he is told to ask a coordinator; the coordinator
        closes it."""
        self.distribution.pickup_point_id.groupement_ids |= self.die
        self.distribution.groupement_ids |= self.die
        self.prepare_and_open(self.coordinator)
        self.assertEqual(
            self.distribution.sale_order_ids.partner_id,
            self.households_romans | self.d1 | self.d2,
        )
        self.rpc_login("vrac_test_volunteer")
        message = self.rpc_refused(
            "vrac.distribution",
            "action_close",
            [self.distribution.id],
            errors=(USER_ERROR,),
        )
        self.assertIn("ask a coordinator", message)
        self.assertNotIn("Foyer Roux", message)
        self.rpc_login("vrac_test_coordinator")
        wizard = self.new_close_wizard(self.distribution)["result"][0]
        self.assertEqual(len(wizard["line_ids"]), 6)

    # ------------------------------------------------------------------
    # 2. Wizards are private to their creator
    # ------------------------------------------------------------------
    def test_another_volunteer_cannot_read_the_wizard(self):
        self.open_both()
        self.rpc_login("vrac_test_volunteer")
        wizard = self.new_close_wizard(self.distribution)["result"][0]
        line_ids = [line["id"] for line in wizard["line_ids"]]
        self.assertEqual(len(line_ids), 4)
        self.rpc_login("vrac_test_volunteer_die")
        self.rpc_refused(
            "vrac.distribution.close",
            "read",
            [wizard["id"]],
            ["line_ids"],
            errors=(ACCESS_ERROR,),
        )
        self.rpc_refused(
            "vrac.distribution.close.line",
            "read",
            line_ids,
            ["partner_name", "mobile"],
            errors=(ACCESS_ERROR,),
        )
        found = self.rpc_ok(
            "vrac.distribution.close.line", "search_read", [], ["partner_name"]
        )
        self.assertEqual(found, [])
        self.rpc_refused(
            "vrac.distribution.close",
            "action_confirm",
            [wizard["id"]],
            errors=(ACCESS_ERROR,),
        )
        self.env.invalidate_all()
        self.assertEqual(self.distribution.state, "open")

    # ------------------------------------------------------------------
    # 3. Volunteers change the operational fields only
    # ------------------------------------------------------------------
    def test_volunteer_cannot_widen_their_distribution(self):
        self.rpc_login("vrac_test_volunteer")
        other_cycle = self.cycle.copy({"name": "Test cycle Die seul"})
        refused = {
            "groupement_ids": [[4, self.die.id]],
            "cycle_ids": [[4, other_cycle.id]],
            "company_id": self.env.ref("base.main_company").id,
            "pickup_point_id": self.point_die.id,
            "sale_order_ids": [[4, self.household_order(self.d1).id]],
        }
        for field, value in refused.items():
            with self.subTest(field=field):
                self.rpc_refused(
                    "vrac.distribution",
                    "write",
                    [self.distribution.id],
                    {field: value},
                    errors=(ACCESS_ERROR,),
                )
        # A place serving Romans and Die: Die, a group Victor cannot even
        # read, would come in with it.
        both = self.pickup_point.copy(
            {
                "name": "Salle commune",
                "groupement_ids": [(6, 0, (self.romans | self.die).ids)],
            }
        )
        message = self.rpc_refused(
            "vrac.distribution",
            "write",
            [self.distribution.id],
            {"pickup_point_id": both.id},
            errors=(ACCESS_ERROR,),
        )
        self.assertIn("choose a place that serves the same groups", message)
        self.rpc_refused(
            "vrac.distribution",
            "write",
            [self.distribution.id],
            {"state": "preparing"},
            errors=(USER_ERROR,),
        )
        self.env.invalidate_all()
        self.assertEqual(self.distribution.groupement_ids, self.romans)
        self.assertEqual(self.distribution.cycle_ids, self.cycle)
        self.assertEqual(self.distribution.state, "planned")
        # What a volunteer runs: time, notes, shifts, through the form.
        self.rpc_ok(
            "vrac.distribution",
            "web_save",
            [self.distribution.id],
            {
                "hour_from": 8.5,
                "note": "<p>Clés chez la gardienne</p>",
                "shift_ids": [
                    [
                        0,
                        0,
                        {
                            "partner_id": self.volunteer.partner_id.id,
                            "role": "bags",
                            "hour_from": 8.5,
                            "hour_to": 11.0,
                        },
                    ]
                ],
            },
            specification={"volunteer_hours": {}},
        )
        # Another place serving the same groups is the volunteer's choice.
        hall = self.pickup_point.copy({"name": "Salle Jean Vilar"})
        self.rpc_ok(
            "vrac.distribution",
            "write",
            [self.distribution.id],
            {"pickup_point_id": hall.id},
        )
        # Preparing (a button) collects Romans' orders only.
        self.rpc_ok("vrac.distribution", "action_prepare", [self.distribution.id])
        self.env.invalidate_all()
        self.assertEqual(self.distribution.state, "preparing")
        self.assertEqual(self.distribution.hour_from, 8.5)
        self.assertEqual(self.distribution.pickup_point_id, hall)
        self.assertEqual(self.distribution.groupement_ids, self.romans)
        self.assertEqual(self.distribution.volunteer_hours, 2.5)
        self.assertEqual(
            self.distribution.sale_order_ids.partner_id, self.households_romans
        )
        bodies = " ".join(self.distribution.message_ids.mapped("body"))
        self.assertNotIn("Foyer Roux", bodies)

    def test_coordinator_changes_the_groups(self):
        self.rpc_login("vrac_test_coordinator")
        self.rpc_ok(
            "vrac.distribution",
            "write",
            [self.distribution.id],
            {"groupement_ids": [[4, self.die.id]]},
        )
        self.rpc_refused(
            "vrac.distribution",
            "write",
            [self.distribution.id],
            {"state": "closed"},
            errors=(USER_ERROR,),
        )
        self.env.invalidate_all()
        self.assertEqual(self.distribution.groupement_ids, self.romans | self.die)
        self.assertEqual(self.distribution.state, "planned")

    def test_volunteer_cannot_move_a_shift_to_another_group(self):
        shift = self.env["vrac.distribution.shift"].create(
            {
                "distribution_id": self.distribution.id,
                "partner_id": self.volunteer.partner_id.id,
                "hour_from": 9.0,
                "hour_to": 12.0,
            }
        )
        self.rpc_login("vrac_test_volunteer")
        self.rpc_refused(
            "vrac.distribution.shift",
            "write",
            [shift.id],
            {"distribution_id": self.distribution_die.id},
            errors=(ACCESS_ERROR,),
        )
        self.rpc_refused(
            "vrac.distribution.shift",
            "create",
            {
                "distribution_id": self.distribution_die.id,
                "partner_id": self.volunteer.partner_id.id,
                "hour_from": 9.0,
                "hour_to": 12.0,
            },
            errors=(ACCESS_ERROR,),
        )
        self.rpc_ok("vrac.distribution.shift", "write", [shift.id], {"hour_to": 11.5})
        self.env.invalidate_all()
        self.assertEqual(shift.distribution_id, self.distribution)
        self.assertEqual(shift.hours, 2.5)
        self.assertFalse(self.distribution_die.shift_ids)

    def test_volunteer_cannot_widen_places(self):
        self.rpc_login("vrac_test_volunteer")
        self.rpc_refused(
            "vrac.pickup.point",
            "write",
            [self.pickup_point.id],
            {"groupement_ids": [[4, self.die.id]]},
            errors=(ACCESS_ERROR,),
        )
        vrac_round = self.env["vrac.round"].create(
            {"name": "Tournée test", "groupement_ids": [(6, 0, self.romans.ids)]}
        )
        self.rpc_refused(
            "vrac.round",
            "write",
            [vrac_round.id],
            {"groupement_ids": [[4, self.die.id]]},
            errors=(ACCESS_ERROR,),
        )
        self.env.invalidate_all()
        self.assertEqual(self.pickup_point.groupement_ids, self.romans)
        self.assertEqual(vrac_round.groupement_ids, self.romans)
