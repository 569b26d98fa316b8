"""The Wakhan Corridor and Durand Line dashboard: composes the page from components."""

from __future__ import annotations

import streamlit as st

from components import loaders, notices
from components.map import builder as map_view
from components.map import legend, selection
from components.map import state as map_state
from components.map.style import KIND_LABELS
from components.panels import (
    beyond,
    desk,
    disputes,
    feature,
    filters,
    passages,
    picks,
    search,
    search_scope,
    session,
    signin,
    timeline,
    upload,
)
from components.url import state as url_state
from components.view import View


def render_sidebar(shown: View) -> View:
    """Search (scoped by the filters of `shown`), filters, upload; return the view."""
    summary, actors = loaders.load_summary(), loaders.load_actor_registry()
    scope = search_scope.FilterScope(
        shown.filters, loaders.expand_actors(shown.filters.actors),
        search=lambda q, f: loaders.search_passages(q, f),
        clear=lambda name: filters.clear_filter(name, summary.bounds),
    )  # fmt: skip
    with st.sidebar:
        search.render(list(loaders.load_features().values()), actors, scope=scope)
        view = filters.render(
            bounds=summary.bounds, actors=actors, expand=loaders.expand_actors,
            articles=filters.ArticleFinder(
                loaders.find_article_titles, loaders.load_titles
            ),
            kinds=list(KIND_LABELS), kind_labels=KIND_LABELS,
        )  # fmt: skip
        outcome = None
        if signin.allows("ingest"):
            with st.expander("Add an article"):
                outcome = upload.render()
        if outcome is not None and outcome.status == "added":
            loaders.clear_evidence_caches()
            old, new = summary.bounds, loaders.load_summary().bounds
            filters.include_new_article(old, new, outcome.article_id or "")
            st.rerun()
    return view


def render_map(view: View, shown: str | None, height: int) -> int:
    """Map shaded by evidence, selection and the shown passage's places on top."""
    highlight = loaders.load_passage_links(shown)
    kinds = tuple(sorted(view.kinds)) if view.kinds else None
    picked, bounds = loaders.load_overlay_data(kinds, view.feature, tuple(highlight))
    overlay = map_view.build_overlay_from(picked, selected=view.feature)
    map_state.follow_shown(st.session_state, shown, bounds)
    frame, data = loaders.load_base_frame(), loaders.load_view_layers(view)
    map_view.render(frame, data, overlay, height=height)
    return max(loaders.load_view_counts(view).values(), default=0)


def render_evidence(view: View, embedded: bool) -> None:
    """Share and export, the pick list, the feature summary, then its passages."""
    features, names = loaders.load_features(), loaders.load_names()
    chosen = features.get(view.feature) if view.feature else None
    parent = features.get(chosen.parent) if chosen and chosen.parent else None
    top = st.container()  # filled last: Export states the panel's total
    picks.render(selection.read_picks(st.session_state), view.feature)
    feature.render(chosen, loaders.load_facts().get(view.feature or ""),
                   parent=parent, names=names)  # fmt: skip
    shown = passages.render(
        lambda order, page: loaders.load_evidence_page(view, order, page),
        filters=view.evidence, feature_name=chosen.name if chosen else None,
        names=names, actor_ids=loaders.expand_actors(view.filters.actors),
        find=loaders.load_shown_passage,
    )  # fmt: skip
    with top:
        desk.render_top_bar(view, shown.total if shown else 0, embedded=embedded)


def render_timeline(view: View) -> None:
    """Passages per month of the panel (or of every feature), with top actors."""
    actors = view.filters.actors or loaders.load_top_view_actors(view)
    months, by_actor = loaders.load_timeline(view, tuple(actors))
    timeline.render(
        months, by_actor, datemode=view.filters.datemode, names=loaders.load_names()
    )


def main() -> None:
    """Compose the page: a sticky map beside the scrolling evidence panel."""
    st.set_page_config(page_title="Wakhan Corridor & Durand Line", layout="wide")
    embedded = bool(st.context.is_embedded)
    signin.gate()  # team mode: stops here until someone is signed in
    problems = loaders.ensure_index()
    session.start()
    desk.apply_layout(embedded=embedded)
    # The view the widgets' keys hold: the map and the panel go out before the
    # sidebar's widgets, so the browser starts on the map first.
    summary = loaders.load_summary()
    drawn = filters.read_view(summary.bounds)
    if not embedded:
        desk.render_sidebar_head(
            summary.articles, summary.passages, summary.bounds["published"]
        )
        st.title("The Wakhan Corridor, the Durand Line and their neighbours")
        url_state.render_problems(st.session_state[session.PROBLEMS_KEY])
        notices.render_corpus_problems(problems)
    view = drawn
    event = st.session_state.get(map_view.MAP_KEY)
    shapes = loaders.load_view_shapes(view)
    selected = selection.update_selection(st.session_state, event, shapes)
    center, zoom = map_state.read_view(st.session_state, event)
    q = st.session_state.get(search.KEY_Q) or None
    view = view.select(selected, q=q, center=center, zoom=zoom)
    left, right = st.columns([3, 2], gap="medium")
    # The panel is written before the map, so that after a click its passages reach
    # the browser (and are drawn) before the map's larger message.
    panel = right.container(key=desk.PANEL_KEY)
    shown = st.session_state.get(passages.KEY_SHOWN)  # set by callbacks only
    with panel:
        render_evidence(view, embedded)
    with left, st.container(key=desk.MAP_KEY):
        height = desk.EMBED_MAP_HEIGHT if embedded else desk.MAP_HEIGHT
        max_count = render_map(view, shown, height)
        if not embedded:
            legend.render(max_count)
            disputes.render()
            counts, names = loaders.load_view_counts(view), loaders.load_names()
            far = beyond.places_beyond(loaders.load_points_beyond(), counts, names)
            beyond.render(far, view.feature)
    if not embedded:
        with panel:
            render_timeline(view)
        filters.settle(drawn, render_sidebar(drawn))


main()
