"""Pick list: the features a map click fell near, offered as buttons (issue 11)."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from components.highlight import escape_markdown
from components.map import selection
from components.map.selection import Candidate
from components.map.style import KIND_LABELS

#: Key of the container (CSS class ``st-key-pick-list``; the browser tests use it).
KEY = "pick-list"


def build_pick_label(candidate: Candidate, selected: str | None) -> str:
    """Button text: "Durand Line - border line", marked when it is the selection."""
    kind = KIND_LABELS.get(candidate.kind, candidate.kind)
    mark = " (selected)" if candidate.feature_id == selected else ""
    return escape_markdown(f"{candidate.name} - {kind}{mark}")


def render(picks: Sequence[Candidate], selected: str | None) -> str | None:
    """Offer ``picks`` (points and lines first) as buttons; return the id picked.

    The selection stays what the map reported until one is pressed; pressing one
    selects it and the list goes (`components.map.selection.select_feature`).
    """
    if not picks:
        return None
    with st.container(key=KEY, border=True, gap="small"):
        st.caption("Your click fell near several features. Which did you mean?")
        row = st.container(horizontal=True, gap="small")
        for candidate in picks:
            if row.button(
                build_pick_label(candidate, selected),
                key=f"{KEY}.{candidate.feature_id}",
                type="primary" if candidate.feature_id == selected else "secondary",
                width="content",
                on_click=selection.select_feature,
                args=(st.session_state, candidate.feature_id),
            ):
                return candidate.feature_id
    return None
