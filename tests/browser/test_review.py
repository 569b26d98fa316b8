"""Review a link in the browser, export the briefing, find the link marked confirmed."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from articles.review.store import read_decisions
from tests.browser.conftest import wait_for_map

pytestmark = pytest.mark.browser

WAIT_MS = 60_000


def test_confirmed_link_is_marked_confirmed_in_the_exported_briefing(
    isolated_page, isolated_app, tmp_path
) -> None:
    page = isolated_page
    page.goto(f"{isolated_app.url}/?feature=kabul")
    wait_for_map(page, "kabul")
    confirm = page.get_by_role("button", name="✓").first
    expect(confirm).to_be_visible(timeout=WAIT_MS)
    confirm.click()
    expect(page.get_by_text("confirmed by").first).to_be_visible(timeout=WAIT_MS)
    expect(page.get_by_text("1 of 1 reviewed links to Kabul were right")).to_be_visible(
        timeout=WAIT_MS
    )
    (decision,) = read_decisions(isolated_app.corpus)
    assert (decision.action, decision.target) == ("confirm", "kabul")

    page.get_by_role("button", name="Export").click()
    with page.expect_download(timeout=WAIT_MS) as download:
        page.get_by_role("button", name="Briefing (HTML)").click()
    path = tmp_path / "briefing.html"
    download.value.save_as(path)
    html = path.read_text(encoding="utf-8")
    marked = f'data-passage="{decision.passage}"'
    item = html[html.index(marked) : html.index("</li>", html.index(marked))]
    assert 'data-review="confirmed" data-link="kabul"' in item
    assert "1 was confirmed by an analyst" in html
    page.traffic.assert_clean(isolated_app.host)
