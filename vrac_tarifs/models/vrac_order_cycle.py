# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, fields, models

from odoo.addons.vrac_groupement.models.vrac_order_cycle import CYCLE_PROCESS


class VracOrderCycle(models.Model):
    _inherit = "vrac.order.cycle"

    def _vrac_take_tier_prices(self):
        """The household orders of these cycles take their tier: its price
        list, its prices, and the tier frozen on the order.

        For orders taken before vrac_tarifs was installed (the demo cycles of
        vrac_groupement, an association adding tiers to its running cycles):
        server code, so it may reprice the orders of a closed cycle.
        """
        orders = CYCLE_PROCESS.on(
            self.env["sale.order"].search([("vrac_cycle_id", "in", self.ids)])
        )
        orders._compute_pricelist_id()
        orders._recompute_prices()
        orders._vrac_set_tier()

    def _vrac_on_purchases_confirmed(self, purchases):
        """Cost prices follow what the cycle actually pays its vendors.

        The confirmed purchase price (in the company currency, per unit of
        sale) plus the vendor's logistics share becomes the cost price, so
        the tier prices of the distribution follow it.
        """
        result = super()._vrac_on_purchases_confirmed(purchases)
        prices = self._vrac_purchase_prices(purchases)
        if prices:
            templates = self.env["product.template"].union(*prices)
            updated = templates._vrac_update_costs(prices)
            for cycle in self:
                # A note in the chatter, not a message: it needs no email
                # address of its author (many coordinators have none).
                cycle._message_log(
                    body=_(
                        "Cost prices updated from the confirmed purchase orders "
                        "for %(count)s product(s).",
                        count=len(updated),
                    )
                )
        return result

    def _vrac_purchase_prices(self, purchases):
        """{template: (vendor, price per unit of sale in the company currency)}."""
        prices = {}
        today = fields.Date.context_today(self)
        for line in purchases.order_line.filtered("vrac_cycle_line_id"):
            order = line.order_id
            company = order.company_id
            price = order.currency_id._convert(
                line.price_unit * (1 - (line.discount or 0.0) / 100),
                company.currency_id,
                company,
                today,
                round=False,
            )
            template = line.product_id.product_tmpl_id
            prices[template] = (
                order.partner_id,
                line.product_uom._compute_price(price, template.uom_id),
            )
        return prices
