"""Upload: real ingestion into a tmp corpus, escaped outcomes, refresh told once."""

import functools
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from articles.ingest import IngestError, IngestResult
from components.panels.upload import MAX_BYTES, UploadOutcome, build_outcome, run_ingest

CORPUS = Path(__file__).resolve().parents[3] / "articles" / "corpus"

ARTICLE = b"""---
title: "Border <script>alert(1)</script> notes"
author: "<img src=x onerror=alert(1)>"
published: 2025-03-02
source: "javascript:alert(1)"
---

The Wakhan Corridor is quiet <b>today</b>, a reporter wrote from Kabul.
"""


def _raise(filename, data, **overrides):
    del data, overrides
    raise IngestError(
        f"{filename}: no text <script>alert(1)</script> [x](javascript:y)"
    )


def test_outcome_added_and_duplicate():
    added = build_outcome("a.md", IngestResult("added", "2025-03-border", "Border"))
    assert added.status == "added"
    assert "2025-03-border" in added.message
    dup = build_outcome("a.md", IngestResult("duplicate", "x", "T", duplicate_of="x"))
    assert dup.message == "Already in the corpus as x."


def test_ingest_error_becomes_outcome():
    outcome = run_ingest("bad.txt", b"", _raise)
    assert outcome.status == "error"
    assert outcome.message.startswith("bad.txt: no text")


def test_oversized_file_refused_before_ingest():
    def never(*_args):
        raise AssertionError("must not be called")

    assert run_ingest("big.md", b"x" * (MAX_BYTES + 1), never).status == "error"


@pytest.fixture
def tmp_ingest(corpus_copy):
    from articles.ingest import ingest_bytes

    corpus, index = corpus_copy
    return corpus, index, functools.partial(ingest_bytes, corpus=corpus, index=index)


def test_real_ingestion_adds_article(tmp_ingest):
    from articles.query import Filters, query_passages

    corpus, index, ingest = tmp_ingest
    outcome = run_ingest("border.md", ARTICLE, ingest)
    assert outcome.status == "added", outcome.message
    assert (corpus / f"{outcome.article_id}.md").exists()
    hits = query_passages(Filters(feature="wakhan-corridor"), index)
    assert any(h.article_id == outcome.article_id for h in hits)
    assert run_ingest("again.md", ARTICLE, ingest).status == "duplicate"


def _uploader(ingest):
    import streamlit as st

    from components.panels import upload

    outcome = upload.render(ingest=ingest) if ingest else upload.render()
    if outcome is not None:
        st.session_state["test.outcomes"] = [
            *st.session_state.get("test.outcomes", []),
            outcome,
        ]


def _app(ingest):
    return AppTest.from_function(
        _uploader, kwargs={"ingest": ingest}, default_timeout=30
    ).run()


def test_app_button_disabled_until_file_chosen():
    at = _app(_raise)
    assert not at.exception
    assert at.button(key="upload.submit").disabled
    assert at.file_uploader(key="upload.file").allowed_type == [
        ".md",
        ".txt",
        ".html",
        ".htm",
        ".pdf",
    ]


def test_app_error_is_shown_escaped():
    at = _app(_raise)
    at.file_uploader(key="upload.file").set_value(
        ("<b>x</b>.txt", b"", "text/plain")
    ).run()
    at.button(key="upload.submit").click().run()
    assert not at.exception
    message = at.error[0].value
    assert "\\<script\\>" in message
    assert "\\[x\\]\\(javascript" in message
    assert at.session_state["test.outcomes"][0].status == "error"


def test_app_real_upload_reports_added_once(tmp_ingest):
    _, _, ingest = tmp_ingest
    at = _app(ingest)
    at.file_uploader(key="upload.file").set_value(
        ("border.md", ARTICLE, "text/markdown")
    ).run()
    at.button(key="upload.submit").click().run()
    assert not at.exception
    outcomes = at.session_state["test.outcomes"]
    assert [o.status for o in outcomes] == ["added"]
    assert "its links are on the map now" in at.success[0].value
    at.run()  # the outcome is returned once (caches cleared once), still shown
    assert len(at.session_state["test.outcomes"]) == 1
    assert len(at.success) == 1
    assert isinstance(outcomes[0], UploadOutcome)


