"""The Wakhan Corridor and Durand Line dashboard: composes the page from components."""

from __future__ import annotations

import dataclasses

import streamlit as st

from components import loaders, notices
from components.map import builder as map_view
from components.map import legend, selection
from components.map import state as map_state
from components.map.layers import bounds_of
from components.map.style import KIND_LABELS
from components.panels import export as export_menu
from components.panels import feature as feature_panel
from components.panels import filters, timeline, upload
from components.panels import passages as passage_panel
from components.panels import search as search_box
from components.url import state as url_state
from geo.model import Feature


def start_session(features: dict[str, Feature], actor_ids: set[str]) -> None:
    """Parse the URL once per session, report its problems, seed every widget."""
    summary = loaders.load_summary()
    view, problems = url_state.read_view(
        feature_ids=features, actor_ids=actor_ids, article_ids=summary.articles
    )
    st.session_state.setdefault("page.url_problems", problems)
    st.session_state.setdefault(selection.SELECTED_KEY, view.feature)
    map_state.init_view(st.session_state, view.center, view.zoom)
    url_state.init_session_state(
        view, bounds=summary.bounds, kinds=list(KIND_LABELS), actor_ids=actor_ids
    )


def jump_to(pick: search_box.SearchResult) -> None:
    """Apply a search result (runs before the filters draw their widgets)."""
    if pick.kind == "feature":
        selection.select_feature(st.session_state, pick.id)
    elif pick.kind == "actor":
        filters.select_actors([pick.id])
    else:
        passage_panel.show_passage(pick.id)


def render_sidebar(features: dict[str, Feature]) -> url_state.ViewState:
    """Search, filters and upload; return the filtered view."""
    summary, actors = loaders.load_summary(), loaders.load_actor_registry()
    with st.sidebar:
        pick = search_box.render(list(features.values()), actors)
        if pick is not None:
            jump_to(pick)
        view = filters.render(
            bounds=summary.bounds,
            actors=actors,
            expand=loaders.expand_actors,
            articles=summary.articles,
            kinds=list(KIND_LABELS),
            kind_labels=KIND_LABELS,
        )
        with st.expander("Add an article"):
            outcome = upload.render()
        if outcome is not None and outcome.status == "added":
            loaders.clear_evidence_caches()
            st.rerun()
    return view


def render_map(view: url_state.ViewState, shown: str | None) -> int:
    """Map shaded by evidence, selection and the shown passage's places on top."""
    layers = loaders.load_map_layers(tuple(view.kinds) if view.kinds else None)
    highlight = loaders.load_passage_links(shown)
    overlay = map_view.build_overlay(layers, selected=view.feature, highlight=highlight)
    map_state.follow_shown(st.session_state, shown, bounds_of(layers, highlight))
    map_view.render(loaders.load_base_frame(), loaders.load_view_layers(view), overlay)
    return max(loaders.load_view_counts(view).values(), default=0)


def render_evidence(view: url_state.ViewState, features: dict[str, Feature]) -> None:
    """Feature details, then every passage linked to it under the filters."""
    feature = features.get(view.feature) if view.feature else None
    parent = features.get(feature.parent) if feature and feature.parent else None
    names = passage_panel.build_names(features.values(), loaders.load_actor_registry())
    facts = loaders.load_facts().get(view.feature or "")
    feature_panel.render(feature, facts, parent=parent, names=names)
    hits = loaders.load_view_hits(view, view.feature)
    passage_panel.render(
        hits,
        feature_id=view.feature,
        feature_name=feature.name if feature else None,
        names=names,
        actor_ids=loaders.expand_actors(view.actors),
        q=view.q,
    )
    if not st.context.is_embedded:
        url_state.render(view)
        export_menu.render(view, hits, selected=view.feature)


def render_timeline(view: url_state.ViewState, features: dict[str, Feature]) -> None:
    """Passages over time, coloured by actor, under the filters."""
    timeline.render(
        loaders.load_view_hits(view),
        datemode=view.datemode,
        names=passage_panel.build_names(
            features.values(), loaders.load_actor_registry()
        ),
        actor_ids=loaders.expand_actors(view.actors) if view.actors else None,
        date_from=view.date_from,
        date_to=view.date_to,
    )


def main() -> None:
    """Compose the page."""
    st.set_page_config(page_title="Wakhan Corridor & Durand Line", layout="wide")
    embedded = st.context.is_embedded
    problems = loaders.ensure_index()
    features = loaders.load_features()
    start_session(features, {a.id for a in loaders.load_actor_registry()})
    if embedded:
        view = filters.read_view(loaders.load_summary().bounds)
    else:
        st.title("The Wakhan Corridor, the Durand Line and their neighbours")
        url_state.render_problems(st.session_state["page.url_problems"])
        notices.render_corpus_problems(problems)
        view = render_sidebar(features)
    event = st.session_state.get(map_view.MAP_KEY)
    selected = selection.update_selection(st.session_state, event)
    center, zoom = map_state.read_view(st.session_state, event)
    q = st.session_state.get(search_box.KEY_Q) or None
    view = dataclasses.replace(view, feature=selected, q=q, center=center, zoom=zoom)
    left, right = st.columns([3, 2], gap="medium")
    with left:
        max_count = render_map(view, st.session_state.get(passage_panel.KEY_SHOWN))
        if not embedded:
            legend.render(max_count)
            render_timeline(view, features)
    with right:
        render_evidence(view, features)


main()
