# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Calls through Odoo's web layer, as the web client makes them.

A rule about who may see or do what is only proven when the call goes through
the same door as the browser's: the JSON-RPC route ``/web/dataset/call_kw``,
with the context and the ids that the client chooses, and the report and
content routes. ``with_user()`` skips the session, the controllers and the
context the client sends; these helpers do not.
"""

import json

from odoo import Command
from odoo.tests import HttpCase, new_test_user

# Exception names as the JSON-RPC error carries them (error.data.name).
ACCESS_ERROR = "odoo.exceptions.AccessError"
USER_ERROR = "odoo.exceptions.UserError"
VALIDATION_ERROR = "odoo.exceptions.ValidationError"
MISSING_ERROR = "odoo.exceptions.MissingError"
REFUSALS = (ACCESS_ERROR, USER_ERROR, VALIDATION_ERROR, MISSING_ERROR)


class VracRpcCase(HttpCase):
    """HttpCase whose helpers log in as a person and call the server over RPC.

    The demo users log in with their login as password; a test user made with
    ``new_test_user`` has its login as password too.
    """

    def rpc_login(self, login, password=None):
        """Open a web session as ``login`` (password: the login by default)."""
        self.authenticate(login, password or login)

    def rpc(self, model, method, *args, context=None, **kwargs):
        """POST /web/dataset/call_kw/<model>/<method> like the web client.

        Returns the decoded JSON answer: ``{"result": ...}`` or
        ``{"error": {...}}``; the caller asserts which.
        """
        kwargs = dict(kwargs)
        if context is not None:
            kwargs["context"] = context
        payload = {
            "id": 1,
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "model": model,
                "method": method,
                "args": list(args),
                "kwargs": kwargs,
            },
        }
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200, response.text[:500])
        return response.json()

    def route_ok(self, route, **params):
        """POST a JSON route of the web client (e.g. the chatter's
        ``/mail/thread/messages``) and return its result; it must succeed."""
        response = self.url_open(
            route,
            data=json.dumps(
                {"id": 1, "jsonrpc": "2.0", "method": "call", "params": params}
            ),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200, response.text[:500])
        answer = response.json()
        if "error" in answer:
            data = answer["error"].get("data", {})
            self.fail(f"{route} refused: {data.get('name')}: {data.get('message')}")
        return answer.get("result")

    def rpc_ok(self, model, method, *args, context=None, **kwargs):
        """The call succeeds; return its result."""
        answer = self.rpc(model, method, *args, context=context, **kwargs)
        if "error" in answer:
            data = answer["error"].get("data", {})
            self.fail(
                f"{model}.{method} refused: {data.get('name')}: {data.get('message')}"
            )
        return answer.get("result")

    def rpc_refused(self, model, method, *args, context=None, errors=REFUSALS, **kw):
        """The call is refused with one of ``errors`` (never a raw Python
        error); return the message the person would read."""
        answer = self.rpc(model, method, *args, context=context, **kw)
        self.assertIn("error", answer, f"{model}.{method} was allowed: {answer}")
        data = answer["error"].get("data", {})
        self.assertIn(
            data.get("name"),
            errors,
            f"{model}.{method}: unexpected error {data.get('name')}: "
            f"{data.get('message')}",
        )
        return data.get("message", "")


class VracBranchesRpcCase(VracRpcCase):
    """Two branches (Drôme, the main company, and a new Artois) and two
    coordinators logging in over RPC: `<branch_login>_drome` of Drôme only,
    `<branch_login>_both` of both branches."""

    branch_login = "vrac_branch"

    def setUp(self):
        super().setUp()
        self.drome = self.env.ref("base.main_company")
        self.artois = self.env["res.company"].create({"name": "Test VRAC Artois"})
        self.coordinator = new_test_user(
            self.env,
            login=f"{self.branch_login}_drome",
            name="Coralie Coordinatrice",
            groups="vrac_groupement.group_coordinator",
            company_id=self.drome.id,
            company_ids=[Command.set(self.drome.ids)],
        )
        self.coordinator_both = new_test_user(
            self.env,
            login=f"{self.branch_login}_both",
            name="Bastien Deux-Antennes",
            groups="vrac_groupement.group_coordinator",
            company_id=self.drome.id,
            company_ids=[Command.set((self.drome | self.artois).ids)],
        )