PASTED = """Clash at Torkham

*By Sana Qureshi — Peshawar, 14 March 2025*

Pakistani troops and TTP fighters exchanged fire at Torkham on Thursday, officials said.
"""


def _form_app():
    return AppTest.from_function(_uploader, kwargs={"ingest": None}, default_timeout=60)


@pytest.mark.usefixtures("corpus_copy")
def test_app_pasted_text_is_previewed_with_fields_prefilled():
    import datetime as dt

    at = _form_app().run()
    at.radio(key="upload.mode").set_value("Paste text").run()
    at.text_area(key="upload.text").set_value(PASTED).run()
    assert not at.exception
    assert at.text_input(key="upload.title").value == "Clash at Torkham"
    assert at.text_input(key="upload.author").value == "Sana Qureshi"
    assert at.date_input(key="upload.published").value == dt.date(2025, 3, 14)
    captions = " ".join(c.value for c in at.caption).replace("\\", "")
    assert "places: pakistan, torkham" in captions
    assert "ttp · dates: 2025-03-13 (on Thursday)" in captions
    assert "Filed from Peshawar" in captions


@pytest.mark.usefixtures("corpus_copy")
def test_app_without_a_date_asks_for_one_then_adds_with_it():
    import datetime as dt

    at = _form_app().run()
    at.radio(key="upload.mode").set_value("Paste text").run()
    text = "Torkham talks\n\nOfficials from Kabul met traders at Torkham, they said.\n"
    at.text_area(key="upload.text").set_value(text).run()
    assert "No publication date found" in at.warning[0].value
    at.date_input(key="upload.published").set_value(dt.date(2025, 4, 2)).run()
    at.button(key="upload.submit").click().run()
    assert not at.exception
    (outcome,) = at.session_state["test.outcomes"]
    assert outcome.status == "added", outcome.message
    assert outcome.article_id.startswith("2025-04-torkham-talks")


@pytest.mark.usefixtures("corpus_copy")
def test_app_edited_title_is_what_gets_added():
    at = _form_app().run()
    at.radio(key="upload.mode").set_value("Paste text").run()
    at.text_area(key="upload.text").set_value(PASTED).run()
    at.text_input(key="upload.title").set_value("Gunfight at the border").run()
    at.button(key="upload.submit").click().run()
    (outcome,) = at.session_state["test.outcomes"]
    assert outcome.title == "Gunfight at the border"
    at.run()
    assert "Already in the corpus" in at.info[0].value  # the preview says so now


@pytest.mark.usefixtures("corpus_copy")
def test_app_pdf_file_is_previewed_with_its_links(tmp_path):
    from tests.articles import pdf_fixtures

    if not pdf_fixtures.FONT.exists():
        pytest.skip("needs Debian fonts-dejavu-core (make fonts)")
    data = pdf_fixtures.one_column(tmp_path / "torkham.pdf").read_bytes()
    at = _form_app().run()
    at.file_uploader(key="upload.file").set_value(
        ("torkham.pdf", data, "application/pdf")
    ).run()
    assert not at.exception
    assert at.text_input(key="upload.title").value == (
        "Clash at Torkham closes the crossing"
    )
    captions = " ".join(c.value for c in at.caption).replace("\\", "")
    assert "torkham" in captions
    assert "ttp" in captions


@pytest.mark.usefixtures("corpus_copy")
def test_app_url_page_is_fetched_previewed_and_added(tmp_path):
    import http.server
    import threading

    page = (
        "<html><head><title>Chaman talks</title><meta property='article:published_time'"
        " content='2025-03-14'></head><body><article><h1>Chaman talks</h1><p>Traders "
        "met officials at Chaman on Friday to reopen the crossing, they said.</p>"
        "</article></body></html>"
    )
    (tmp_path / "p.html").write_text(page)
    handler = functools.partial(
        http.server.SimpleHTTPRequestHandler, directory=str(tmp_path)
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/p.html"
    try:
        at = _form_app().run()
        at.radio(key="upload.mode").set_value("URL").run()
        at.text_input(key="upload.url_in").set_value(url).run()
        assert not at.exception
        assert at.text_input(key="upload.url").value == url
        at.button(key="upload.submit").click().run()
        (outcome,) = at.session_state["test.outcomes"]
        assert outcome.status == "added", outcome.message
    finally:
        server.shutdown()
        server.server_close()
