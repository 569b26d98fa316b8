"""Checks of a layer against its catalog spec: CRS, schema, geometry, ids."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import shapely

from geo.catalog import LayerSpec

if TYPE_CHECKING:
    import geopandas as gpd

#: Columns every layer has (DESIGN.md / contracts), besides ``geometry``.
REQUIRED_COLUMNS: tuple[str, ...] = ("feature_id", "name", "kind", "note", "disputed")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def check_schema(gdf: gpd.GeoDataFrame, spec: LayerSpec) -> list[str]:
    """Return schema problems: CRS, columns, count, kinds, ids.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        The layer as read (expected in ``spec.crs``, EPSG:4326).
    spec : LayerSpec
        Its catalog entry.

    Returns
    -------
    list of str
        One message per problem; empty when the layer conforms.
    """
    problems = []
    if gdf.crs is None or gdf.crs.to_string() != spec.crs:
        problems.append(f"{spec.id}: CRS {gdf.crs} is not {spec.crs}")
    missing = [c for c in REQUIRED_COLUMNS if c not in gdf.columns]
    if missing:
        problems.append(f"{spec.id}: missing columns {missing}")
        return problems
    if spec.expected_count is not None and len(gdf) != spec.expected_count:
        problems.append(
            f"{spec.id}: {len(gdf)} features, expected {spec.expected_count}"
        )
    bad_kinds = sorted(set(gdf["kind"]) - set(spec.kinds))
    if bad_kinds:
        problems.append(f"{spec.id}: kinds {bad_kinds} not in {spec.kinds}")
    ids = list(gdf["feature_id"])
    bad_ids = [i for i in ids if not _SLUG.match(str(i))]
    if bad_ids:
        problems.append(f"{spec.id}: ids not lowercase ASCII slugs: {bad_ids}")
    if len(set(ids)) != len(ids):
        problems.append(f"{spec.id}: duplicate feature ids")
    return problems


def check_geometry(gdf: gpd.GeoDataFrame, spec: LayerSpec) -> list[str]:
    """Return geometry problems: wrong type, empty, invalid, outside lon/lat range.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        The layer (EPSG:4326, degrees).
    spec : LayerSpec
        Its catalog entry; ``geometry_type`` also admits its Multi variant.

    Returns
    -------
    list of str
        One message per problem; empty when every geometry is fine.
    """
    problems = []
    allowed = {spec.geometry_type, f"Multi{spec.geometry_type}"}
    for fid, geom in zip(gdf["feature_id"], gdf.geometry, strict=True):
        if geom is None or geom.is_empty:
            problems.append(f"{spec.id}: {fid}: empty geometry")
        elif geom.geom_type not in allowed:
            problems.append(f"{spec.id}: {fid}: {geom.geom_type} not in {allowed}")
        elif not shapely.is_valid(geom):
            problems.append(f"{spec.id}: {fid}: {shapely.is_valid_reason(geom)}")
        else:
            minx, miny, maxx, maxy = geom.bounds
            if minx < -180 or maxx > 180 or miny < -90 or maxy > 90:
                problems.append(f"{spec.id}: {fid}: outside lon/lat range")
    return problems


def validate_layer(gdf: gpd.GeoDataFrame, spec: LayerSpec) -> list[str]:
    """Return every schema and geometry problem of a layer (empty if none).

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        The layer, EPSG:4326.
    spec : LayerSpec
        Its catalog entry.

    Returns
    -------
    list of str
        Problems, schema first.
    """
    return check_schema(gdf, spec) + check_geometry(gdf, spec)
