# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PosConfig(models.Model):
    _inherit = "pos.config"

    vrac_distribution_id = fields.Many2one(
        "vrac.distribution",
        string="Open distribution",
        compute="_compute_vrac_distribution_id",
        help="The distribution whose orders this till collects now.",
    )

    def _compute_vrac_distribution_id(self):
        # Superuser: cashiers may not read distributions; only the open ones of these
        # points of sale are found.
        open_distributions = (
            self.env["vrac.distribution"]
            .sudo()
            .search(
                [("pos_config_id", "in", self.ids), ("state", "=", "open")],
                order="date desc, id desc",
            )
        )
        for config in self:
            config.vrac_distribution_id = open_distributions.filtered(
                lambda d, config=config: d.pos_config_id == config
            )[:1]
