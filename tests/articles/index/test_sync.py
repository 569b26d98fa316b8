"""Sync: built from the corpus, incremental by stat and hash, disposable, resumable."""

from __future__ import annotations

import os
import sys
import threading
import types
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from articles.index import INDEX_ENV, SyncError, SyncReport, index_path, sync_index
from articles.index.store import backend_for
from articles.query import Filters, query_page, query_passages
from tests.articles.conftest import SEED_1, SEED_2, FakeLinker, forget_index
from tests.articles.index.test_file_stats import saved_matches_table

NEW_DOC = "---\nid: new-one\ntitle: New\npublished: 2024-06-01\n---\n\nKabul talks.\n"


def _rows(index: Path, sql: str) -> list[tuple[object, ...]]:
    con = backend_for(index).connect(readonly=True)  # the test's backend
    try:
        return [tuple(r) for r in con.execute(sql).fetchall()]
    finally:
        con.close()


def _dump(index: Path) -> list[object]:
    """Every passage with its links and dates, by public id (ids are positional)."""
    return [
        (h.passage_id, h.text, h.heading, h.features, h.actors, h.dates)
        for h in query_passages(Filters(), index)
    ]


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
    kind = (  # the slot of a passage id says its kind (articles.index.codec)
        "CASE WHEN (id & 4095) > 2047 THEN 'body' "
        "WHEN (id & 4095) > 0 THEN 'heading' ELSE 'title' END"
    )
    assert _rows(
        index, f"SELECT {kind} k, count(*) FROM passages GROUP BY k ORDER BY k"
    ) == [
        ("body", 21),  # paragraphs
        ("heading", 7),
        ("title", 2),  # headings and titles are passages too (issue 13)
    ]
    assert _rows(index, "SELECT count(*) FROM links")[0][0] > 0
    assert _rows(index, "SELECT published, posted FROM articles ORDER BY slug") == [
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
    ids = {h.article_id for h in query_passages(Filters(), index)}
    assert ids == {SEED_2, "new-one"}
    assert _rows(index, "SELECT count(*) FROM links WHERE passage NOT IN "
                 "(SELECT id FROM passages)") == [(0,)]  # fmt: skip
    assert not query_passages(Filters(q="Wakhan Corridor Dilemma"), index)


def test_sync_new_fingerprint_relinks_everything(corpus: Path, index: Path) -> None:
    sync_index(corpus, index, FakeLinker())
    linker = FakeLinker(fingerprint="fake-2")
    report = sync_index(corpus, index, linker)
    assert sorted(report.added) == [SEED_1, SEED_2]
    assert len(linker.linked) == 30  # 21 paragraphs, 7 headings, 2 titles


def test_deleting_index_loses_nothing(corpus: Path, index: Path) -> None:
    sync_index(corpus, index, FakeLinker())
    dump = _dump(index)
    forget_index(index)
    sync_index(corpus, index, FakeLinker())
    assert _dump(index) == dump


@pytest.mark.sqlite_only
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


def test_a_changed_file_taking_a_taken_id_keeps_its_article_and_the_batch(
    corpus: Path, index: Path
) -> None:
    (corpus / "mm-mine.md").write_text(NEW_DOC, encoding="utf-8")
    sync_index(corpus, index, FakeLinker())
    # one batch: a new article (held), the changed file (its replacement undone
    # by a savepoint: the held rows went in before it), a new one after it
    (corpus / "aa-new.md").write_text(NEW_DOC.replace("new-one", "aa"), "utf-8")
    (corpus / "mm-mine.md").write_text(NEW_DOC.replace("new-one", SEED_1), "utf-8")
    (corpus / "zz-new.md").write_text(NEW_DOC.replace("new-one", "zz"), "utf-8")
    report = sync_index(corpus, index, FakeLinker())
    assert report.errors == (f"mm-mine.md: duplicate article id '{SEED_1}'",)
    assert sorted(report.added) == ["aa", "zz"]
    assert _rows(
        index,
        "SELECT a.slug, count(p.id), count(l.target) FROM articles a "
        "JOIN passages p ON p.id >> 12 = a.id "
        "LEFT JOIN links l ON l.passage = p.id "
        "WHERE a.slug IN ('aa', 'new-one', 'zz') GROUP BY a.slug ORDER BY a.slug",
    ) == [("aa", 2, 1), ("new-one", 2, 1), ("zz", 2, 1)]  # title and "Kabul talks."


def test_sync_required_file_failure_rolls_back(corpus: Path, index: Path) -> None:
    sync_index(corpus, index, FakeLinker())
    before = _dump(index)
    bad = corpus / "zz-bad.md"
    bad.write_text("---\ntitle: t\n---\nno date here", encoding="utf-8")
    (corpus / "new-one.md").write_text(NEW_DOC, encoding="utf-8")
    with pytest.raises(SyncError, match="no publication date"):
        sync_index(corpus, index, FakeLinker(), require=bad)
    assert _dump(index) == before


def test_sync_reports_progress(corpus: Path, index: Path) -> None:
    seen: list[tuple[int, int]] = []
    sync_index(corpus, index, FakeLinker(), progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1, 2), (2, 2)]


