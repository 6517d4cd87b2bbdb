# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

STRUCTURE_ROLES = [
    ("social_centre", "Social centre"),
    ("ccas", "CCAS (municipal social services)"),
    ("social_landlord", "Social landlord"),
    ("school", "School"),
    ("association", "Association"),
    ("producer", "Producer"),
    ("funder", "Funder"),
    ("other", "Other"),
]


class VracGroupementStructure(models.Model):
    """A partner structure working with a purchasing group, with its role."""

    _name = "vrac.groupement.structure"
    _description = "Partner structure of a purchasing group"
    _order = "groupement_id, sequence, id"

    sequence = fields.Integer(default=10)
    groupement_id = fields.Many2one(
        "vrac.groupement",
        string="Purchasing group",
        required=True,
        ondelete="cascade",
        index=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Structure",
        required=True,
        ondelete="restrict",
        index=True,
        domain="[('is_company', '=', True)]",
    )
    role = fields.Selection(STRUCTURE_ROLES, required=True, default="social_centre")
    note = fields.Char(help="What this structure does with the group.")
    phone = fields.Char(related="partner_id.phone")
    company_id = fields.Many2one(related="groupement_id.company_id", store=True)

    _sql_constraints = [
        (
            "partner_role_uniq",
            "unique(groupement_id, partner_id, role)",
            "This structure already has this role in the group.",
        ),
    ]
