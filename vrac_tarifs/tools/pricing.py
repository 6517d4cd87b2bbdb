# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pricing rules of the purchasing groups, as plain functions (no Odoo).

They state the rules in one place; the models use them and the tests check
them without a database. Amounts are in the company currency. The tier price
rule itself is Odoo's pricelist formula (see product_pricelist_item.py); the
tests compare it with their oracle, vrac_tarifs/tests/pricing_oracle.py.
"""

# Modified OECD scale: consumption units of a household.
FIRST_ADULT_UNITS = 1.0
OTHER_PERSON_14_UNITS = 0.5
CHILD_UNDER_14_UNITS = 0.3

# Prices within this of the cost are at cost (float noise, far below a cent).
PRICE_EPSILON = 1e-9


def consumption_units(adults, children, children_14_or_more=0):
    """Consumption units of a household (modified OECD scale).

    1 for the first adult, 0.5 for every other person aged 14 or more
    (adults and teenagers), 0.3 for every child under 14.
    """
    if adults < 0 or children < 0 or children_14_or_more < 0:
        raise ValueError("Counts of people cannot be negative.")
    if children_14_or_more > children:
        raise ValueError("Teenagers are counted among the children.")
    if adults + children < 1:
        raise ValueError("A household counts at least one person.")
    older = max(adults - 1, 0) + children_14_or_more
    younger = children - children_14_or_more
    if adults == 0:
        # A household of minors: the eldest counts as the first adult.
        if children_14_or_more:
            older -= 1
        else:
            younger -= 1
    units = FIRST_ADULT_UNITS + OTHER_PERSON_14_UNITS * older
    units += CHILD_UNDER_14_UNITS * younger
    return round(units, 2)


def cost_price(vendor_price, logistics_percent=0.0, logistics_amount=0.0):
    """Cost price: the vendor price plus the logistics share, no margin."""
    if vendor_price < 0:
        raise ValueError("A vendor price cannot be negative.")
    if logistics_percent < 0 or logistics_amount < 0:
        raise ValueError("A logistics share cannot be negative.")
    return vendor_price * (1 + logistics_percent / 100.0) + logistics_amount


def below_cost(price, cost):
    """Whether a price is below the cost (float noise of rounding ignored)."""
    return price < cost - PRICE_EPSILON


def tier_for(resources_per_unit, bounds):
    """The tier whose bounds hold the monthly resources per consumption unit.

    bounds: iterable of (tier, lower, upper) with lower included and upper
    excluded; upper None (or 0) means no upper bound. Returns None when no
    tier fits.
    """
    for tier, lower, upper in bounds:
        if resources_per_unit >= (lower or 0.0) and (
            not upper or resources_per_unit < upper
        ):
            return tier
    return None


def overlapping(bounds):
    """Pairs of tiers whose [lower, upper) bounds overlap (upper None/0: no end)."""
    pairs = []
    items = sorted(bounds, key=lambda item: item[1] or 0.0)
    for index, (tier, _lower, upper) in enumerate(items):
        end = upper or float("inf")
        for other, other_lower, _other_upper in items[index + 1 :]:
            if (other_lower or 0.0) < end:
                pairs.append((tier, other))
    return pairs
