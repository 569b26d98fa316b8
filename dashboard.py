"""The Wakhan Corridor and Durand Line dashboard: composes the page from components."""

from __future__ import annotations

import streamlit as st

from components import feature_panel, loaders, map_legend, map_view, selection


def render_map_column(selected: str | None) -> None:
    """Draw the map (base map stays mounted; the selection is an overlay)."""
    layers = loaders.load_map_layers()
    base = map_view.build_map(layers, attribution=loaders.load_attribution())
    overlay = map_view.build_overlay(layers, selected=selected)
    map_view.render(base, overlay)


def render_details_column(selected: str | None) -> None:
    """Draw the details of the selected feature."""
    features = loaders.load_features()
    feature = features.get(selected) if selected else None
    parent = features.get(feature.parent) if feature and feature.parent else None
    facts = loaders.load_facts().get(selected) if selected else None
    names = {fid: f.name for fid, f in features.items()}
    feature_panel.render(feature, facts, parent=parent, names=names)


def main() -> None:
    """Compose the page."""
    st.set_page_config(
        page_title="Wakhan Corridor & Durand Line map",
        page_icon=":world_map:",
        layout="wide",
    )
    st.title("The Wakhan Corridor, the Durand Line and their neighbours")
    st.caption(
        "An offline map: every layer and asset is served by this app. "
        "Click a feature for its details."
    )
    selected = selection.update_selection(
        st.session_state, st.session_state.get(map_view.MAP_KEY)
    )
    left, right = st.columns([5, 2], gap="medium")
    with left:
        render_map_column(selected)
    with right:
        render_details_column(selected)
        map_legend.render()


main()
