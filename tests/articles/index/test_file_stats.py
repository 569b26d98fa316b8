"""File stats: the corpus scanned, compared with what is held, saved in one row."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from articles.backends import Connection
from articles.index import SyncError, sync_index
from articles.index.file_stats import KEY, FileStats, read_saved, save_stats
from articles.index.review_sync import record_review
from articles.index.single import index_file
from articles.index.store import backend_for, connect
from articles.index.write import delete_article
from articles.review.state import Review
from tests.articles.conftest import SEED_2, FakeLinker

NEW_DOC = "---\nid: new-one\ntitle: New\npublished: 2024-06-01\n---\n\nKabul talks.\n"

HELD = FileStats.of({"a.md": (1, 10), "b.md": (2, 20), "c.md": (3, 30)})


def test_same_files_in_the_same_order_have_no_changes() -> None:
    diff = HELD.changes(FileStats.of(HELD.as_dict()))
    assert (diff.new, diff.changed, diff.gone, diff.in_order) == ([], [], [], True)


def test_a_file_edited_in_place_is_changed() -> None:
    now = FileStats.of({"a.md": (1, 10), "b.md": (2, 21), "c.md": (3, 30)})
    diff = HELD.changes(now)  # b.md: same size, new mtime
    assert (diff.new, diff.changed, diff.gone, diff.in_order) == (
        [],
        ["b.md"],
        [],
        True,
    )
    grown = HELD.changes(
        FileStats.of({"a.md": (1, 10), "b.md": (2, 20), "c.md": (4, 30)})
    )
    assert grown.changed == ["c.md"]  # same mtime, new size


def test_added_removed_and_renamed_files_are_found() -> None:
    now = FileStats.of(
        {"d.md": (4, 4), "c.md": (3, 31), "a.md": (1, 10), "e.md": (2, 20)}
    )
    diff = HELD.changes(now)  # b.md renamed e.md, d.md new, c.md edited
    assert (diff.new, diff.changed, diff.gone) == (["d.md", "e.md"], ["c.md"], ["b.md"])
    assert not diff.in_order


def test_merged_is_in_the_scan_order_then_the_rest() -> None:
    scan = FileStats.of({"c.md": (3, 31), "d.md": (4, 4), "a.md": (1, 10)})
    held = HELD.merged(["b.md"], {"c.md": (3, 31), "d.md": (4, 4)}, scan)
    assert held == scan
    kept = HELD.merged([], {}, FileStats.of({"c.md": (3, 30)}))  # a.md, b.md unseen
    assert kept == FileStats.of({"c.md": (3, 30), "a.md": (1, 10), "b.md": (2, 20)})


def test_merged_with_a_few_files_written_in_place() -> None:
    held = HELD.merged([], {"b.md": (2, 21)}, HELD)
    assert held == FileStats.of({"a.md": (1, 10), "b.md": (2, 21), "c.md": (3, 30)})
    assert HELD.as_dict()["b.md"] == (2, 20)  # not changed in place
    scan = FileStats.of({"d.md": (4, 4), **HELD.as_dict()})
    new = HELD.merged([], {"d.md": (4, 4)}, scan)
    assert new == scan


def _saved(stats: FileStats, previous: FileStats | None = None) -> sqlite3.Connection:
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    if previous is not None:
        save_stats(con, previous)  # type: ignore[arg-type]
    save_stats(con, stats, previous)  # type: ignore[arg-type]
    return con


def test_saved_rows_read_back() -> None:
    odd = FileStats.of({"caf\udce9.md": (-1, -1), "b.md": (2**40, 2**62)})
    for stats in (HELD, odd, FileStats.of({})):
        assert read_saved(_saved(stats)) == stats  # type: ignore[arg-type]


def test_a_few_files_written_rewrite_their_parts_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("articles.index.file_stats.PART", 2)  # two files a part
    before = FileStats.of({f"{i}.md": (i, i) for i in range(7)})
    after = before.merged([], {"4.md": (40, 40)}, before)
    con = _saved(before)
    writes: list[str] = []
    con.set_trace_callback(writes.append)
    save_stats(con, after, before)  # type: ignore[arg-type]
    con.set_trace_callback(None)
    assert read_saved(con) == after  # type: ignore[arg-type]
    written = " ".join(writes)
    assert "file_stats.names" not in written  # the names are the same
    assert written.count("INSERT INTO meta") == 2  # part 2 (files 4, 5), the head
    # fewer files than before: the parts past the end go
    fewer = FileStats.of({f"{i}.md": (i, i) for i in range(3)})
    save_stats(con, fewer, after)  # type: ignore[arg-type]
    assert read_saved(con) == fewer  # type: ignore[arg-type]
    keys = [k for (k,) in con.execute("SELECT key FROM meta ORDER BY key")]
    assert keys == ["file_stats", "file_stats.00000", "file_stats.00001",
                    "file_stats.names"]  # fmt: skip


def test_rows_of_another_format_are_not_read() -> None:
    con = _saved(HELD)
    head = con.execute("SELECT value FROM meta WHERE key = ?", (KEY,)).fetchone()[0]
    for bad in (b"fs1<" + head[4:], head[:-1], b""):
        con.execute("UPDATE meta SET value = ? WHERE key = ?", (bad, KEY))
        assert read_saved(con) is None  # type: ignore[arg-type]
    con.execute("UPDATE meta SET value = ? WHERE key = ?", (head, KEY))
    assert read_saved(con) == HELD  # type: ignore[arg-type]
    con.execute("DELETE FROM meta WHERE key = 'file_stats.00000'")  # a part lost
    assert read_saved(con) is None  # type: ignore[arg-type]


def test_changed_files_are_found_across_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("articles.index.file_stats._BLOCK", 4)  # two files a block
    held = FileStats.of({f"{i}.md": (i, i) for i in range(7)})
    now = FileStats.of({f"{i}.md": (i, i + (i in (1, 4, 6))) for i in range(7)})
    assert held.changes(now).changed == ["1.md", "4.md", "6.md"]


def saved_matches_table(index: Path) -> bool | None:
    """Return whether the saved file stats equal the table's (None: none saved)."""
    if backend_for(index).name != "sqlite":
        return None  # saved on SQLite only
    con = connect(index, readonly=True)
    try:
        head = con.execute("SELECT value FROM meta WHERE key = ?", (KEY,)).fetchone()
        saved = read_saved(con)
        table = con.execute("SELECT file, size, mtime_ns FROM articles").fetchall()
    finally:
        con.close()
    if head is None:
        return None
    assert saved is not None
    return saved.as_dict() == {f: (s, m) for f, s, m in table}


