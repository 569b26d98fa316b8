"""Date filter: the slider is a draft, applied once the analyst stops moving it."""

from __future__ import annotations

import datetime as dt

from streamlit.testing.v1 import AppTest

from components.panels.dates import (
    DEBOUNCE_S,
    build_window,
    draft_key,
    safe_bounds,
    window_key,
)

BOUNDS = {"published": (dt.date(2024, 1, 1), dt.date(2025, 6, 30))}


def test_keys_of_the_draft_and_the_applied_window_differ():
    assert draft_key("events") != window_key("events")
    assert 0.2 <= DEBOUNCE_S <= 1.5


def test_window_clamped_and_bounds_at_least_a_day():
    lo, hi = BOUNDS["published"]
    assert build_window((lo, hi), dt.date(2000, 1, 1), None) == (lo, hi)
    day = dt.date(2025, 1, 1)
    assert safe_bounds({"published": (day, day)}, "published") == (
        day,
        day + dt.timedelta(days=1),
    )


def _dates(bounds):
    import streamlit as st

    from components.panels import dates

    st.session_state.setdefault("filters.datemode", "published")
    st.session_state.setdefault(dates.window_key("published"), bounds["published"])
    st.session_state.setdefault(dates.window_key("events"), bounds["published"])
    _mode, window, _bounds = dates.render_dates(bounds)
    st.session_state["test.window"] = window


def test_app_moving_the_slider_applies_the_window_after_the_pause():
    at = AppTest.from_function(_dates, args=(BOUNDS,), default_timeout=30).run()
    new = (dt.date(2024, 6, 1), dt.date(2025, 1, 1))
    at.slider(key=draft_key("published")).set_value(new).run()
    assert at.session_state[window_key("published")] == new
    assert at.session_state["test.window"] == new
    assert not at.exception
