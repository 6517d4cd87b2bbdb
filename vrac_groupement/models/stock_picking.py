# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def _action_done(self):
        result = super()._action_done()
        self._vrac_reallocate_cycles()
        return result

    def action_cancel(self):
        result = super().action_cancel()
        self._vrac_reallocate_cycles()
        return result

    def _vrac_reallocate_cycles(self):
        """A reception of a cycle's purchase shares again what arrived.

        The warehouse worker who validates it need not have rights on the
        household orders: the cycle applies its own allocation rules.
        """
        cycles = self.purchase_id.vrac_cycle_id
        if cycles:
            # Superuser: the warehouse worker has no rights on household orders; only
            # the cycles of the purchases of the receptions they validate are shared
            # again.
            cycles.sudo()._vrac_reallocate_received()