@pytest.mark.sqlite_only
def test_sync_that_finds_nothing_writes_nothing(corpus: Path, index: Path) -> None:
    sync_index(corpus, index, FakeLinker())
    assert saved_matches_table(index)
    reader = connect(index, readonly=True)
    try:
        version = reader.execute("PRAGMA data_version").fetchone()[0]
        report = sync_index(corpus, index, FakeLinker())
        assert reader.execute("PRAGMA data_version").fetchone()[0] == version
    finally:
        reader.close()
    assert report.unchanged == 2


@pytest.mark.sqlite_only
def test_stats_are_not_saved_over_another_writer(
    corpus: Path, index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sync_index(corpus, index, FakeLinker())
    path = corpus / "new-one.md"
    path.write_text(NEW_DOC, encoding="utf-8")

    def ingest_meanwhile(con: Connection, review: Review) -> None:
        index_file(corpus, index, path, FakeLinker())  # another connection commits
        record_review(con, review)

    (corpus / f"{SEED_2}.md").write_text(
        (corpus / f"{SEED_2}.md").read_text(encoding="utf-8") + "\nMore.\n"
    )
    with monkeypatch.context() as patch:
        # between the sync's last batch and the saving of the stats
        patch.setattr("articles.index.sync.record_review", ingest_meanwhile)
        assert sync_index(corpus, index, FakeLinker()).updated == (SEED_2,)
    assert saved_matches_table(index) is None  # not saved: it might miss new-one
    linker = FakeLinker()
    report = sync_index(corpus, index, linker)
    assert (report.unchanged, linker.linked) == (3, [])
    assert saved_matches_table(index)


@pytest.mark.sqlite_only
def test_saved_stats_unlike_the_table_are_not_used(corpus: Path, index: Path) -> None:
    sync_index(corpus, index, FakeLinker())
    con = connect(index)
    try:  # a writer that does not know of the saved stats
        key = con.execute(f"SELECT id FROM articles WHERE slug = '{SEED_2}'")
        delete_article(con, int(key.fetchone()[0]))
    finally:
        con.close()
    assert sync_index(corpus, index, FakeLinker()).added == (SEED_2,)
    assert saved_matches_table(index)


def test_failed_sync_leaves_no_saved_stats_behind(corpus: Path, index: Path) -> None:
    sync_index(corpus, index, FakeLinker())
    bad = corpus / "zz-bad.md"
    bad.write_text("---\ntitle: t\n---\nno date here", encoding="utf-8")
    (corpus / "new-one.md").write_text(NEW_DOC, encoding="utf-8")
    with pytest.raises(SyncError):
        sync_index(corpus, index, FakeLinker(), require=bad)
    assert saved_matches_table(index) is None
    report = sync_index(corpus, index, FakeLinker())
    assert (report.added, len(report.errors)) == (("new-one",), 1)
    assert saved_matches_table(index) in (True, None)
