# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models, tools
from odoo.osv import expression
from odoo.tools import SQL

from ..models.vrac_indicator import RUN_CYCLE_STATES
from ..tools.membership import MEMBER_STATES

# Fields whose header the pivot opens with `field = value` in the domain
# (with the columns the addons add, see `_vrac_fact_columns`).
HEADER_FIELDS = ("indicator", "groupement_id", "company_id")
# What every source of facts gives (see `_vrac_fact_sources`).
FACT_KEYS = ("id", "date", "groupement_id", "company_id", "indicator", "value", "from")
# Ids of the view: source row id * SOURCE_FACTOR + the source's number.
SOURCE_FACTOR = 64


class VracIndicatorFact(models.Model):
    """Dated flows of the purchasing groups, for the graph and pivot views.

    A read-only SQL view: one row per event (a household joins, a membership
    is renewed or ends, a cycle runs, an order line is sold...) with its date,
    group, branch and value. It holds no name: the views can only aggregate.
    Each addon adds its rows by extending `_vrac_fact_sources` (one entry
    per query: its FROM and the expressions of the common columns) and
    `_vrac_fact_indicators`, and its own columns by extending
    `_vrac_fact_columns` (with the field).

    Household orders count once their cycle has closed, quotations included
    (they are confirmed only when a distribution prepares the bags).

    The engine writes every SELECT (`_vrac_fact_queries`): the common
    columns in one order, the addons' columns (empty where a source does
    not give them), and unique ids (`source row id * 64 + the source's
    number`).
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
    value = fields.Float(readonly=True, aggregator="sum")

    @api.model
    def read_group(
        self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True
    ):
        """The pivot and the graph leave small counts of people blank.

        A cell counting households or people (new members, renewals...)
        below the privacy threshold is left empty, and so is its count of
        rows. So is a cell that would give such a count back: see
        `_vrac_hide_small_counts`. The engine reads `_read_group`, with the
        exact figures it hides itself.

        A header the user opens (an indicator, a group, a branch) asks its
        rows with the pivot's domain AND its own value: they are settled
        within the answer grouped by it too, over the pivot's domain, so
        that they hide what the pivot's table hides.
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
        dimensions = list(self._read_group_get_annotated_groupby(groupby, lazy=lazy))
        base, peeled = self._vrac_peel_domain(domain, dimensions)
        if not peeled or offset or limit:
            return self._vrac_hide_small_counts(
                domain,
                result,
                dimensions,
                self._vrac_other_facts_reader(domain, dimensions),
                complete=not offset and not limit,
            )
        measure = ["value:sum"] if any("value" in row for row in result) else []
        full_dimensions = [field for field, _value in peeled] + dimensions
        full = super().read_group(base, measure, full_dimensions, lazy=False)
        self._vrac_hide_small_counts(
            base,
            full,
            full_dimensions,
            self._vrac_other_facts_reader(base, full_dimensions),
        )
        prefix = tuple(value for _field, value in peeled)
        hidden = {
            self._vrac_row_key(row, full_dimensions)
            for row in full
            if row.get("value", row.get("__count")) is False
        }
        for row in result:
            if prefix + self._vrac_row_key(row, dimensions) in hidden:
                self._vrac_blank_row(row)
        return result

    @api.model
    def _vrac_peel_domain(self, domain, dimensions):
        """(base domain, [(field, value)]): the domain of a header the user
        opened is the pivot's domain AND `field = value` (one per header
        level, last): peel those off, for the fields one groups by."""
        domain = expression.normalize_domain(list(domain or []))
        header_fields = HEADER_FIELDS + tuple(self._vrac_fact_columns())
        peeled = []
        while domain:
            leaf = domain[-1]
            if not (
                isinstance(leaf, (list, tuple))
                and len(leaf) == 3
                and leaf[0] in header_fields
                and leaf[1] == "="
                and not isinstance(leaf[2], (list, tuple, bool))
                and leaf[0] not in dimensions
                and leaf[0] not in [field for field, _value in peeled]
            ):
                break
            if len(domain) == 1:
                rest = []
            elif domain[0] == "&" and self._vrac_is_expression(domain[1:-1]):
                rest = domain[1:-1]
            else:
                break
            peeled.insert(0, (leaf[0], leaf[2]))
            domain = rest
        return domain, peeled

    @api.model
    def _vrac_is_expression(self, tokens):
        """Whether the tokens of a normalized domain make one expression."""
        needed = 1
        for token in tokens:
            if needed <= 0:
                return False
            if token in (expression.AND_OPERATOR, expression.OR_OPERATOR):
                needed += 1
            elif token != expression.NOT_OPERATOR:
                needed -= 1
        return needed == 0

    @api.model
    def _vrac_other_facts_reader(self, domain, dimensions):
        """A function returning the keys of the rows grouped by
        `dimensions` that hold facts counting no one."""

        def read():
            counts = self._vrac_count_indicators()
            return {
                self._vrac_row_key(row, dimensions)
                for row in super(VracIndicatorFact, self).read_group(
                    list(domain or []) + [("indicator", "not in", list(counts))],
                    ["value:sum"],
                    dimensions,
                    lazy=False,
                )
            }

        return read

    @api.model
    def _vrac_blank_row(self, row):
        for name in row:
            if name == "value" or name.endswith("_count") or name == "__count":
                row[name] = False

    @api.model
    def _vrac_row_figure(self, row, dimensions):
        """The measure of a row: its value, or its count of facts when the
        value is not asked (a fact counting people is worth 1)."""
        if "value" in row:
            return row["value"] or 0
        count_key = f"{dimensions[0].split(':')[0]}_count" if dimensions else None
        return row.get("__count", row.get(count_key)) or 0

    @api.model
    def _vrac_row_key(self, row, dimensions):
        """The row's values of `dimensions`, a record as its id."""
        return tuple(
            value[0] if isinstance(value, (list, tuple)) else value
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
        self, domain, result, dimensions=(), with_other_facts=None, complete=True
    ):
        """Blank the rows of one read_group answer that tell small counts.

        A cell counts people when grouped by a count indicator, or when all
        its facts do (the "Memberships" filter, or a group whose only facts
        are memberships; `with_other_facts` returns the rows holding others,
        asked only when a small row needs it).

        The pivot shows this answer beside coarser ones (the totals of its
        rows and columns), each asked by its own read_group: the rows that
        differ by one grouping add up to a cell of the coarser answer that
        drops it (Romans + Die = the indicator's total). So every answer
        settles its coarser answers first, summing its own rows, from the
        total down, each with the engine's rule
        (`vrac.indicator._vrac_hidden_cells`) against the cells already
        settled: the coarser answers, asked alone, settle the same cells the
        same way, and no hidden cell comes back from a shown total and its
        shown parts. A page of rows (offset, limit) is not complete: its
        rows are only checked among themselves.
        """
        counts = self._vrac_count_indicators()
        engine = self.env["vrac.indicator"]
        threshold = engine._vrac_privacy_threshold()
        chosen = set()
        for leaf in domain or []:
            if isinstance(leaf, (list, tuple)) and len(leaf) == 3:
                if leaf[0] == "indicator" and leaf[1] == "=":
                    chosen.add(leaf[2])
                elif leaf[0] == "indicator" and leaf[1] == "in":
                    chosen.update(leaf[2])
        only_counts = bool(chosen) and chosen <= counts
        dimensions = list(dimensions)
        finest = tuple(range(len(dimensions)))
        # The indicator's place in a row's key, if grouped by indicator.
        position = dimensions.index("indicator") if "indicator" in dimensions else None
        rows = [
            (
                self._vrac_row_key(row, dimensions),
                self._vrac_row_figure(row, dimensions),
            )
            for row in result
        ]
        levels = self._vrac_pivot_levels(len(dimensions), complete)
        values, other = self._vrac_pivot_cells(
            rows,
            levels,
            lambda key: key[position] not in counts if position is not None else None,
        )
        if position is None and not only_counts and with_other_facts is not None:
            # Asked only when a cell is small (the primary rule alone).
            if engine._vrac_hidden_cells(values, relations=[], threshold=threshold):
                others = with_other_facts()
                other = self._vrac_pivot_cells(rows, levels, lambda key: key in others)[
                    1
                ]

        def countable(cell):
            level, key = cell
            if position is not None and position in level:
                return key[level.index(position)] in counts
            return only_counts or other.get(cell) is False

        decided = {}
        for level in levels:
            cells = [cell for cell in values if cell[0] == level]
            hidden = engine._vrac_hidden_cells(
                values,
                self._vrac_pivot_relations(level, cells, decided, dimensions),
                [cell for cell in cells if countable(cell)],
                threshold,
                decided,
            )
            decided.update((cell, cell in hidden) for cell in cells)
        for row, (key, _figure) in zip(result, rows, strict=True):
            if decided.get((finest, key)):
                self._vrac_blank_row(row)
        return result

    @api.model
    def _vrac_pivot_levels(self, size, complete):
        """The answers shown beside one of `size` groupings, from the total
        down: every set of its groupings (their positions), or only its own
        when the answer is not complete."""
        if not complete:
            return [tuple(range(size))]
        return sorted(
            (
                tuple(index for index in range(size) if mask & (1 << index))
                for mask in range(1 << size)
            ),
            key=len,
        )

    @api.model
    def _vrac_pivot_cells(self, rows, levels, is_other):
        """({cell: figure}, {cell: holds facts counting no one}) of every
        level, summed from the rows ([(key, figure)]); a cell is (level,
        key). `is_other(key)` tells it for a row (None: unknown)."""
        values = {}
        other = {}
        for key, figure in rows:
            row_other = is_other(key)
            for level in levels:
                cell = (level, tuple(key[index] for index in level))
                values[cell] = values.get(cell, 0) + figure
                if row_other is not None:
                    other[cell] = other.get(cell, False) or row_other
        return values, other

    @api.model
    def _vrac_pivot_relations(self, level, cells, decided, dimensions):
        """[(parent cell or None, [cells])]: the cells of `level` that differ
        by one grouping add up to the cell of the coarser level without it.

        In an order that does not hang on the order of the groupings nor of
        the rows, so that every answer settles a level alike."""
        relations = []
        for index in sorted(level, key=lambda index: dimensions[index]):
            parent_level = tuple(position for position in level if position != index)
            siblings = {}
            for cell in cells:
                parent_key = tuple(
                    value
                    for position, value in zip(level, cell[1], strict=True)
                    if position != index
                )
                siblings.setdefault(parent_key, []).append(cell)
            for parent_key in sorted(siblings, key=str):
                parent = (parent_level, parent_key)
                relations.append(
                    (
                        parent if parent in decided else None,
                        sorted(siblings[parent_key], key=lambda cell: str(cell[1])),
                    )
                )
        return relations

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

    # ------------------------------------------------------------------
    # The view: sources of facts
    # ------------------------------------------------------------------
    @api.model
    def _vrac_fact_columns(self):
        """{column: SQL}: the columns of the view besides the common ones
        (id, date, groupement_id, company_id, indicator, value), each with
        the value of the sources that do not give it (a typed NULL).

        Hook: an addon adding a field to the facts (the funder of a share)
        declares its column here, and fills it in its own sources only.
        """
        return {}

    @api.model
    def _vrac_fact_sources(self):
        """{name: source}: the queries whose rows make the view, in order.

        A source is a dict of SQL (or plain values, passed as parameters):
        `id` (unique among the rows of this source), `date`,
        `groupement_id`, `company_id`, `indicator` (its code), `value`,
        `from` (the FROM ... WHERE ... of the query), and any column of
        `_vrac_fact_columns` it fills. Hook: an addon adds its sources (or
        changes one, by its name); `_vrac_fact_queries` writes the SELECT
        and numbers the rows, so no source picks its ids.
        """
        membership = """
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
            MEMBER_STATES,
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
            MEMBER_STATES,
        )
        membership_line = {
            "id": SQL("l.id"),
            "groupement_id": SQL("p.vrac_groupement_id"),
            "company_id": SQL("g.company_id"),
            "value": SQL("1.0"),
        }
        sale_line = """
              FROM sale_order_line l
              JOIN sale_order o ON o.id = l.order_id
              JOIN vrac_order_cycle c ON c.id = o.vrac_cycle_id
              JOIN uom_uom u ON u.id = l.product_uom
             WHERE o.state != 'cancel'
               AND o.vrac_groupement_id IS NOT NULL
               AND l.display_type IS NULL
               AND c.state IN %(cycle_states)s
               -- goods of the cycle's catalog (not a funder's share line)
               AND EXISTS (
                   SELECT 1 FROM vrac_order_cycle_line cl
                    WHERE cl.cycle_id = c.id AND cl.product_id = l.product_id
               )
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

        sources = {
            "new_members": {
                "id": SQL("p.id"),
                "date": SQL("p.vrac_join_date"),
                "groupement_id": SQL("p.vrac_groupement_id"),
                "company_id": SQL("g.company_id"),
                "indicator": "new_members",
                "value": SQL("1.0"),
                "from": SQL(
                    """
              FROM res_partner p
              JOIN vrac_groupement g ON g.id = p.vrac_groupement_id
             WHERE p.vrac_is_household
               AND p.active
               AND p.vrac_join_date IS NOT NULL
                    """
                ),
            },
            "renewals": {
                **membership_line,
                "date": SQL("l.date_from"),
                "indicator": "renewals",
                "from": SQL(membership, states=MEMBER_STATES, condition=earlier),
            },
            "expired": {
                **membership_line,
                "date": SQL("l.date_to"),
                "indicator": "expired",
                "from": SQL(membership, states=MEMBER_STATES, condition=not_followed),
            },
            "cycles_run": {
                "id": SQL("cg.id"),
                "date": SQL("c.date_close::date"),
                "groupement_id": SQL("cg.groupement_id"),
                "company_id": SQL("c.company_id"),
                "indicator": "cycles_run",
                "value": SQL("1.0"),
                "from": SQL(
                    """
              FROM vrac_order_cycle_groupement cg
              JOIN vrac_order_cycle c ON c.id = cg.cycle_id
             WHERE c.state IN %s
                    """,
                    RUN_CYCLE_STATES,
                ),
            },
        }
        for indicator, value, condition in (
            ("sales_amount", SQL("l.price_subtotal"), SQL("TRUE")),
            ("volume_kg", quantity, uom_category("product_uom_categ_kgm")),
            ("volume_units", quantity, uom_category("product_uom_categ_unit")),
            ("volume_litres", quantity, uom_category("product_uom_categ_vol")),
        ):
            sources[indicator] = {
                "id": SQL("l.id"),
                "date": SQL("c.date_close::date"),
                "groupement_id": SQL("o.vrac_groupement_id"),
                "company_id": SQL("o.company_id"),
                "indicator": indicator,
                "value": value,
                "from": SQL(
                    sale_line, cycle_states=RUN_CYCLE_STATES, condition=condition
                ),
            }
        return sources

    @api.model
    def _vrac_fact_queries(self):
        """SQL objects whose rows are united in the view: one SELECT per
        source of `_vrac_fact_sources`, numbered from 1. The id of a row is
        its source row's id * SOURCE_FACTOR + the source's number, unique in
        the view whatever the addons installed."""
        sources = self._vrac_fact_sources()
        if len(sources) >= SOURCE_FACTOR:
            raise ValueError(
                f"vrac.indicator.fact: {len(sources)} sources, at most "
                f"{SOURCE_FACTOR - 1} (raise SOURCE_FACTOR)"
            )
        columns = self._vrac_fact_columns()
        return [
            self._vrac_fact_select(number, name, source, columns)
            for number, (name, source) in enumerate(sources.items(), start=1)
        ]

    @api.model
    def _vrac_fact_select(self, number, name, source, columns):
        """The SELECT of one source: the common columns, then the columns
        of `_vrac_fact_columns` (given by the source, or empty)."""
        unknown = set(source) - set(FACT_KEYS) - set(columns)
        missing = set(FACT_KEYS) - set(source)
        if unknown or missing:
            raise ValueError(
                f"vrac.indicator.fact source {name!r}: unknown "
                f"{sorted(unknown)}, missing {sorted(missing)}"
            )

        def as_sql(value):
            return value if isinstance(value, SQL) else SQL("%s", value)

        selected = [
            SQL("(%s) * %s + %s AS id", source["id"], SOURCE_FACTOR, number),
            *(
                SQL("%s AS %s", as_sql(source[column]), SQL.identifier(column))
                for column in ("date", "groupement_id", "company_id", "indicator")
            ),
            *(
                SQL(
                    "%s AS %s",
                    as_sql(source[column]) if column in source else empty,
                    SQL.identifier(column),
                )
                for column, empty in columns.items()
            ),
            SQL("%s AS value", as_sql(source["value"])),
        ]
        return SQL("SELECT %s %s", SQL(", ").join(selected), source["from"])

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
