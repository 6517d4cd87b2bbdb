# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL


class VracFoodCreditReport(models.Model):
    """Food credit issued, used and expired per month and purchasing group.

    Aggregated: no household in it.
    """

    _name = "vrac.food.credit.report"
    _description = "Food credit per month and group"
    _auto = False
    _order = "date desc"

    date = fields.Date(string="Month", readonly=True)
    program_id = fields.Many2one("loyalty.program", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    groupement_id = fields.Many2one(
        "vrac.groupement", string="Purchasing group", readonly=True
    )
    issued = fields.Float(readonly=True, digits="Account")
    used = fields.Float(readonly=True, digits="Account")
    expired = fields.Float(readonly=True, digits="Account")

    def _vrac_query(self):
        return SQL(
            """
            SELECT row_number() OVER () AS id, date, program_id, company_id,
                   groupement_id, SUM(issued) AS issued, SUM(used) AS used,
                   SUM(expired) AS expired
              FROM (
                SELECT move.date, move.program_id, move.company_id,
                       move.groupement_id,
                       CASE WHEN move.kind = 'issue' THEN move.amount ELSE 0 END
                           AS issued,
                       0 AS used,
                       CASE WHEN move.kind = 'expire' THEN move.amount ELSE 0 END
                           AS expired
                  FROM vrac_food_credit_move move
                UNION ALL
                SELECT date_trunc('month', pos.date_order)::date, reward.program_id,
                       program.company_id, partner.vrac_groupement_id,
                       0, -line.price_subtotal_incl, 0
                  FROM pos_order_line line
                  JOIN pos_order pos ON pos.id = line.order_id
                  JOIN loyalty_reward reward ON reward.id = line.reward_id
                  JOIN loyalty_program program ON program.id = reward.program_id
                  LEFT JOIN res_partner customer ON customer.id = pos.partner_id
                  LEFT JOIN res_partner partner
                         ON partner.id = customer.commercial_partner_id
                 WHERE program.vrac_food_credit
                   AND pos.state IN ('paid', 'done', 'invoiced')
              ) AS credit
             GROUP BY date, program_id, company_id, groupement_id
            """
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._vrac_query(),
            )
        )
