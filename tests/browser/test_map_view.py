"""The map keeps the analyst's view through filter changes; a copied link carries it."""

from __future__ import annotations

import time
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    MAP_IFRAME,
    choose_option,
    read_map_view,
    wait_for_map,
)

pytestmark = pytest.mark.browser

WAIT_MS = 30_000
#: Degrees the centre may drift (a pixel at zoom 7 is about 0.01 degrees).
CENTER_TOLERANCE = 0.02
FILTER_TO_REDRAW_BOUND_S = 20.0


def _map_frame(page):
    return page.locator(MAP_IFRAME).element_handle().content_frame()


def _zoom_and_pan(page) -> None:
    """Zoom in twice with the zoom button and drag towards the Wakhan, as a person."""
    frame = page.frame_locator(MAP_IFRAME)
    for _ in range(2):
        wanted = read_map_view(page)[2] + 1
        frame.locator(".leaflet-control-zoom-in").click()
        _wait_until(
            lambda z=wanted: read_map_view(page)[2] == z and not _animating(page)
        )
    box = page.locator(MAP_IFRAME).bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x - 120, y + 90, steps=8)
    page.mouse.up()
    views = [read_map_view(page)]

    def settled() -> bool:  # Leaflet's inertia keeps panning after the release
        time.sleep(0.3)
        views.append(read_map_view(page))
        return views[-1] == views[-2]

    _wait_until(settled)


def _wait_until(condition, timeout_s: float = WAIT_MS / 1000) -> float:
    """Poll ``condition`` every 0.1 s; return the seconds it took to hold."""
    start = time.monotonic()
    while not condition():
        assert time.monotonic() - start < timeout_s, "timed out"
        time.sleep(0.1)
    return time.monotonic() - start


def _animating(page) -> bool:
    """Whether Leaflet is still animating a zoom (it ignores zoom clicks then)."""
    return bool(_map_frame(page).evaluate("() => !!window.map._animatingZoom"))


def _mark_iframe(page) -> None:
    """Tag the mounted map's window (a remount would lose the tag)."""
    _map_frame(page).evaluate(
        "() => { window.__probe = 'mounted'; window.__built ="
        " window.__keptLayers.built; }"
    )


def _wait_for_redraw(page) -> float:
    """Wait until the mounted map swaps its data layers; return the seconds taken."""
    return _wait_until(
        lambda: _map_frame(page).evaluate(
            "() => window.__keptLayers.built > window.__built"
        )
    )


def _assert_same_view(before, after) -> None:
    assert abs(after[0] - before[0]) < CENTER_TOLERANCE, (before, after)
    assert abs(after[1] - before[1]) < CENTER_TOLERANCE, (before, after)
    assert after[2] == before[2], (before, after)


def test_view_survives_actor_and_layer_changes(page, live_app, new_page) -> None:
    page.goto(live_app.url, wait_until="domcontentloaded")
    wait_for_map(page)
    default = read_map_view(page)
    _zoom_and_pan(page)
    chosen = read_map_view(page)
    print(f"\ndefault view {default}, chosen view {chosen}")
    assert chosen[2] == default[2] + 2
    assert abs(chosen[1] - default[1]) > 0.3  # the drag moved the map
    page.wait_for_timeout(800)  # the map reports its view (debounced 250 ms)

    _mark_iframe(page)
    choose_option(page, "Actors", "TTP", "TTP - Tehreek-e-Taliban Pakistan")
    took = _wait_for_redraw(page)
    print(f"actor filter to layers redrawn: {took:.2f} s")
    assert took < FILTER_TO_REDRAW_BOUND_S
    _assert_same_view(chosen, read_map_view(page))
    assert _map_frame(page).evaluate("() => window.__probe") == "mounted"

    _mark_iframe(page)
    pill = page.get_by_test_id("stSidebar").get_by_role(
        "button", name="province", exact=True
    )
    for _ in range(3):  # the first click after the actor dropdown may only close it
        pill.click()
        try:
            expect(pill).to_have_attribute("aria-pressed", "false", timeout=3000)
            break
        except AssertionError:
            continue
    took = _wait_for_redraw(page)
    print(f"layer toggle to layers redrawn: {took:.2f} s")
    frame = page.frame_locator(MAP_IFRAME)
    assert frame.locator("path.kind-province").count() == 0
    assert frame.locator("path.feature-wakhan-corridor").count() == 1
    _assert_same_view(chosen, read_map_view(page))
    assert _map_frame(page).evaluate("() => window.__probe") == "mounted"

    page.get_by_role("button", name="Copy link").click()
    code = page.get_by_test_id("stCode").locator("code")
    code.wait_for(state="visible", timeout=WAIT_MS)
    link = code.inner_text().strip()
    print(f"copied link: {link}")
    params = parse_qs(urlsplit(link).query)
    assert params["actor"] == ["ttp"]
    assert int(params["zoom"][0]) == chosen[2]
    assert abs(float(params["lat"][0]) - chosen[0]) < CENTER_TOLERANCE
    assert abs(float(params["lon"][0]) - chosen[1]) < CENTER_TOLERANCE
    page.wait_for_timeout(500)  # the URL changed: the map iframe may reload
    wait_for_map(page)
    _assert_same_view(chosen, read_map_view(page))

    fresh = new_page()
    start = time.monotonic()
    fresh.goto(link, wait_until="domcontentloaded")
    wait_for_map(fresh)
    _wait_until(lambda: read_map_view(fresh)[2] == chosen[2])
    print(f"copied link to map at its view: {time.monotonic() - start:.2f} s")
    _assert_same_view(chosen, read_map_view(fresh))
    page.traffic.assert_clean(live_app.host)
    fresh.traffic.assert_clean(live_app.host)
