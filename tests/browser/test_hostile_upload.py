"""The nesting bomb uploaded in the real dashboard: refused, and the server lives."""

from __future__ import annotations

import hashlib
import urllib.request

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import wait_for_map
from tests.hostile.files import nesting

pytestmark = pytest.mark.browser

WAIT_MS = 60_000


def _state(app) -> dict[str, str]:
    files = sorted(app.corpus.glob("*")) + sorted(app.index.parent.glob("index*"))
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def _healthy(url: str) -> bool:
    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=10) as resp:
        return bool(resp.status == 200)


def test_nesting_bomb_upload_is_refused_and_the_server_survives(
    isolated_page, isolated_app
) -> None:
    page = isolated_page
    page.goto(isolated_app.url)
    wait_for_map(page)
    before = _state(isolated_app)
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_test_id("stExpander").filter(has_text="Add an article").locator(
        "summary"
    ).click()
    bomb = {"name": "bomb.md", "mimeType": "text/markdown", "buffer": nesting(30_000)}
    uploader = sidebar.get_by_test_id("stFileUploader")
    uploader.locator("input[type=file]").set_input_files(files=[bomb])
    add = sidebar.get_by_role("button", name="Add to corpus")
    expect(add).to_be_enabled(timeout=WAIT_MS)
    add.click()
    refused = sidebar.get_by_test_id("stAlertContentError").filter(has_text="Not added")
    expect(refused.first).to_be_visible(timeout=WAIT_MS)
    message = " ".join(refused.first.inner_text().split())
    assert "bomb.md" in message
    assert "malformed front matter" in message
    assert _healthy(isolated_app.url)
    page.reload()
    wait_for_map(page)  # the page still draws for a new run
    assert _healthy(isolated_app.url)
    assert _state(isolated_app) == before
    page.traffic.assert_clean(isolated_app.host)
