# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models


class VracIndicator(models.AbstractModel):
    """The tiers' indicators: social mix, solidarity fund, funders, food credit.

    The social mix is a stock at the end of the period, read from the
    households' CURRENT tier: tiers keep no history, so a household that
    changed tier during the year counts in its tier of today. The flows
    (fund, funder shares, food credit) come from `vrac.indicator.fact`.
    """

    _inherit = "vrac.indicator"

    # ------------------------------------------------------------------
    # Specs
    # ------------------------------------------------------------------
    @api.model
    def _vrac_indicator_section_specs(self):
        return dict(
            super()._vrac_indicator_section_specs(),
            social_mix=(20, _("Social mix")),
            solidarity=(60, _("Solidarity")),
        )

    @api.model
    def _vrac_indicator_specs(self):
        specs = super()._vrac_indicator_specs()
        specs.update(self._vrac_social_mix_specs())
        specs.update(self._vrac_solidarity_specs())
        return specs

    @api.model
    def _vrac_report_tiers(self):
        """The tiers shown: active ones, plus archived ones still holding
        households or serving as a default tier, of the user's branches.

        Read as superuser (volunteers cannot read tiers); only their names
        and counts leave this method, aggregated.
        """
        # Superuser: volunteers may not read tiers; only the tiers of the user's
        # branches are returned, for names and counts.
        Tier = self.env["vrac.tier"].sudo().with_context(active_test=False)
        companies = self.env.companies
        # Superuser: tiers are private; only which tiers of the user's branches
        # hold households is read.
        used = {
            tier.id
            for [tier] in self.env["res.partner"]
            .sudo()
            ._read_group(
                [
                    ("vrac_tier_id.company_id", "in", companies.ids),
                    ("vrac_is_household", "=", True),
                ],
                ["vrac_tier_id"],
            )
        }
        # Superuser: volunteers may not read tiers; only the default tiers of the user's
        # branches are taken.
        used.update(companies.sudo().vrac_default_tier_id.ids)
        return Tier.search(
            [
                ("company_id", "in", companies.ids),
                "|",
                ("active", "=", True),
                ("id", "in", list(used)),
            ],
            order="company_id, sequence, id",
        )

    @api.model
    def _vrac_report_funders(self):
        """Funders of the programs of the user's branches."""
        # Superuser: report readers may not read programs; only the funders of the
        # programs of the user's branches are returned.
        programs = (
            self.env["vrac.funder.program"]
            .sudo()
            .with_context(active_test=False)
            .search([("company_id", "in", self.env.companies.ids)])
        )
        return programs.funder_id

    @api.model
    def _vrac_social_mix_specs(self):
        specs = {
            "precarity_households": {
                "section": "social_mix",
                "sequence": 10,
                "label": _("Households in a precarity tier (end of period)"),
                "unit": "count",
            },
            "precarity_share": {
                "dashboard": 80,
                "dashboard_target": "precarity_target",
                "section": "social_mix",
                "sequence": 20,
                # Among member households; the group's form counts every
                # household of the group, members or not.
                "label": _("Share in precarity of the member households"),
                "unit": "percent",
                "ratio": ("precarity_households", "member_households"),
            },
            "precarity_target": {
                "section": "social_mix",
                "sequence": 30,
                "label": _("Target share in precarity"),
                "unit": "percent",
                # The network's target is weighted by the households of each
                # group: it would tell a hidden count of a group.
                "privacy_weights": "member_households",
            },
            "precarity_gap": {
                "section": "social_mix",
                "sequence": 40,
                "label": _(
                    "Gap to the target, in points (0 or more: target met; "
                    "below 0: missed)"
                ),
                # A difference of two percents: read in points, not in %.
                "unit": "points",
                # Share minus target would tell a hidden share: hidden with it.
                "privacy_ratio": ("precarity_households", "member_households"),
                # And the network's gap, the network's target.
                "privacy_weights": "member_households",
            },
        }
        tiers = self._vrac_report_tiers()
        several_branches = len(tiers.company_id) > 1
        for index, tier in enumerate(tiers):
            key = f"tier_{tier.id}"
            name = (
                _("%(tier)s (%(branch)s)", tier=tier.name, branch=tier.company_id.name)
                if several_branches
                else tier.name
            )
            specs[key] = {
                "section": "social_mix",
                "sequence": 100 + 2 * index,
                # The tier's name says "Tarif A": not "au tarif Tarif A".
                "label": _("%(tier)s: households", tier=name),
                "unit": "count",
                "optional": True,
                "help": _(
                    "The households' current tier: a household that changed "
                    "tier counts in its tier of today."
                ),
            }
            specs[f"{key}_share"] = {
                "section": "social_mix",
                "sequence": 101 + 2 * index,
                "label": _("%(tier)s: share of the member households", tier=name),
                "unit": "percent",
                "optional": True,
                "ratio": (key, "member_households"),
            }
        return specs

    @api.model
    def _vrac_solidarity_specs(self):
        specs = {
            "solidarity_in": {
                "section": "solidarity",
                "sequence": 10,
                "label": _("Solidarity fund: coupons sold and donations"),
                "unit": "amount",
            },
            "solidarity_out": {
                "section": "solidarity",
                "sequence": 20,
                "label": _("Solidarity fund: discounts granted"),
                "unit": "amount",
            },
            "program_share": {
                "section": "solidarity",
                "sequence": 30,
                "label": _("Paid by funder programs"),
                "unit": "amount",
            },
            "food_credit_issued": {
                "section": "solidarity",
                "sequence": 80,
                "label": _("Food credit issued"),
                "unit": "amount",
            },
            "food_credit_used": {
                "section": "solidarity",
                "sequence": 90,
                "label": _("Food credit used"),
                "unit": "amount",
            },
        }
        for index, funder in enumerate(self._vrac_report_funders()):
            specs[f"program_share_{funder.id}"] = {
                "section": "solidarity",
                "sequence": 31 + index,
                "label": _("Paid by %(funder)s", funder=funder.name),
                "unit": "amount",
                "optional": True,
            }
        return specs

    # ------------------------------------------------------------------
    # Privacy
    # ------------------------------------------------------------------
    @api.model
    def _vrac_privacy_relations(self, rows):
        """The households per tier add up to the member households, those
        of the precarity tiers to the households in precarity: a tier hidden
        in a column must not come back from them."""
        relations = super()._vrac_privacy_relations(rows)
        tier_ids = [
            int(row["key"][5:])
            for row in rows
            if row["key"].startswith("tier_") and row["key"][5:].isdigit()
        ]
        if not tier_ids:
            return relations
        # Read as superuser like the tiers of the report (volunteers cannot
        # read tiers): only which of them are precarity tiers is used.
        tiers = self.env["vrac.tier"].sudo().browse(tier_ids)
        precarity = [f"tier_{tier.id}" for tier in tiers if tier.is_precarity]
        others = [f"tier_{tier.id}" for tier in tiers if not tier.is_precarity]
        return relations + [
            ("member_households", precarity + others),
            ("precarity_households", precarity),
            ("member_households", ["precarity_households"] + others),
        ]

    # ------------------------------------------------------------------
    # Values
    # ------------------------------------------------------------------
    @api.model
    def _vrac_indicator_values(self, groupements, date_from, date_to):
        values = super()._vrac_indicator_values(groupements, date_from, date_to)
        values.update(self._vrac_social_mix_values(groupements, date_to))
        values.update(self._vrac_funder_values(groupements, date_from, date_to))
        return values

    @api.model
    def _vrac_social_mix_values(self, groupements, date):
        """Households per tier and in precarity at `date`, target and gap.

        One read_group by group and tier; a household without tier counts in
        the default tier of its group's branch.
        """
        # Superuser: report readers may not read the groups' branch settings;
        # `groupements` were searched as the user (record rules).
        groupements = groupements.sudo()
        members = self._vrac_empty(groupements)
        precarity = self._vrac_empty(groupements)
        by_tier = {}
        # Superuser: tiers are private; only counts per tier of the households of
        # `groupements` (reached by the caller) leave here.
        for groupement, tier, count in (
            self.env["res.partner"]
            .sudo()
            ._read_group(
                self._vrac_member_domain(groupements, date),
                ["vrac_groupement_id", "vrac_tier_id"],
                ["__count"],
            )
        ):
            tier = tier or groupement.company_id.vrac_default_tier_id
            members[groupement.id] += count
            members["total"] += count
            if tier:
                row = by_tier.setdefault(
                    f"tier_{tier.id}", self._vrac_empty(groupements)
                )
                row[groupement.id] += count
                row["total"] += count
            if tier.is_precarity:
                precarity[groupement.id] += count
                precarity["total"] += count
        target = self._vrac_empty(groupements)
        gap = self._vrac_empty(groupements)
        for groupement in groupements:
            target[groupement.id] = groupement.precarity_target
        if members["total"]:
            # The network's target: each group's, weighted by its households.
            target["total"] = (
                sum(
                    groupement.precarity_target * members[groupement.id]
                    for groupement in groupements
                )
                / members["total"]
            )
        elif groupements:
            target["total"] = sum(groupements.mapped("precarity_target")) / len(
                groupements
            )
        for key in gap:
            if members[key]:
                gap[key] = 100.0 * precarity[key] / members[key] - target[key]
        return dict(
            by_tier,
            precarity_households=precarity,
            precarity_target=target,
            precarity_gap=gap,
        )

    @api.model
    def _vrac_funder_values(self, groupements, date_from, date_to):
        """The funder programs' shares of the facts, one row per funder."""
        values = {}
        # Superuser: only volunteers read facts; only sums per funder of `groupements`
        # (reached by the caller) leave here.
        for groupement, funder, total in (
            self.env["vrac.indicator.fact"]
            .sudo()
            ._read_group(
                [
                    ("indicator", "=", "program_share"),
                    ("groupement_id", "in", groupements.ids),
                    ("date", ">=", date_from),
                    ("date", "<=", date_to),
                ],
                ["groupement_id", "funder_id"],
                ["value:sum"],
            )
        ):
            row = values.setdefault(
                f"program_share_{funder.id}", self._vrac_empty(groupements)
            )
            row[groupement.id] += total
            row["total"] += total
        return values
