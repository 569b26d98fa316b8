"""Pick list: a click near several features offers them; pressing one selects it."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from components.highlight import escape_markdown
from components.map.selection import Candidate
from components.panels.picks import build_pick_label

PICKS = (
    Candidate("parachinar", "Parachinar", "city", 1.2, 0),
    Candidate("durand-line", "Durand Line", "boundary", 3.4, 1),
)


def test_label_names_kind_and_marks_the_selection():
    line = build_pick_label(PICKS[1], "parachinar")
    assert line == escape_markdown("Durand Line - border line")
    dot = build_pick_label(PICKS[0], "parachinar")
    assert dot == escape_markdown("Parachinar - city (selected)")
    evil = Candidate("x", "*<b>x</b>*", "city", 0.0, 0)
    assert "\\*" in build_pick_label(evil, None)


def _panel(offered):
    import streamlit as st

    from components.map import selection
    from components.panels import picks

    st.session_state.setdefault(selection.PICKS_KEY, offered)
    st.session_state.setdefault(selection.SELECTED_KEY, "parachinar")
    picks.render(
        selection.read_picks(st.session_state),
        st.session_state[selection.SELECTED_KEY],
    )


def test_app_offers_each_and_selects_the_one_pressed():
    at = AppTest.from_function(_panel, args=(PICKS,), default_timeout=30).run()
    assert not at.exception
    assert [b.label for b in at.button] == [
        build_pick_label(PICKS[0], "parachinar"),
        build_pick_label(PICKS[1], "parachinar"),
    ]
    at.button(key="pick-list.durand-line").click().run()
    assert at.session_state["map.selected"] == "durand-line"
    assert len(at.button) == 0  # answered: the list goes
