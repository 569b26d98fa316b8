"""The dashboard at scale in a browser: click to first passage, ten sessions at once.

Runs the app on bench-scale's own corpus and index (in place: bench-scale owns
them) and Debian's Chromium through Playwright, as ``bench.desk`` does on the seed
corpus:

- click to first passage: a fresh session opens the map, a click on the Wakhan
  Corridor, until the first passage card shows; median of `SESSIONS` sessions
  (the first one, which fills the server's caches, is reported apart);
- ten sessions at once: `CONCURRENT` sessions open the map, then each clicks the
  corridor in turn without waiting, and each one's time from its click to its
  first passage is taken while the server answers all of them.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.desk import MAP_IFRAME, VIEWPORT, _click, _open, corridor_point
from bench.live_app import CHROMIUM, CHROMIUM_ARGS, run_app

SESSIONS = 4
CONCURRENT = 10
CARD = ".pp-card .pp-text"
TIMEOUT_S = 120.0


#: Notes in the page the time (ms since the epoch) a passage card first appears.
WATCH = """sel => {
  window.__cardAt = 0;
  const seen = () => {
    if (!window.__cardAt && document.querySelector(sel)) window.__cardAt = Date.now();
  };
  new MutationObserver(seen).observe(document.body, {childList: true, subtree: true});
}"""


def _concurrent(browser: Any, app: Any) -> list[float]:
    """Seconds from each session's click to its first passage, all at once.

    Each page notes when its first card is added to its document (a
    MutationObserver; the clock is the machine's, as the click's). Polling the
    ten pages in turn for the card instead added each round of ten queries to
    a busy browser, up to a second, to the times it measured.
    """
    contexts = [browser.new_context(viewport=VIEWPORT) for _ in range(CONCURRENT)]
    try:
        pages = [c.new_page() for c in contexts]
        for page in pages:
            _open(page, app)
        points = [corridor_point(p) for p in pages]
        for page in pages:
            if page.locator(CARD).count():
                raise RuntimeError("a passage shows before any click")
            page.evaluate(WATCH, CARD)
        started: list[float] = []
        for page, (x, y) in zip(pages, points, strict=True):
            started.append(time.time() * 1000)
            page.frame_locator(MAP_IFRAME).locator("#map_div").click(
                position={"x": x, "y": y}, no_wait_after=True
            )
        deadline = time.monotonic() + TIMEOUT_S
        while not all(shown := [p.evaluate("() => window.__cardAt") for p in pages]):
            if time.monotonic() > deadline:
                missing = sum(1 for t in shown if not t)
                raise TimeoutError(f"{missing} sessions showed no passage")
            pages[0].wait_for_timeout(200)
        return [(at - t0) / 1000 for at, t0 in zip(shown, started, strict=True)]
    finally:
        for context in contexts:
            context.close()


def measure_browser(corpus: Path, index: Path) -> dict[str, float]:
    """Run the app on ``corpus``/``index`` and time clicks in Chromium."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        return {}
    with (
        tempfile.TemporaryDirectory() as tmp,
        run_app(Path(tmp), corpus=corpus, index=index) as app,
        sync_playwright() as pw,
    ):
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            clicks: list[float] = []
            for _ in range(SESSIONS + 1):
                context = browser.new_context(viewport=VIEWPORT)  # type: ignore[arg-type]
                try:
                    page = context.new_page()
                    _open(page, app)
                    clicks.append(_click(page)[1])
                finally:
                    context.close()
            together = _concurrent(browser, app)
        finally:
            browser.close()
    return {
        "click_cold_s": clicks[0],
        "click_median_s": statistics.median(clicks[1:]),
        "concurrent_median_s": statistics.median(together),
        "concurrent_max_s": max(together),
    }
