"""Browser harness: the live app on a free port and a recording Chromium page.

The app runs with ``ARTICLES_CORPUS_DIR`` / ``ARTICLES_INDEX_PATH`` pointed at temp
copies, so the real corpus and index are never touched. The page fixture records
every request, failed request and console error, and fails the test on any request
to a host other than the app.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from bench.live_app import (
    CHROMIUM,
    CHROMIUM_ARGS,
    REPO,
    LiveApp,
    run_app,
)
from tests.browser.page_helpers import (  # noqa: F401 (tests import them from here)
    DRAW_TIMEOUT_MS,
    MAP_IFRAME,
    choose_option,
    click_map,
    find_map_position,
    find_multiselect,
    find_wakhan_point,
    read_map_view,
    wait_for_map,
)

#: The analyst's desk (issue 11) and the embed frame it must fit.
DESK_VIEWPORT = {"width": 1600, "height": 1000}
EMBED_VIEWPORT = {"width": 1100, "height": 650}
ARTIFACTS = REPO / "test-artifacts"


@pytest.fixture(scope="session")
def live_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveApp]:
    """Start the app on a free port for the whole session; stop it afterwards."""
    with run_app(tmp_path_factory.mktemp("live_app")) as app:
        yield app


@pytest.fixture(scope="module")
def isolated_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveApp]:
    """An app of the module's own, on its own corpus copy (for tests that write)."""
    with run_app(tmp_path_factory.mktemp("isolated_app")) as app:
        yield app


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian Chromium driven by Playwright (never ``playwright install``)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: run `make chromium`")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Traffic:
    """What a page did: every request URL, failures, console errors and dialogs."""

    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    cancelled_tiles: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def external(self, app_host: str) -> list[str]:
        """Return requests to any host but the app's (data: and blob: are local)."""
        out = []
        for url in self.requests:
            parts = urlsplit(url)
            if parts.scheme in {"data", "blob", "about"}:
                continue
            if parts.netloc != app_host:
                out.append(url)
        return out

    def assert_clean(self, app_host: str) -> None:
        """Assert no failed request, no request off the app's host, no dialog."""
        assert self.failed == [], "failed requests"
        assert self.external(app_host) == [], "requests left the app"
        assert self.dialogs == [], "a dialog fired"


def _failed(traffic: Traffic, req: Any) -> None:
    """Record a failed request, apart from basemap tiles the map itself cancelled.

    Leaflet drops the tiles still loading when the view changes (a zoom right after
    the first draw), and Chromium reports each as ``net::ERR_ABORTED``; that is the
    map working, not a request that could not be served (a missing tile is a 404,
    which other tests check).
    """
    line = f"{req.url} {req.failure}"
    if req.failure == "net::ERR_ABORTED" and "/app/static/tiles/" in req.url:
        traffic.cancelled_tiles.append(line)
    else:
        traffic.failed.append(line)


def _record(pg: object) -> Traffic:
    """Attach a `Traffic` recorder to a Playwright page (dialogs are dismissed)."""
    traffic = Traffic()
    pg.on("request", lambda req: traffic.requests.append(req.url))  # type: ignore[attr-defined]
    pg.on("requestfailed", lambda req: _failed(traffic, req))  # type: ignore[attr-defined]
    pg.on(  # type: ignore[attr-defined]
        "console",
        lambda msg: (
            traffic.console_errors.append(msg.text) if msg.type == "error" else None
        ),
    )

    def on_dialog(dialog: object) -> None:
        traffic.dialogs.append(f"{dialog.type}: {dialog.message}")  # type: ignore[attr-defined]
        dialog.dismiss()  # type: ignore[attr-defined]

    pg.on("dialog", on_dialog)  # type: ignore[attr-defined]
    pg.traffic = traffic  # type: ignore[attr-defined]
    return traffic


@contextmanager
def recording_page(
    browser: object,
    app: LiveApp,
    name: str,
    viewport: dict[str, int] | None = None,
) -> Iterator[object]:
    """A page in a fresh context (a new Streamlit session) that records its traffic.

    A screenshot ``test-artifacts/<name>.png`` is kept; requests off the app's host
    fail the test. ``viewport`` defaults to 1400x950.
    """
    size = viewport or {"width": 1400, "height": 950}
    context = browser.new_context(viewport=size)  # type: ignore[attr-defined]
    pg = context.new_page()
    traffic = _record(pg)
    try:
        yield pg
        ARTIFACTS.mkdir(exist_ok=True)
        pg.screenshot(path=str(ARTIFACTS / f"{name}.png"))
    finally:
        context.close()
    assert traffic.external(app.host) == [], "requests left the app"


@pytest.fixture
def page(browser: object, live_app: LiveApp, request: pytest.FixtureRequest):
    """A fresh page that records its traffic as ``page.traffic``.

    Fails the test at teardown if anything was requested from another host.
    """
    with recording_page(browser, live_app, request.node.name) as pg:
        yield pg


@pytest.fixture
def desk_page(browser: object, live_app: LiveApp, request: pytest.FixtureRequest):
    """A recording page at the analyst's desk size, 1600x1000."""
    with recording_page(browser, live_app, request.node.name, DESK_VIEWPORT) as pg:
        yield pg


@pytest.fixture
def new_page(
    browser: object, live_app: LiveApp, request: pytest.FixtureRequest
) -> Iterator[Callable[[], object]]:
    """Open more recording pages on the live app, each in a fresh context."""
    opened: list[object] = []
    with ExitStack() as stack:

        def open_one() -> object:
            name = f"{request.node.name}-{len(opened) + 1}"
            opened.append(stack.enter_context(recording_page(browser, live_app, name)))
            return opened[-1]

        yield open_one


@pytest.fixture
def isolated_page(
    browser: object, isolated_app: LiveApp, request: pytest.FixtureRequest
):
    """A recording page on the module's isolated app."""
    with recording_page(browser, isolated_app, request.node.name) as pg:
        yield pg


def save_tall_screenshot(pg: object, name: str, height: int = 2600) -> Path:
    """Screenshot a viewport tall enough for the map and the evidence under it.

    Streamlit scrolls inside its own container, so ``full_page`` would cut the page
    at the viewport; a taller viewport shows it whole.
    """
    from playwright.sync_api import Error as PlaywrightError

    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    pg.set_viewport_size({"width": 1400, "height": height})  # type: ignore[attr-defined]
    for _ in range(3):  # a rerun may redraw the card mid-scroll: try again
        try:
            card = pg.locator(".pp-card").first  # type: ignore[attr-defined]
            card.scroll_into_view_if_needed(timeout=10_000)
            break
        except PlaywrightError:
            pg.wait_for_timeout(500)  # type: ignore[attr-defined]
    pg.screenshot(path=str(path))  # type: ignore[attr-defined]
    return path
