"""Untrusted articles in the browser: an uploaded payload shows literally, runs nothing.

The article is uploaded through the page's "Add an article" widget into an app of
this module's own, whose corpus and index are temp copies (``isolated_app``).
"""

from __future__ import annotations

import re
import subprocess
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    DRAW_TIMEOUT_MS,
    MAP_IFRAME,
    REPO,
    find_map_position,
    find_wakhan_point,
    save_tall_screenshot,
    wait_for_map,
)
from tests.browser.page_helpers import read_map_view, wait_for_view_change

pytestmark = pytest.mark.browser

WAIT_MS = 30_000
PWN = "window.__pwned=1"
TITLE = (
    f"<script>{PWN}</script> [Wakhan](javascript:{PWN}) "
    f'<img src=x onerror="{PWN}"> report'
)
AUTHOR = f'<svg onload="{PWN}"></svg> Mallory <b>Evil</b>'
SOURCE = f"javascript:{PWN}"
FILENAME = f"wakhan<img src=x onerror={PWN}>.md"
# Raw tags are dropped by the cleaner; entity-encoded ones come back as raw text,
# which is exactly what the page must escape.
BODY = f"""\
The Wakhan Corridor is quiet today. &lt;script&gt;{PWN}&lt;/script&gt; Officials \
said so. <script>{PWN}</script>

Traders in the Wakhan Corridor reported &lt;img src=x onerror="{PWN}"&gt; no \
trouble and &lt;svg onload="{PWN}"&gt;&lt;/svg&gt; the road stayed open. \
<img src=x onerror="{PWN}">

See [the Wakhan Corridor map](javascript:{PWN}) and &lt;a \
href="javascript:{PWN}"&gt;Wakhan Corridor link&lt;/a&gt; and \
\\[x\\](javascript:{PWN}) for more.

A note on the Wakhan Corridor: &lt;iframe \
srcdoc="&lt;script&gt;parent.__pwned=1&lt;/script&gt;"&gt;&lt;/iframe&gt; {{{{7*7}}}} \
${{{PWN}}} <style>body{{display:none}}</style>
"""
LITERALS = [
    TITLE,
    AUTHOR,
    SOURCE,
    f"<script>{PWN}</script> Officials said so.",
    f'<img src=x onerror="{PWN}"> no trouble',
    f'<svg onload="{PWN}"></svg> the road',
    f'<a href="javascript:{PWN}">Wakhan Corridor link</a>',
    f"[x](javascript:{PWN})",
    '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
]


def _payload() -> bytes:
    front = (
        f"---\ntitle: {_yaml(TITLE)}\nauthor: {_yaml(AUTHOR)}\n"
        f"published: 2025-02-10\nsource: {_yaml(SOURCE)}\n---\n\n"
    )
    return (front + BODY).encode()


def _yaml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _assert_nothing_ran(page) -> None:
    """No frame (the page, the map, every component) has ``__pwned`` set."""
    assert len(page.frames) > 1
    for frame in page.frames:
        assert frame.evaluate("() => typeof window.__pwned") == "undefined", frame.url
    assert page.traffic.dialogs == []


