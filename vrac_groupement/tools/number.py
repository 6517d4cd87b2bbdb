# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Numbers typed by people (quantities, weights, prices), checked in their words.

Over RPC a client can send where a number is expected a text ("abc", "NaN"),
a list, ``NaN``, ``Infinity`` or ``1e308`` (Python's JSON reader accepts them
all). Odoo's ``fields.Float`` then fails with a raw ``ValueError``,
``OverflowError`` or ``TypeError``, or stores ``NaN``. :func:`check_number`
turns them into a :class:`~odoo.exceptions.ValidationError` that says what is
wrong; :class:`CheckedFloat` is a ``Float`` field that checks every value
given to it (create, write, onchange).
"""

import math

from odoo import _, fields
from odoo.exceptions import ValidationError

#: Beyond this, a number typed is a mistake (and Odoo's rounding overflows).
MAX_NUMBER = 1e12


def _shown(value):
    text = str(value)
    return text if len(text) <= 30 else f"{text[:30]}..."


def _not_a_number(self, label, value):
    """The error for ``value``. ``self`` is a record: ``_()`` takes its language."""
    return ValidationError(
        _(
            '%(field)s: "%(value)s" is not a number. Type a number, e.g. 2 or 1.5.',
            field=label,
            value=_shown(value),
        )
    )


def _too_large(self, label, value):
    """The error for ``value``. ``self`` is a record: ``_()`` takes its language."""
    return ValidationError(
        _(
            "%(field)s: %(value)s is far too large to be right.",
            field=label,
            value=_shown(value),
        )
    )


def _as_number(value):
    """``value`` as a float: NaN when it is not a number, infinite when it is
    an integer too large for a float."""
    try:
        return float(value)
    except OverflowError:  # an int too large for a float
        return math.inf
    except (TypeError, ValueError):
        return math.nan


def check_number(record, label, value):
    """Return ``value`` if it is a number a person may have meant.

    :param record: any record (or empty recordset) of the model written.
    :param label: the field's name as the person reads it, or a function
        that gives it (called only for an error).
    :raise ValidationError: not a number, not finite, or far too large.
    """
    if not value:
        return value  # Odoo reads it as 0 (None, False, "", [])
    if type(value) in (int, float) and abs(value) < MAX_NUMBER:
        return value  # the usual case, quickly (NaN fails the comparison)
    number = _as_number(value)
    if math.isfinite(number) and abs(number) < MAX_NUMBER:
        return value
    if callable(label):
        label = label()
    if math.isnan(number):
        raise _not_a_number(record, label, value)
    raise _too_large(record, label, value)


def check_amount(record, label, value):
    """:func:`check_number` for an amount of money, which says so."""
    if value in (None, False) or math.isfinite(_as_number(value)):
        return check_number(record, label, value)
    if callable(label):
        label = label()
    raise ValidationError(
        _(
            "'%(value)s' is not an amount: enter a number in '%(field)s'.",
            value=_shown(value),
            field=label,
        )
    )


def check_vals_numbers(records, vals, field_names):
    """:func:`check_number` on the fields ``field_names`` given in ``vals``."""
    for name in field_names:
        if name in vals:
            field = records._fields[name]
            check_number(
                records, lambda f=field: f._description_string(records.env), vals[name]
            )


class CheckedFloat(fields.Float):
    """A ``Float`` field that refuses what is not a number in the person's words."""

    def _vrac_check(self, value, record):
        return check_number(record, lambda: self._description_string(record.env), value)

    def convert_to_column(self, value, record, values=None, validate=True):
        value = self._vrac_check(value, record)
        return super().convert_to_column(value, record, values, validate)

    def convert_to_cache(self, value, record, validate=True):
        value = self._vrac_check(value, record)
        return super().convert_to_cache(value, record, validate)
