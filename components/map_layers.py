"""Catalog layers as Folium objects: compact escaped GeoJSON, tooltips, labels."""

from __future__ import annotations

import html
from collections.abc import Callable, Collection, Mapping
from typing import Any

import numpy as np

import folium
import geopandas as gpd
import shapely
from folium.utilities import JsCode

from components.map_style import KIND_LABELS, style_hover

#: Decimals kept: 3 for lines and polygons (about 100 m, under a pixel up to zoom
#: 9; keeps the default map payload well under 300 KB), 4 for points.
COORD_DECIMALS = 3
POINT_DECIMALS = 4
#: Kinds whose name is drawn on the map as a permanent label.
LABEL_KINDS = frozenset({"corridor", "area", "route"})
#: Adds ``feature-<id>`` and ``kind-<kind>`` classes to each path (tests, CSS).
ON_EACH_FEATURE = JsCode(
    """function(feature, layer) {
    var p = feature.properties || {};
    var extra = 'feature-' + String(p.feature_id).replace(/[^a-z0-9-]/g, '')
        + ' kind-' + String(p.kind).replace(/[^a-z0-9-]/g, '');
    layer.options.className = [layer.options.className, extra]
        .filter(Boolean).join(' ');
}"""
)
LABEL_CSS = (
    "<style>.map-label{white-space:nowrap;transform:translate(-50%,-50%);"
    "font:600 12px sans-serif;color:#4a2a00;text-shadow:0 0 3px #fff,0 0 3px #fff;"
    "pointer-events:none}.leaflet-interactive:focus{outline:none}"
    ".leaflet-container,.leaflet-control-layers label{font-size:12px;margin:0}"
    ".leaflet-container .leaflet-control-attribution{font-size:10px;line-height:1.3}"
    "</style>"
)


def build_tooltip_html(name: str, kind: str, note: str | None) -> str:
    """Return the tooltip markup of a feature; every value is HTML-escaped."""
    parts = [f"<b>{html.escape(name)}</b>", html.escape(KIND_LABELS.get(kind, kind))]
    if note:
        parts.append(f"<i>{html.escape(note)}</i>")
    return "<br>".join(parts)


def _note(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def build_feature_collection(
    gdf: gpd.GeoDataFrame, ids: Collection[str] | None = None
) -> dict[str, Any]:
    """Convert a layer to a compact, escaped GeoJSON FeatureCollection.

    Parameters
    ----------
    gdf : GeoDataFrame
        A catalog layer (reprojected to EPSG:4326 if needed).
    ids : collection of str or None
        Keep only these feature ids (None keeps all).

    Returns
    -------
    dict
        Properties are only ``feature_id``, ``kind``, ``disputed`` and ``tip``
        (escaped tooltip HTML); coordinates rounded (see `COORD_DECIMALS`).
    """
    if gdf.crs is not None and gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs(4326)
    if ids is not None:
        gdf = gdf[gdf["feature_id"].isin(list(ids))]
    points = bool(len(gdf)) and bool((gdf.geom_type == "Point").all())
    decimals = POINT_DECIMALS if points else COORD_DECIMALS
    geoms = shapely.transform(gdf.geometry.values, lambda c: np.round(c, decimals))
    features = []
    for row, geom in zip(gdf.itertuples(index=False), geoms, strict=True):
        if geom is None or geom.is_empty:
            continue
        props = {
            "feature_id": str(row.feature_id),
            "kind": str(row.kind),
            "disputed": bool(row.disputed),
            "tip": build_tooltip_html(str(row.name), str(row.kind), _note(row.note)),
        }
        geometry = shapely.geometry.mapping(geom)
        features.append({"type": "Feature", "properties": props, "geometry": geometry})
    return {"type": "FeatureCollection", "features": features}


def build_geojson(
    layer_id: str,
    data: dict[str, Any],
    style: Callable[[Mapping[str, Any]], dict[str, Any]],
    *,
    interactive: bool = True,
) -> folium.GeoJson:
    """Wrap a FeatureCollection in a styled GeoJson layer (tooltips if interactive)."""
    points = any(f["geometry"]["type"] == "Point" for f in data["features"])
    marker = folium.CircleMarker(radius=4) if points else None
    if not interactive:
        return folium.GeoJson(
            data, name=layer_id, style_function=style, marker=marker, control=False
        )
    return folium.GeoJson(
        data,
        name=layer_id,
        style_function=style,
        highlight_function=style_hover,
        marker=marker,
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False, sticky=True),
        on_each_feature=ON_EACH_FEATURE,
    )


def _label_point(geom: shapely.Geometry) -> shapely.Point:
    if geom.geom_type.endswith("LineString"):
        return shapely.line_interpolate_point(geom, 0.5, normalized=True)
    return geom.point_on_surface()


def build_label_markers(gdf: gpd.GeoDataFrame) -> list[folium.Marker]:
    """Permanent name labels (DivIcon) for corridors, areas, routes, disputed lines."""
    out = []
    for row in gdf.itertuples(index=False):
        disputed_line = row.kind == "boundary" and bool(row.disputed)
        if row.kind not in LABEL_KINDS and not disputed_line:
            continue
        if row.geometry is None or row.geometry.is_empty:
            continue
        point = _label_point(row.geometry)
        text = html.escape(str(row.name))
        icon = folium.DivIcon(
            html=f'<div class="map-label">{text}</div>',
            class_name="map-label-icon",
            icon_size=(0, 0),
        )
        location = (round(point.y, 3), round(point.x, 3))
        out.append(folium.Marker(location, icon=icon, interactive=False))
    return out


def bounds_of(
    layers: Mapping[str, gpd.GeoDataFrame], ids: Collection[str]
) -> list[list[float]] | None:
    """Return [[south, west], [north, east]] around the features `ids`, or None."""
    wanted = list(ids)
    frames = [gdf[gdf["feature_id"].isin(wanted)] for gdf in layers.values()]
    boxes = [f.total_bounds for f in frames if len(f)]
    if not boxes:
        return None
    west, south, east, north = np.array(boxes).T
    return [
        [float(south.min()), float(west.min())],
        [float(north.max()), float(east.max())],
    ]
