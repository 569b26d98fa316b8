"""The "Add an article" form in the real page: preview first, then add."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import wait_for_map

pytestmark = pytest.mark.browser

WAIT_MS = 60_000
TEXT = (
    "Clash at Torkham\n\n*By Sana Qureshi — Peshawar, 14 March 2025*\n\n"
    "Pakistani troops and TTP fighters exchanged fire at Torkham on Thursday, "
    "officials said.\n"
)


def test_pasted_article_is_previewed_then_added(isolated_page, isolated_app) -> None:
    page = isolated_page
    page.goto(isolated_app.url)
    wait_for_map(page)
    before = {p.name for p in isolated_app.corpus.glob("*.md")}
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_test_id("stExpander").filter(has_text="Add an article").locator(
        "summary"
    ).click()
    sidebar.get_by_text("Paste text").click()
    box = sidebar.get_by_label("Article text")
    box.fill(TEXT)
    box.press("Control+Enter")
    preview = sidebar.get_by_text("Filed from Peshawar")
    expect(preview).to_be_visible(timeout=WAIT_MS)
    links = sidebar.get_by_test_id("stCaptionContainer").filter(has_text="ttp")
    expect(links.first).to_contain_text("torkham", timeout=WAIT_MS)
    expect(sidebar.get_by_label("Author")).to_have_value("Sana Qureshi")
    assert {p.name for p in isolated_app.corpus.glob("*.md")} == before  # not yet
    sidebar.get_by_role("button", name="Add to corpus").click()
    added = sidebar.get_by_test_id("stAlertContentSuccess")
    expect(added.first).to_contain_text("Clash at Torkham", timeout=WAIT_MS)
    new = {p.name for p in isolated_app.corpus.glob("*.md")} - before
    assert new == {"2025-03-clash-torkham.md"}
    page.traffic.assert_clean(isolated_app.host)
