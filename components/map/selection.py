"""Which feature the user selected on the map: pure functions over st_folium events."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any, Protocol

#: Session-state keys this module owns.
SELECTED_KEY = "map.selected"
SEEN_KEY = "map.event_seen"


class StateLike(Protocol):
    """What this module needs of ``st.session_state`` (a dict works too)."""

    def get(self, key: str, /) -> Any:
        """Return the value under `key`, or None."""

    def __setitem__(self, key: str, value: Any, /) -> None:
        """Store `value` under `key`."""


_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def selection_from_map_event(event: object) -> str | None:
    """Return the feature id of the clicked feature in an st_folium return value.

    Parameters
    ----------
    event : object
        What ``st_folium`` returned (or a fake in tests): a mapping whose
        ``last_active_drawing`` is the clicked GeoJSON feature, with the id in
        ``properties.feature_id``.

    Returns
    -------
    str or None
        The feature id, or None when nothing usable was clicked (no event, a
        drawing without properties, a malformed or non-slug id).
    """
    if not isinstance(event, Mapping):
        return None
    drawing = event.get("last_active_drawing")
    if not isinstance(drawing, Mapping):
        return None
    props = drawing.get("properties")
    if not isinstance(props, Mapping):
        return None
    fid = props.get("feature_id")
    if isinstance(fid, str) and _SLUG.match(fid):
        return fid
    return None


def _fingerprint(event: object) -> str | None:
    if not isinstance(event, Mapping):
        return None
    clicked = event.get("last_object_clicked")
    fid = selection_from_map_event(event)
    if fid is None:
        return None
    return json.dumps([fid, clicked], sort_keys=True, default=str)


def update_selection(state: StateLike, event: object) -> str | None:
    """Apply a map event to the selection held in `state`; return the selection.

    A click counts once: an event already applied (same feature, same click
    position) leaves the selection alone, so a selection made elsewhere (a
    button, the URL) survives reruns until the user clicks the map again.

    Parameters
    ----------
    state : mutable mapping
        ``st.session_state`` or a dict; keys `SELECTED_KEY` and `SEEN_KEY` are
        read and written.
    event : object
        The latest st_folium return value (None before any click).

    Returns
    -------
    str or None
        The selected feature id after applying the event.
    """
    fingerprint = _fingerprint(event)
    if fingerprint is not None and fingerprint != state.get(SEEN_KEY):
        state[SEEN_KEY] = fingerprint
        state[SELECTED_KEY] = selection_from_map_event(event)
    selected = state.get(SELECTED_KEY)
    return selected if isinstance(selected, str) else None


def select_feature(state: StateLike, feature_id: str | None) -> None:
    """Select `feature_id` (or clear the selection) from outside the map."""
    state[SELECTED_KEY] = feature_id
