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

from components.map.compact import DECODE_FILTER, encode_collection
from components.map.popup import TopPassage, build_popup_html
from components.map.style import CLIP_EDGE_STYLE, CLIPPED, KIND_LABELS, style_hover
from geo.derive import DISPLAY_BBOX

#: Decimals kept: 3 for lines and polygons (about 100 m, under a pixel up to zoom
#: 9; keeps the default map payload well under 300 KB), 4 for points.
COORD_DECIMALS = 3
POINT_DECIMALS = 4
#: Kinds whose polygons carry a permanent name label (points of these kinds,
#: e.g. districts at their seat, are dots with a tooltip).
LABEL_KINDS = frozenset({"corridor", "area"})
#: Lines labelled by name (other borders and routes: tooltip and legend).
LABEL_LINES = frozenset({"durand-line", "line-of-control", "cpec"})
#: Where a label sits, so it clears the dots it would cover at the default zoom:
#: ``(anchor, fraction, css class)``; anchor ``line`` is the point at ``fraction``
#: of the line, ``east`` the north-east corner of the shape's bounds.
LABEL_PLACEMENT: dict[str, tuple[str, float, str]] = {
    "wakhan-corridor": ("east", 0.0, "label-ne"),
    "durand-line": ("line", 0.9, "label-above"),
    "cpec": ("line", 0.72, "label-left"),
}
#: Adds ``feature-<id>`` and ``kind-<kind>`` classes to each path (tests, CSS),
#: and opens a feature's popup (``pop``: escaped HTML, its first evidence) on the
#: map itself, so it stays open while the server swaps the data layers.
ON_EACH_FEATURE = JsCode(
    """function(feature, layer) {
    var p = feature.properties || {};
    var extra = 'feature-' + String(p.feature_id).replace(/[^a-z0-9-]/g, '')
        + ' kind-' + String(p.kind).replace(/[^a-z0-9-]/g, '');
    layer.options.className = [layer.options.className, extra]
        .filter(Boolean).join(' ');
    if (p.pop) {
        layer.on('click', function(e) {
            var m = e.target._map;
            if (!m) { return; }
            L.popup({maxWidth: 300, className: 'map-pop-wrap'})
                .setLatLng(e.latlng).setContent(p.pop).openOn(m);
        });
    }
}"""
)
LABEL_CSS = (
    "<style>.map-label{white-space:nowrap;width:max-content;"
    "transform:translate(-50%,-50%);"
    "font:700 12px sans-serif;color:#3d2600;pointer-events:none;"
    "text-shadow:0 0 2px #fff,0 0 3px #fff,0 0 4px #fff,0 0 6px #fff}"
    ".map-label.label-ne{transform:translate(4px,-100%)}"
    ".map-label.label-above{transform:translate(-50%,-130%)}"
    ".map-label.label-left{transform:translate(calc(-100% - 8px),-50%)}"
    ".map-label.label-wakhan-corridor{color:#8a3c00;font-size:13px}"
    ".map-label.label-durand-line{color:#8e0152;font-size:13px}"
    ".leaflet-interactive:focus{outline:none}"
    ".leaflet-container,.leaflet-control-layers label{font-size:12px;margin:0}"
    ".leaflet-container .leaflet-control-attribution{font-size:10px;"
    "line-height:1.4;max-width:calc(100vw - 110px);white-space:nowrap;"
    "overflow:hidden;text-overflow:ellipsis}"
    ".leaflet-container .leaflet-control-attribution:hover{white-space:normal}"
    "</style>"
)


def build_tooltip_html(
    name: str, kind: str, note: str | None, count: int | None = None
) -> str:
    """Return the tooltip markup of a feature; every value is HTML-escaped.

    With ``count`` (passages under the current filters) a last line says how many.
    """
    parts = [f"<b>{html.escape(name)}</b>", html.escape(KIND_LABELS.get(kind, kind))]
    if note:
        parts.append(f"<i>{html.escape(note)}</i>")
    if count is not None:
        parts.append(f"{count} passage{'' if count == 1 else 's'}")
    return "<br>".join(parts)


