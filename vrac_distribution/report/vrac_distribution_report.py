# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, models


class VracDistributionReport(models.AbstractModel):
    """What the printed sheets of a distribution share: its bags.

    A bag is a household's order collected at the distribution. The data of
    all bags comes from one search of the order lines (the ORM prefetches
    their orders, households and products by batches): the sheets of a
    distribution of 500 households do not read anything household by
    household.
    """

    _name = "vrac.distribution.report"
    _description = "Distribution sheets"

    @api.model
    def _get_report_values(self, docids, data=None):
        distributions = self.env["vrac.distribution"].browse(docids)
        values = {
            "doc_ids": docids,
            "doc_model": "vrac.distribution",
            "docs": distributions,
            "data": data,
        }
        values.update(self._vrac_report_values(distributions))
        return values

    @api.model
    def _vrac_report_values(self, distributions):
        """What the sheet shows: the bags."""
        return {"bags": self._vrac_bags(distributions)}

    @api.model
    def _vrac_qty_formatter(self):
        """A function writing a quantity as the user reads it, to the gram:
        "2", "1.5", "2.941" ("1,5" in French).

        The sheets print thousands of quantities: formatting them here, with
        the language read once, costs far less than a QWeb widget each.
        """
        lang = self.env["res.lang"]._lang_get(self.env.lang or "en_US")
        digits = self.env["vrac.order.cycle.report"]._vrac_qty_digits

        def format_qty(quantity):
            return lang.format(f"%.{digits(quantity)}f", quantity, grouping=True)

        return format_qty

    @api.model
    def _vrac_bags(self, distributions):
        """{distribution id: [bag]}, bags sorted as they are handed out.

        A bag is ``{"order", "number", "household", "phone", "stop", "lines"}``
        and a line ``{"line", "product", "qty", "qty_text", "uom", "weighed",
        "weight", "weight_text"}``:
        households by round stop then by number, products in the catalog's
        order. Record rules apply: a volunteer gets the bags of the groups
        they serve.
        """
        order_lines = self.env["sale.order.line"].search(
            [
                ("vrac_distribution_id", "in", distributions.ids),
                ("state", "!=", "cancel"),
                ("display_type", "=", False),
                ("product_uom_qty", ">", 0),
            ]
        )
        lines_of = defaultdict(list)
        for line in order_lines:
            lines_of[line.order_id].append(line)
        format_qty = self._vrac_qty_formatter()
        bags = defaultdict(list)
        for order in sorted(lines_of, key=self._vrac_bag_sort_key):
            household = order.partner_id
            stop = household.vrac_round_stop_id
            bags[order.vrac_distribution_id.id].append(
                {
                    "order": order,
                    "number": order.vrac_household_number or "",
                    "household": household.name,
                    "phone": household.phone or household.mobile or "",
                    "stop": stop
                    if order.vrac_distribution_id.kind == "round"
                    else stop.browse(),
                    "lines": [
                        {
                            "line": line,
                            "product": line.product_id.display_name,
                            "qty": line.product_uom_qty,
                            "qty_text": format_qty(line.product_uom_qty),
                            "uom": line.product_uom.name,
                            "weighed": line.vrac_is_weighed,
                            "weight": line.vrac_weight_served,
                            "weight_text": line.vrac_weight_served
                            and format_qty(line.vrac_weight_served),
                        }
                        for line in sorted(lines_of[order], key=self._vrac_line_key)
                    ],
                }
            )
        return {
            distribution.id: bags[distribution.id] for distribution in distributions
        }

    @api.model
    def _vrac_bag_sort_key(self, order):
        """Round stop (in the round's order), then household number."""
        stop = order.partner_id.vrac_round_stop_id
        on_round = order.vrac_distribution_id.kind == "round"
        return (
            stop.sequence if on_round and stop else 0,
            stop.id if on_round and stop else 0,
            order.vrac_household_number or "",
            (order.partner_id.name or "").lower(),
            order.id,
        )

    @api.model
    def _vrac_line_key(self, line):
        """Products in the order of the cycle's catalog, as on the cycle's
        orders per household."""
        return self.env[
            "report.vrac_groupement.report_vrac_order_cycle_household"
        ]._vrac_line_sort_key(line)

    @api.model
    def _vrac_products(self, bags):
        """The preparation sheet: per product, its total and who gets it.

        ``[{"product", "uom", "weighed", "total", "total_text", "households":
        [(number, household, qty, qty_text)]}]`` in the catalog's order.
        """
        products = {}
        for bag in bags:
            for item in bag["lines"]:
                line = item["line"]
                key = (line.product_id.id, line.product_uom.id)
                if key not in products:
                    products[key] = {
                        "sort": self._vrac_line_key(line)[:2],
                        "product": item["product"],
                        "uom": item["uom"],
                        "weighed": item["weighed"],
                        "total": 0.0,
                        "households": [],
                    }
                products[key]["total"] += item["qty"]
                products[key]["households"].append(
                    (bag["number"], bag["household"], item["qty"], item["qty_text"])
                )
        format_qty = self._vrac_qty_formatter()
        for product in products.values():
            product["total_text"] = format_qty(product["total"])
        return sorted(
            products.values(), key=lambda p: (p["sort"], p["product"].lower())
        )


class ReportVracDistributionBags(models.AbstractModel):
    """One sheet per bag: what goes in it, blanks for the weights."""

    _name = "report.vrac_distribution.report_vrac_distribution_bags"
    _inherit = "vrac.distribution.report"
    _description = "Distribution: bag sheets"


class ReportVracDistributionPreparation(models.AbstractModel):
    """Per product: the total to take out and each household's share."""

    _name = "report.vrac_distribution.report_vrac_distribution_preparation"
    _inherit = "vrac.distribution.report"
    _description = "Distribution: preparation sheet"

    @api.model
    def _vrac_report_values(self, distributions):
        values = super()._vrac_report_values(distributions)
        values["products"] = {
            distribution_id: self._vrac_products(bags)
            for distribution_id, bags in values["bags"].items()
        }
        return values


class ReportVracDistributionSummary(models.AbstractModel):
    """After the distribution: bags, till takings, surplus, volunteers."""

    _name = "report.vrac_distribution.report_vrac_distribution_summary"
    _inherit = "vrac.distribution.report"
    _description = "Distribution: summary"

    @api.model
    def _vrac_report_values(self, distributions):
        return {
            "till": {d.id: d._vrac_till_summary() for d in distributions},
            "hours": {d.id: d._vrac_hours_per_role() for d in distributions},
        }
