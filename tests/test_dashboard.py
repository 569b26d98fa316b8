"""The dashboard in AppTest: it runs, the map has the layers, a click shows details."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from components.map.builder import MAP_KEY, RETURNED_OBJECTS

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


@pytest.fixture(scope="module", autouse=True)
def corpus_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Point the app at a copy of the corpus and a fresh index (module-wide)."""
    root = tmp_path_factory.mktemp("app")
    shutil.copytree(Path(DASHBOARD).parent / "articles" / "corpus", root / "corpus")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ARTICLES_CORPUS_DIR", str(root / "corpus"))
        mp.setenv("ARTICLES_INDEX_PATH", str(root / "index.sqlite"))
        yield root


def open_app(**params: str) -> AppTest:
    """Run the dashboard once, with URL query parameters `params`."""
    at = AppTest.from_file(DASHBOARD, default_timeout=30)
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


@pytest.fixture(scope="module")
def app() -> AppTest:
    return open_app()


def test_dashboard_runs_without_exception(app: AppTest) -> None:
    assert not app.exception
    assert "Wakhan Corridor" in app.title[0].value


def test_map_carries_expected_layers(app: AppTest) -> None:
    args = map_args(app)
    for group in ["Countries", "Provinces", "Corridor, areas and route", "Borders"]:
        assert f'"{group}"' in args["layer_control"], group
    for fid in ["wakhan-corridor", "durand-line", "afghanistan", "badakhshan", "kabul"]:
        assert f'"feature_id":"{fid}"' in args["feature_group"], fid
        assert fid not in args["script"]  # data layers never remount the map


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
    size = len(json.dumps(map_args(app)).encode())
    print(f"map payload: {size / 1000:.0f} KB")
    assert size < 300_000


def test_map_returns_only_what_is_used(app: AppTest) -> None:
    assert map_args(app)["returned_objects"] == RETURNED_OBJECTS


def test_details_hint_before_any_click(app: AppTest) -> None:
    assert any("Click a feature" in i.value for i in app.info)


def test_click_on_wakhan_shows_details() -> None:
    at = open_app()
    at.session_state[MAP_KEY] = click_event("wakhan-corridor")
    at.run()
    assert not at.exception
    assert at.subheader[0].value == "Wakhan Corridor"
    assert any(c.value.startswith("corridor · also Wakhan") for c in at.caption)
    facts = at.table[0].value
    assert "Area" in set(facts.index)
    assert any("Natural Earth" in m.value for m in at.markdown)
    assert "wakhan-corridor" in map_args(at)["feature_group"]


def test_click_on_durand_line_shows_disputed_note() -> None:
    at = open_app()
    at.session_state[MAP_KEY] = click_event("durand-line", 33.0, 69.0)
    at.run()
    assert at.subheader[0].value == "Durand Line"
    assert any("recognise" in w.value for w in at.warning)


def test_parent_button_selects_containing_country() -> None:
    at = open_app()
    at.session_state[MAP_KEY] = click_event("badakhshan", 36.5, 71.0)
    at.run()
    at.button(key="feature_panel.parent").click().run()
    assert at.subheader[0].value == "Afghanistan"


def test_unknown_feature_click_is_ignored() -> None:
    at = open_app()
    at.session_state[MAP_KEY] = click_event("no-such-place")
    at.run()
    assert not at.exception
    assert any("Click a feature" in i.value for i in at.info)


def passages_html(at: AppTest) -> str:
    """Everything the page shows through st.html / st.markdown, joined."""
    blobs = [e for e in _walk(at.main) if type(e).__name__ in {"Html", "Markdown"}]
    return "\n".join(
        str(getattr(e, "value", "") or getattr(e.proto, "body", "")) for e in blobs
    )


def test_url_feature_opens_its_evidence() -> None:
    at = open_app(feature="wakhan-corridor")
    assert not at.exception
    assert at.subheader[0].value == "Wakhan Corridor"
    text = passages_html(at)
    assert "Lt. General Asim Malik" in text  # the January passage on the Wakhan
    assert "<mark" in text


def test_url_actor_filter_keeps_only_its_passages() -> None:
    at = open_app(feature="afghanistan", actor="ttp")
    assert not at.exception
    assert at.session_state["filters.actors"] == ["ttp"]
    text = passages_html(at)
    assert "TTP" in text
    assert "Crocus Hall" not in text  # an Afghanistan passage that names no TTP


def test_invalid_url_values_are_reported_not_raised() -> None:
    at = open_app(feature="atlantis", actor="ttp,nobody", to="yesterday", datemode="x")
    assert not at.exception
    warning = " ".join(w.value for w in at.warning)
    for bad in ("atlantis", "nobody", "yesterday"):
        assert bad in warning
    assert at.session_state["filters.actors"] == ["ttp"]


