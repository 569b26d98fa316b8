"""The date filter: mode switch and a debounced window slider (one rerun per move)."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Mapping

import streamlit as st

from articles.query import DATEMODES

KEY_DATEMODE = "filters.datemode"
DATEMODE_LABELS: dict[str, str] = {
    "published": "Publication date",
    "events": "Event dates",
}
#: The date window applies this long after the analyst's last change to it
#: (arrow keys, a drag): one page rerun, not one per step.
DEBOUNCE_S = 0.6
_DEBOUNCE_STEP_S = 0.05

Bounds = Mapping[str, tuple[dt.date, dt.date]]


def window_key(datemode: str) -> str:
    """Return the session-state key of the applied date window for ``datemode``."""
    return f"filters.window.{datemode}"


def draft_key(datemode: str) -> str:
    """Return the key of the date slider itself (applied after `DEBOUNCE_S`)."""
    return f"filters.draft.{datemode}"


def build_window(
    bounds: tuple[dt.date, dt.date], date_from: dt.date | None, date_to: dt.date | None
) -> tuple[dt.date, dt.date]:
    """Return the slider value for a view's window, clamped into ``bounds``."""
    lo, hi = bounds
    start = min(max(date_from or lo, lo), hi)
    end = max(min(date_to or hi, hi), start)
    return start, end


def safe_bounds(bounds: Bounds, datemode: str) -> tuple[dt.date, dt.date]:
    """Return the window bounds for a mode, at least one day wide."""
    today = dt.date.today()
    lo, hi = bounds.get(datemode) or (today - dt.timedelta(days=365), today)
    return (lo, hi) if hi > lo else (lo, lo + dt.timedelta(days=1))


def set_if_changed(name: str, value: object) -> None:
    """Write a widget's key only when the value differs.

    Any write makes Streamlit push the value back into the widget, so a rerun
    that started before the user's last change (the map reporting its view, say)
    would undo that change in the browser.
    """
    if st.session_state.get(name) != value:
        st.session_state[name] = value


def render_dates(
    bounds: Bounds,
) -> tuple[str, tuple[dt.date, dt.date], tuple[dt.date, dt.date]]:
    """Draw the date-mode switch and window slider; return mode, window, bounds.

    The window returned is the applied one (`window_key`); the slider is a draft
    that `_render_window` applies once the analyst stops moving it.
    """
    mode = st.radio(
        "Dates", list(DATEMODES), format_func=DATEMODE_LABELS.__getitem__,
        key=KEY_DATEMODE, horizontal=True,
        help="Publication date of the article, or dates of the events it mentions.",
    )  # fmt: skip
    datemode = str(mode)
    mode_bounds = safe_bounds(bounds, datemode)
    wkey = window_key(datemode)
    set_if_changed(wkey, build_window(mode_bounds, *st.session_state[wkey]))
    draft = st.session_state.get(draft_key(datemode)) or st.session_state[wkey]
    set_if_changed(draft_key(datemode), build_window(mode_bounds, *draft))
    _render_window(datemode, mode_bounds)
    start, end = st.session_state[wkey]
    return datemode, (start, end), mode_bounds


@st.fragment
def _render_window(datemode: str, mode_bounds: tuple[dt.date, dt.date]) -> None:
    """Draw the date slider, debounced: moving it reruns only this fragment.

    Once the slider differs from the applied window, the fragment waits
    `DEBOUNCE_S`; a further change interrupts the wait (Streamlit stops this run
    at its next element call and starts a new one), so the page reruns once,
    after the last change.
    """
    dkey, wkey = draft_key(datemode), window_key(datemode)
    st.slider(
        "Date window", min_value=mode_bounds[0], max_value=mode_bounds[1], key=dkey,
        format="YYYY-MM-DD",
    )  # fmt: skip
    if tuple(st.session_state[dkey]) == tuple(st.session_state[wkey]):
        return
    note = st.empty()
    waited = 0.0
    while waited < DEBOUNCE_S:
        note.caption("Applying the date window...")  # a checkpoint: may stop here
        time.sleep(_DEBOUNCE_STEP_S)
        waited += _DEBOUNCE_STEP_S
    st.session_state[wkey] = tuple(st.session_state[dkey])
    st.rerun()
