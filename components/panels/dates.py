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
#: Session keys of the debounce: when the slider last moved, and whether the
#: fragment runs inside the page's own run.
_LAST_CHANGE_KEY = "filters.draft_changed"
_FULL_RUN_KEY = "filters.dates_full_run"

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
    st.session_state[_FULL_RUN_KEY] = True
    try:
        _render_window(datemode, mode_bounds)
    finally:
        st.session_state[_FULL_RUN_KEY] = False
    start, end = st.session_state[wkey]
    return datemode, (start, end), mode_bounds


def _note_change() -> None:
    """Slider callback: remember when the analyst last moved it."""
    st.session_state[_LAST_CHANGE_KEY] = time.monotonic()


@st.fragment
def _render_window(datemode: str, mode_bounds: tuple[dt.date, dt.date]) -> None:
    """Draw the date slider, debounced: moving it reruns only this fragment.

    Streamlit queues (and merges) the slider's changes while this fragment runs,
    without stopping it. So a changed slider waits out `DEBOUNCE_S` from the last
    change, then reruns the fragment: a change queued meanwhile comes in with
    that rerun (its callback restarts the wait); none means the analyst stopped,
    and the window is applied with one rerun of the page. Run as part of the
    page's own run, the fragment applies the slider at once.
    """
    dkey, wkey = draft_key(datemode), window_key(datemode)
    st.slider(
        "Date window", min_value=mode_bounds[0], max_value=mode_bounds[1], key=dkey,
        format="YYYY-MM-DD", on_change=_note_change,
    )  # fmt: skip
    draft = tuple(st.session_state[dkey])
    if draft == tuple(st.session_state[wkey]):
        return
    if st.session_state.get(_FULL_RUN_KEY):
        st.session_state[wkey] = draft
        return
    last = float(st.session_state.get(_LAST_CHANGE_KEY) or 0.0)
    wait = DEBOUNCE_S - (time.monotonic() - last)
    if wait > 0:
        st.caption("Applying the date window ...")
        time.sleep(wait)
        st.rerun(scope="fragment")
    st.session_state[wkey] = draft
    st.rerun()
