# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    vrac_groupement_ids = fields.Many2many(
        "vrac.groupement",
        "vrac_groupement_res_users_rel",
        "user_id",
        "groupement_id",
        string="Purchasing groups served",
        help="The purchasing groups this person works for as a volunteer.",
    )
