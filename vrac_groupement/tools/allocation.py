"""Pure quantity arithmetic of an order cycle (standard library only, no Odoo).

An order cycle collects what each member household orders, buys it from the
vendors by whole cases (pasta by cases of 20, olive oil by 6, lentils in 25 kg
sacks sold by the kg), then shares what was actually bought among the
households. Three functions do the arithmetic, so that it can be tested
without a database:

- :func:`round_to_cases`: how much to buy of a product, in whole cases;
- :func:`allocate`: share what was bought in proportion to the orders
  (largest remainder method), in whole steps (1 unit, or 1 g = 0.001 kg);
- :func:`shortfalls`: the households that got less than they ordered.

Exact arithmetic. Quantities arrive as ``int``, ``float``, ``Decimal`` or
``Fraction``. A float is read as the decimal it prints as (``0.1`` is one
tenth, not 0.1000000000000000055...), and every computation is done on exact
fractions or on integer counts of cases or steps, so no float drift creeps in.
A ratio within ``1e-6`` of a whole number of cases or steps counts as that
whole number: ``40.00000000000001`` units are 2 cases of 20, not 3. That
forgives the noise of float sums made upstream (``0.1 + 0.2``) and is far
below any quantity that a household or a vendor can tell apart.
"""

import math
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

POLICY_UP = "up"
POLICY_DOWN = "down"
POLICY_NEAREST = "nearest"
#: Rounding policies of :func:`round_to_cases`, in the order a selection shows them.
ROUNDING_POLICIES = (POLICY_UP, POLICY_DOWN, POLICY_NEAREST)

# Float noise forgiven when a ratio is turned into a whole count (in cases or
# steps): see the module docstring.
_TOLERANCE_INVERSE = 10**6
_TOLERANCE = Fraction(1, _TOLERANCE_INVERSE)


def _exact_ratio(value, name):
    """``value`` as an exact ``(numerator, denominator)`` pair of ints.

    A float is read as the decimal it prints as: repr() is the shortest
    decimal that reads back as the same float, so 0.1 gives (1, 10), not
    (3602879701896397, 2**55). Integers all along: this runs once per
    household, and int arithmetic is much faster than Fraction arithmetic.
    """
    kind = type(value)
    if kind is int:
        return value, 1
    if kind is float:
        if not math.isfinite(value):
            raise ValueError(f"{name} must be a finite number, got {value!r}")
        return Decimal(repr(value)).as_integer_ratio()
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"{name} must be a finite number, got {value!r}")
        return value.as_integer_ratio()
    if isinstance(value, bool) or not isinstance(value, int | float | Fraction):
        raise TypeError(f"{name} must be a number, got {value!r}")
    if isinstance(value, float):  # a float subclass, e.g. numpy.float64
        return _exact_ratio(float(value), name)
    return value.as_integer_ratio()  # a Fraction, or an int subclass


def _exact(value, name):
    """``value`` as an exact, finite Fraction (a float as the decimal it prints)."""
    return Fraction(*_exact_ratio(value, name))


def _non_negative(value, name):
    exact = _exact(value, name)
    if exact < 0:
        raise ValueError(f"{name} must not be negative, got {value!r}")
    return exact


def _positive(value, name):
    exact = _exact(value, name)
    if exact <= 0:
        raise ValueError(f"{name} must be strictly positive, got {value!r}")
    return exact


def _snap(ratio):
    """``ratio``, or the whole number it is within float noise of."""
    nearest = round(ratio)
    if abs(ratio - nearest) <= _TOLERANCE:
        return Fraction(nearest)
    return ratio


def _floor(ratio):
    return math.floor(_snap(ratio))


def _ceil(ratio):
    return math.ceil(_snap(ratio))


def _as_quantity(count, unit, integral):
    """``count`` times ``unit``: an int when ``integral``, else the nearest float.

    The nearest float to an exact decimal is the float that prints as that
    decimal, so ``2333`` steps of ``0.001`` give ``2.333``, exactly as
    ``round(2.333, 3)`` would. (int / int is correctly rounded in Python.)
    """
    if integral:  # an int unit: its denominator is 1
        return count * unit.numerator
    return count * unit.numerator / unit.denominator


