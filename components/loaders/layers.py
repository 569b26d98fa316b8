"""Cached catalog layers and rendered map frames (base map, data layers by view)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import streamlit as st

import geopandas as gpd

from articles.query import (
    Filters,
)
from components.loaders.evidence import load_counts, load_top_passages
from components.loaders.index import index_stamp
from components.map.builder import (
    build_base_map,
    build_layer_groups,
    overlay_collections,
)
from components.map.frame import MapFrame, MapLayers, build_frame, build_layers
from components.map.layers import bounds_of
from components.map.selection import Shape
from components.view import View
from geo.catalog import LAYERS
from geo.derive import DISPLAY_BBOX
from geo.io import read_layer

if TYPE_CHECKING:
    pass


# Layers, shapes and rendered frames are shared, never copied (cache_resource):
# st.cache_data would unpickle every GeoDataFrame on every rerun (about a fifth of
# a warm rerun, measured). Nothing mutates them (pandas copy-on-write).


@st.cache_resource(show_spinner=False)
def load_layer(layer_id: str) -> gpd.GeoDataFrame:
    """Return catalog layer `layer_id` (EPSG:4326, display-simplified)."""
    return read_layer(layer_id)


@st.cache_data(show_spinner=False)
def load_layer_ids() -> tuple[str, ...]:
    """Return the ids of every catalog layer, in catalog order."""
    return tuple(spec.id for spec in LAYERS)


@st.cache_data(show_spinner=False)
def load_attribution() -> str:
    """Return the data layers' attributions, deduplicated, for the map's credits."""
    return "; ".join(dict.fromkeys(spec.attribution for spec in LAYERS))


@st.cache_resource(show_spinner=False, max_entries=64)
def load_kind_layer(layer_id: str, kinds: tuple[str, ...]) -> gpd.GeoDataFrame:
    """Return layer `layer_id` keeping only the features of `kinds`."""
    gdf = load_layer(layer_id)
    return gdf[gdf["kind"].isin(kinds)]


def load_map_layers(
    kinds: tuple[str, ...] | None = None,
) -> dict[str, gpd.GeoDataFrame]:
    """Return the catalog layers by id; with `kinds`, only features of those kinds.

    Layers left empty by the kind filter are dropped.
    """
    if kinds is None:
        return {layer_id: load_layer(layer_id) for layer_id in load_layer_ids()}
    layers = {
        lid: load_kind_layer(lid, tuple(sorted(kinds))) for lid in load_layer_ids()
    }
    return {lid: gdf for lid, gdf in layers.items() if len(gdf)}


@st.cache_resource(show_spinner=False, max_entries=16)
def load_pick_shapes(kinds: tuple[str, ...] | None) -> tuple[Shape, ...]:
    """Return the features the map draws (``kinds``; None: all), for pick lists."""
    layers = load_map_layers(kinds)
    return tuple(
        Shape(str(row.feature_id), str(row.name), str(row.kind), row.geometry)
        for gdf in layers.values()
        for row in gdf.itertuples(index=False)
        if row.geometry is not None and not row.geometry.is_empty
    )


def load_view_shapes(view: View) -> tuple[Shape, ...]:
    """Return the features the map draws for ``view`` (its layer kinds)."""
    return load_pick_shapes(tuple(sorted(view.kinds)) if view.kinds else None)


@st.cache_resource(show_spinner=False)
def load_base_frame() -> MapFrame:
    """Return the base map (tiles, panes, credits), rendered; it never changes."""
    return build_frame(build_base_map(load_attribution()))


@st.cache_resource(show_spinner=False, max_entries=32)
def load_map_script(
    index: str, stamp: int, filters: Filters, kinds: tuple[str, ...] | None
) -> MapLayers:
    """Return the data layers (shaded by evidence under ``filters``), rendered.

    Each feature with passages carries its popup: count and top passage.
    """
    counts = load_counts(index, stamp, filters)
    tops = load_top_passages(index, stamp, filters)
    groups = build_layer_groups(
        load_map_layers(kinds), counts=counts, tops=tops, compact=True
    )
    return build_layers(groups)


@st.cache_data(show_spinner=False, max_entries=64)
def load_overlay_data(
    kinds: tuple[str, ...] | None, selected: str | None, highlight: tuple[str, ...]
) -> tuple[tuple[tuple[str, dict[str, Any]], ...], list[list[float]] | None]:
    """Return the selection overlay's collections and the highlighted bounds.

    Copied per session (cache_data): folium writes styles into the collections.
    """
    layers = load_map_layers(kinds)
    wanted = set(highlight) | ({selected} if selected else set())
    bounds = bounds_of(layers, highlight, closest=True)
    return overlay_collections(layers, wanted), bounds


def load_view_layers(view: View) -> MapLayers:
    """Return the rendered data layers for ``view`` (its filters and layer kinds)."""
    kinds = tuple(sorted(view.kinds)) if view.kinds else None
    return load_map_script(*index_stamp(), view.overview, kinds)


@st.cache_data(show_spinner=False)
def load_points_beyond() -> dict[str, tuple[float, float]]:
    """Return (lon, lat) of each place point outside the map's window, by id."""
    places = load_layer("places")
    west, south, east, north = DISPLAY_BBOX
    return {
        str(fid): (float(p.x), float(p.y))
        for fid, p in zip(places["feature_id"], places.geometry, strict=True)
        if not (west <= p.x <= east and south <= p.y <= north)
    }