def _note(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def find_clipped(gdf: gpd.GeoDataFrame) -> frozenset[str]:
    """Return the ids of polygons cut by the display window (`DISPLAY_BBOX`).

    A polygon is cut when more than 0.1 degree of its outline runs along the
    window's edge (a country that merely reaches it is not).
    """
    edge = shapely.box(*DISPLAY_BBOX).exterior.buffer(1e-4)
    polygons = gdf[gdf.geom_type.isin(["Polygon", "MultiPolygon"])]
    if not len(polygons):
        return frozenset()
    along = shapely.length(shapely.intersection(polygons.boundary.values, edge))
    return frozenset(polygons["feature_id"][along > 0.1].astype(str))


def build_feature_collection(
    gdf: gpd.GeoDataFrame,
    ids: Collection[str] | None = None,
    counts: Mapping[str, int] | None = None,
    tops: Mapping[str, TopPassage] | None = None,
) -> dict[str, Any]:
    """Convert a layer to a compact, escaped GeoJSON FeatureCollection.

    Parameters
    ----------
    gdf : GeoDataFrame
        A catalog layer (reprojected to EPSG:4326 if needed).
    ids : collection of str or None
        Keep only these feature ids (None keeps all).
    counts : mapping of str to int or None
        Passages per feature id, named in the tooltips (None: not shown); a town
        (kind ``town``) without passages is left out unless `ids` names it.
    tops : mapping of str to TopPassage or None
        The top passage of features with passages; with ``counts``, each feature
        with passages gets a ``pop`` (its popup, `build_popup_html`).

    Returns
    -------
    dict
        Properties are only ``feature_id``, ``kind``, ``disputed``, ``tip``
        (escaped tooltip HTML), ``pop`` (see ``tops``) and, on polygons cut by
        the display window, ``clip`` (see `find_clipped`); coordinates rounded
        (see `COORD_DECIMALS`).
    """
    if gdf.crs is not None and gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs(4326)
    if ids is not None:
        gdf = gdf[gdf["feature_id"].isin(list(ids))]
    points = bool(len(gdf)) and bool((gdf.geom_type == "Point").all())
    decimals = POINT_DECIMALS if points else COORD_DECIMALS
    geoms = shapely.transform(gdf.geometry.values, lambda c: np.round(c, decimals))
    clipped = find_clipped(gdf)
    features = []
    for row, geom in zip(gdf.itertuples(index=False), geoms, strict=True):
        if geom is None or geom.is_empty:
            continue
        fid = str(row.feature_id)
        count = None if counts is None else int(counts.get(fid, 0))
        if row.kind == "town" and not count and (ids is None or fid not in ids):
            continue  # ~900 GeoNames towns: drawn only where passages name them
        props: dict[str, Any] = {
            "feature_id": fid,
            "kind": str(row.kind),
            "disputed": bool(row.disputed),
            "tip": build_tooltip_html(
                str(row.name), str(row.kind), _note(row.note), count
            ),
        }
        if count:
            top = (tops or {}).get(fid)
            props["pop"] = build_popup_html(str(row.name), count, top)
        if fid in clipped:
            props[CLIPPED] = True
        geometry = shapely.geometry.mapping(geom)
        features.append({"type": "Feature", "properties": props, "geometry": geometry})
    return {"type": "FeatureCollection", "features": features}


def build_clip_edges(gdf: gpd.GeoDataFrame) -> dict[str, Any]:
    """Return where the display window cuts polygons, as dashed-line features.

    Each cut polygon (`find_clipped`) gives the part of its outline that runs
    along the window's edge, with a tooltip saying the country goes on beyond.
    """
    clipped = find_clipped(gdf)
    edge = shapely.box(*DISPLAY_BBOX).exterior.buffer(1e-4)
    features = []
    for row in gdf[gdf["feature_id"].isin(list(clipped))].itertuples(index=False):
        cut = shapely.line_merge(shapely.intersection(row.geometry.boundary, edge))
        cut = shapely.transform(cut, lambda c: np.round(c, COORD_DECIMALS))
        if cut.is_empty:
            continue
        tip = (
            f"<b>Edge of the map</b><br>{html.escape(str(row.name))} continues "
            "beyond this line; it is cut here for display, not a border."
        )
        features.append(
            {
                "type": "Feature",
                "properties": {"clip_of": str(row.feature_id), "tip": tip},
                "geometry": shapely.geometry.mapping(cut),
            }
        )
    return {"type": "FeatureCollection", "features": features}


def build_clip_edge_layer(data: dict[str, Any]) -> folium.GeoJson:
    """Draw the clip edges (`build_clip_edges`): dashed grey, with a tooltip."""
    return folium.GeoJson(
        data,
        name="clip-edges",
        style_function=lambda _feature: dict(CLIP_EDGE_STYLE),
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False, sticky=True),
        control=False,
    )


