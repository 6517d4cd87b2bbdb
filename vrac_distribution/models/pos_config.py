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

    def _load_pos_data(self, data):
        res = super()._load_pos_data(data)
        config = res["data"][0]
        # The till offers only the orders of its open distribution: it needs that
        # distribution's id (False when none is open). The distributions are not
        # loaded at the till: the id travels alone.
        config["_vrac_distribution_id"] = (
            self.browse(config["id"]).vrac_distribution_id.id or False
        )
        # Items sold by weight: a weight of 0 is refused at payment.
        config["_vrac_weight_category_id"] = self.env.ref(
            "uom.product_uom_categ_kgm"
        ).id
        return res
