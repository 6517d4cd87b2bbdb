"""Distances of the mobile round (no Odoo).

vrac_distribution/tools/geo.py is standard library only: it is loaded by file
path, without importing the addon (whose __init__ imports Odoo).
"""

import importlib.util
import math

import pytest
from helpers import REPO_ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

spec = importlib.util.spec_from_file_location(
    "vrac_geo", REPO_ROOT / "vrac_distribution" / "tools" / "geo.py"
)
geo = importlib.util.module_from_spec(spec)
spec.loader.exec_module(geo)

PROPERTY = settings(max_examples=200, deadline=None, database=None)
DIE = (44.7537, 5.3705)
LUC = (44.6161, 5.4467)
latitudes = st.floats(min_value=-90, max_value=90, allow_nan=False)
longitudes = st.floats(min_value=-180, max_value=180, allow_nan=False)


def law_of_cosines_km(lat1, lon1, lat2, lon2):
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    cos_angle = math.sin(phi1) * math.sin(phi2) + math.cos(phi1) * math.cos(
        phi2
    ) * math.cos(math.radians(lon2 - lon1))
    return geo.EARTH_RADIUS_KM * math.acos(max(-1.0, min(1.0, cos_angle)))


def test_die_to_luc_en_diois():
    distance = geo.haversine_km(*DIE, *LUC)
    assert distance == pytest.approx(law_of_cosines_km(*DIE, *LUC), abs=1e-6)
    assert 15 < distance < 19


def test_one_degree_of_latitude():
    # A degree of a great circle: 2 pi R / 360.
    expected = 2 * math.pi * geo.EARTH_RADIUS_KM / 360
    assert geo.haversine_km(45.0, 5.0, 46.0, 5.0) == pytest.approx(expected)


def test_antipodes_are_half_the_circumference():
    assert geo.haversine_km(0.0, 10.0, 0.0, -170.0) == pytest.approx(
        math.pi * geo.EARTH_RADIUS_KM
    )


@PROPERTY
@given(latitudes, longitudes, latitudes, longitudes)
def test_symmetric_and_bounded(lat1, lon1, lat2, lon2):
    there = geo.haversine_km(lat1, lon1, lat2, lon2)
    back = geo.haversine_km(lat2, lon2, lat1, lon1)
    assert there == pytest.approx(back, abs=1e-6)
    assert 0 <= there <= math.pi * geo.EARTH_RADIUS_KM + 1e-6


def test_unknown_coordinates_give_no_distance():
    legs = geo.leg_distances([DIE, (0.0, 0.0), LUC, DIE], start=None)
    assert legs[0] is None, "no start: the first leg is unknown"
    assert legs[1] is None and legs[2] is None, "both legs of an unknown stop"
    assert legs[3] == pytest.approx(geo.haversine_km(*LUC, *DIE))


def test_legs_from_the_start():
    legs = geo.leg_distances([LUC, DIE], start=DIE)
    assert legs == [pytest.approx(geo.haversine_km(*DIE, *LUC))] * 2
    assert not geo.has_coordinates(0.0, 0.0)
    assert geo.has_coordinates(0.0, 5.3705)


@pytest.mark.parametrize(
    ("latitude", "valid"), [(-90, True), (90, True), (90.01, False), (-91, False)]
)
def test_latitude_range(latitude, valid):
    assert geo.is_valid_latitude(latitude) is valid


@pytest.mark.parametrize(
    ("longitude", "valid"), [(-180, True), (180, True), (180.5, False), (-181, False)]
)
def test_longitude_range(longitude, valid):
    assert geo.is_valid_longitude(longitude) is valid
