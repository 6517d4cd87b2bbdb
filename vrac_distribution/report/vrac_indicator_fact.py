# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models
from odoo.tools import SQL

from ..models.vrac_indicator import (
    COLLECTED_STATES,
    HELD_DISTRIBUTION_STATES,
    UNCOLLECTED_STATES,
)

# Rows of a distribution for each group it serves: their source is the pair
# (record, group), numbered record id * 2^16 + group id (bigint; below 2^53
# with the code, as the web client needs).
PAIR_FACTOR = 65536


class VracIndicatorFact(models.Model):
    """Distributions held, volunteer hours and bags, as dated flows.

    Codes 30-39. A distribution serving two groups gives a row for each: the
    pivot shows each group's figures, and its total adds them up (the
    funder report counts them once, see `vrac.indicator`).
    """

    _inherit = "vrac.indicator.fact"

    @api.model
    def _vrac_fact_indicators(self):
        return super()._vrac_fact_indicators() + [
            ("volunteer_hours", _("Volunteer hours at distributions")),
            ("distributions_held", _("Distributions held")),
            ("baskets_collected", _("Bags collected")),
            ("baskets_not_collected", _("Bags not collected")),
        ]

    @api.model
    def _vrac_fact_queries(self):
        by_group = """
            SELECT (%(source)s::bigint * %(factor)s + rel.vrac_groupement_id)
                       * 64 + %(code)s AS id,
                   d.date AS date,
                   rel.vrac_groupement_id AS groupement_id,
                   d.company_id AS company_id,
                   %(indicator)s AS indicator,
                   NULL::integer AS funder_id,
                   %(value)s AS value
              FROM vrac_distribution d
              JOIN vrac_distribution_vrac_groupement_rel rel
                ON rel.vrac_distribution_id = d.id
              %(join)s
             WHERE d.state IN %(states)s
        """
        basket = """
            SELECT o.id * 64 + %(code)s AS id,
                   d.date AS date,
                   o.vrac_groupement_id AS groupement_id,
                   o.company_id AS company_id,
                   %(indicator)s AS indicator,
                   NULL::integer AS funder_id,
                   1.0 AS value
              FROM sale_order o
              JOIN vrac_distribution d ON d.id = o.vrac_distribution_id
             WHERE o.vrac_groupement_id IS NOT NULL
               AND %(condition)s
        """
        return super()._vrac_fact_queries() + [
            SQL(
                by_group,
                source=SQL("s.id"),
                factor=PAIR_FACTOR,
                code=30,
                indicator="volunteer_hours",
                value=SQL("s.hours::numeric"),
                join=SQL("JOIN vrac_distribution_shift s ON s.distribution_id = d.id"),
                states=HELD_DISTRIBUTION_STATES,
            ),
            SQL(
                by_group,
                source=SQL("d.id"),
                factor=PAIR_FACTOR,
                code=31,
                indicator="distributions_held",
                value=SQL("1.0"),
                join=SQL(""),
                states=HELD_DISTRIBUTION_STATES,
            ),
            SQL(
                basket,
                code=32,
                indicator="baskets_collected",
                condition=SQL("o.vrac_collect_state IN %s", COLLECTED_STATES),
            ),
            SQL(
                basket,
                code=33,
                indicator="baskets_not_collected",
                condition=SQL(
                    "d.state IN %s AND o.vrac_collect_state IN %s",
                    HELD_DISTRIBUTION_STATES,
                    UNCOLLECTED_STATES,
                ),
            ),
        ]
