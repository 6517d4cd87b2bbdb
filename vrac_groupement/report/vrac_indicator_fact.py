# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models, tools
from odoo.tools import SQL

from ..models.vrac_indicator import COUNTED_MEMBERSHIP_STATES, RUN_CYCLE_STATES


class VracIndicatorFact(models.Model):
    """Dated flows of the purchasing groups, for the graph and pivot views.

    A read-only SQL view: one row per event (a household joins, a membership
    is renewed or ends, a cycle runs, an order line is sold...) with its date,
    group, branch and value. It holds no name: the views can only aggregate.
    Each addon adds its rows by extending `_vrac_fact_queries` and
    `_vrac_fact_indicators`.

    Household orders count once their cycle has closed, quotations included
    (they are confirmed only when a distribution prepares the bags).

    Every query selects, in this order: id, date, groupement_id, company_id,
    indicator, funder_id, value. Ids are made unique by `source id * 64 + a
    code` proper to each query (vrac_groupement 1-9, vrac_tarifs 10-29,
    vrac_distribution 30-39).
    """

    _name = "vrac.indicator.fact"
    _description = "Indicators of the purchasing groups (analysis)"
    _auto = False
    _order = "date desc"
    _rec_name = "indicator"

    date = fields.Date(readonly=True)
    groupement_id = fields.Many2one(
        "vrac.groupement", string="Purchasing group", readonly=True
    )
    company_id = fields.Many2one("res.company", string="Branch", readonly=True)
    indicator = fields.Selection(selection="_vrac_fact_indicators", readonly=True)
    funder_id = fields.Many2one("res.partner", readonly=True)
    value = fields.Float(readonly=True, group_operator="sum")

    @api.model
    def read_group(
        self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True
    ):
        """The pivot and the graph leave small counts of people blank.

        A cell counting households or people (new members, renewals...)
        below the privacy threshold is left empty, and so is its count of
        rows. So is a cell that would give such a count back: the cells of
        one answer that differ by one grouping only add up to the cell of
        the coarser answer (Romans + Die = the total of the indicator), so
        the engine's rule (`vrac.indicator._vrac_hidden_cells`) blanks
        another of them, or the whole when none is left. The engine reads
        `_read_group`, with the exact figures it hides itself.
        """
        result = super().read_group(
            domain,
            fields,
            groupby,
            offset=offset,
            limit=limit,
            orderby=orderby,
            lazy=lazy,
        )
        groupby = [groupby] if isinstance(groupby, str) else list(groupby or [])
        dimensions = list(self._read_group_get_annoted_groupby(groupby, lazy=lazy))
        counts = self._vrac_count_indicators()
        threshold = self.env["vrac.indicator"]._vrac_privacy_threshold()
        mixed = [
            row
            for row in result
            if not row.get("indicator")
            and 0 < (self._vrac_row_figure(row, dimensions) or 0) < threshold
        ]
        with_other_facts = None
        if mixed and "indicator" not in dimensions:
            # A row summing several indicators counts people when all its
            # facts do: the same grouping without the counts tells which.
            with_other_facts = {
                self._vrac_row_key(row, dimensions)
                for row in super().read_group(
                    list(domain or []) + [("indicator", "not in", list(counts))],
                    ["value:sum"],
                    groupby,
                    lazy=lazy,
                )
            }
        return self._vrac_hide_small_counts(
            domain, result, dimensions, with_other_facts
        )

    @api.model
    def _vrac_row_figure(self, row, dimensions):
        """The measure of a row: its value, or its count of facts when the
        value is not asked (a fact counting people is worth 1)."""
        if "value" in row:
            return row["value"]
        count_key = f"{dimensions[0].split(':')[0]}_count" if dimensions else None
        return row.get("__count", row.get(count_key))

    @api.model
    def _vrac_row_key(self, row, dimensions):
        return tuple(
            tuple(value) if isinstance(value, list) else value
            for value in (row.get(dimension) for dimension in dimensions)
        )

    @api.model
    @tools.ormcache()
    def _vrac_count_indicators(self):
        """The facts that count people: fixed by the code of the installed
        addons, so computed once per registry, not at each pivot cell."""
        specs = self.env["vrac.indicator"]._vrac_indicator_specs()
        return frozenset(
            key
            for key, _label in self._vrac_fact_indicators()
            if specs.get(key, {}).get("unit") == "count"
        )

    @api.model
    def _vrac_hide_small_counts(
        self, domain, result, dimensions=(), with_other_facts=None
    ):
        """Blank the rows of one read_group answer that tell small counts.

        Rows are counts when grouped by a count indicator, or when all their
        facts count people (the "Memberships" filter, or no other fact in
        the row: `with_other_facts` holds the rows that have others).
        Siblings (rows equal but in one grouping) add up to a shown cell of
        the coarser answer: the engine's rule hides a second one among them
        when the first could be given back.
        """
        counts = self._vrac_count_indicators()
        chosen = set()
        for leaf in domain or []:
            if isinstance(leaf, (list, tuple)) and len(leaf) == 3:
                if leaf[0] == "indicator" and leaf[1] == "=":
                    chosen.add(leaf[2])
                elif leaf[0] == "indicator" and leaf[1] == "in":
                    chosen.update(leaf[2])
        only_counts = bool(chosen) and chosen <= counts
        figures = {}
        countable = set()
        keys = {}
        for index, row in enumerate(result):
            figures[index] = self._vrac_row_figure(row, dimensions) or 0
            keys[index] = self._vrac_row_key(row, dimensions)
            indicator = row.get("indicator")
            if (
                indicator in counts
                or (not indicator and only_counts)
                or (
                    not indicator
                    and with_other_facts is not None
                    and keys[index] not in with_other_facts
                )
            ):
                countable.add(index)
        relations = []
        for position in range(len(dimensions)):
            siblings = {}
            for index, key in keys.items():
                siblings.setdefault(key[:position] + key[position + 1 :], []).append(
                    index
                )
            relations += [(None, parts) for parts in siblings.values()]
        hidden = self.env["vrac.indicator"]._vrac_hidden_cells(
            figures, relations, countable
        )
        for index in hidden:
            row = result[index]
            for key in row:
                if key == "value" or key.endswith("_count") or key == "__count":
                    row[key] = False
        return result

    @api.model
    def _vrac_fact_indicators(self):
        return [
            ("new_members", _("New member households")),
            ("renewals", _("Memberships renewed")),
            ("expired", _("Memberships expired, not renewed")),
            ("cycles_run", _("Order cycles run")),
            ("volume_kg", _("Volume sold by weight (kg)")),
            ("volume_units", _("Volume sold by the unit")),
            ("volume_litres", _("Volume sold by volume (L)")),
            ("sales_amount", _("Sales at cost price (untaxed)")),
        ]

    @api.model
    def _vrac_fact_queries(self):
        """SQL objects whose rows are united in the view."""
        membership = """
            SELECT l.id * 64 + %(code)s AS id,
                   %(date)s AS date,
                   p.vrac_groupement_id AS groupement_id,
                   g.company_id AS company_id,
                   %(indicator)s AS indicator,
                   NULL::integer AS funder_id,
                   1.0 AS value
              FROM membership_membership_line l
              JOIN res_partner p ON p.id = l.partner
              JOIN vrac_groupement g ON g.id = p.vrac_groupement_id
             WHERE p.vrac_is_household
               AND p.active
               AND l.date_cancel IS NULL
               AND l.state IN %(states)s
               AND %(condition)s
        """
        earlier = SQL(
            """EXISTS (
                SELECT 1 FROM membership_membership_line e
                 WHERE e.partner = l.partner
                   AND e.id != l.id
                   AND e.date_cancel IS NULL
                   AND e.state IN %s
                   AND e.date_from < l.date_from
            )""",
            COUNTED_MEMBERSHIP_STATES,
        )
        not_followed = SQL(
            """l.date_to < CURRENT_DATE
            AND NOT EXISTS (
                SELECT 1 FROM membership_membership_line e
                 WHERE e.partner = l.partner
                   AND e.id != l.id
                   AND e.date_cancel IS NULL
                   AND e.state IN %s
                   AND e.date_from > l.date_from
                   AND e.date_from <= l.date_to + 1
            )""",
            COUNTED_MEMBERSHIP_STATES,
        )
        sale_line = """
            SELECT l.id * 64 + %(code)s AS id,
                   c.date_close::date AS date,
                   o.vrac_groupement_id AS groupement_id,
                   o.company_id AS company_id,
                   %(indicator)s AS indicator,
                   NULL::integer AS funder_id,
                   %(value)s AS value
              FROM sale_order_line l
              JOIN sale_order o ON o.id = l.order_id
              JOIN vrac_order_cycle c ON c.id = o.vrac_cycle_id
              JOIN uom_uom u ON u.id = l.product_uom
             WHERE o.state != 'cancel'
               AND o.vrac_groupement_id IS NOT NULL
               AND l.display_type IS NULL
               AND c.state IN %(cycle_states)s
               AND %(condition)s
        """
        quantity = SQL("l.product_uom_qty / u.factor")

        def uom_category(xmlid):
            return SQL(
                """u.category_id = (
                SELECT res_id FROM ir_model_data
                 WHERE module = 'uom' AND name = %s)""",
                xmlid,
            )

        return [
            SQL(
                """
            SELECT p.id * 64 + 1 AS id,
                   p.vrac_join_date AS date,
                   p.vrac_groupement_id AS groupement_id,
                   g.company_id AS company_id,
                   'new_members' AS indicator,
                   NULL::integer AS funder_id,
                   1.0 AS value
              FROM res_partner p
              JOIN vrac_groupement g ON g.id = p.vrac_groupement_id
             WHERE p.vrac_is_household
               AND p.active
               AND p.vrac_join_date IS NOT NULL
            """
            ),
            SQL(
                membership,
                code=2,
                date=SQL("l.date_from"),
                indicator="renewals",
                states=COUNTED_MEMBERSHIP_STATES,
                condition=earlier,
            ),
            SQL(
                membership,
                code=3,
                date=SQL("l.date_to"),
                indicator="expired",
                states=COUNTED_MEMBERSHIP_STATES,
                condition=not_followed,
            ),
            SQL(
                """
            SELECT cg.id * 64 + 4 AS id,
                   c.date_close::date AS date,
                   cg.groupement_id AS groupement_id,
                   c.company_id AS company_id,
                   'cycles_run' AS indicator,
                   NULL::integer AS funder_id,
                   1.0 AS value
              FROM vrac_order_cycle_groupement cg
              JOIN vrac_order_cycle c ON c.id = cg.cycle_id
             WHERE c.state IN %s
            """,
                RUN_CYCLE_STATES,
            ),
        ] + [
            SQL(
                sale_line,
                code=code,
                indicator=indicator,
                value=value,
                cycle_states=RUN_CYCLE_STATES,
                condition=condition,
            )
            for code, indicator, value, condition in (
                (5, "sales_amount", SQL("l.price_subtotal"), SQL("TRUE")),
                (6, "volume_kg", quantity, uom_category("product_uom_categ_kgm")),
                (7, "volume_units", quantity, uom_category("product_uom_categ_unit")),
                (8, "volume_litres", quantity, uom_category("product_uom_categ_vol")),
            )
        ]

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                SQL("\nUNION ALL\n").join(
                    SQL("(%s)", query) for query in self._vrac_fact_queries()
                ),
            )
        )
