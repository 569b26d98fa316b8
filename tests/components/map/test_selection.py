"""Selection from st_folium events: pure, defensive, one click counts once."""

from __future__ import annotations

import pytest

from shapely.geometry import LineString, Point, box

from components.map.selection import (
    PICKS_KEY,
    SEEN_KEY,
    SELECTED_KEY,
    Candidate,
    Shape,
    click_from_event,
    find_candidates,
    read_picks,
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


# --- pick lists: features a click may have meant -------------------------------

#: A border line running north-south at 70 E, a city dot 0.05 degrees east of it,
#: a province polygon around both, and a far-away city.
SHAPES = (
    Shape("durand-line", "Durand Line", "boundary", LineString([(70, 33), (70, 35)])),
    Shape("parachinar", "Parachinar", "city", Point(70.05, 34.0)),
    Shape("kurram", "Kurram", "province", box(69.5, 33.5, 70.5, 34.5)),
    Shape("kabul", "Kabul", "city", Point(69.17, 34.53)),
)


def test_click_near_line_and_dot_offers_both_points_first() -> None:
    picks = find_candidates(SHAPES, (34.0, 70.02, 7), clicked="parachinar")
    assert [p.feature_id for p in picks] == ["parachinar", "durand-line"]
    assert all(isinstance(p, Candidate) for p in picks)
    assert picks[0].rank == 0
    assert picks[1].rank == 1


def test_distances_are_screen_pixels_at_the_zoom() -> None:
    # 0.02 degrees of longitude: 256 * 2**7 / 360 * 0.02 = 1.8 px at zoom 7,
    # 29 px at zoom 11.
    near = find_candidates(SHAPES, (34.0, 70.02, 7), clicked="durand-line")
    far = find_candidates(SHAPES, (34.0, 70.02, 11), clicked="durand-line")
    assert {p.feature_id for p in near} == {"durand-line", "parachinar"}
    assert far == ()  # only the line itself is near enough at zoom 11
    pixels = {p.feature_id: p.pixels for p in near}
    assert 1.7 < pixels["durand-line"] < 1.95


def test_clicked_polygon_is_offered_after_the_lines() -> None:
    picks = find_candidates(SHAPES, (34.0, 70.003, 7), clicked="kurram")
    assert [p.feature_id for p in picks][-1] == "kurram"
    assert picks[-1].rank == 2


def test_a_lone_feature_gives_no_pick_list() -> None:
    assert find_candidates(SHAPES, (34.53, 69.17, 9), clicked="kabul") == ()


def test_click_from_event_reads_lat_lng_and_zoom() -> None:
    event = {**_event("kabul", 34.5, 69.2), "zoom": 8}
    assert click_from_event(event) == (34.5, 69.2, 8)
    for bad in (None, {}, {"last_object_clicked": {"lat": "x", "lng": 1}, "zoom": 5},
                {"last_object_clicked": {"lat": 1.0, "lng": 2.0}}):  # fmt: skip
        assert click_from_event(bad) is None


def test_new_click_stores_picks_and_selecting_one_clears_them() -> None:
    state: dict[str, object] = {}
    event = {**_event("parachinar", 34.0, 70.02), "zoom": 7}
    assert update_selection(state, event, SHAPES) == "parachinar"
    assert [p.feature_id for p in read_picks(state)] == ["parachinar", "durand-line"]
    update_selection(state, event, SHAPES)  # the same event again: unchanged
    assert len(read_picks(state)) == 2
    select_feature(state, "durand-line")
    assert state[SELECTED_KEY] == "durand-line"
    assert read_picks(state) == ()
    assert state[PICKS_KEY] == ()
