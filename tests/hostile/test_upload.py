"""Hostile files through the page's "Add an article" (AppTest, real ingestion)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.hostile.files import HOSTILE, Hostile, make


def _uploader() -> None:
    from components.panels import upload

    upload.render()  # the page's default: articles.ingest.ingest_bytes


@pytest.mark.parametrize(
    "hostile", [h for h in HOSTILE if h.bytes_only], ids=lambda h: h.name
)
def test_upload_refuses_with_a_readable_message(hostile: Hostile, tmp_path, snapshot):
    data = make(hostile, tmp_path / "in").read_bytes()
    before = snapshot()
    at = AppTest.from_function(_uploader, default_timeout=60).run()
    at.file_uploader(key="upload.file").set_value(
        (hostile.filename, data, "text/markdown")
    ).run()
    at.button(key="upload.submit").click().run()
    assert not at.exception
    assert len(at.error) == 1
    message = at.error[0].value.replace("\\", "")  # shown Markdown-escaped
    assert message.startswith(f"Not added. {hostile.filename}: ")
    assert hostile.reason in message
    assert "\n" not in message
    assert snapshot() == before
