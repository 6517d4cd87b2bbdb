# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    @api.model
    def _create_picking_from_pos_order_lines(
        self, location_dest_id, lines, picking_type, partner=False
    ):
        """The household's bag delivers the lines of its distribution order
        (see pos.order._vrac_deliver_bags): the till delivers the rest."""
        return super()._create_picking_from_pos_order_lines(
            location_dest_id,
            lines - lines._vrac_bag_lines(),
            picking_type,
            partner=partner,
        )
