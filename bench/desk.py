"""The analyst's desk in a real browser: first map, map data size, click to evidence.

Runs the dashboard on a free port (seed corpus copy) and Debian's Chromium at
1600x1000 through Playwright (issue 11's figures):

- first map: page opened to the Wakhan Corridor drawn, on a warm server (after one
  cold load), median of `PAGES` fresh sessions, each with an empty browser cache,
  then with the browser's cache warm (an analyst coming back);
- default map data: bytes of the websocket messages carrying the map's GeoJSON
  when the default view opens (tiles aside);
- click to first evidence: a click on the Wakhan Corridor to its popup (drawn in
  the browser from data the map carries), and to the first passage in the panel.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.live_app import (
    CHROMIUM,
    CHROMIUM_ARGS,
    LiveApp,
    find_wakhan_point,
    run_app,
)
from bench.registry import Figure, register

PAGES = 4
VIEWPORT = {"width": 1600, "height": 1000}
MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
TIMEOUT_MS = 60_000
#: Issue 11's budgets.
FIRST_MAP_S = 3.0
MAP_DATA_KB = 200.0
#: Every GeoJSON layer of the map is created by this call (folium's template).
_GEOJSON_MARK = b"L.geoJson("


@contextmanager
def _session(browser: Any, context: Any = None) -> Iterator[tuple[Any, list[int]]]:
    """A fresh page (a new Streamlit session) and the sizes of its map messages.

    Without ``context``, in a context of its own (an empty browser cache).
    """
    own = context is None
    context = browser.new_context(viewport=VIEWPORT) if own else context
    page = context.new_page()
    sizes: list[int] = []

    def on_frame(payload: bytes | str) -> None:
        data = payload.encode() if isinstance(payload, str) else payload
        if _GEOJSON_MARK in data:
            sizes.append(len(data))

    page.on("websocket", lambda ws: ws.on("framereceived", on_frame))
    try:
        yield page, sizes
    finally:
        page.close()
        if own:
            context.close()


def _open(page: Any, app: LiveApp) -> float:
    """Open the app; return the seconds until the Wakhan Corridor is drawn."""
    start = time.monotonic()
    page.goto(app.url, wait_until="commit")
    page.frame_locator(MAP_IFRAME).locator("path.feature-wakhan-corridor").wait_for(
        state="attached", timeout=TIMEOUT_MS
    )
    return time.monotonic() - start


def corridor_point(page: Any) -> tuple[float, float]:
    """Return the map's pixel position of a point inside the Wakhan Corridor."""
    lat, lng = find_wakhan_point()
    frame = page.locator(MAP_IFRAME).element_handle().content_frame()
    x, y = frame.evaluate(
        "([lat, lng]) => { const p = window.map.latLngToContainerPoint([lat, lng]);"
        " return [p.x, p.y]; }",
        [lat, lng],
    )
    return float(x), float(y)


#: Notes in the map's page the time (ms since the epoch) of the first animation
#: frame after its popup is added: the frame that draws it.
WATCH_POPUP = """() => {
  window.__popupDrawnAt = 0;
  const seen = new MutationObserver(() => {
    if (document.querySelector(".map-pop")) {
      seen.disconnect();
      requestAnimationFrame(() => { window.__popupDrawnAt = Date.now(); });
    }
  });
  seen.observe(document.body, {childList: true, subtree: true});
}"""


def _click(page: Any) -> tuple[float, float]:
    """Click the corridor; return seconds to its popup drawn and to the first passage.

    The popup's time is taken in the page (``WATCH_POPUP``): the click's
    rerun keeps the page busy soon after, and Playwright, which looks for an
    element in the page, would see the popup only once that work is done.
    """
    x, y = corridor_point(page)
    frame = page.locator(MAP_IFRAME).element_handle().content_frame()
    frame.evaluate(WATCH_POPUP)
    clicked_at = time.time() * 1000  # the page's clock is the machine's
    start = time.monotonic()
    page.frame_locator(MAP_IFRAME).locator("#map_div").click(position={"x": x, "y": y})
    page.frame_locator(MAP_IFRAME).locator(".map-pop").wait_for(timeout=TIMEOUT_MS)
    page.locator(".pp-card .pp-text").first.wait_for(timeout=TIMEOUT_MS)
    panel = time.monotonic() - start
    drawn = frame.wait_for_function("() => window.__popupDrawnAt", timeout=TIMEOUT_MS)
    popup = (drawn.json_value() - clicked_at) / 1000
    return popup, panel


def _measure(app: LiveApp, browser: Any) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {
        "cold": [],
        "first": [],
        "cached": [],
        "kb": [],
        "pop": [],
        "panel": [],
    }
    for n in range(PAGES + 1):
        with _session(browser) as (page, sizes):
            seconds = _open(page, app)
            out["cold" if n == 0 else "first"].append(seconds)
            page.wait_for_timeout(500)  # the map's data has all arrived
            out["kb"].append(sum(sizes) / 1000)
            if n:
                popup, panel = _click(page)
                out["pop"].append(popup)
                out["panel"].append(panel)
    shared = browser.new_context(viewport=VIEWPORT)
    try:
        for n in range(PAGES + 1):  # the first load fills the browser's cache
            with _session(browser, shared) as (page, _sizes):
                seconds = _open(page, app)
                if n:
                    out["cached"].append(seconds)
    finally:
        shared.close()
    return out


def _figures(out: dict[str, list[float]], load: str) -> list[Figure]:
    median: Callable[[list[float]], float] = statistics.median
    first, kb = median(out["first"]), median(out["kb"])
    note = f"seed corpus, 1600x1000, median of {PAGES} fresh sessions; {load}"
    return [
        Figure("first map, cold server", out["cold"][0], "s"),
        Figure(
            "first map, warm server", first, "s", note,
            target=f"<= {FIRST_MAP_S:.0f} s", ok=first <= FIRST_MAP_S,
        ),
        Figure("first map, warm server and browser cache", median(out["cached"]), "s"),
        Figure(
            "default map data (websocket, tiles aside)", kb, "KB",
            target=f"<= {MAP_DATA_KB:.0f} KB", ok=kb <= MAP_DATA_KB,
        ),
        Figure("click to first evidence (map popup)", median(out["pop"]) * 1000, "ms"),
        Figure("click to first passage in the panel", median(out["panel"]), "s"),
    ]  # fmt: skip


def _load() -> str:
    import os

    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min)"


@register("desk")
def bench_desk() -> list[Figure]:
    """Time the desk in Chromium: first map, map data size, click to evidence."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        return [Figure("skipped: no Chromium (make chromium)", 0.0, "")]
    with (
        tempfile.TemporaryDirectory() as tmp,
        run_app(Path(tmp)) as app,
        sync_playwright() as pw,
    ):
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            out = _measure(app, browser)
        finally:
            browser.close()
        return _figures(out, _load())
