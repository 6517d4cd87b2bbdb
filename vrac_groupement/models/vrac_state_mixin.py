# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import AccessError, UserError


class VracStateMixin(models.AbstractModel):
    """Records with a ``name`` and a ``state`` whose actions need some states
    (and, for some actions, a coordinator)."""

    _name = "vrac.state.mixin"
    _description = "VRAC record with states"

    def _vrac_check_state(self, states, message):
        """Refuse with ``message`` (a sentence with %(name)s and %(state)s)
        when a record is not in one of ``states``."""
        wrong = self.filtered(lambda record: record.state not in states)
        if wrong:
            state_names = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                message % {"name": wrong[0].name, "state": state_names[wrong[0].state]}
            )

    def _vrac_check_coordinator(self, message):
        """Refuse with ``message`` (an AccessError, as Odoo does for rights)
        unless the user is a coordinator."""
        if not self.env.user.has_group("vrac_groupement.group_coordinator"):
            raise AccessError(message)