def round_to_cases(quantity, case_size, policy, capacity=None):
    """Quantity to buy: ``quantity`` rounded to whole cases of ``case_size``.

    :param quantity: total ordered by the households (``>= 0``).
    :param case_size: what the vendor sells in one case (``> 0``), e.g. 20
        packets of pasta, 6 bottles of oil, 25 (kg) for a sack of lentils.
    :param policy: ``"up"``: round up, the surplus is sold at the
        distribution; ``"down"``: round down, the shortfall is shared among
        the households (see :func:`allocate`); ``"nearest"``: the nearest
        whole number of cases, a half case rounds up.
    :param capacity: optional total the vendor can deliver (``>= 0``). When
        given, the result never exceeds it: it is capped at ``capacity``
        rounded DOWN to whole cases (a vendor does not sell part of a case).
    :return: a whole multiple of ``case_size`` (0 when ``quantity`` is 0): an
        ``int`` when ``case_size`` is an ``int``, else a ``float``.
    :raise ValueError: ``case_size <= 0``, a negative ``quantity`` or
        ``capacity``, a non-finite number, or an unknown ``policy``.
    :raise TypeError: a quantity that is not a number.
    """
    if policy not in ROUNDING_POLICIES:
        raise ValueError(
            f"Unknown rounding policy {policy!r}: expected one of "
            f"{', '.join(ROUNDING_POLICIES)}"
        )
    exact_quantity = _non_negative(quantity, "quantity")
    case = _positive(case_size, "case_size")
    ratio = exact_quantity / case
    if policy == POLICY_UP:
        cases = _ceil(ratio)
    elif policy == POLICY_DOWN:
        cases = _floor(ratio)
    else:
        cases = _floor(ratio + Fraction(1, 2))
    if capacity is not None:
        cases = min(cases, _floor(_non_negative(capacity, "capacity") / case))
    return _as_quantity(cases, case, _is_integral(case_size))


def _is_integral(step):
    """Whether quantities counted in ``step`` are returned as ints."""
    return isinstance(step, int) and not isinstance(step, bool)


def _ordered_units(ordered, unit, step):
    """{key: whole number of steps ordered}, validating every quantity."""
    if not isinstance(ordered, Mapping):
        raise TypeError(
            f"ordered must be a mapping {{key: quantity}}, got {type(ordered)!r}"
        )
    units = {}
    for key, quantity in ordered.items():
        numerator, denominator = _exact_ratio(quantity, "ordered quantity")
        if numerator < 0:
            raise ValueError(
                f"ordered quantity of {key!r} must not be negative, got {quantity!r}"
            )
        # quantity / unit as top / bottom, then its nearest whole number
        top, bottom = numerator * unit.denominator, denominator * unit.numerator
        count, rest = divmod(top, bottom)
        if 2 * rest > bottom:
            count, rest = count + 1, rest - bottom
        if abs(rest) * _TOLERANCE_INVERSE > bottom:
            raise ValueError(
                f"ordered quantity of {key!r} ({quantity!r}) is not a whole "
                f"multiple of the step ({step!r})"
            )
        units[key] = count
    return units


def _tie_break_key(key):
    """Last criteria of the largest remainder ranking: the key as a string.

    ``repr`` only separates keys whose ``str`` is equal (``1`` and ``"1"``).
    """
    return (str(key), repr(key))


