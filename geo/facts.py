"""Measured figures (lengths, areas, widths) with the published figures beside them."""

from __future__ import annotations

from typing import Any

import geopandas as gpd

from geo import io
from geo.boundaries import shared_edge
from geo.measure import measure_area_km2, measure_corridor, measure_length_km

SCALE = "1:10m"
METHOD = (
    "geodesic on WGS84 (pyproj.Geod) over the unsimplified Natural Earth 1:10m "
    "coverage snapped to 1e-6 degrees, at build time (python -m geo build)"
)
_CIA = "CIA World Factbook"

#: Published lengths (km) and their sources, by border id.
PUBLISHED_LENGTHS: dict[str, tuple[float, str]] = {
    "durand-line": (2640.0, "commonly cited; CIA World Factbook gives 2,670 km"),
    "afghanistan-tajikistan-border": (1357.0, _CIA),
    "afghanistan-china-border": (91.0, _CIA),
    "afghanistan-iran-border": (921.0, _CIA),
    "afghanistan-uzbekistan-border": (144.0, _CIA),
    "afghanistan-turkmenistan-border": (804.0, _CIA),
    "pakistan-china-border": (438.0, _CIA),
    "pakistan-iran-border": (959.0, _CIA),
    "line-of-control": (740.0, "commonly cited"),
}

#: Published figures of the Wakhan Corridor (docs/notes.md section 7).
PUBLISHED_WAKHAN: dict[str, Any] = {
    "published_area_km2": 11422.0,
    "published_area_source": "Wakhan district (the administrative unit)",
    "published_length_km": 350.0,
    "published_min_width_km": 13.0,
    "published_max_width_km": 65.0,
    "published_source": "commonly cited figures (about 350 km long, 13-65 km wide)",
}

_DURAND_PROVINCES = ("balochistan", "khyber-pakhtunkhwa", "gilgit-baltistan")


def _measure_borders(borders: gpd.GeoDataFrame) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for fid, geom in zip(borders["feature_id"], borders.geometry, strict=True):
        entry: dict[str, Any] = {"length_km": round(measure_length_km(geom), 1)}
        if fid in PUBLISHED_LENGTHS:
            value, source = PUBLISHED_LENGTHS[fid]
            entry |= {"published_length_km": value, "published_source": source}
        out[fid] = entry | {"scale": SCALE, "status": "measured"}
    out["durand-line"]["published_length_km_cia"] = 2670.0
    return out


def compute_facts(layers: dict[str, gpd.GeoDataFrame]) -> dict[str, Any]:
    """Measure the figures of the full-resolution layers.

    Parameters
    ----------
    layers : dict of str to geopandas.GeoDataFrame
        ``countries``, ``provinces``, ``borders``, ``areas`` (EPSG:4326, unsimplified).

    Returns
    -------
    dict
        ``{"provenance": {...}, "facts": {feature id: {figure: value}}}``; lengths
        in km, areas in km2, longitudes in degrees E.
    """
    facts = _measure_borders(layers["borders"])
    prov = dict(
        zip(
            layers["provinces"]["feature_id"], layers["provinces"].geometry, strict=True
        )
    )
    ctry = dict(
        zip(
            layers["countries"]["feature_id"], layers["countries"].geometry, strict=True
        )
    )
    facts["durand-line"]["by_province_km"] = {
        p: round(measure_length_km(shared_edge(ctry["afghanistan"], prov[p])), 1)
        for p in _DURAND_PROVINCES
    }
    areas = dict(
        zip(layers["areas"]["feature_id"], layers["areas"].geometry, strict=True)
    )
    china = (
        layers["borders"].set_index("feature_id").geometry["afghanistan-china-border"]
    )
    corridor = measure_corridor(areas["wakhan-corridor"], neck_east_lon=china.bounds[0])
    facts["wakhan-corridor"] = {
        "area_km2": round(measure_area_km2(areas["wakhan-corridor"]), 0),
        "length_km": round(corridor.centre_line_km, 1),
        "min_width_km": round(corridor.min_width_km, 1),
        "min_width_lon": round(corridor.min_width_lon, 2),
        "max_width_km": round(corridor.max_width_km, 1),
        "max_width_lon": round(corridor.max_width_lon, 2),
        **PUBLISHED_WAKHAN,
        "scale": SCALE,
        "status": "measured",
    }
    facts["siachen"] = {
        "area_km2": round(measure_area_km2(areas["siachen"]), 0),
        "scale": SCALE,
        "status": "measured",
    }
    provenance = {
        "method": METHOD,
        "scale": SCALE,
        "source": "Natural Earth 1:10m admin-1",
    }
    return {"provenance": provenance, "facts": facts}


def measure_facts() -> dict[str, dict[str, object]]:
    """Return the measured figures (and published ones beside them) by feature id.

    Reads ``geo/data/facts.json``, written by ``python -m geo build`` from the
    full-resolution data; every entry names its scale and method.

    Returns
    -------
    dict of str to dict
        E.g. ``{"durand-line": {"length_km": 2244.7, "published_length_km": 2640.0,
        "scale": "1:10m", ...}, "wakhan-corridor": {"area_km2": ..., ...}}``.
    """
    stored = io.read_facts()
    method = str(stored["provenance"]["method"])
    return {fid: {**entry, "method": method} for fid, entry in stored["facts"].items()}