def test_show_on_map_highlights_the_passages_places() -> None:
    from articles.query import Filters, query_passages

    hits = query_passages(Filters(feature="wakhan-corridor"))
    malik = next(h.passage_id for h in hits if "Asim Malik" in h.text)
    at = open_app(feature="wakhan-corridor")
    at.button(key=f"passage_panel.show.{malik}").click().run()
    assert not at.exception
    overlay = map_args(at)["feature_group"]
    for fid in ("tajikistan", "badakhshan", "wakhan-corridor"):
        assert fid in overlay, fid
    request = at.session_state["map.request"]
    assert request.bounds is not None  # an explicit fit, applied once by the map
    assert f'"id": {request.id}, "center": null' in overlay


def test_filter_change_keeps_the_map_mounted() -> None:
    at = open_app(feature="wakhan-corridor")
    before = map_args(at)["key"]
    at.session_state["map.selected"] = "durand-line"
    at.run()
    assert map_args(at)["key"] == before  # same base map: no remount on selection
    assert "durand-line" in map_args(at)["feature_group"]


def test_filter_and_kind_changes_keep_the_map_mounted_and_unmoved() -> None:
    at = open_app()
    before = map_args(at)
    at.session_state["filters.actors"] = ["ttp"]
    at.run()
    at.session_state["filters.kinds"] = ["city"]
    at.run()
    after = map_args(at)
    assert not at.exception
    assert after["key"] == before["key"]  # same component: the view survives
    assert after["feature_group"] != before["feature_group"]
    assert '"kind": "province"' not in after["feature_group"]
    assert (after["center"], after["zoom"]) == (None, None)
    assert '"id": 0}' in after["feature_group"]  # no view request


def test_url_view_is_requested_once_and_goes_into_the_link() -> None:
    at = open_app(lat="37.1", lon="72.8", zoom="8")
    assert not at.exception
    assert not at.warning
    request = at.session_state["map.request"]
    assert (request.center, request.zoom) == ((37.1, 72.8), 8)
    at.session_state["filters.actors"] = ["isi"]
    at.run()
    assert at.session_state["map.request"] == request  # not requested again
    at.button(key="url_state.copy").click().run()
    link = at.get("code")[0].proto.code_text
    assert "lat=37.1&lon=72.8&zoom=8" in link


def test_reported_view_goes_into_the_link() -> None:
    at = open_app()
    at.session_state[MAP_KEY] = {"center": {"lat": 36.91234, "lng": 71.5}, "zoom": 9}
    at.run()
    at.button(key="url_state.copy").click().run()
    link = at.get("code")[0].proto.code_text
    assert link.endswith("?lat=36.9123&lon=71.5&zoom=9")


def test_bad_url_view_is_reported_not_applied() -> None:
    at = open_app(lat="999", lon="72", zoom="8")
    assert not at.exception
    assert "Bad lat \\'999\\'" in at.warning[0].value  # markdown-escaped
    assert "map.request" not in at.session_state


def test_app_never_touches_the_real_index(corpus_env: Path) -> None:
    open_app()
    assert (corpus_env / "index.sqlite").exists()
    assert os.environ["ARTICLES_INDEX_PATH"].startswith(str(corpus_env))


def test_places_beyond_the_map_are_listed_and_reach_their_passages(
    app: AppTest,
) -> None:
    """The seed corpus names places outside the map (Russia, the United States):
    they are listed, and pressing one selects it as a map click would."""
    listed = [b for b in app.button if (b.key or "").startswith("beyond-map.")]
    assert listed, "no place beyond the map listed"
    first = listed[0]
    first.click().run()
    assert app.session_state["map.selected"] == first.key.removeprefix("beyond-map.")


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"actor": "ttp,isi", "from": "2025-01-01", "to": "2025-03-31"},
        {"datemode": "events", "review": "1", "feature": "wakhan-corridor"},
        {"actor": "nobody", "from": "not-a-date", "article": "no-such-article"},
    ],
)
def test_map_is_drawn_with_the_view_the_widgets_then_show(
    params: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The map and panel go out before the sidebar's widgets (read from their keys);
    # opening a URL must not need the extra run that a difference would cost.
    from components.panels import filters

    calls: list[tuple[object, object]] = []
    real = filters.settle
    monkeypatch.setattr(
        filters,
        "settle",
        lambda shown, drawn: (calls.append((shown, drawn)), real(shown, drawn)),
    )
    at = open_app(**params)
    assert not at.exception
    assert len(calls) == 1  # no rerun
    shown, drawn = calls[0]
    assert shown == drawn
