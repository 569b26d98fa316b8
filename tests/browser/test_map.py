"""The map in a real browser: drawn offline, nothing external, a click shows details."""

from __future__ import annotations

import time

import pytest

from components.map.tiles import TILE_DIR
from tests.browser.conftest import ARTIFACTS, find_wakhan_point
from tests.browser.page_helpers import click_map, find_map_position

pytestmark = pytest.mark.browser

MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
DRAW_TIMEOUT_MS = 30_000


def _open_map(page, live_app):
    start = time.monotonic()
    page.goto(live_app.url, wait_until="domcontentloaded")
    frame = page.frame_locator(MAP_IFRAME)
    frame.locator("path.feature-wakhan-corridor").wait_for(
        state="attached", timeout=DRAW_TIMEOUT_MS
    )
    print(f"\nfirst load to Wakhan path drawn: {time.monotonic() - start:.1f} s")
    return frame


def test_map_draws_wakhan_and_durand_with_no_external_request(page, live_app) -> None:
    frame = _open_map(page, live_app)
    assert frame.locator("path.feature-durand-line").count() == 1
    assert frame.locator("path.feature-wakhan-corridor").count() == 1
    assert frame.locator("path.kind-province").count() > 30
    tiles = frame.locator("img.leaflet-tile-loaded")
    tiles.first.wait_for(state="attached", timeout=DRAW_TIMEOUT_MS)
    page.wait_for_load_state("networkidle")
    assert page.traffic.failed == []
    assert page.traffic.external(live_app.host) == []
    assert any("/app/static/tiles/" in url for url in page.traffic.requests)
    assert any("/app/static/vendor/leaflet" in url for url in page.traffic.requests)
    assert page.traffic.console_errors == []


def test_click_on_wakhan_shows_details(page, live_app) -> None:
    frame = _open_map(page, live_app)
    lat, lng = find_wakhan_point()
    iframe = page.locator(MAP_IFRAME).element_handle().content_frame()
    x, y = iframe.evaluate(
        f"() => {{ const p = window.map.latLngToContainerPoint([{lat}, {lng}]);"
        " return [p.x, p.y]; }"
    )
    heading = page.get_by_role("heading", name="Wakhan Corridor", exact=True)
    overlays = frame.locator(".leaflet-control-layers-overlays label")
    named = overlays.all_inner_texts()
    built = iframe.evaluate("() => window.__keptLayers.built")
    start = time.monotonic()
    frame.locator("#map_div").click(position={"x": x, "y": y})
    heading.wait_for(state="visible", timeout=DRAW_TIMEOUT_MS)
    elapsed = time.monotonic() - start
    print(f"\nclick to details: {elapsed:.2f} s")
    assert elapsed < 20
    page.get_by_text("Provenance").first.wait_for(timeout=DRAW_TIMEOUT_MS)
    page.get_by_text("Derived extent").first.wait_for(timeout=DRAW_TIMEOUT_MS)
    frame.locator("path.is-selected").first.wait_for(state="attached")
    # the selection is the overlay's: the data layers stay as they were, once each,
    # and the layer control still lists them
    assert iframe.evaluate("() => window.__keptLayers.built") == built == 1
    assert frame.locator("path.feature-durand-line").count() == 1
    assert overlays.all_inner_texts() == named != []
    assert page.traffic.failed == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "map_wakhan_selected.png"))


def test_zoom_9_over_torkham_draws_native_detail_tiles(page, live_app) -> None:
    page.goto(
        f"{live_app.url}/?lat=34.1&lon=71.09&zoom=9", wait_until="domcontentloaded"
    )
    frame = page.frame_locator(MAP_IFRAME)
    tile = frame.locator('img.leaflet-tile-loaded[src$="/9/357/204.png"]')
    tile.wait_for(state="attached", timeout=DRAW_TIMEOUT_MS)
    page.wait_for_load_state("networkidle")
    tiles = [u for u in page.traffic.requests if "/app/static/tiles/" in u]
    missing = [u for u in tiles if not (TILE_DIR / u.split("/tiles/")[1]).is_file()]
    assert missing == []  # each layer's bounds keep Leaflet inside the tile set
    assert any("/tiles/9/" in u for u in tiles)
    assert page.traffic.failed == []
    assert page.traffic.external(live_app.host) == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "map_zoom9_torkham.png"))


#: Notes each value the map sends (in ``window.__sent``), then clicks the map's
#: DOM at a container point: Leaflet runs its click handlers in that call.
_CLICK_AND_COUNT = """([x, y]) => {
  window.__sent = [];
  const streamlit = window.Streamlit;
  const send = streamlit.setComponentValue;
  streamlit.setComponentValue = (value) => {
    window.__sent.push(JSON.parse(JSON.stringify(value)));
    return send.call(streamlit, value);
  };
  const box = document.getElementById("map_div").getBoundingClientRect();
  const at = {clientX: box.left + x, clientY: box.top + y, bubbles: true};
  const target = document.elementFromPoint(at.clientX, at.clientY);
  target.dispatchEvent(new MouseEvent("mousedown", at));
  target.dispatchEvent(new MouseEvent("mouseup", at));
  target.dispatchEvent(new MouseEvent("click", at));
  return window.__sent.length;
}"""


def test_a_click_on_a_feature_is_sent_at_once_and_once(page, live_app) -> None:
    """Sent in the click's own handlers, not 250 ms later (``send_click``), once."""
    _open_map(page, live_app)
    x, y = find_map_position(page, *find_wakhan_point())
    iframe = page.locator(MAP_IFRAME).element_handle().content_frame()
    assert iframe.evaluate(_CLICK_AND_COUNT, [x, y]) == 1  # before any timer ran
    page.get_by_role("heading", name="Wakhan Corridor", exact=True).wait_for(
        state="visible", timeout=DRAW_TIMEOUT_MS
    )
    page.wait_for_timeout(1000)  # the debounced send has had its turn
    (sent,) = iframe.evaluate("() => window.__sent")
    assert sent["last_active_drawing"]["properties"]["feature_id"] == "wakhan-corridor"
    assert sorted(sent) == ["center", "last_active_drawing", "last_object_clicked",
                            "zoom"]  # fmt: skip


def test_a_layer_turned_off_stays_off_after_a_click(page, live_app) -> None:
    """The LayerControl's choice survives a click: the data layers are not rebuilt."""
    frame = _open_map(page, live_app)
    assert frame.locator("path.kind-province").count() > 30
    frame.locator(".leaflet-control-layers").hover()
    provinces = frame.locator(
        ".leaflet-control-layers-overlays label", has_text="Provinces"
    )
    provinces.locator("input").uncheck()
    assert frame.locator("path.kind-province").count() == 0
    click_map(page, *find_wakhan_point())
    page.get_by_role("heading", name="Wakhan Corridor", exact=True).wait_for(
        state="visible", timeout=DRAW_TIMEOUT_MS
    )
    frame.locator("path.is-selected").first.wait_for(state="attached")
    assert frame.locator("path.kind-province").count() == 0
    assert not provinces.locator("input").is_checked()
    assert page.traffic.console_errors == []
