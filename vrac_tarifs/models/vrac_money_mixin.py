# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math

from odoo import _, api, models
from odoo.exceptions import ValidationError


class VracMoneyMixin(models.AbstractModel):
    """Amounts are numbers: refuse the others before Odoo tries to store them.

    A value that is not a number (text, NaN, infinity) would otherwise fail
    deep in the ORM with a Python error instead of a message.
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
                if field is None or field.type not in ("float", "monetary"):
                    continue
                if value is None or value is False:
                    continue
                try:
                    number = float(value)
                except (TypeError, ValueError):
                    number = math.nan
                if not math.isfinite(number):
                    raise ValidationError(
                        _(
                            "'%(value)s' is not an amount: enter a number in "
                            "'%(field)s'.",
                            value=value,
                            field=field._description_string(self.env),
                        )
                    )
