# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The tier price rule restated as plain functions: a test oracle (no Odoo).

The product computes prices with Odoo's pricelists (a formula on the cost,
``product.pricelist.item._compute_price``) and the till with the point of
sale's pricelist code (``models.esm.js``); the tests compare both with this
oracle: vrac_tarifs/tests/test_pricing_property.py (hypothesis, against the
real pricelists) and the repository's pure tests/test_pricing.py (the rule's
own properties). Standard library only, so those can load it by path.
"""

import math

# Prices within this of the cost are at cost (float noise, far below a cent).
PRICE_EPSILON = 1e-9


def round_to_step(amount, step):
    """Round half up to a multiple of step (e.g. 0.05 EUR), as Odoo's float_round.

    The same float steps as ``odoo.tools.float_round`` (HALF-UP) and the
    point of sale's ``roundPrecision``: the amount is divided by the step and
    nudged by one unit in the last place before rounding, so that a half step
    computed in floats (2.86 * 1.25 = 3.5749999999999997) still rounds up
    (3.60), as the exact figure (3.575) does.
    """
    if step <= 0:
        raise ValueError("The rounding step must be above zero.")
    if not amount:
        return 0.0
    normalized = amount / step
    epsilon = 2 ** (math.log(abs(normalized), 2) - 52)
    normalized += math.copysign(epsilon, normalized)
    # Half away from zero, as Odoo's own `round` (float_utils): Python's
    # builtin rounds a half to the even integer (580.5 -> 580), Odoo up (581).
    rounded = math.floor(abs(normalized) + 0.5)
    return math.copysign(rounded, normalized) * step


def tier_price(cost, percent, step=0.0):
    """Price of a tier: the cost changed by a signed percentage, then rounded.

    percent is signed: +10 is 10 % above cost, -20 is 20 % below; it cannot be
    below -100 % (the price would be negative). step 0 means no rounding:
    a tier at cost then sells at the cost to the cent.

    The figures follow the pricelist of the tier (Odoo's formula on the cost
    with ``price_discount = -percent`` and ``price_round = step``), plus one
    rule of VRAC: a tier at or above cost never sells below cost. When the
    nearest step is below the cost, the price is the next step up.
    """
    if percent < -100:
        raise ValueError("A tier cannot be more than 100 % below cost.")
    if step < 0:
        raise ValueError("The rounding step cannot be negative.")
    # Odoo: price = base - base * (price_discount / 100), a mark-up being a
    # negative discount.
    price = (cost - cost * (-percent / 100.0)) or 0.0
    if step:
        price = round_to_step(price, step)
        if percent >= 0 and price < cost - PRICE_EPSILON:
            price += step
    return price
