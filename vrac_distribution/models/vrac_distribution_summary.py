# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .vrac_distribution_shift import SHIFT_ROLES


class VracDistribution(models.Model):
    """The distribution's summary: bags collected or not, till, volunteers."""

    _inherit = "vrac.distribution"

    collected_count = fields.Integer(
        compute="_compute_collect_counts", string="Bags collected"
    )
    partial_count = fields.Integer(
        compute="_compute_collect_counts", string="Bags partly collected"
    )
    to_collect_count = fields.Integer(
        compute="_compute_collect_counts", string="Bags not collected"
    )

    @api.depends("sale_order_ids.vrac_collect_state")
    def _compute_collect_counts(self):
        counts = {
            (distribution.id, state): count
            for distribution, state, count in self.env["sale.order"]._read_group(
                [("vrac_distribution_id", "in", self.ids)],
                ["vrac_distribution_id", "vrac_collect_state"],
                ["__count"],
            )
        }
        for distribution in self:
            distribution.collected_count = counts.get((distribution.id, "collected"), 0)
            distribution.partial_count = counts.get((distribution.id, "partial"), 0)
            distribution.to_collect_count = counts.get(
                (distribution.id, "to_collect"), 0
            )

    def _vrac_hours_per_role(self):
        """[(role label, volunteers, hours)] of the distribution's shifts."""
        self.ensure_one()
        labels = dict(SHIFT_ROLES)
        translated = dict(
            self.env["vrac.distribution.shift"]
            ._fields["role"]
            ._description_selection(self.env)
        )
        groups = self.env["vrac.distribution.shift"]._read_group(
            [("distribution_id", "=", self.id)],
            ["role"],
            ["partner_id:count_distinct", "hours:sum"],
        )
        return [
            (translated.get(role, labels.get(role, role)), volunteers, hours)
            for role, volunteers, hours in sorted(
                groups, key=lambda group: list(labels).index(group[0])
            )
        ]
