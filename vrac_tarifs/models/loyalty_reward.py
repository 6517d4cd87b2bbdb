# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

# Reward fields whose change Odoo passes on to the reward's product.
PRODUCT_FIELDS = {"description", "active"}


class LoyaltyReward(models.Model):
    """Coordinators set up the monthly food credits (eWallet programs).

    Odoo makes, renames and archives each reward's own product (the line
    "Crédit alimentaire" of the orders) as the user saving the reward; a
    coordinator may save rewards but not products, which stay the catalog
    managers'. That product is made and kept in step for them, once their
    right on the rewards is checked; its values come from Odoo's code
    (``_get_discount_product_values``), only the name is theirs.
    """

    _inherit = "loyalty.reward"

    def write(self, vals):
        passed_on = PRODUCT_FIELDS.intersection(vals)
        if self.env.su or not passed_on:
            return super().write(vals)
        own_vals = {key: value for key, value in vals.items() if key not in passed_on}
        if own_vals:
            super().write(own_vals)
        self.check_access_rights("write")
        self.check_access_rule("write")
        # Checked above: the caller may write these rewards; the product
        # follows the reward's name and state.
        return super(LoyaltyReward, self.sudo()).write(
            {key: vals[key] for key in passed_on}
        )

    def _create_missing_discount_line_products(self):
        missing = self.filtered(lambda reward: not reward.discount_line_product_id)
        if self.env.su or not missing:
            return super()._create_missing_discount_line_products()
        missing.check_access_rights("write")
        missing.check_access_rule("write")
        # Checked above: the caller created or may write these rewards; the
        # product of each is made for them.
        return super(
            LoyaltyReward, missing.sudo()
        )._create_missing_discount_line_products()
