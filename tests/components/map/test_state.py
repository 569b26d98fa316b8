"""map_state: explicit view requests apply once; the reported view goes into links."""

from components.map.state import (
    REQUEST_KEY,
    ViewRequest,
    build_view_script,
    follow_shown,
    init_view,
    read_reported,
    read_view,
)


def test_link_view_is_requested_once_per_session():
    state: dict = {}
    init_view(state, (37.1, 72.8), 8)
    first = state[REQUEST_KEY]
    assert first == ViewRequest(id=1, center=(37.1, 72.8), zoom=8)
    init_view(state, (10.0, 10.0), 3)  # later runs: the session already started
    assert state[REQUEST_KEY] == first


def test_no_link_view_requests_nothing():
    state: dict = {}
    init_view(state, None, None)
    assert REQUEST_KEY not in state
    assert read_view(state, None) == (None, None)


def test_show_on_map_fits_once_per_change_and_again_after_clearing():
    state: dict = {}
    bounds = [[36.0, 70.0], [38.0, 75.0]]
    follow_shown(state, "a#p1", bounds)
    assert state[REQUEST_KEY].bounds == ((36.0, 70.0), (38.0, 75.0))
    assert state[REQUEST_KEY].id == 1
    follow_shown(state, "a#p1", bounds)  # a filter rerun: no new request
    assert state[REQUEST_KEY].id == 1
    follow_shown(state, None, None)
    follow_shown(state, "a#p1", bounds)  # shown again: fits again
    assert state[REQUEST_KEY].id == 2


def test_show_without_places_moves_nothing():
    state: dict = {}
    follow_shown(state, "a#p1", None)
    assert REQUEST_KEY not in state


def test_reported_view_wins_over_the_link_view_in_links():
    state: dict = {}
    init_view(state, (37.1, 72.8), 8)
    assert read_view(state, None) == ((37.1, 72.8), 8)
    event = {"center": {"lat": 36.123456, "lng": 431.5}, "zoom": 9}
    assert read_view(state, event) == ((36.1235, 71.5), 9)  # wrapped longitude


def test_read_reported_ignores_malformed_events():
    for event in (None, {}, {"center": "x", "zoom": 3}, {"center": {"lat": 1}},
                  {"center": {"lat": float("nan"), "lng": 1}, "zoom": 3},
                  {"center": {"lat": 1, "lng": 2}, "zoom": None}):  # fmt: skip
        assert read_reported(event) is None


def test_view_script_carries_the_request_as_json():
    script = build_view_script(ViewRequest(id=3, bounds=((36.0, 70.0), (38.0, 75.0))))
    assert '{"id": 3, "center": null, "zoom": null, "bounds": [[36.0, 70.0]' in script
    assert '"maxZoom": 8' in script
    assert build_view_script(None).count('{"id": 0}') == 1
    assert "map_div" in script


def test_initial_view_stays_out_of_links():
    event = {"center": {"lat": 34.0162, "lng": 69.5215}, "zoom": 5}
    assert read_view({}, event) == (None, None)
    moved = {"center": {"lat": 34.0162, "lng": 69.5215}, "zoom": 6}
    assert read_view({}, moved) == ((34.0162, 69.5215), 6)
