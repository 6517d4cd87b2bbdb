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
# with the source's number, as the web client needs).
PAIR_FACTOR = 65536


class VracIndicatorFact(models.Model):
    """Distributions held, volunteer hours and bags, as dated flows.

    A distribution serving two groups gives a row for each: the
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
    def _vrac_fact_sources(self):
        by_group = {
            "date": SQL("d.date"),
            "groupement_id": SQL("rel.vrac_groupement_id"),
            "company_id": SQL("d.company_id"),
        }
        by_group_from = """
              FROM vrac_distribution d
              JOIN vrac_distribution_vrac_groupement_rel rel
                ON rel.vrac_distribution_id = d.id
              %(join)s
             WHERE d.state IN %(states)s
        """
        basket = {
            "id": SQL("o.id"),
            "date": SQL("d.date"),
            "groupement_id": SQL("o.vrac_groupement_id"),
            "company_id": SQL("o.company_id"),
            "value": SQL("1.0"),
        }
        basket_from = """
              FROM sale_order o
              JOIN vrac_distribution d ON d.id = o.vrac_distribution_id
             WHERE o.vrac_groupement_id IS NOT NULL
               AND %(condition)s
        """
        return {
            **super()._vrac_fact_sources(),
            "volunteer_hours": {
                **by_group,
                "id": SQL("s.id::bigint * %s + rel.vrac_groupement_id", PAIR_FACTOR),
                "indicator": "volunteer_hours",
                "value": SQL("s.hours::numeric"),
                "from": SQL(
                    by_group_from,
                    join=SQL(
                        "JOIN vrac_distribution_shift s ON s.distribution_id = d.id"
                    ),
                    states=HELD_DISTRIBUTION_STATES,
                ),
            },
            "distributions_held": {
                **by_group,
                "id": SQL("d.id::bigint * %s + rel.vrac_groupement_id", PAIR_FACTOR),
                "indicator": "distributions_held",
                "value": SQL("1.0"),
                "from": SQL(
                    by_group_from, join=SQL(""), states=HELD_DISTRIBUTION_STATES
                ),
            },
            "baskets_collected": {
                **basket,
                "indicator": "baskets_collected",
                "from": SQL(
                    basket_from,
                    condition=SQL("o.vrac_collect_state IN %s", COLLECTED_STATES),
                ),
            },
            "baskets_not_collected": {
                **basket,
                "indicator": "baskets_not_collected",
                "from": SQL(
                    basket_from,
                    condition=SQL(
                        "d.state IN %s AND o.vrac_collect_state IN %s",
                        HELD_DISTRIBUTION_STATES,
                        UNCOLLECTED_STATES,
                    ),
                ),
            },
        }
