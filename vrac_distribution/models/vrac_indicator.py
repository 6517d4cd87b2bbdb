# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models
from odoo.tools import SQL

# Distributions that took place: their shifts were served.
HELD_DISTRIBUTION_STATES = ("closed",)
# Bags handed over (partly collected: the rest was kept for a next
# distribution, returned to stock or charged).
COLLECTED_STATES = ("collected", "partial")
# Bags nobody came for: returned to stock (cancelled) or left to collect when
# the distribution closed.
UNCOLLECTED_STATES = ("to_collect", "cancel")


class VracIndicator(models.AbstractModel):
    _inherit = "vrac.indicator"

    @api.model
    def _vrac_indicator_section_specs(self):
        return dict(
            super()._vrac_indicator_section_specs(),
            distribution=(50, _("Distributions")),
        )

    @api.model
    def _vrac_indicator_specs(self):
        specs = super()._vrac_indicator_specs()
        specs.update(
            {
                "volunteers_served": {
                    "section": "volunteers",
                    "sequence": 20,
                    "label": _("Volunteers who served at a distribution"),
                    "unit": "count",
                },
                "volunteer_hours": {
                    "dashboard": 50,
                    "section": "volunteers",
                    "sequence": 30,
                    "label": _("Volunteer hours at distributions"),
                    "unit": "hours",
                },
                "distributions_held": {
                    "section": "distribution",
                    "sequence": 10,
                    "label": _("Distributions held"),
                    "unit": "number",
                },
                # A bag is one household's order: counted like households,
                # hidden below the privacy threshold.
                "baskets_collected": {
                    "dashboard": 60,
                    "section": "distribution",
                    "sequence": 20,
                    "label": _("Bags collected"),
                    "unit": "count",
                },
                "baskets_not_collected": {
                    "section": "distribution",
                    "sequence": 30,
                    "label": _("Bags not collected"),
                    "unit": "count",
                },
            }
        )
        return specs

    @api.model
    def _vrac_indicator_values(self, groupements, date_from, date_to):
        values = super()._vrac_indicator_values(groupements, date_from, date_to)
        values.update(self._vrac_distribution_values(groupements, date_from, date_to))
        return values

    @api.model
    def _vrac_distribution_values(self, groupements, date_from, date_to):
        """Volunteers, hours and distributions of the period, per group and
        in total.

        A distribution may serve several groups: its shifts count for each
        group it serves, and once in the total (a volunteer serving two
        groups is one volunteer, an hour served is one hour). One query with
        grouping sets; the total of the hours takes each shift once, on the
        first of its groups in scope.
        """
        if not groupements:
            return {}
        volunteers = self._vrac_empty(groupements)
        hours = self._vrac_empty(groupements)
        distributions = self._vrac_empty(groupements)
        self.env["vrac.distribution"].flush_model()
        self.env["vrac.distribution.shift"].flush_model()
        query = SQL(
            """
            WITH served AS (
                SELECT rel.vrac_groupement_id AS groupement_id,
                       d.id AS distribution_id,
                       s.id AS shift_id,
                       s.partner_id,
                       s.hours,
                       ROW_NUMBER() OVER (
                           PARTITION BY d.id, s.id
                           ORDER BY rel.vrac_groupement_id
                       ) = 1 AS first_group
                  FROM vrac_distribution d
                  JOIN vrac_distribution_vrac_groupement_rel rel
                    ON rel.vrac_distribution_id = d.id
             LEFT JOIN vrac_distribution_shift s ON s.distribution_id = d.id
                 WHERE rel.vrac_groupement_id IN %(groupements)s
                   AND d.state IN %(states)s
                   AND d.date BETWEEN %(date_from)s AND %(date_to)s
            )
            SELECT groupement_id,
                   COUNT(DISTINCT partner_id),
                   COALESCE(SUM(hours), 0.0),
                   COALESCE(SUM(hours) FILTER (WHERE first_group), 0.0),
                   COUNT(DISTINCT distribution_id)
              FROM served
          GROUP BY GROUPING SETS ((groupement_id), ())
            """,
            groupements=tuple(groupements.ids),
            states=HELD_DISTRIBUTION_STATES,
            date_from=date_from,
            date_to=date_to,
        )
        self.env.cr.execute(query)
        for (
            groupement_id,
            volunteer_count,
            group_hours,
            total_hours,
            distribution_count,
        ) in self.env.cr.fetchall():
            key = groupement_id or "total"
            volunteers[key] = volunteer_count
            hours[key] = total_hours if key == "total" else group_hours
            distributions[key] = distribution_count
        return {
            "volunteers_served": volunteers,
            "volunteer_hours": hours,
            "distributions_held": distributions,
        }
