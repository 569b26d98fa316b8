"""The Folium map: pure `build_map` and `build_overlay` over layers, and `render`."""

from __future__ import annotations

import functools
import html
from collections.abc import Collection, Iterable, Mapping
from typing import Any

import branca.element
import streamlit as st

import folium
import geopandas as gpd

from components.map import assets
from components.map import state as map_state
from components.map import tiles as basemap
from components.map.frame import MapFrame, MapLayers, render_frame
from components.map.layers import (
    LABEL_CSS,
    bounds_of,
    build_clip_edge_layer,
    build_clip_edges,
    build_feature_collection,
    build_geojson,
    build_label_markers,
)
from components.map.popup import POPUP_CSS, TopPassage
from components.map.send_click import SEND_CLICK_JS
from components.map.state import DEFAULT_CENTER, DEFAULT_ZOOM
from components.map.style import PLACES_PANE, style_feature
from components.url.parse import ZOOM_LIMITS

MAP_KEY = "map.view"
#: Only what the app reads: the clicked feature, the click position (so a second
#: click on the same feature is a new event), and the view for a shared link (a
#: rerun after each pan or zoom; cheap, the mounted map is left alone).
RETURNED_OBJECTS = ["last_active_drawing", "last_object_clicked", "center", "zoom"]
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


def build_base_map(attribution: str = "") -> folium.Map:
    """Build the map without data layers: basemap tiles, panes and label CSS.

    It does not change with the filters, so the mounted map (and the analyst's
    view) survives them; the data layers come from `build_layer_groups`.
    `attribution` (plain text, HTML-escaped) follows the basemap's credits.
    """
    m = folium.Map(
        location=DEFAULT_CENTER,
        zoom_start=DEFAULT_ZOOM,
        tiles=None,
        min_zoom=ZOOM_LIMITS[0],
        max_zoom=ZOOM_LIMITS[1],
        control_scale=True,
    )
    for tile_layer in basemap.build_tile_layers(html.escape(attribution)):
        tile_layer.add_to(m)
    folium.map.CustomPane(PLACES_PANE, z_index=450, pointer_events=True).add_to(m)
    root = m.get_root()
    assert isinstance(root, branca.element.Figure)
    root.header.add_child(folium.Element(LABEL_CSS + POPUP_CSS), name="map_label_css")
    return assets.localize(m)


def build_layer_groups(
    layers: Mapping[str, gpd.GeoDataFrame],
    *,
    selected: str | None = None,
    counts: Mapping[str, int] | None = None,
    highlight: Collection[str] = (),
    tops: Mapping[str, TopPassage] | None = None,
    compact: bool = False,
) -> list[folium.FeatureGroup]:
    """Return the data layers as LayerControl groups (`GROUPS` order), then labels.

    With ``counts``, each feature with passages carries its popup (count and
    ``tops``' passage); polygons cut by the display window get their cut drawn.
    ``compact``: lines and polygons travel delta-encoded (the dashboard's map;
    `components.map.compact`).
    """
    style = functools.partial(
        style_feature, selected=selected, counts=counts, highlight=frozenset(highlight)
    )
    labels = folium.FeatureGroup(name="Labels", show=True)
    groups = []
    for title, layer_ids in _groups(list(layers)):
        group = folium.FeatureGroup(name=title, show=True)
        for lid in layer_ids:
            data = build_feature_collection(layers[lid], counts=counts, tops=tops)
            build_geojson(lid, data, style, compact=compact).add_to(group)
            edges = build_clip_edges(layers[lid])
            if edges["features"]:
                build_clip_edge_layer(edges).add_to(group)
            for marker in build_label_markers(layers[lid]):
                marker.add_to(labels)
        groups.append(group)
    return [*groups, labels]


def build_map(
    layers: Mapping[str, gpd.GeoDataFrame],
    *,
    selected: str | None = None,
    counts: Mapping[str, int] | None = None,
    highlight: Collection[str] = (),
    fit_highlight: bool = True,
    attribution: str = "",
) -> folium.Map:
    """Build the whole map from catalog layers (pure: no Streamlit calls).

    The dashboard mounts `build_base_map` once and sends `build_layer_groups`
    (see `render`); exports and tests use this one-piece map.

    Parameters
    ----------
    layers : mapping of str to GeoDataFrame
        Layer id (``countries``, ``provinces``, ``borders``, ``areas``, ``routes``,
        ``places``; others get a group of their own) to its frame, EPSG:4326,
        columns ``feature_id, name, kind, note, disputed, geometry``.
    selected : str or None
        Feature id drawn as selected.
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
        Using only vendored assets (checked by `components.map.assets.localize`).
    """
    m = build_base_map(attribution)
    groups = build_layer_groups(
        layers, selected=selected, counts=counts, highlight=highlight
    )
    for group in groups:
        group.add_to(m)
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
    return build_overlay_from(overlay_collections(layers, wanted), selected=selected)


def overlay_collections(
    layers: Mapping[str, gpd.GeoDataFrame], wanted: Collection[str]
) -> tuple[tuple[str, dict[str, Any]], ...]:
    """Return (layer id, collection of its ``wanted`` features), non-empty ones."""
    out = []
    for lid, gdf in layers.items():
        data = build_feature_collection(gdf, ids=wanted)
        if data["features"]:
            out.append((lid, data))
    return tuple(out)


def build_overlay_from(
    collections: Iterable[tuple[str, dict[str, Any]]], *, selected: str | None
) -> folium.FeatureGroup:
    """Build the overlay from `overlay_collections` (styles are written into them)."""
    group = folium.FeatureGroup(name="Selection", control=False)
    style = functools.partial(_overlay_style, selected=selected)
    for lid, data in collections:
        build_geojson(f"{lid}-selection", data, style, interactive=False).add_to(group)
    return group


def render(
    frame: MapFrame,
    layers: MapLayers | None = None,
    overlay: folium.FeatureGroup | None = None,
    *,
    key: str = MAP_KEY,
    height: int = 620,
) -> dict[str, Any] | None:
    """Mount the base map `frame` with the data `layers` and the `overlay`.

    The mounted map survives filter, layer-kind and selection changes with the
    view the analyst chose; it moves only on a request of `components.map.state`
    (a link's view, "Show on map"). Each new event lands in
    ``st.session_state[key]``: read the selection with
    `components.map.selection.update_selection` and the view with
    `components.map.state.read_view`.
    """
    request = st.session_state.get(map_state.REQUEST_KEY)
    out = render_frame(
        frame,
        layers,
        overlay,
        key=key,
        returned_objects=RETURNED_OBJECTS,
        height=height,
        view_script=map_state.build_view_script(
            request if isinstance(request, map_state.ViewRequest) else None
        )
        + SEND_CLICK_JS,
    )
    return out if isinstance(out, dict) else None
