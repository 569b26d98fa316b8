"""Index: built from the corpus, incremental by hash, disposable, one transaction."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from articles.index import INDEX_ENV, SyncError, index_path, sync_index
from articles.query import Filters, query_passages
from tests.articles.conftest import SEED_1, SEED_2, FakeLinker

NEW_DOC = "---\nid: new-one\ntitle: New\npublished: 2024-06-01\n---\n\nKabul talks.\n"


def _rows(index: Path, sql: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(index)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_index_path_follows_env(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(INDEX_ENV, str(tmp_path / "x.sqlite"))
    assert index_path() == tmp_path / "x.sqlite"


def test_sync_builds_from_nothing(
    corpus: Path, index: Path, fake_linker: FakeLinker
) -> None:
    report = sync_index(corpus, index, fake_linker)
    assert sorted(report.added) == [SEED_1, SEED_2]
    assert _rows(index, "SELECT kind, count(*) FROM passages GROUP BY kind") == [
        ("body", 21),  # paragraphs
        ("heading", 7),
        ("title", 2),  # headings and titles are passages too (issue 13)
    ]
    assert _rows(index, "SELECT count(*) FROM links")[0][0] > 0
    assert _rows(index, "SELECT published, posted FROM articles ORDER BY id") == [
        ("2025-01-23", "2025-01-24"),
        ("2025-05-27", "2025-05-28"),
    ]


def test_sync_unchanged_hash_is_not_relinked(corpus: Path, index: Path) -> None:
    sync_index(corpus, index, FakeLinker())
    again = FakeLinker()
    report = sync_index(corpus, index, again)
    assert (report.added, report.updated, report.removed) == ((), (), ())
    assert report.unchanged == 2
    assert again.linked == []


def test_sync_relinks_only_changed_article(corpus: Path, index: Path) -> None:
    sync_index(corpus, index, FakeLinker())
    path = corpus / f"{SEED_2}.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nOne more paragraph.\n")
    linker = FakeLinker()
    report = sync_index(corpus, index, linker)
    assert report.updated == (SEED_2,)
    assert {p.split("#")[0] for p in linker.linked} == {SEED_2}
    hits = query_passages(Filters(q="one more paragraph"), index)
    assert [h.passage_id for h in hits] == [f"{SEED_2}#p13"]


def test_sync_adds_and_drops_articles(corpus: Path, index: Path) -> None:
    sync_index(corpus, index, FakeLinker())
    (corpus / "new-one.md").write_text(NEW_DOC, encoding="utf-8")
    (corpus / f"{SEED_1}.md").unlink()
    report = sync_index(corpus, index, FakeLinker())
    assert (report.added, report.removed) == (("new-one",), (SEED_1,))
    ids = {r[0] for r in _rows(index, "SELECT article_id FROM passages")}
    assert ids == {SEED_2, "new-one"}
    assert not _rows(index, f"SELECT * FROM links WHERE article_id = '{SEED_1}'")
    assert not query_passages(Filters(q="Wakhan Corridor Dilemma"), index)


def test_sync_new_fingerprint_relinks_everything(corpus: Path, index: Path) -> None:
    sync_index(corpus, index, FakeLinker())
    linker = FakeLinker(fingerprint="fake-2")
    report = sync_index(corpus, index, linker)
    assert sorted(report.added) == [SEED_1, SEED_2]
    assert len(linker.linked) == 30  # 21 paragraphs, 7 headings, 2 titles


def test_deleting_index_loses_nothing(corpus: Path, index: Path) -> None:
    sync_index(corpus, index, FakeLinker())
    dump = _rows(index, "SELECT * FROM passages ORDER BY id")
    mentions = _rows(index, "SELECT * FROM links ORDER BY passage_id, n")
    index.unlink()
    sync_index(corpus, index, FakeLinker())
    assert _rows(index, "SELECT * FROM passages ORDER BY id") == dump
    assert _rows(index, "SELECT * FROM links ORDER BY passage_id, n") == mentions


def test_sync_rebuilds_corrupt_index(corpus: Path, index: Path) -> None:
    index.write_bytes(b"this is not a database" * 100)
    report = sync_index(corpus, index, FakeLinker())
    assert len(report.added) == 2


def test_sync_reports_bad_file_and_keeps_others(corpus: Path, index: Path) -> None:
    (corpus / "broken.md").write_text("---\ntitle: [x\n---\nbody", encoding="utf-8")
    report = sync_index(corpus, index, FakeLinker())
    assert len(report.added) == 2
    assert len(report.errors) == 1
    assert report.errors[0].startswith("broken.md: malformed front matter")


def test_sync_duplicate_id_is_an_error(corpus: Path, index: Path) -> None:
    text = (corpus / f"{SEED_1}.md").read_text(encoding="utf-8")
    (corpus / "zz-copy.md").write_text(text.replace("Crocus", "Krokus"), "utf-8")
    report = sync_index(corpus, index, FakeLinker())
    assert report.errors == (f"zz-copy.md: duplicate article id '{SEED_1}'",)


def test_sync_required_file_failure_rolls_back(corpus: Path, index: Path) -> None:
    sync_index(corpus, index, FakeLinker())
    before = index.read_bytes()
    bad = corpus / "zz-bad.md"
    bad.write_text("---\ntitle: t\n---\nno date here", encoding="utf-8")
    (corpus / "new-one.md").write_text(NEW_DOC, encoding="utf-8")
    with pytest.raises(SyncError, match="no publication date"):
        sync_index(corpus, index, FakeLinker(), require=bad)
    assert index.read_bytes() == before


def test_sync_reports_progress(corpus: Path, index: Path) -> None:
    seen: list[tuple[int, int]] = []
    sync_index(corpus, index, FakeLinker(), progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1, 2), (2, 2)]
