"""The dashboard in AppTest: it runs, the map has the layers, a click shows details."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from components.map_view import MAP_KEY, RETURNED_OBJECTS

DASHBOARD = str(Path(__file__).resolve().parent.parent / "dashboard.py")
EXTERNAL = ("http://", "https://", "//")


def _walk(node: Any):
    yield node
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for child in children.values():
            yield from _walk(child)


def map_args(at: AppTest) -> dict[str, Any]:
    """Return the st_folium component's arguments (its JSON args)."""
    found = [e for e in _walk(at.main) if type(e).__name__ == "UnknownElement"]
    maps = [json.loads(e.proto.json_args) for e in found if "json_args" in dir(e.proto)]
    maps = [a for a in maps if "script" in a and "js_links" in a]
    assert len(maps) == 1, "expected exactly one st_folium map"
    return maps[0]


def click_event(feature_id: str, lat: float = 37.0, lng: float = 73.0) -> dict:
    """A fake st_folium return value for a click on `feature_id`."""
    return {
        "last_active_drawing": {
            "type": "Feature",
            "properties": {"feature_id": feature_id},
            "geometry": None,
        },
        "last_object_clicked": {"lat": lat, "lng": lng},
    }


@pytest.fixture(scope="module")
def app() -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=30)
    at.run()
    return at


def test_dashboard_runs_without_exception(app: AppTest) -> None:
    assert not app.exception
    assert "Wakhan Corridor" in app.title[0].value


def test_map_carries_expected_layers(app: AppTest) -> None:
    script = map_args(app)["script"]
    for group in ["Countries", "Provinces", "Corridor, areas and route", "Borders"]:
        assert f'"{group}"' in script, group
    for fid in ["wakhan-corridor", "durand-line", "afghanistan", "badakhshan", "kabul"]:
        assert f'"feature_id": "{fid}"' in script, fid


def test_map_loads_no_external_asset(app: AppTest) -> None:
    args = map_args(app)
    links = args["js_links"] + args["css_links"]
    assert links
    for url in links:
        assert not url.lower().startswith(EXTERNAL), url
    for blob in (args["header"], args["html"]):
        assert 'src="http' not in blob
        assert 'href="http' not in blob
    assert "../../app/static/tiles/{z}/{x}/{y}.png" in args["script"]


def test_map_payload_under_300_kb(app: AppTest) -> None:
    found = [e for e in _walk(app.main) if type(e).__name__ == "UnknownElement"]
    size = max(len(e.proto.json_args.encode()) for e in found)
    assert size < 300_000


def test_map_returns_only_what_is_used(app: AppTest) -> None:
    assert map_args(app)["returned_objects"] == RETURNED_OBJECTS


def test_details_hint_before_any_click(app: AppTest) -> None:
    assert any("Click a feature" in i.value for i in app.info)


def test_click_on_wakhan_shows_details() -> None:
    at = AppTest.from_file(DASHBOARD, default_timeout=30).run()
    at.session_state[MAP_KEY] = click_event("wakhan-corridor")
    at.run()
    assert not at.exception
    assert [s.value for s in at.subheader] == ["Wakhan Corridor"]
    assert any(c.value == "corridor" for c in at.caption)
    facts = at.table[0].value
    assert "Area" in set(facts.index)
    assert any("Natural Earth" in m.value for m in at.markdown)
    assert "wakhan-corridor" in map_args(at)["feature_group"]


def test_click_on_durand_line_shows_disputed_note() -> None:
    at = AppTest.from_file(DASHBOARD, default_timeout=30).run()
    at.session_state[MAP_KEY] = click_event("durand-line", 33.0, 69.0)
    at.run()
    assert [s.value for s in at.subheader] == ["Durand Line"]
    assert any("recognise" in w.value for w in at.warning)


def test_parent_button_selects_containing_country() -> None:
    at = AppTest.from_file(DASHBOARD, default_timeout=30).run()
    at.session_state[MAP_KEY] = click_event("badakhshan", 36.5, 71.0)
    at.run()
    at.button(key="feature_panel.parent").click().run()
    assert [s.value for s in at.subheader] == ["Afghanistan"]


def test_unknown_feature_click_is_ignored() -> None:
    at = AppTest.from_file(DASHBOARD, default_timeout=30).run()
    at.session_state[MAP_KEY] = click_event("no-such-place")
    at.run()
    assert not at.exception
    assert any("Click a feature" in i.value for i in at.info)
