"""Order-cycle arithmetic: cases to buy, sharing what was bought (no Odoo).

vrac_groupement/tools/allocation.py is standard library only: it is loaded by
file path, without importing the addon (whose __init__ imports Odoo).
"""

import importlib.util
import math
import random
from decimal import Decimal
from fractions import Fraction

import pytest
from helpers import REPO_ROOT
from hypothesis import example, given, settings
from hypothesis import strategies as st

spec = importlib.util.spec_from_file_location(
    "vrac_allocation", REPO_ROOT / "vrac_groupement" / "tools" / "allocation.py"
)
allocation = importlib.util.module_from_spec(spec)
spec.loader.exec_module(allocation)

# No example database: nothing is written in the working tree (.hypothesis/).
PROPERTY = settings(max_examples=300, deadline=None, database=None)
# Float noise the module forgives, in steps or cases (see its docstring).
TOLERANCE = Fraction(1, 10**6)
STEPS = (1, 0.001, 0.5)


def exact(value):
    """A quantity as an exact fraction, a float read as the decimal it prints."""
    return Fraction(repr(value)) if isinstance(value, float) else Fraction(value)


def quantity(units, step):
    """``units`` whole steps, as a caller holds them (int, or the nearest float)."""
    if isinstance(step, int):
        return units * step
    return float(units * exact(step))


def in_steps(values, step):
    return {key: exact(value) / exact(step) for key, value in values.items()}


# round_to_cases ------------------------------------------------------------


@pytest.mark.parametrize(
    "quantity, case_size, policy, expected",
    [
        # pasta by cases of 20
        (45, 20, "up", 60),
        (45, 20, "down", 40),
        (45, 20, "nearest", 40),
        (49, 20, "nearest", 40),
        (50, 20, "nearest", 60),  # half a case rounds up
        (51, 20, "nearest", 60),
        # olive oil by 6
        (7, 6, "up", 12),
        (7, 6, "down", 6),
        (7, 6, "nearest", 6),
        (2, 6, "down", 0),
        (2, 6, "nearest", 0),
        (3, 6, "nearest", 6),
        # exact multiples do not move, whatever the policy
        (40, 20, "up", 40),
        (40, 20, "down", 40),
        (40, 20, "nearest", 40),
        (12.0, 6, "up", 12),
        # nothing ordered, nothing bought
        (0, 20, "up", 0),
        (0, 20, "down", 0),
        (0, 20, "nearest", 0),
        # lentils in 25 kg sacks, ordered by the kg
        (27.5, 25, "up", 50),
        (27.5, 25, "down", 25),
        (37.5, 25, "nearest", 50),
        (37.499, 25, "nearest", 25),
        (27.5, 25.0, "up", 50.0),
        (1.25, 0.5, "up", 1.5),
        # float noise of upstream sums is not a whole extra case
        (40.00000000000001, 20, "up", 40),
        (0.1 + 0.2, 0.1, "down", 0.3),
        (0.7 - 0.4, 0.1, "down", 0.3),
        # exact types are accepted too
        (Decimal("27.5"), 25, "up", 50),
        (Fraction(55, 2), 25, "down", 25),
    ],
)
def test_round_to_cases(quantity, case_size, policy, expected):
    result = allocation.round_to_cases(quantity, case_size, policy)
    assert result == expected
    # an int case size gives an int, a float case size a float
    assert type(result) is type(case_size)


@pytest.mark.parametrize(
    "quantity, policy, capacity, expected",
    [
        (45, "up", 100, 60),  # the capacity does not bind
        (45, "up", 60, 60),  # exactly the capacity
        (45, "up", 50, 40),  # capped, floored to whole cases
        (45, "nearest", 50, 40),
        (45, "down", 30, 20),
        (45, "up", 19, 0),  # not even one case
        (45, "up", 0, 0),
        (0, "up", 50, 0),
        (45, "up", 40.00000000000001, 40),
        (45, "up", 59.99999999999999, 60),  # noise, not a missing packet
    ],
)
def test_round_to_cases_capacity(quantity, policy, capacity, expected):
    assert (
        allocation.round_to_cases(quantity, 20, policy, capacity=capacity) == expected
    )


