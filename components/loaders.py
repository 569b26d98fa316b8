"""The only Streamlit caches: layers, features and facts, keyed by primitives."""

from __future__ import annotations

import streamlit as st

import geopandas as gpd

from geo.catalog import LAYERS
from geo.facts import measure_facts
from geo.gazetteer import load_features as read_features
from geo.io import read_layer
from geo.model import Feature


@st.cache_data(show_spinner=False)
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


def load_map_layers() -> dict[str, gpd.GeoDataFrame]:
    """Return every catalog layer by id (each one cached by `load_layer`)."""
    return {layer_id: load_layer(layer_id) for layer_id in load_layer_ids()}


@st.cache_data(show_spinner=False)
def load_features() -> dict[str, Feature]:
    """Return every feature (no geometry) by id."""
    return {feature.id: feature for feature in read_features()}


@st.cache_data(show_spinner=False)
def load_facts() -> dict[str, dict[str, object]]:
    """Return the measured (and published) figures by feature id."""
    facts: dict[str, dict[str, object]] = measure_facts()
    return facts
