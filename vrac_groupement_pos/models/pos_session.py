# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class PosSession(models.Model):
    _inherit = "pos.session"

    @api.model
    def _load_pos_data_relations(self, model, response):
        # A model loaded with all its fields (pos.order, pos.config) is
        # described with all of them, also those the user may not read (a
        # household's tier on its orders): the till is told of none of those,
        # so it neither shows nor sends them.
        result = super()._load_pos_data_relations(model, response)
        relations = response[model].get("relations") or {}
        fields = self.env[model]._fields
        for name in list(relations):
            field = fields.get(name)
            if field is not None and not field.is_accessible(self.env):
                del relations[name]
        return result