def test_round_to_cases_capacity_by_the_kg():
    # 3 sacks wanted, the producer has 60 kg left: 2 whole sacks
    assert allocation.round_to_cases(70, 25, "up", capacity=60) == 50
    assert allocation.round_to_cases(70.5, 25.0, "down", capacity=60.0) == 50.0


@PROPERTY
@given(
    quantity=st.integers(0, 10_000),
    case_size=st.integers(1, 100),
    policy=st.sampled_from(allocation.ROUNDING_POLICIES),
    capacity=st.none() | st.integers(0, 10_000),
)
def test_round_to_cases_properties(quantity, case_size, policy, capacity):
    result = allocation.round_to_cases(quantity, case_size, policy, capacity)
    assert result % case_size == 0
    assert result >= 0
    uncapped = allocation.round_to_cases(quantity, case_size, policy)
    if policy == "up":
        assert quantity <= uncapped < quantity + case_size
    elif policy == "down":
        assert quantity - case_size < uncapped <= quantity
    else:
        # half a case rounds up
        assert quantity - case_size / 2 < uncapped <= quantity + case_size / 2
    if capacity is None:
        assert result == uncapped
    else:
        assert result == min(uncapped, capacity // case_size * case_size)


# allocate: examples ------------------------------------------------------------


def test_allocate_proportional_whole_units():
    # 12 packets bought for 10 + 5 + 5 ordered: exactly in proportion
    result = allocation.allocate({"anna": 10, "bilal": 5, "chloe": 5}, 12, 1)
    assert result == {"anna": 6, "bilal": 3, "chloe": 3}
    assert all(type(value) is int for value in result.values())


def test_allocate_equal_orders_tie_break():
    # 7 bought for 3 + 3 + 3: shares of 7/3, the extra unit goes to the
    # smallest key as a string (equal remainders, equal orders)
    ordered = {"c": 3, "a": 3, "b": 3}
    result = allocation.allocate(ordered, 7, 1)
    assert result == {"c": 2, "a": 3, "b": 2}
    assert list(result) == ["c", "a", "b"]  # the caller's order is kept
    assert sum(result.values()) == 7
    assert all(abs(value - Fraction(7, 3)) < 1 for value in result.values())
    for _ in range(10):
        items = list(ordered.items())
        random.shuffle(items)
        assert allocation.allocate(dict(items), 7, 1) == result


def test_allocate_tie_break_order():
    # the units left go first to the larger remainder: 3 bought for 1 + 3
    # (shares 0.75 and 2.25)
    assert allocation.allocate({"a": 1, "b": 3}, 3, 1) == {"a": 1, "b": 2}
    # then, on equal remainders, to the larger order: 2 bought for 1 + 3
    # (shares 0.5 and 1.5)
    assert allocation.allocate({"a": 1, "b": 3}, 2, 1) == {"a": 0, "b": 2}
    # then to the smaller key as a string: 3 bought for 2 + 2 + 1 + 1
    # (shares 1, 1, 0.5, 0.5)
    assert allocation.allocate({"x": 2, "y": 2, "z": 1, "w": 1}, 3, 1) == {
        "x": 1,
        "y": 1,
        "z": 0,
        "w": 1,
    }
    # the string order, not the numeric one: "10" < "9"
    assert allocation.allocate({9: 1, 10: 1}, 1, 1) == {9: 0, 10: 1}
    # keys with the same str still give a deterministic result
    assert allocation.allocate({1: 1, "1": 1}, 1, 1) == {1: 0, "1": 1}
    assert allocation.allocate({"1": 1, 1: 1}, 1, 1) == {1: 0, "1": 1}


def test_allocate_by_the_kg():
    # a 25 kg sack of lentils for 8 + 8 + 7.5 + 4 kg ordered, to the gram:
    # shares 7.2727..., 7.2727..., 6.8181..., 3.6363... kg
    ordered = {"anna": 8, "bilal": 8.0, "chloe": 7.5, "dan": 4}
    result = allocation.allocate(ordered, 25, 0.001)
    assert result == {"anna": 7.273, "bilal": 7.273, "chloe": 6.818, "dan": 3.636}
    assert all(type(value) is float for value in result.values())
    assert sum(in_steps(result, 0.001).values()) == 25_000


def test_allocate_enough_for_everyone():
    ordered = {"anna": 10, "bilal": 5, "chloe": 0}
    assert allocation.allocate(ordered, 20, 1) == ordered  # surplus not allocated
    assert allocation.allocate(ordered, 15, 1) == ordered
    assert allocation.allocate(ordered, 15.5, 1) == ordered
    ordered = {"anna": 2.5, "bilal": 0.75}
    assert allocation.allocate(ordered, 3.25, 0.001) == ordered
    assert allocation.allocate(ordered, 0.1 * 32.5, 0.001) == ordered  # noise
    assert allocation.allocate({}, 10, 1) == {}


def test_allocate_short():
    assert allocation.allocate({"anna": 10, "bilal": 5}, 0, 1) == {
        "anna": 0,
        "bilal": 0,
    }
    # available is floored to the step: of 14.9 units, 14 are shared
    # (shares 9.93 and 4.97)
    result = allocation.allocate({"anna": 10, "bilal": 5}, 14.9, 1)
    assert result == {"anna": 9, "bilal": 5}
    # the shares come from the exact available, not the floored one: of 9.94
    # units, 9 are shared for shares of 8.41, 0.76 and 0.76 (sharing 9 as if
    # it were all would give 7, 1 and 1: 1.41 below the first share)
    result = allocation.allocate({"a": 11, "b": 1, "c": 1}, 9.94, 1)
    assert result == {"a": 8, "b": 1, "c": 0}
    # a household that ordered nothing gets nothing
    assert allocation.allocate({"anna": 4, "bilal": 0}, 3, 1) == {
        "anna": 3,
        "bilal": 0,
    }
    # half kg steps
    assert allocation.allocate({"a": 1.5, "b": 1.5, "c": 1}, 2.5, 0.5) == {
        "a": 1.0,
        "b": 1.0,
        "c": 0.5,
    }


# allocate: properties ----------------------------------------------------------

# Partner ids or names, drawn from a small range so that an int and a string
# often print the same (5 and "5"): the last tie-break, repr(), is exercised.
KEYS = st.integers(1, 500) | st.integers(1, 500).map(str)


@st.composite
def allocation_cases(draw):
    """(ordered, available, step): 1-200 households, available in [0, 1.5 x total]."""
    step = draw(st.sampled_from(STEPS))
    units = draw(
        st.dictionaries(KEYS, st.integers(0, 30_000), min_size=1, max_size=200)
    )
    ordered = {key: quantity(count, step) for key, count in units.items()}
    total_units = sum(units.values())
    max_units = total_units * 3 // 2
    available = draw(
        # what was bought: whole steps (cases, sacks), often exactly the total
        st.integers(0, max_units).map(lambda count: quantity(count, step))
        | st.just(quantity(total_units, step))
        # or any delivered weight
        | st.floats(0, float(max_units * exact(step)))
    )
    return ordered, available, step


@PROPERTY
@given(allocation_cases())
# shared as if 9.94 were 9, household "a" would get 1.41 below its share
@example(({"a": 11, "b": 1, "c": 1}, 9.94, 1))
def test_allocate_properties(case):
    ordered, available, step = case
    result = allocation.allocate(ordered, available, step)
    assert list(result) == list(ordered)
    assert all(type(value) is type(step) for value in result.values())
    got = in_steps(result, step)
    assert all(count.denominator == 1 for count in got.values())  # whole steps
    wanted = in_steps(ordered, step)
    total = sum(wanted.values())
    steps = exact(available) / exact(step)
    budget = math.floor(steps + TOLERANCE)
    missing = allocation.shortfalls(ordered, result)
    if budget >= total:
        assert result == ordered
        assert missing == {}
        return
    assert sum(got.values()) == budget  # what was bought, floored to the step
    assert sum(got.values()) <= steps + TOLERANCE  # never more than available
    for key, count in got.items():
        assert 0 <= count <= wanted[key]
        assert abs(count - wanted[key] * steps / total) < 1 + TOLERANCE
    assert missing == {
        key: (ordered[key], result[key]) for key in ordered if got[key] < wanted[key]
    }
    assert missing  # someone is short
    # fairness: a larger order never gets less (equal orders: within a step)
    ranked = sorted(ordered, key=lambda key: (wanted[key], got[key]))
    assert all(
        got[smaller] <= got[larger]
        for smaller, larger in zip(ranked, ranked[1:], strict=False)
    )


@PROPERTY
@given(allocation_cases(), st.randoms(use_true_random=False))
def test_allocate_is_deterministic(case, rnd):
    """Same input, same output: neither the call nor the dict order matters."""
    ordered, available, step = case
    result = allocation.allocate(ordered, available, step)
    assert allocation.allocate(ordered, available, step) == result
    items = list(ordered.items())
    rnd.shuffle(items)
    assert allocation.allocate(dict(items), available, step) == result


# shortfalls --------------------------------------------------------------------


def test_shortfalls():
    ordered = {"a": 3, "b": 3, "c": 3}
    allocated = allocation.allocate(ordered, 7, 1)
    assert allocation.shortfalls(ordered, allocated) == {"b": (3, 2), "c": (3, 2)}
    assert allocation.shortfalls(ordered, ordered) == {}
    # a household missing from the allocation got nothing
    assert allocation.shortfalls({"a": 2, "b": 1}, {"a": 2}) == {"b": (1, 0)}
    # float noise is not a shortfall; a gram is
    assert allocation.shortfalls({"a": 0.1 + 0.2}, {"a": 0.3}) == {}
    assert allocation.shortfalls({"a": 7.5}, {"a": 7.499}) == {"a": (7.5, 7.499)}


# bad input ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "args, kwargs, message",
    [
        ((10, 0, "up"), {}, "case_size"),
        ((10, -6, "up"), {}, "case_size"),
        ((-1, 6, "up"), {}, "quantity"),
        ((10, 6, "up"), {"capacity": -1}, "capacity"),
        ((10, 6, "ceil"), {}, "policy"),
        ((10, 6, "UP"), {}, "policy"),
        ((10, 6, None), {}, "policy"),
        ((float("nan"), 6, "up"), {}, "finite"),
        ((10, float("inf"), "up"), {}, "finite"),
        ((10, 6, "up"), {"capacity": Decimal("NaN")}, "finite"),
    ],
)
def test_round_to_cases_bad_input(args, kwargs, message):
    with pytest.raises(ValueError, match=message):
        allocation.round_to_cases(*args, **kwargs)


@pytest.mark.parametrize(
    "ordered, available, step, message",
    [
        ({"a": 1}, 1, 0, "step"),
        ({"a": 1}, 1, -0.001, "step"),
        ({"a": -1}, 1, 1, "negative"),
        ({"a": 1}, -1, 1, "available"),
        ({"a": 7.5}, 5, 1, "multiple"),  # half a packet
        ({"a": 0.0005}, 5, 0.001, "multiple"),  # half a gram
        ({"a": 1}, float("nan"), 1, "finite"),
        ({"a": float("inf")}, 1, 1, "finite"),
    ],
)
def test_allocate_bad_input(ordered, available, step, message):
    with pytest.raises(ValueError, match=message):
        allocation.allocate(ordered, available, step)


def test_bad_types():
    with pytest.raises(TypeError):
        allocation.allocate([("a", 1)], 1, 1)
    with pytest.raises(TypeError):
        allocation.allocate({"a": "1"}, 1, 1)
    with pytest.raises(TypeError):
        allocation.round_to_cases(True, 6, "up")