def test_sync_touched_but_unchanged_file_is_not_relinked(
    corpus: Path, index: Path
) -> None:
    sync_index(corpus, index, FakeLinker())
    path = corpus / f"{SEED_1}.md"
    path.write_bytes(path.read_bytes())  # new mtime, same bytes
    linker = FakeLinker()
    report = sync_index(corpus, index, linker)
    assert (report.updated, report.unchanged, linker.linked) == ((), 2, [])


def test_sync_in_a_pool_equals_sync_in_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    _many(corpus, 12)
    sync_index(corpus, tmp_path / "one.sqlite", FakeLinker(), workers=1)
    monkeypatch.setattr("articles.index.pool.POOL_MIN", 2)
    report = sync_index(corpus, tmp_path / "two.sqlite", FakeLinker(), workers=2)
    assert len(report.added) == 12
    assert _dump(tmp_path / "two.sqlite") == _dump(tmp_path / "one.sqlite")
    page = query_page(Filters(feature="kabul"), index=tmp_path / "two.sqlite")
    assert page.total == 12


def test_pool_workers_never_run_the_callers_main_script(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Streamlit (and AppTest) install the page script as ``__main__``."""
    corpus, ran = tmp_path / "corpus", tmp_path / "ran"
    _many(corpus, 12)
    script = tmp_path / "page.py"
    script.write_text(
        f"open({str(ran)!r}, 'w').close()\n"
        "raise RuntimeError('this page cannot run alone')\n",
        encoding="utf-8",
    )
    page = types.ModuleType("__main__")
    page.__file__ = str(script)
    monkeypatch.setitem(sys.modules, "__main__", page)
    monkeypatch.setattr("articles.index.pool.POOL_MIN", 2)
    done: list[SyncReport] = []
    sync = threading.Thread(  # a daemon: a hang fails this test, not the suite
        target=lambda: done.append(
            sync_index(corpus, tmp_path / "i.sqlite", FakeLinker(), workers=2)
        ),
        daemon=True,
    )
    sync.start()
    sync.join(120)
    assert not sync.is_alive(), "the pool's workers never started"
    assert len(done[0].added) == 12
    assert not ran.exists()
    assert sys.modules["__main__"] is page


def _many(corpus: Path, count: int) -> None:
    corpus.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (corpus / f"n{i:03d}.md").write_text(
            f"---\nid: n{i:03d}\ntitle: T{i}\npublished: 2024-0{1 + i % 9}-01\n---\n\n"
            f"Kabul talks number {i} on 3 March 2023.\n\nBorder trade.\n",
            encoding="utf-8",
        )


def test_sync_finds_a_file_edited_in_place(corpus: Path, index: Path) -> None:
    sync_index(corpus, index, FakeLinker())
    sync_index(corpus, index, FakeLinker())  # the stats are saved by now
    path = corpus / f"{SEED_1}.md"
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("escalated", "sharpened"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))
    assert path.stat().st_size == before.st_size
    report = sync_index(corpus, index, FakeLinker())
    assert report.updated == (SEED_1,)
    assert [h.article_id for h in query_passages(Filters(q="sharpened"), index)]
    assert saved_matches_table(index) in (True, None)


def test_sync_after_saved_stats_finds_added_removed_renamed(
    corpus: Path, index: Path
) -> None:
    sync_index(corpus, index, FakeLinker())
    assert saved_matches_table(index) in (True, None)
    (corpus / f"{SEED_1}.md").rename(corpus / "zz-renamed.md")
    (corpus / "new-one.md").write_text(NEW_DOC, encoding="utf-8")
    report = sync_index(corpus, index, FakeLinker())
    assert sorted(report.added) == [SEED_1, "new-one"]
    assert _rows(index, "SELECT file FROM articles ORDER BY file") == [
        (f"{SEED_2}.md",),
        ("new-one.md",),
        ("zz-renamed.md",),
    ]
    assert saved_matches_table(index) in (True, None)
    (corpus / "new-one.md").unlink()
    assert sync_index(corpus, index, FakeLinker()).removed == ("new-one",)
    linker = FakeLinker()
    again = sync_index(corpus, index, linker)
    assert (again.added, again.updated, again.removed, linker.linked) == (
        (), (), (), []
    )  # fmt: skip
    assert saved_matches_table(index) in (True, None)


def test_sync_that_finds_nothing_takes_no_lock_and_moves_no_stamp(
    corpus: Path, index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("articles.index.scan.SETTLED_NS", 0)  # listings recorded
    sync_index(corpus, index, FakeLinker())
    sync_index(corpus, index, FakeLinker())  # the stats are saved by now
    backend = backend_for(index)
    stamp = backend.stamp()
    other = backend.connect()
    backend.begin(other)  # another writer holds the write lock
    pool = ThreadPoolExecutor(max_workers=1)
    try:
        report = pool.submit(sync_index, corpus, index, FakeLinker()).result(20)
    finally:
        other.execute("ROLLBACK")  # before waiting for a sync that waits for it
        other.close()
        pool.shutdown()
    assert report.unchanged == 2
    assert backend.stamp() == stamp  # the caches keyed by it are kept