def _git_status(path: str) -> str:
    return subprocess.run(
        ["git", "status", "--porcelain", "--", path],
        cwd=REPO, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip


def _upload(page):
    """Add the payload article through the sidebar widget, as a person would."""
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_test_id("stExpander").filter(has_text="Add an article").locator(
        "summary"
    ).click()
    uploader = sidebar.get_by_test_id("stFileUploader")
    uploader.locator("input[type=file]").set_input_files(
        files=[{"name": FILENAME, "mimeType": "text/markdown", "buffer": _payload()}]
    )
    add = sidebar.get_by_role("button", name="Add to corpus")
    expect(add).to_be_enabled(timeout=WAIT_MS)
    add.click()
    done = sidebar.get_by_test_id("stAlertContentSuccess").filter(
        has_text="its links are on the map now"
    )
    expect(done.first).to_be_visible(timeout=WAIT_MS)
    return done


def test_uploaded_payload_article_shows_literally_and_runs_nothing(
    isolated_page, isolated_app
) -> None:
    page = isolated_page
    corpus_before = _git_status("articles/corpus")
    page.goto(f"{isolated_app.url}/?feature=wakhan-corridor")
    wait_for_map(page)
    page.locator(".pp-card").first.wait_for(state="visible", timeout=WAIT_MS)
    done = _upload(page)

    cards = page.locator(".pp-card").filter(has_text="Mallory")
    # four paragraphs, then the hostile title: a passage too, ranked below them
    expect(cards).to_have_count(5, timeout=WAIT_MS)
    expect(done).to_have_count(1)  # the outcome once, after the rerun
    message = " ".join(done.inner_text().split())
    assert FILENAME in message
    assert TITLE in message
    shown = " ".join(" ".join(t.split()) for t in cards.all_inner_texts())
    for literal in LITERALS:
        assert literal in shown, literal
    for tag in ("script", "img", "svg", "iframe", "a", "b", "style"):
        assert cards.locator(tag).count() == 0, tag
    assert page.locator("a[href^='javascript' i]").count() == 0
    for i in range(4):
        assert "Wakhan Corridor" in cards.nth(i).locator("mark").all_inner_texts()
    styles = page.evaluate(
        "() => [...document.querySelectorAll('style')].map(e => e.textContent)"
    )
    assert not [css for css in styles if "body{display:none}" in css]
    expect(cards.first).to_be_visible()
    _assert_nothing_ran(page)

    # The map: show the payload passage's places and read the Wakhan tooltip.
    before = read_map_view(page)
    cards.first.locator("xpath=../../following-sibling::div[1]").get_by_role(
        "button", name="Show on map"
    ).click()
    expect(page.get_by_role("button", name="Clear map highlight")).to_be_visible(
        timeout=WAIT_MS
    )
    frame = page.frame_locator(MAP_IFRAME)
    frame.locator("path.feature-wakhan-corridor").wait_for(
        state="attached", timeout=DRAW_TIMEOUT_MS
    )
    wait_for_view_change(page, before)  # the map fits the places after the panel
    x, y = find_map_position(page, *find_wakhan_point())
    frame.locator("#map_div").hover(position={"x": x, "y": y})
    tooltip = frame.locator(".leaflet-tooltip")
    expect(tooltip.first).to_contain_text("Wakhan Corridor", timeout=WAIT_MS)
    _assert_nothing_ran(page)

    # The search box lists the passage under its title, escaped too.
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_label("Search").fill("Traders")
    sidebar.get_by_label("Search").press("Enter")
    result = sidebar.get_by_role("button", name=re.compile("Traders in the Wakhan"))
    expect(result).to_be_visible(timeout=WAIT_MS)
    assert TITLE in " ".join(result.inner_text().split())
    _assert_nothing_ran(page)

    print(f"\nscreenshot: {save_tall_screenshot(page, 'safety-payload.png')}")
    page.traffic.assert_clean(isolated_app.host)
    added = [p.name for p in isolated_app.corpus.glob("2025-02-*.md")]
    assert len(added) == 1, added
    assert _git_status("articles/corpus") == corpus_before == ""


def test_payload_in_url_is_reported_literally_and_runs_nothing(page, live_app) -> None:
    params = {
        "feature": f'<img src=x onerror="{PWN}">',
        "actor": f"<script>{PWN}</script>",
        "datemode": f"[x](javascript:{PWN})",
        "q": f'Wakhan <svg onload="{PWN}">',
    }
    page.goto(f"{live_app.url}/?{urlencode(params)}", wait_until="domcontentloaded")
    warning = page.get_by_test_id("stAlertContentWarning").filter(
        has_text="Some link parameters were ignored"
    )
    expect(warning).to_be_visible(timeout=WAIT_MS)
    text = " ".join(warning.inner_text().split())
    assert f"Unknown feature '<img src=x onerror=\"{PWN}\">' ignored." in text
    assert f"Unknown actor '<script>{PWN.lower()}</script>' ignored." in text
    assert f"Bad datemode '[x](javascript:{PWN})'" in text
    assert warning.locator("img, script, a, svg").count() == 0
    search = page.get_by_test_id("stSidebar").get_by_label("Search")
    expect(search).to_have_value(params["q"])
    wait_for_map(page)
    assert page.get_by_test_id("stException").count() == 0
    _assert_nothing_ran(page)
    page.traffic.assert_clean(live_app.host)
