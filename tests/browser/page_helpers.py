"""Page helpers for the browser tests: the map in its iframe, sidebar widgets."""

from __future__ import annotations

import time

from bench.live_app import find_wakhan_point  # noqa: F401 (tests import it here)

MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
DRAW_TIMEOUT_MS = 30_000


def wait_for_map(pg: object, feature_id: str = "wakhan-corridor") -> object:
    """Wait until the map iframe has drawn ``feature_id``; return its frame locator."""
    frame = pg.frame_locator(MAP_IFRAME)  # type: ignore[attr-defined]
    frame.locator(f"path.feature-{feature_id}").wait_for(
        state="attached", timeout=DRAW_TIMEOUT_MS
    )
    return frame


def find_map_position(pg: object, lat: float, lng: float) -> tuple[float, float]:
    """Container pixel position of (lat, lng) on the Leaflet map in the map iframe."""
    handle = pg.locator(MAP_IFRAME).element_handle()  # type: ignore[attr-defined]
    x, y = handle.content_frame().evaluate(
        "([lat, lng]) => { const p = window.map.latLngToContainerPoint([lat, lng]);"
        " return [p.x, p.y]; }",
        [lat, lng],
    )
    return float(x), float(y)


def click_map(pg: object, lat: float, lng: float) -> None:
    """Click the map at (lat, lng), like a person would."""
    x, y = find_map_position(pg, lat, lng)
    pg.frame_locator(MAP_IFRAME).locator("#map_div").click(  # type: ignore[attr-defined]
        position={"x": x, "y": y}
    )


def read_map_view(pg: object) -> tuple[float, float, int]:
    """(lat, lng, zoom) of the Leaflet map in the map iframe."""
    handle = pg.locator(MAP_IFRAME).element_handle()  # type: ignore[attr-defined]
    lat, lng, zoom = handle.content_frame().evaluate(
        "() => { const c = window.map.getCenter(); return [c.lat, c.lng,"
        " window.map.getZoom()]; }"
    )
    return float(lat), float(lng), int(zoom)


def find_multiselect(pg: object, label: str) -> object:
    """The sidebar multiselect labelled ``label``."""
    return pg.get_by_test_id("stMultiSelect").filter(  # type: ignore[attr-defined]
        has=pg.get_by_text(label, exact=True)  # type: ignore[attr-defined]
    )


def choose_option(pg: object, label: str, typed: str, option: str) -> None:
    """Pick ``option`` in the sidebar multiselect ``label`` by typing, as a person."""
    import re

    from playwright.sync_api import expect

    box = find_multiselect(pg, label)
    box.locator("input").click()  # type: ignore[attr-defined]
    box.locator("input").fill(typed)  # type: ignore[attr-defined]
    pg.get_by_role("option", name=re.compile(re.escape(option))).first.click()  # type: ignore[attr-defined]
    pg.keyboard.press("Escape")  # type: ignore[attr-defined]
    expect(box.locator("[data-tag]").filter(has_text=option)).to_be_visible()  # type: ignore[attr-defined]


def wait_for_view_change(
    pg: object, before: tuple[float, float, int], timeout_s: float = 10.0
) -> tuple[float, float, int]:
    """Wait until the map has moved away from ``before`` and holds still; return it.

    A view request ("Show on map") reaches the map in its own message, after the
    evidence panel's: a test that reads pixel positions must wait for the move.
    If the map never moves (the request fits the view it has), the view is
    returned once ``timeout_s`` has passed with it still.
    """
    deadline = time.monotonic() + timeout_s
    view = read_map_view(pg)
    while view == before and time.monotonic() < deadline:
        time.sleep(0.1)  # polling the map's state, not a fixed wait
        view = read_map_view(pg)
    while True:  # Leaflet animates the fit: read until two reads agree
        time.sleep(0.3)
        now = read_map_view(pg)
        if now == view:
            return view
        view = now
