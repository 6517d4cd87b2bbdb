# Copyright 2026 VRAC for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Distances between the stops of a mobile round (standard library only).

Coordinates are decimal degrees (WGS 84, as shown by any map). Distances are
"as the crow flies" on a spherical Earth: no map service is called. A place
whose latitude and longitude are both 0 has no known coordinates (nobody
distributes food in the Gulf of Guinea at 0°, 0°): its distance is ``None``,
never a 0 pretending to be real.
"""

import math

# Mean Earth radius (IUGG), in kilometres.
EARTH_RADIUS_KM = 6371.0088


def has_coordinates(latitude, longitude):
    """Whether a place's coordinates were given (0, 0 means not given)."""
    return bool(latitude or longitude)


def is_valid_latitude(latitude):
    return -90.0 <= (latitude or 0.0) <= 90.0


def is_valid_longitude(longitude):
    return -180.0 <= (longitude or 0.0) <= 180.0


def haversine_km(lat1, lon1, lat2, lon2):
    """Great-circle distance in km between two points given in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = (
        math.sin(dphi / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    )
    # min() guards against float noise above 1 for antipodal points.
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def leg_distances(points, start=None):
    """Distance of each point from the one before it, in km.

    ``points`` is a sequence of (latitude, longitude) pairs in the order they
    are visited; ``start`` is where the journey begins (or None). The first
    point's distance is from ``start``. A leg is known only when both its ends
    have coordinates: a point without them makes its own leg and the next one
    ``None`` (the distance is not guessed from an earlier point).
    """
    distances = []
    previous = start
    for point in points:
        if (
            previous is None
            or not has_coordinates(*previous)
            or not has_coordinates(*point)
        ):
            distances.append(None)
        else:
            distances.append(haversine_km(*previous, *point))
        previous = point
    return distances