def allocate(ordered, available, step):
    """Share ``available`` among households in proportion to their orders.

    The largest remainder (Hamilton) method, in whole multiples of ``step``
    (1 for products sold by the unit, 0.001 for products sold by the kg, that
    is a gram resolution). Internally orders and allocations are whole
    numbers of steps and shares are exact ratios of integers: nothing drifts.
    ``available`` floored to the step is shared out; each household's share
    is computed from the exact ``available`` (the textbook method when
    ``available`` is a multiple of the step, and otherwise the variant that
    keeps every allocation within one step of ``ordered * available /
    total``).

    :param ordered: ``{key: quantity}``; each quantity ``>= 0`` and a whole
        multiple of ``step``. Keys are anything hashable (partner ids, order
        line ids, names); their ``str`` should be distinct (see ties below).
    :param available: what was bought or delivered (``>= 0``). It need not be
        a multiple of ``step``: it is floored to the step first.
    :param step: the resolution of the allocation (``> 0``).
    :return: ``{key: allocated}`` for every key of ``ordered``, in its order.
        Values are ``int`` when ``step`` is an ``int``, else the ``float``
        nearest to the exact multiple of ``step`` (so rounded to the step's
        decimals).

    Guarantees:

    - when ``available`` covers the total ordered, every household gets
      exactly what it ordered (the surplus is not allocated);
    - otherwise the allocations sum to ``available`` floored to the step
      (never more than ``available``), none is below 0 or above its order,
      and each is within one step of its exact share
      ``ordered * available / total``: its share floored to the step, plus
      one step for the households with the largest remainders;
    - ties on the remainder are broken deterministically, whatever the order
      of the mapping: the larger remainder first, then the larger order, then
      the smaller key compared as a string (``str(key)``, so ``10`` comes
      before ``9``), then ``repr(key)``.

    :raise ValueError: ``step <= 0``, a negative ``available`` or ordered
        quantity, an ordered quantity that is not a multiple of ``step``, or
        a non-finite number.
    :raise TypeError: ``ordered`` is not a mapping, or a quantity is not a
        number.
    """
    unit = _positive(step, "step")
    integral = _is_integral(step)
    units = _ordered_units(ordered, unit, step)
    steps = _snap(_non_negative(available, "available") / unit)
    budget = math.floor(steps)  # what is shared, in whole steps
    total = sum(units.values())
    if budget >= total:
        return {key: _as_quantity(units[key], unit, integral) for key in units}

    # Exact share of each household, in steps: units * available / total, as a
    # whole quotient and an exact remainder (fractions, no float). The shares
    # use the exact `available`, not the floored `budget`, so that each
    # allocation stays within one step of ordered * available / total.
    # count * steps / total == count * numerator / denominator
    numerator, denominator = steps.numerator, steps.denominator * total
    allocated, remainders = {}, {}
    for key, count in units.items():
        allocated[key], remainders[key] = divmod(count * numerator, denominator)
    # The quotients leave `leftover` steps, fewer than there are households.
    # The remainders sum to (leftover + steps - budget) * denominator and each
    # is below denominator, so more than `leftover` households have a remainder > 0:
    # the extra steps only go to households whose share is not whole, which
    # keeps everyone within one step of their share and at most their order
    # (a share is below its order, as available < total here).
    leftover = budget - sum(allocated.values())
    ranking = sorted(
        units,
        key=lambda key: (-remainders[key], -units[key], _tie_break_key(key)),
    )
    for key in ranking[:leftover]:
        allocated[key] += 1
    return {key: _as_quantity(allocated[key], unit, integral) for key in units}


def shortfalls(ordered, allocated):
    """Households that got less than they ordered.

    :param ordered: ``{key: quantity ordered}``.
    :param allocated: ``{key: quantity allocated}``, e.g. from
        :func:`allocate`; a key missing from it counts as 0 allocated.
    :return: ``{key: (ordered, allocated)}`` for those households only, in the
        order of ``ordered``: what a volunteer reads as "ordered X, allocated
        Y", and the list of the households to call. A difference below
        ``1e-9`` (float noise) is not a shortfall.
    """
    result = {}
    for key, quantity in ordered.items():
        got = allocated.get(key, 0)
        if got < quantity and not math.isclose(
            got, quantity, rel_tol=1e-9, abs_tol=1e-9
        ):
            result[key] = (quantity, got)
    return result
