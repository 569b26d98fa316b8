"""A session's start: read the URL once, report its problems, seed every widget."""

from __future__ import annotations

import streamlit as st

from components import loaders
from components.map import selection
from components.map import state as map_state
from components.map.style import KIND_LABELS
from components.panels import state as panel_state
from components.url import state as url_state

#: Where the URL's problems wait for the page to show them.
PROBLEMS_KEY = "page.url_problems"


def start() -> None:
    """Parse the URL once per session, keep its problems, seed every widget."""
    summary, actor_ids = loaders.load_summary(), loaders.load_actor_ids()
    view, problems = url_state.read_view(
        feature_ids=loaders.load_features(),
        actor_ids=actor_ids,
        article_ids=loaders.IndexedArticles(),
    )
    st.session_state.setdefault(PROBLEMS_KEY, problems)
    st.session_state.setdefault(selection.SELECTED_KEY, view.feature)
    map_state.init_view(st.session_state, view.center, view.zoom)
    panel_state.init_session_state(
        view, bounds=summary.bounds, kinds=list(KIND_LABELS), actor_ids=actor_ids
    )
