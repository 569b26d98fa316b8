"""Places beyond the map: world places with passages are listed; one press selects."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from components.highlight import escape_markdown
from components.panels.beyond import Beyond, build_label, places_beyond

OUTSIDE = {"london": (-0.13, 51.51), "ankara": (32.85, 39.93), "moscow": (37.6, 55.8)}
NAMES = {"london": "London", "ankara": "Ankara", "moscow": "Moscow"}


def test_only_places_with_passages_most_first():
    counts = {"london": 1, "ankara": 3, "kabul": 9}  # Kabul is on the map
    assert places_beyond(OUTSIDE, counts, NAMES) == [
        Beyond("ankara", "Ankara", 3),
        Beyond("london", "London", 1),
    ]
    assert places_beyond(OUTSIDE, {}, NAMES) == []


def test_label_counts_passages_marks_the_selection_and_escapes():
    label = build_label(Beyond("london", "London", 1), None)
    assert label == escape_markdown("London - 1 passage")
    marked = build_label(Beyond("ankara", "Ankara", 3), "ankara")
    assert marked == escape_markdown("Ankara - 3 passages (selected)")
    assert "\\*" in build_label(Beyond("x", "*<b>x</b>*", 2), None)


def test_points_beyond_are_outside_the_map_window():
    from components.loaders import load_points_beyond
    from geo.derive import DISPLAY_BBOX

    points = load_points_beyond()
    assert {"london", "ankara", "united-kingdom"} <= set(points)
    assert "kabul" not in points
    assert "doha" not in points  # Doha is on the map
    west, south, east, north = DISPLAY_BBOX
    for lon, lat in points.values():
        assert not (west <= lon <= east and south <= lat <= north)


def _panel(rows):
    import streamlit as st

    from components.map import selection
    from components.panels import beyond

    beyond.render(rows, st.session_state.get(selection.SELECTED_KEY))


def test_app_lists_each_place_and_pressing_one_selects_it():
    rows = [Beyond("ankara", "Ankara", 3), Beyond("london", "London", 1)]
    at = AppTest.from_function(_panel, args=(rows,), default_timeout=30).run()
    assert not at.exception
    assert [b.label for b in at.button] == [build_label(r, None) for r in rows]
    at.button(key="beyond-map.london").click().run()
    assert at.session_state["map.selected"] == "london"
    selected = build_label(rows[1], "london")
    assert at.button(key="beyond-map.london").label == selected


def test_app_shows_nothing_without_places():
    at = AppTest.from_function(_panel, args=([],), default_timeout=30).run()
    assert not at.exception
    assert len(at.expander) == 0
