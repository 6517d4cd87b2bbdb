# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..tools import pricing


class ProductPricelistItem(models.Model):
    _inherit = "product.pricelist.item"

    vrac_never_below_cost = fields.Boolean(
        string="Never below cost",
        readonly=True,
        help="Set by the income tier that manages this rule: when the rounding "
        "would sell below the cost price, the price is the next rounding step "
        "up (the point of sale applies the same rule).",
    )

    @api.model
    def _load_pos_data_fields(self, config_id):
        # The till applies the tiers' "never below cost" rule too.
        return super()._load_pos_data_fields(config_id) + ["vrac_never_below_cost"]

    def _compute_price(self, product, quantity, uom, date, currency=None):
        price = super()._compute_price(product, quantity, uom, date, currency=currency)
        if not (
            self.vrac_never_below_cost
            and self.compute_price == "formula"
            and self.base == "standard_price"
            and self.price_round
        ):
            return price
        currency = currency or self.currency_id or self.env.company.currency_id
        cost = self._compute_base_price(product, quantity, uom, date, currency)
        # Same rule as the till (models.esm.js); tests/pricing_oracle.py checks it.
        if pricing.below_cost(price, cost):
            price += self.price_round
        return price
