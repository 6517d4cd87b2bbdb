# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import _, api, models
from odoo.tools import formatLang

from ..tools.membership import MEMBER_STATES

RUN_CYCLE_STATES = ("closed", "ordered", "received", "done")


class VracIndicator(models.AbstractModel):
    """The indicators funders ask for, computed set-wise for a period.

    One engine serves the dashboard, the funder report and its spreadsheet, so
    they always show the same figures. Each addon adds its indicators by
    extending `_vrac_indicator_specs` (what they are) and
    `_vrac_indicator_values` (their values); the flows also come from the
    `vrac.indicator.fact` view, whose rows each addon extends too.

    Values are `{key: {groupement id: value, "total": value}}`. The total is
    not always the sum of the groups (a product offered to two groups counts
    once), so each indicator computes its own.
    """

    _name = "vrac.indicator"
    _description = "Indicators of the purchasing groups"

    # Units: "count" counts people or households and is hidden below the
    # privacy threshold; "number" counts things (groups, cycles, products).
    SUPPRESSED_UNITS = ("count",)

    # ------------------------------------------------------------------
    # Privacy
    # ------------------------------------------------------------------
    @api.model
    def _vrac_privacy_threshold(self):
        return self.env.company.vrac_indicator_threshold or 1

    @api.model
    def _vrac_hidden_cells(
        self, values, relations=None, countable=None, threshold=None, decided=None
    ):
        """The cells of `values` ({cell: figure}) that no output may show.

        Primary: a count below the threshold is hidden (0 is shown: it
        reveals no one). `countable` lists the cells that are counts (all by
        default).

        Secondary: hiding a small cell is not enough when a shown total and
        the shown cells beside it give it back (total 9, Romans 8: Die is 1).
        `relations` lists `(total cell, [part cells])`, the parts adding up
        to the total (default: every cell but "total" adds up to "total"; the
        total cell may be None when it is not known here). While the hidden
        parts of a relation add up to less than the threshold (one small
        cell alone, or two cells of 1), the smallest other non-zero part is
        hidden too; when no such part is left, the total is hidden. So what
        the total and the shown parts give back is the sum of at least two
        hidden cells, at least the threshold. A hidden total whose parts are
        all shown would come back as their sum: its smallest non-zero part
        is hidden too. Relations are walked again until nothing changes,
        since a cell hidden for one may be a part or a total of another.

        `decided` ({cell: hidden}) holds cells whose fate is already settled
        elsewhere (the coarser answers of the pivot): they are not hidden
        nor shown here.

        Returns the set of hidden cells (among those not decided).
        """
        if threshold is None:
            threshold = self._vrac_privacy_threshold()
        if countable is None:
            countable = values.keys()
        if relations is None:
            relations = [("total", [cell for cell in values if cell != "total"])]
        decided = decided or {}
        hidden = {cell for cell, is_hidden in decided.items() if is_hidden}
        hidden.update(
            cell
            for cell in countable
            if cell not in decided and 0 < (values.get(cell) or 0) < threshold
        )
        changed = True
        while changed:
            changed = False
            for total, parts in relations:
                hidden_parts = [
                    part for part in parts if part in hidden and values.get(part)
                ]
                shown = [
                    part
                    for part in parts
                    if part not in hidden and part not in decided and values.get(part)
                ]
                total_hidden = total is not None and total in hidden
                hidden_sum = sum(values[part] for part in hidden_parts)
                if total_hidden and not hidden_parts:
                    # Its parts would give the hidden total back.
                    if not shown:
                        continue
                elif not hidden_sum or abs(hidden_sum) >= threshold:
                    continue
                elif not shown:
                    if total is None or total_hidden or total in decided:
                        continue
                    hidden.add(total)
                    changed = True
                    continue
                hidden.add(min(shown, key=lambda part: (abs(values[part]), str(part))))
                changed = True
        return hidden - set(decided)

    @api.model
    def _vrac_privacy_relations(self, rows):
        """[(total key, [part keys])]: indicators whose values add up to
        another's, in every column (per group and in total). Hook: the tiers
        add up to the member households."""
        return []

    @api.model
    def _vrac_privacy_pass(self, rows):
        """Set `hidden` on each row: the columns (group ids, "total") it
        may not show, primary and secondary (see `_vrac_hidden_cells`).

        Counts add up along the groups (to their total) and along the
        indicators named by `_vrac_privacy_relations`. A share whose
        numerator or denominator is hidden in a column is hidden there
        (`ratio_values`, set from `ratio` or `privacy_ratio`); a figure
        weighted by a count (`privacy_weights`: a network target weighted by
        the households of each group) hides its total when one of the
        count's group cells is hidden.
        """
        by_key = {row["key"]: row for row in rows}
        counts = [row for row in rows if row["unit"] in self.SUPPRESSED_UNITS]
        values = {}
        relations = []
        for row in counts:
            columns = list(row["values"])
            for column in columns:
                values[row["key"], column] = row["values"][column]
            relations.append(
                (
                    (row["key"], "total"),
                    [(row["key"], column) for column in columns if column != "total"],
                )
            )
        for total_key, part_keys in self._vrac_privacy_relations(rows):
            if total_key not in by_key:
                continue
            parts = [key for key in part_keys if key in by_key]
            for column in by_key[total_key]["values"]:
                relations.append(
                    ((total_key, column), [(key, column) for key in parts])
                )
        hidden = self._vrac_hidden_cells(values, relations)
        for row in counts:
            row["hidden"] = {column for key, column in hidden if key == row["key"]}
        threshold = self._vrac_privacy_threshold()
        for row in rows:
            if "hidden" in row:
                continue
            row["hidden"] = set()
            for key, key_values in zip(
                row.get("ratio_keys") or (),
                row.get("ratio_values") or (),
                strict=False,
            ):
                if key in by_key:
                    row["hidden"] |= by_key[key]["hidden"] & set(row["values"])
                else:
                    # Not an indicator shown itself: only its small cells tell.
                    row["hidden"] |= self._vrac_hidden_cells(
                        {
                            column: value
                            for column, value in key_values.items()
                            if column in row["values"]
                        },
                        relations=[],
                        threshold=threshold,
                    )
            weights = by_key.get(row.get("privacy_weights"))
            if weights and weights["hidden"] - {"total"}:
                row["hidden"].add("total")
        return rows

    @api.model
    def _vrac_cell_hidden(self, row, column="total"):
        """Whether a cell of a row (a group id or "total") is hidden.

        The privacy pass decides (`_vrac_privacy_pass`, which sets `hidden`
        on the rows of `_vrac_indicator_rows`): counts below the threshold,
        the cells that would give them back, the shares of a hidden count.
        A row built elsewhere goes through the same pass.
        """
        if "hidden" not in row:
            self._vrac_privacy_pass([row])
        return column in row["hidden"]

    @api.model
    def _vrac_suppressed_label(self):
        return _("< %(threshold)s", threshold=self._vrac_privacy_threshold())

    @api.model
    def _vrac_hidden_label(self, row, value, column="total"):
        """What a hidden figure shows: "< 5" for a small count or a share
        of one; "hidden" for a figure hidden only so that it cannot give a
        small count back (a count of 5 or more, a share of such a count)."""
        threshold = self._vrac_privacy_threshold()
        if row["unit"] == "count":
            small = abs(value) < threshold
        else:
            small = any(
                0 < (values.get(column) or 0) < threshold
                for values in row.get("ratio_values") or ()
            )
        return self._vrac_suppressed_label() if small else _("hidden")

    @api.model
    def _vrac_format_cell(self, row, value, column="total"):
        """The figure as every output shows it (dashboard, report, its
        spreadsheet's hidden cells): a hidden cell as "< 5" or "hidden",
        the others in the user's language."""
        unit = row["unit"]
        if self._vrac_cell_hidden(row, column):
            return self._vrac_hidden_label(row, value, column)
        if unit == "count":
            return formatLang(self.env, value, digits=0, grouping=True)
        if unit == "percent":
            return "%s %%" % formatLang(self.env, value, digits=1)
        if unit == "points":
            return _("%(value)s points", value=formatLang(self.env, value, digits=1))
        if unit == "amount":
            return formatLang(
                self.env, value, currency_obj=self.env.company.currency_id
            )
        if unit in ("kg", "litres", "hours"):
            return _(
                "%(value)s %(unit)s",
                value=formatLang(self.env, value, digits=1, grouping=True),
                unit={"kg": _("kg"), "litres": _("L"), "hours": _("h")}[unit],
            )
        return formatLang(self.env, value, digits=0, grouping=True)

    @api.model
    def _vrac_indicator_section_specs(self):
        """{code: (sequence, label)}: the sections of the report.

        Hook: an addon adds its sections (the tiers their social mix, the
        distributions theirs), placed by their sequence among these.
        """
        return {
            "members": (10, _("Member households")),
            "volunteers": (30, _("Volunteers")),
            "activity": (40, _("Groups and orders")),
        }

    @api.model
    def _vrac_indicator_sections(self):
        """Ordered sections of the report: [(code, label)]."""
        specs = self._vrac_indicator_section_specs()
        return [
            (code, label)
            for code, (_sequence, label) in sorted(
                specs.items(), key=lambda item: (item[1][0], item[0])
            )
        ]

    @api.model
    def _vrac_indicator_specs(self):
        """{key: spec}: what each indicator is.

        A spec holds section, sequence, label and unit (count, number,
        percent, hours, kg, units, litres, amount). A percent gives the keys
        of its numerator and denominator in `ratio`; it is hidden when either
        is a count below the threshold. `dashboard` (a number: the order)
        puts it on the groups' dashboard cards, `dashboard_target` names the
        indicator shown beside it as the target. A figure computed otherwise that
        would reveal such a ratio (a gap to a target) names it in
        `privacy_ratio`, and is hidden alike. A figure of the whole weighted
        by a count of each group (the network's target) names that count in
        `privacy_weights`: its total is hidden when one of the count's group
        cells is (see `_vrac_privacy_pass`). An `optional` indicator (one
        per tier, per funder) is left out of the report when it is 0 in both
        periods.
        """
        return {
            "member_households": {
                "dashboard": 10,
                "section": "members",
                "sequence": 10,
                "label": _("Member households (end of period)"),
                "unit": "count",
            },
            "people": {
                "dashboard": 20,
                "section": "members",
                "sequence": 20,
                "label": _("People in member households"),
                "unit": "count",
            },
            "new_members": {
                "dashboard": 30,
                "section": "members",
                "sequence": 30,
                "label": _("New member households"),
                "unit": "count",
            },
            "renewals": {
                "section": "members",
                "sequence": 40,
                "label": _("Memberships renewed"),
                "unit": "count",
            },
            "expired": {
                "section": "members",
                "sequence": 50,
                "label": _("Memberships expired, not renewed"),
                "unit": "count",
            },
            "volunteers": {
                "dashboard": 40,
                "section": "volunteers",
                "sequence": 10,
                "label": _("Registered volunteers"),
                "unit": "count",
            },
            "groups_active": {
                "section": "activity",
                "sequence": 10,
                "label": _("Groups active (with an order cycle)"),
                "unit": "number",
            },
            "cycles_run": {
                "section": "activity",
                "sequence": 20,
                "label": _("Order cycles run"),
                "unit": "number",
            },
            "products_offered": {
                "section": "activity",
                "sequence": 30,
                "label": _("Products offered"),
                "unit": "number",
            },
            "volume_kg": {
                "section": "activity",
                "sequence": 40,
                "label": _("Volume sold by weight"),
                "unit": "kg",
            },
            "volume_units": {
                "section": "activity",
                "sequence": 50,
                "label": _("Volume sold by the unit"),
                "unit": "units",
            },
            "volume_litres": {
                "section": "activity",
                "sequence": 60,
                "label": _("Volume sold by volume"),
                "unit": "litres",
            },
            "sales_amount": {
                "dashboard": 70,
                "section": "activity",
                "sequence": 70,
                "label": _("Sales at cost price (untaxed)"),
                "unit": "amount",
            },
        }

    # ------------------------------------------------------------------
    # Values
    # ------------------------------------------------------------------
    @api.model
    def _vrac_indicator_values(self, groupements, date_from, date_to):
        """{key: {groupement id: value, "total": value}} for the period.

        Stocks (members, people, volunteers) are taken at the end of the
        period, flows over the period. Read as superuser: the caller has
        chosen `groupements` among those the user may see.
        """
        values = self._vrac_fact_values(groupements, date_from, date_to)
        values.update(self._vrac_member_values(groupements, date_to))
        values.update(self._vrac_activity_values(groupements, date_from, date_to))
        return values

    @api.model
    def _vrac_empty(self, groupements):
        values = dict.fromkeys(groupements.ids, 0.0)
        values["total"] = 0.0
        return values

    @api.model
    def _vrac_fact_values(self, groupements, date_from, date_to):
        """Sum the flows of `vrac.indicator.fact` per indicator and group."""
        # Superuser: users who are not volunteers (accountants, cashiers) may not read
        # the facts, and a volunteer reads those of the groups they serve only; only
        # sums leave here, for `groupements`, which callers searched as the user (record
        # rules) or got as `self`.
        facts = self.env["vrac.indicator.fact"].sudo()
        values = {
            indicator: self._vrac_empty(groupements)
            for indicator, _label in facts._vrac_fact_indicators()
        }
        for indicator, groupement, total in facts._read_group(
            [
                ("groupement_id", "in", groupements.ids),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
            ],
            ["indicator", "groupement_id"],
            ["value:sum"],
        ):
            row = values.setdefault(indicator, self._vrac_empty(groupements))
            row[groupement.id] += total
            row["total"] += total
        return values

    @api.model
    def _vrac_monthly_values(self, groupements, indicators, date_from, date_to):
        """The months of the period, and the facts per month: (months,
        {(indicator, groupement id, month): total}), one grouped read."""
        months = []
        month = date_from.replace(day=1)
        while month <= date_to:
            months.append(month)
            month += relativedelta(months=1)
        totals = defaultdict(float)
        # Superuser: users who are not volunteers may not read the facts; only monthly
        # sums of the groups the caller reached (searched as the user, or `self`) leave
        # here.
        for indicator, groupement, month, total in (
            self.env["vrac.indicator.fact"]
            .sudo()
            ._read_group(
                [
                    ("groupement_id", "in", groupements.ids),
                    ("indicator", "in", list(indicators)),
                    ("date", ">=", date_from),
                    ("date", "<=", date_to),
                ],
                ["indicator", "groupement_id", "date:month"],
                ["value:sum"],
            )
        ):
            totals[indicator, groupement.id, month] += total
        return months, totals

    @api.model
    def _vrac_member_domain(self, groupements, date):
        """Households of the groups that are members on `date`."""
        return [
            ("vrac_groupement_id", "in", groupements.ids),
            ("vrac_is_household", "=", True),
            "|",
            ("vrac_join_date", "=", False),
            ("vrac_join_date", "<=", date),
            "|",
            ("free_member", "=", True),
            (
                "member_lines",
                "any",
                [
                    ("date_cancel", "=", False),
                    ("state", "in", MEMBER_STATES),
                    ("date_from", "<=", date),
                    ("date_to", ">=", date),
                ],
            ),
        ]

    @api.model
    def _vrac_member_values(self, groupements, date):
        members = self._vrac_empty(groupements)
        people = self._vrac_empty(groupements)
        volunteers = self._vrac_empty(groupements)
        # Superuser: household counts must not depend on which households the reader may
        # open; only counts of the groups the caller reached leave here.
        partners = self.env["res.partner"].sudo()
        for groupement, count, persons in partners._read_group(
            self._vrac_member_domain(groupements, date),
            ["vrac_groupement_id"],
            ["__count", "vrac_person_count:sum"],
        ):
            members[groupement.id] = count
            people[groupement.id] = persons
        for groupement, count in partners._read_group(
            [
                ("vrac_groupement_id", "in", groupements.ids),
                ("vrac_is_volunteer", "=", True),
                "|",
                ("vrac_join_date", "=", False),
                ("vrac_join_date", "<=", date),
            ],
            ["vrac_groupement_id"],
            ["__count"],
        ):
            volunteers[groupement.id] = count
        for row in (members, people, volunteers):
            row["total"] = sum(value for key, value in row.items() if key != "total")
        return {
            "member_households": members,
            "people": people,
            "volunteers": volunteers,
        }

    @api.model
    def _vrac_activity_values(self, groupements, date_from, date_to):
        """Groups active, cycles run and products offered.

        A cycle shared by two groups counts once in the total, and so does a
        product offered by several cycles: one query with grouping sets.
        """
        if not groupements:
            return {}
        cycles = self._vrac_empty(groupements)
        products = self._vrac_empty(groupements)
        active = self._vrac_empty(groupements)
        self.env["vrac.order.cycle"].flush_model()
        self.env["vrac.order.cycle.line"].flush_model()
        self.env["vrac.order.cycle.groupement"].flush_model()
        self.env.cr.execute(
            """
            SELECT cg.groupement_id,
                   COUNT(DISTINCT c.id),
                   COUNT(DISTINCT l.product_id)
              FROM vrac_order_cycle c
              JOIN vrac_order_cycle_groupement cg ON cg.cycle_id = c.id
         LEFT JOIN vrac_order_cycle_line l ON l.cycle_id = c.id
             WHERE cg.groupement_id IN %s
               AND c.state IN %s
               AND c.date_close::date BETWEEN %s AND %s
          GROUP BY GROUPING SETS ((cg.groupement_id), ())
            """,
            (
                tuple(groupements.ids),
                RUN_CYCLE_STATES,
                date_from,
                date_to,
            ),
        )
        for groupement_id, cycle_count, product_count in self.env.cr.fetchall():
            key = groupement_id or "total"
            cycles[key] = cycle_count
            products[key] = product_count
            if groupement_id and cycle_count:
                active[groupement_id] = 1
                active["total"] += 1
        return {
            "groups_active": active,
            "cycles_run": cycles,
            "products_offered": products,
        }

    # ------------------------------------------------------------------
    # Rows
    # ------------------------------------------------------------------
    @api.model
    def _vrac_indicator_rows(self, groupements, date_from, date_to):
        """The indicators of the period as ordered rows.

        Each row: key, section, sequence, label, unit, values (per group and
        "total"). Percents are derived from their ratio. Indicators without
        a value (an addon's data absent) still show as 0.
        """
        specs = self._vrac_indicator_specs()
        values = self._vrac_indicator_values(groupements, date_from, date_to)
        sections = [code for code, _label in self._vrac_indicator_sections()]
        rows = []
        for key, spec in specs.items():
            if spec.get("ratio"):
                continue
            rows.append(
                dict(
                    spec,
                    key=key,
                    values=values.get(key) or self._vrac_empty(groupements),
                )
            )
        for key, spec in specs.items():
            ratio = spec.get("ratio")
            if not ratio:
                continue
            numerator = values.get(ratio[0]) or self._vrac_empty(groupements)
            denominator = values.get(ratio[1]) or self._vrac_empty(groupements)
            shares = {
                group_key: (
                    100.0 * numerator.get(group_key, 0.0) / denominator[group_key]
                    if denominator.get(group_key)
                    else 0.0
                )
                for group_key in denominator
            }
            row = dict(spec, key=key, values=shares)
            row["ratio_values"] = (numerator, denominator)
            row["ratio_keys"] = tuple(ratio)
            rows.append(row)
        # A figure that tells a ratio without being one (a gap to a target)
        # names it in `privacy_ratio`, and is hidden with it.
        for row in rows:
            keys = row.get("privacy_ratio")
            if keys and not row.get("ratio_values"):
                row["ratio_values"] = tuple(
                    values.get(key) or self._vrac_empty(groupements) for key in keys
                )
                row["ratio_keys"] = tuple(keys)
        rows.sort(
            key=lambda row: (
                sections.index(row["section"]) if row["section"] in sections else 99,
                row["sequence"],
                row["key"],
            )
        )
        return self._vrac_privacy_pass(rows)
