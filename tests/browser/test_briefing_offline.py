"""The exported briefing opened from a file, network blocked: map, citations, print."""

import pytest

from components.briefing.exports import build_html
from tests.components.briefing.fixtures import make_briefing

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def briefing_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("briefing") / "wakhan.html"
    path.write_bytes(build_html(make_briefing()))
    return path


@pytest.fixture
def opened(browser, briefing_file):
    """The briefing page, every request recorded, all but file: and data: aborted."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    requests, blocked = [], []

    def route(r):
        url = r.request.url
        requests.append(url)
        if url.startswith(("file:", "data:")):
            r.continue_()
        else:
            blocked.append(url)
            r.abort()

    page.route("**/*", route)
    page.add_init_script("window.__alerts = 0; window.alert = () => window.__alerts++;")
    failed = []
    page.on("requestfailed", lambda req: failed.append(req.url))
    page.goto(briefing_file.as_uri())
    frame = page.frame_locator("iframe.map-frame")
    frame.locator(".leaflet-overlay-pane path").first.wait_for(timeout=15000)
    yield page, frame, requests, blocked, failed
    page.close()


def test_briefing_map_draws_from_file_with_network_blocked(opened):
    _, frame, requests, blocked, failed = opened
    assert frame.locator(".leaflet-overlay-pane path").count() >= 5
    assert frame.locator("path.feature-wakhan-corridor").count() >= 1
    assert frame.locator(".leaflet-tile-pane img[src^='data:image/png']").count() >= 1
    assert blocked == []
    assert failed == []
    external = [u for u in requests if not u.startswith(("file:", "data:"))]
    assert external == []


def test_briefing_shows_numbered_citations_and_escaped_text(opened):
    page, _, _, _, _ = opened
    assert page.locator("a.cite-no").all_inner_texts() == ["[1]", "[2]", "[3]"]
    assert page.locator("#ref-2").inner_text().startswith("[2] A. <i>Writer</i>")
    assert page.locator("blockquote mark").first.inner_text() == "Wakhan Corridor"
    assert "<script>alert" in page.locator("#p-1 blockquote").inner_text()
    assert page.locator("img[src='x']").count() == 0
    assert page.evaluate("() => window.__alerts") == 0


def test_briefing_prints_on_a4_without_map_controls(opened):
    page, frame, _, _, _ = opened
    assert frame.locator(".leaflet-control-zoom").is_visible()
    page.emulate_media(media="print")
    assert not frame.locator(".leaflet-control-zoom").is_visible()
    width = page.locator("iframe.map-frame").evaluate(
        "e => e.getBoundingClientRect().width"
    )
    assert width == pytest.approx(182 * 96 / 25.4, rel=0.02)
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF")
