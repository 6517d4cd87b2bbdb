# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from odoo.addons.vrac_groupement.tools.number import check_amount


class VracMoneyMixin(models.AbstractModel):
    """Amounts are numbers: refuse the others before Odoo tries to store them.

    A value that is not a number (text, NaN, infinity) would otherwise fail
    deep in the ORM with a Python error instead of a message. The check is
    vrac_groupement's, which quantities use too (``tools/number.py``).
    """

    _name = "vrac.money.mixin"
    _description = "Amounts checked before they are saved"

    @api.model_create_multi
    def create(self, vals_list):
        self._vrac_check_amount_values(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._vrac_check_amount_values([vals])
        return super().write(vals)

    @api.model
    def _vrac_check_amount_values(self, vals_list):
        """Refuse a float or monetary value that is not a finite number."""
        for vals in vals_list:
            for name, value in vals.items():
                field = self._fields.get(name)
                if field is not None and field.type in ("float", "monetary"):
                    check_amount(
                        self,
                        lambda f=field: f._description_string(self.env),
                        value,
                    )
