"""Geosearch rules that need no I/O: validating a map's bounding box."""

from __future__ import annotations

from dataclasses import dataclass

from clientarea_shared.errors import FieldError, Invalid


@dataclass(frozen=True)
class BoundingBox:
    min_lat: float
    min_lon: float
    max_lat: float
    max_lon: float


def bounding_box(min_lat: float, min_lon: float, max_lat: float, max_lon: float) -> BoundingBox | None:
    """The map area to search, or None when all four are zero (no area given)."""
    if min_lat == min_lon == max_lat == max_lon == 0:
        return None
    errors = []
    for name, value, limit in (("min_lat", min_lat, 90), ("max_lat", max_lat, 90),
                               ("min_lon", min_lon, 180), ("max_lon", max_lon, 180)):
        if not -limit <= value <= limit:
            errors.append(FieldError(name, "out_of_range", f"{name} must be between -{limit} and {limit}"))
    if min_lat > max_lat:
        errors.append(FieldError("min_lat", "out_of_range", "min_lat must not exceed max_lat"))
    if min_lon > max_lon:
        # Boxes across the antimeridian are not needed for the firms' markets (Iberia, Europe).
        errors.append(FieldError("min_lon", "out_of_range", "min_lon must not exceed max_lon"))
    if errors:
        raise Invalid("The map area is not valid", errors, "invalid_bounding_box")
    return BoundingBox(min_lat, min_lon, max_lat, max_lon)
