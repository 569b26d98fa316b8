"""Selection from st_folium events: pure, defensive, one click counts once."""

from __future__ import annotations

import pytest

from components.map.selection import (
    SEEN_KEY,
    SELECTED_KEY,
    select_feature,
    selection_from_map_event,
    update_selection,
)


def _event(fid: object, lat: float = 37.0, lng: float = 73.0) -> dict[str, object]:
    return {
        "last_active_drawing": {
            "type": "Feature",
            "properties": {"feature_id": fid, "kind": "corridor"},
            "geometry": {"type": "Point", "coordinates": [lng, lat]},
        },
        "last_object_clicked": {"lat": lat, "lng": lng},
    }


def test_selection_from_map_event_returns_feature_id() -> None:
    assert selection_from_map_event(_event("wakhan-corridor")) == "wakhan-corridor"


@pytest.mark.parametrize(
    "event",
    [
        None,
        {},
        "wakhan-corridor",
        {"last_active_drawing": None},
        {"last_active_drawing": {"properties": None}},
        {"last_active_drawing": {"properties": {}}},
        {"last_active_drawing": {"properties": {"feature_id": 7}}},
        {"last_active_drawing": {"properties": {"feature_id": "<script>"}}},
        {"last_active_drawing": {"properties": {"feature_id": "Wakhan Corridor"}}},
        {"last_active_drawing": []},
    ],
)
def test_selection_from_map_event_rejects_unusable(event: object) -> None:
    assert selection_from_map_event(event) is None


def test_update_selection_applies_new_click() -> None:
    state: dict[str, object] = {}
    assert update_selection(state, _event("wakhan-corridor")) == "wakhan-corridor"
    assert state[SELECTED_KEY] == "wakhan-corridor"


def test_update_selection_keeps_selection_made_elsewhere_on_stale_event() -> None:
    state: dict[str, object] = {}
    event = _event("badakhshan")
    update_selection(state, event)
    select_feature(state, "afghanistan")
    assert update_selection(state, event) == "afghanistan"


def test_update_selection_second_click_same_feature_counts() -> None:
    state: dict[str, object] = {}
    update_selection(state, _event("badakhshan", 36.0, 71.0))
    select_feature(state, "afghanistan")
    assert update_selection(state, _event("badakhshan", 36.5, 71.2)) == "badakhshan"


def test_update_selection_without_event_keeps_state() -> None:
    state: dict[str, object] = {SELECTED_KEY: "kabul"}
    assert update_selection(state, None) == "kabul"
    assert SEEN_KEY not in state


def test_select_feature_clears() -> None:
    state: dict[str, object] = {SELECTED_KEY: "kabul"}
    select_feature(state, None)
    assert update_selection(state, None) is None