def build_geojson(
    layer_id: str,
    data: dict[str, Any],
    style: Callable[[Mapping[str, Any]], dict[str, Any]],
    *,
    interactive: bool = True,
    compact: bool = False,
) -> folium.GeoJson:
    """Wrap a FeatureCollection in a styled GeoJson layer (tooltips if interactive).

    ``compact``: lines and polygons travel polyline-encoded (`components.map.compact`).
    """
    points = any(f["geometry"]["type"] == "Point" for f in data["features"])
    marker = folium.CircleMarker(radius=4) if points else None
    extra: dict[str, Any] = {}
    if compact:
        data = encode_collection(data)
        extra["filter"] = DECODE_FILTER
    if not interactive or not data["features"]:  # a tooltip needs a feature
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
        **extra,
    )


def _label_anchor(row: Any) -> tuple[shapely.Point, str]:
    """Return where a label sits and its placement class (`LABEL_PLACEMENT`)."""
    geom = row.geometry
    anchor, fraction, css = LABEL_PLACEMENT.get(str(row.feature_id), ("", 0.5, ""))
    if anchor == "east":
        _west, _south, east, north = geom.bounds
        return shapely.Point(east, north), css
    if geom.geom_type.endswith("LineString"):
        point = shapely.line_interpolate_point(geom, fraction, normalized=True)
        return point, css
    return geom.point_on_surface(), css


def build_label_markers(gdf: gpd.GeoDataFrame) -> list[folium.Marker]:
    """Permanent name labels (DivIcon): corridor and area polygons, `LABEL_LINES`."""
    out = []
    for row in gdf.itertuples(index=False):
        if row.geometry is None or row.geometry.is_empty:
            continue
        polygon = row.geometry.geom_type.endswith("Polygon")
        named_line = str(row.feature_id) in LABEL_LINES
        if not (named_line or (polygon and row.kind in LABEL_KINDS)):
            continue
        point, css = _label_anchor(row)
        fid = "".join(c for c in str(row.feature_id) if c.isalnum() or c == "-")
        icon = folium.DivIcon(
            html=f'<div class="map-label {css} label-{fid}">'
            f"{html.escape(str(row.name))}</div>",
            class_name="map-label-icon",
            icon_size=(0, 0),
        )
        location = (round(point.y, 3), round(point.x, 3))
        out.append(folium.Marker(location, icon=icon, interactive=False))
    return out


#: Kinds a passage's places are fitted to only when it names nothing smaller: a
#: paragraph about Torkham that also says "Pakistan" and "Afghanistan" is shown at
#: Torkham, not at the scale of both countries.
BROAD_KINDS = frozenset({"country", "boundary"})


def bounds_of(
    layers: Mapping[str, gpd.GeoDataFrame],
    ids: Collection[str],
    *,
    closest: bool = False,
) -> list[list[float]] | None:
    """Return [[south, west], [north, east]] around the features `ids`, or None.

    With ``closest``, around the smaller places among them when there are any
    (`BROAD_KINDS` left out), else around all.
    """
    wanted = list(ids)
    frames = [gdf[gdf["feature_id"].isin(wanted)] for gdf in layers.values()]
    if closest:
        small = [f[~f["kind"].isin(BROAD_KINDS)] for f in frames]
        if any(len(f) for f in small):
            frames = small
    boxes = [f.total_bounds for f in frames if len(f)]
    if not boxes:
        return None
    west, south, east, north = np.array(boxes).T
    return [
        [float(south.min()), float(west.min())],
        [float(north.max()), float(east.max())],
    ]
