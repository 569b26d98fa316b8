"""The Folium map: pure `build_map` and `build_overlay` over layers, and `render`."""

from __future__ import annotations

import functools
import html
import math
from collections.abc import Collection, Mapping
from typing import Any

import branca.element

import folium
import geopandas as gpd

from components import assets, basemap
from components.map_frame import MapFrame, render_frame
from components.map_layers import (
    LABEL_CSS,
    bounds_of,
    build_feature_collection,
    build_geojson,
    build_label_markers,
)
from components.map_style import PLACES_PANE, style_feature

MAP_KEY = "map.view"
#: Only what the app reads: the clicked feature, and the click position (so a
#: second click on the same feature is a new event). No reruns on pan or zoom.
RETURNED_OBJECTS = ["last_active_drawing", "last_object_clicked"]
DEFAULT_CENTER = (34.0, 69.5)
DEFAULT_ZOOM = 5
#: LayerControl groups, in drawing order (later groups draw on top).
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Countries", ("countries",)),
    ("Provinces", ("provinces",)),
    ("Corridor, areas and route", ("areas", "routes")),
    ("Borders", ("borders",)),
    ("Places", ("places",)),
)


def _groups(layer_ids: Collection[str]) -> list[tuple[str, list[str]]]:
    known = {lid for _, ids in GROUPS for lid in ids}
    extra = [(lid, (lid,)) for lid in layer_ids if lid not in known]
    out = []
    for title, ids in [*GROUPS, *extra]:
        present = [lid for lid in ids if lid in layer_ids]
        if present:
            out.append((title, present))
    return out


def build_map(
    layers: Mapping[str, gpd.GeoDataFrame],
    *,
    selected: str | None = None,
    counts: Mapping[str, int] | None = None,
    highlight: Collection[str] = (),
    fit_highlight: bool = True,
    attribution: str = "",
) -> folium.Map:
    """Build the map from catalog layers (pure: no Streamlit calls).

    Parameters
    ----------
    layers : mapping of str to GeoDataFrame
        Layer id (``countries``, ``provinces``, ``borders``, ``areas``, ``routes``,
        ``places``; others get a group of their own) to its frame, EPSG:4326,
        columns ``feature_id, name, kind, note, disputed, geometry``.
    selected : str or None
        Feature id drawn as selected. In the app prefer `build_overlay`: a change
        of the base map remounts it (view reset), an overlay does not.
    counts : mapping of str to int or None
        Passages per feature id; None = no evidence shading, 0 = muted.
    highlight : collection of str
        Feature ids outlined in amber.
    fit_highlight : bool
        Fit the view to the highlighted features (when any exist).
    attribution : str
        Credits of the data layers, shown after the basemap's (plain text; it
        is HTML-escaped).

    Returns
    -------
    folium.Map
        Using only vendored assets (checked by `components.assets.localize`).
    """
    m = folium.Map(
        location=DEFAULT_CENTER,
        zoom_start=DEFAULT_ZOOM,
        tiles=None,
        min_zoom=2,
        max_zoom=11,
        control_scale=True,
    )
    for tile_layer in basemap.build_tile_layers(html.escape(attribution)):
        tile_layer.add_to(m)
    folium.map.CustomPane(PLACES_PANE, z_index=450, pointer_events=True).add_to(m)
    style = functools.partial(
        style_feature, selected=selected, counts=counts, highlight=frozenset(highlight)
    )
    labels = folium.FeatureGroup(name="Labels", show=True)
    for title, layer_ids in _groups(list(layers)):
        group = folium.FeatureGroup(name=title, show=True)
        for lid in layer_ids:
            data = build_feature_collection(layers[lid], counts=counts)
            build_geojson(lid, data, style).add_to(group)
            for marker in build_label_markers(layers[lid]):
                marker.add_to(labels)
        group.add_to(m)
    labels.add_to(m)
    root = m.get_root()
    assert isinstance(root, branca.element.Figure)
    root.header.add_child(folium.Element(LABEL_CSS), name="map_label_css")
    folium.LayerControl(collapsed=True).add_to(m)
    bounds = bounds_of(layers, highlight) if highlight and fit_highlight else None
    if bounds is not None:
        m.fit_bounds(bounds, padding=(30, 30), max_zoom=8)
    return assets.localize(m)


def _overlay_style(
    feature: Mapping[str, Any], *, selected: str | None
) -> dict[str, Any]:
    fid = str((feature.get("properties") or {}).get("feature_id", ""))
    highlight = () if fid == selected else (fid,)
    style = style_feature(feature, selected=selected, highlight=highlight)
    style["interactive"] = False
    style["fillOpacity"] = min(float(style.get("fillOpacity", 0.0)), 0.25)
    return style


def build_overlay(
    layers: Mapping[str, gpd.GeoDataFrame],
    *,
    selected: str | None = None,
    highlight: Collection[str] = (),
) -> folium.FeatureGroup:
    """Build the dynamic overlay (``feature_group_to_add``) for the selection.

    The selected feature is outlined in blue, highlighted ones in amber. The
    overlay is not interactive, so clicks reach the features underneath.
    """
    wanted = set(highlight) | ({selected} if selected else set())
    group = folium.FeatureGroup(name="Selection", control=False)
    style = functools.partial(_overlay_style, selected=selected)
    for lid, gdf in layers.items():
        data = build_feature_collection(gdf, ids=wanted)
        if data["features"]:
            build_geojson(f"{lid}-selection", data, style, interactive=False).add_to(
                group
            )
    return group


def build_fit(
    layers: Mapping[str, gpd.GeoDataFrame],
    ids: Collection[str],
    *,
    width_px: int = 800,
    height_px: int = 620,
) -> tuple[tuple[float, float], int] | None:
    """Return ``(center, zoom)`` that shows the features `ids`, or None.

    Web Mercator zoom from the bounding box, so a mounted map can be moved with
    st_folium's ``center``/``zoom`` instead of being rebuilt (which resets it).
    """
    bounds = bounds_of(layers, ids)
    if bounds is None:
        return None
    (south, west), (north, east) = bounds
    center = ((south + north) / 2.0, (west + east) / 2.0)
    lon_span = max(east - west, 0.05)
    y = [
        math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
        for lat in (south, north)
    ]
    lat_span = max(y[1] - y[0], 0.001)
    zoom_x = math.log2(width_px * 360.0 / (256.0 * lon_span * 1.2))
    zoom_y = math.log2(height_px * 2 * math.pi / (256.0 * lat_span * 1.2))
    return center, int(max(2, min(8, math.floor(min(zoom_x, zoom_y)))))


def render(
    frame: MapFrame,
    overlay: folium.FeatureGroup | None = None,
    *,
    fit: tuple[tuple[float, float], int] | None = None,
    key: str = MAP_KEY,
    height: int = 620,
) -> dict[str, Any] | None:
    """Mount the rendered base map `frame` plus `overlay`; return the raw map event.

    Each new event lands in ``st.session_state[key]``; read the selection with
    `components.selection.update_selection`. `fit` (from `build_fit`) moves the
    mounted map without remounting it.
    """
    center, zoom = fit if fit is not None else (None, None)
    out = render_frame(
        frame,
        overlay,
        key=key,
        returned_objects=RETURNED_OBJECTS,
        height=height,
        center=center,
        zoom=zoom,
    )
    return out if isinstance(out, dict) else None
