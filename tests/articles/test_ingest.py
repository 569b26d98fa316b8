"""Ingest: good files added (corpus + index), bad files leave both byte-identical."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pytest

from articles.auth.roles import User
from articles.corpus import split_front_matter
from articles.index import sync_index
from articles.ingest import (
    IngestError,
    IngestResult,
    ingest_bytes,
    ingest_file,
)
from articles.query import Filters, query_passages
from tests.articles.conftest import REAL_CORPUS, SEED_1, FakeLinker, snapshot
from tests.articles.test_extract import PAGE

GOOD_TXT = (
    "Torkham Reopens\n\n"
    "Traders crossed into Kabul after officials reopened the border crossing on "
    "Monday, ending a closure that had lasted three weeks.\n\n"
    "Jane Roe, 5 March 2024\n"
)


@pytest.fixture
def indexed(corpus: Path, index: Path) -> Path:
    sync_index(corpus, index, FakeLinker())
    return index


def _ingest(
    name: str, data: bytes, corpus: Path, index: Path, **kw: object
) -> IngestResult:
    return ingest_bytes(name, data, corpus, index, linker=FakeLinker(), **kw)


def test_ingest_txt_added_to_corpus_and_index(corpus: Path, indexed: Path) -> None:
    result = _ingest("note.txt", GOOD_TXT.encode(), corpus, indexed)
    assert (result.status, result.article_id) == ("added", "2024-03-torkham-reopens")
    meta, body = split_front_matter(result.path.read_text(encoding="utf-8"))
    assert meta["title"] == "Torkham Reopens"
    assert meta["published"] == dt.date(2024, 3, 5)
    assert meta["author"] == "Jane Roe"
    assert meta["received_as"] == "note.txt"
    assert body == GOOD_TXT
    hits = query_passages(
        Filters(feature="kabul", articles=(result.article_id,)), indexed
    )
    assert [h.passage_id for h in hits] == ["2024-03-torkham-reopens#p1"]


def test_ingest_duplicate_is_reported_and_skipped(corpus: Path, indexed: Path) -> None:
    seed = (REAL_CORPUS / f"{SEED_1}.md").read_bytes()
    _, body = split_front_matter(seed.decode())
    before = snapshot(corpus, indexed)
    result = _ingest("again.txt", body.encode("utf-16"), corpus, indexed)
    assert (result.status, result.duplicate_of) == ("duplicate", SEED_1)
    assert snapshot(corpus, indexed) == before


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"\n\n  \n", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("koi8.txt", "Привет, это текст статьи".encode("koi8-r"), "undecodable"),
        ("fm.md", b"---\ntitle: [broken\n---\nBody text.", "malformed front matter"),
        (
            "nodate.txt",
            b"A Title\n\nSome text with no date at all.",
            "no publication date",
        ),
        ("page.pdf", b"%PDF-1.4", "not a readable PDF"),
        ("page.docx", b"PK\x03\x04", "unsupported file type"),
        ("debris.txt", "\n۲\n\n٣\n".encode(), "no article text"),
    ],
)
def test_ingest_bad_file_changes_nothing(
    corpus: Path, indexed: Path, name: str, data: bytes, reason: str
) -> None:
    before = snapshot(corpus, indexed)
    with pytest.raises(IngestError, match=reason) as err:
        _ingest(name, data, corpus, indexed)
    assert "\n" not in str(err.value)
    assert snapshot(corpus, indexed) == before


def test_ingest_index_failure_removes_file(
    corpus: Path, indexed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(corpus, indexed)

    def explode(*_: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr("articles.index.single.insert_article", explode)
    with pytest.raises(IngestError, match="index update failed"):
        _ingest("note.txt", GOOD_TXT.encode(), corpus, indexed)
    assert snapshot(corpus, indexed) == before


def test_ingest_flags_supply_title_and_date(corpus: Path, indexed: Path) -> None:
    data = b"just a paragraph about the Durand Line, without title or date."
    result = _ingest(
        "x.txt", data, corpus, indexed, title="Given Title", published="2024-07-09"
    )
    assert result.article_id == "2024-07-given-title"
    meta, _ = split_front_matter(result.path.read_text(encoding="utf-8"))
    assert (meta["title"], meta["published"]) == ("Given Title", dt.date(2024, 7, 9))


def test_ingest_bad_flag_date(corpus: Path, indexed: Path) -> None:
    with pytest.raises(IngestError, match="bad date"):
        _ingest("x.txt", GOOD_TXT.encode(), corpus, indexed, published="next week")


def test_ingest_markdown_front_matter_kept(corpus: Path, indexed: Path) -> None:
    doc = (
        "---\ntitle: From Markdown\npublished: 2023-11-02\nsource: https://x.org/a\n"
        "tags: [a, b]\n---\n\n# From Markdown\n\nA paragraph about Beijing.\n"
    )
    result = _ingest("a.md", doc.encode(), corpus, indexed)
    meta, body = split_front_matter(result.path.read_text(encoding="utf-8"))
    assert meta["tags"] == ["a", "b"]
    assert meta["source"] == "https://x.org/a"
    assert body == "# From Markdown\n\nA paragraph about Beijing.\n"


def test_ingest_html_drops_script_and_nav(corpus: Path, indexed: Path) -> None:
    result = _ingest("page.html", PAGE.encode("cp1252"), corpus, indexed)
    assert result.article_id == "2024-03-border-talks-resume"
    text = result.path.read_text(encoding="utf-8")
    for marker in ("SCRIPT-MARKER", "NAV-MARKER", "FOOTER-MARKER", "<script"):
        assert marker not in text
    hits = query_passages(Filters(articles=(result.article_id,)), indexed)
    assert hits[0].text.startswith(
        "Officials from Pakistan and Afghanistan met in Kabul"
    )
    assert hits[0].author == "Jane Roe"


def test_ingest_untrusted_text_stored_literally(corpus: Path, indexed: Path) -> None:
    evil = "&lt;img src=x onerror=alert(1)&gt; {{7*7}} eval(input('os'))"
    data = f"Evil Title\n\nA paragraph: {evil} in Kabul.".encode()
    result = _ingest("evil.txt", data, corpus, indexed, published="2024-01-01")
    hits = query_passages(Filters(articles=(result.article_id,)), indexed)
    (hit,) = [h for h in hits if h.kind == "body"]
    assert "<img src=x onerror=alert(1)> {{7*7}} eval(input('os'))" in hit.text


def test_ingest_same_title_gets_unique_id(corpus: Path, indexed: Path) -> None:
    first = _ingest("a.txt", GOOD_TXT.encode(), corpus, indexed)
    second = _ingest("b.txt", (GOOD_TXT + "\nMore.\n").encode(), corpus, indexed)
    assert second.article_id == f"{first.article_id}-2"


def test_ingest_file_missing(corpus: Path, indexed: Path) -> None:
    with pytest.raises(IngestError, match="no such file"):
        ingest_file(corpus / "nope.txt", corpus, indexed, linker=FakeLinker())


def test_ingest_bom_crlf_file(corpus: Path, indexed: Path, tmp_path: Path) -> None:
    path = tmp_path / "win.txt"
    path.write_bytes(codecs.BOM_UTF8 + GOOD_TXT.replace("\n", "\r\n").encode())
    result = ingest_file(path, corpus, indexed, linker=FakeLinker())
    assert result.status == "added"
    assert "\r" not in result.path.read_text(encoding="utf-8")


def test_ingest_concurrent_same_file_added_once(corpus: Path, indexed: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def run(_: int) -> str:
        return _ingest("note.txt", GOOD_TXT.encode(), corpus, indexed).status

    with ThreadPoolExecutor(max_workers=4) as pool:
        statuses = sorted(pool.map(run, range(4)))
    assert statuses == ["added", "duplicate", "duplicate", "duplicate"]
    assert len(list(corpus.glob("2024-03-torkham-reopens*.md"))) == 1


def test_a_reader_may_not_ingest_and_nothing_is_written(
    corpus: Path, indexed: Path
) -> None:
    before = snapshot(corpus)
    with pytest.raises(PermissionError, match="may not ingest"):
        _ingest(
            "note.txt", GOOD_TXT.encode(), corpus, indexed, user=User("r", "reader")
        )
    assert snapshot(corpus) == before
    result = _ingest(
        "note.txt", GOOD_TXT.encode(), corpus, indexed, user=User("e", "editor")
    )
    assert result.status == "added"
