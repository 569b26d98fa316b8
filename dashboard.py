"""The Wakhan Corridor and Durand Line dashboard: composes the page from components."""

from __future__ import annotations

import streamlit as st

from components import loaders, notices
from components.map import builder as map_view
from components.map import legend, selection
from components.map import state as map_state
from components.map.layers import bounds_of
from components.map.style import KIND_LABELS
from components.panels import (
    export,
    feature,
    filters,
    passages,
    search,
    timeline,
    upload,
)
from components.panels import state as panel_state
from components.url import state as url_state
from components.view import View


def start_session() -> None:
    """Parse the URL once per session, report its problems, seed every widget."""
    summary, actor_ids = loaders.load_summary(), loaders.load_actor_ids()
    view, problems = url_state.read_view(
        feature_ids=loaders.load_features(),
        actor_ids=actor_ids,
        article_ids=loaders.IndexedArticles(),
    )
    st.session_state.setdefault("page.url_problems", problems)
    st.session_state.setdefault(selection.SELECTED_KEY, view.feature)
    map_state.init_view(st.session_state, view.center, view.zoom)
    panel_state.init_session_state(
        view, bounds=summary.bounds, kinds=list(KIND_LABELS), actor_ids=actor_ids
    )


def jump_to(pick: search.SearchResult) -> None:
    """Apply a search result (runs before the filters draw their widgets)."""
    if pick.kind == "feature":
        selection.select_feature(st.session_state, pick.id)
    elif pick.kind == "actor":
        filters.select_actors([pick.id])
    else:
        passages.show_passage(pick.id)


def render_sidebar() -> View:
    """Search, filters and upload; return the filtered view."""
    summary, actors = loaders.load_summary(), loaders.load_actor_registry()
    with st.sidebar:
        pick = search.render(list(loaders.load_features().values()), actors)
        if pick is not None:
            jump_to(pick)
        view = filters.render(
            bounds=summary.bounds, actors=actors, expand=loaders.expand_actors,
            articles=filters.ArticleFinder(
                loaders.find_article_titles, loaders.load_titles
            ),
            kinds=list(KIND_LABELS), kind_labels=KIND_LABELS,
        )  # fmt: skip
        with st.expander("Add an article"):
            outcome = upload.render()
        if outcome is not None and outcome.status == "added":
            loaders.clear_evidence_caches()
            st.rerun()
    return view


def render_map(view: View, shown: str | None) -> int:
    """Map shaded by evidence, selection and the shown passage's places on top."""
    layers = loaders.load_map_layers(view.kinds or None)
    highlight = loaders.load_passage_links(shown)
    overlay = map_view.build_overlay(layers, selected=view.feature, highlight=highlight)
    map_state.follow_shown(st.session_state, shown, bounds_of(layers, highlight))
    map_view.render(loaders.load_base_frame(), loaders.load_view_layers(view), overlay)
    return max(loaders.load_view_counts(view).values(), default=0)


def render_evidence(view: View) -> None:
    """Feature details, then every passage linked to it under the filters."""
    features, names = loaders.load_features(), loaders.load_names()
    chosen = features.get(view.feature) if view.feature else None
    parent = features.get(chosen.parent) if chosen and chosen.parent else None
    facts = loaders.load_facts().get(view.feature or "")
    feature.render(chosen, facts, parent=parent, names=names)
    shown = passages.render(
        lambda order, page: loaders.load_evidence_page(view, order, page),
        filters=view.evidence, feature_name=chosen.name if chosen else None,
        names=names, actor_ids=loaders.expand_actors(view.filters.actors),
    )  # fmt: skip
    if not st.context.is_embedded:
        url_state.render(view)
        export.render(view, shown.total if shown else 0)


def render_timeline(view: View) -> None:
    """Passages per month under the filters, with the filtered (or top) actors."""
    actors = view.filters.actors or loaders.load_top_view_actors(view)
    months, by_actor = loaders.load_timeline(view, tuple(actors))
    timeline.render(
        months, by_actor, datemode=view.filters.datemode, names=loaders.load_names()
    )


def main() -> None:
    """Compose the page."""
    st.set_page_config(page_title="Wakhan Corridor & Durand Line", layout="wide")
    embedded = st.context.is_embedded
    problems = loaders.ensure_index()
    start_session()
    if embedded:
        view = filters.read_view(loaders.load_summary().bounds)
    else:
        st.title("The Wakhan Corridor, the Durand Line and their neighbours")
        url_state.render_problems(st.session_state["page.url_problems"])
        notices.render_corpus_problems(problems)
        view = render_sidebar()
    event = st.session_state.get(map_view.MAP_KEY)
    selected = selection.update_selection(st.session_state, event)
    center, zoom = map_state.read_view(st.session_state, event)
    q = st.session_state.get(search.KEY_Q) or None
    view = view.select(selected, q=q, center=center, zoom=zoom)
    left, right = st.columns([3, 2], gap="medium")
    with left:
        max_count = render_map(view, st.session_state.get(passages.KEY_SHOWN))
        if not embedded:
            legend.render(max_count)
            render_timeline(view)
    with right:
        render_evidence(view)


main()
