"""Scan: the corpus folder listed (or its recorded listing reused) and stat-ed."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from articles.index import sync_index
from articles.index.file_stats import FileStats
from articles.index.scan import KEY, Listing, scan_corpus
from articles.index.store import connect
from tests.articles.conftest import SEED_1, FakeLinker

NEW_DOC = "---\nid: new-one\ntitle: New\npublished: 2024-06-01\n---\n\nKabul talks.\n"


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Trust a listing however recently the folder changed (tests are quick)."""
    monkeypatch.setattr("articles.index.scan.SETTLED_NS", 0)


def _touched_later(folder: Path) -> None:
    """Wait for the clock to tick past the folder's ctime (it has a coarse tick)."""
    ctime = folder.stat().st_ctime_ns
    while time.time_ns() <= ctime + 20_000_000:
        time.sleep(0.005)


def test_scan_lists_article_files_with_size_and_mtime(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_bytes(b"12345")
    os.utime(tmp_path / "a.md", ns=(1, 1_700_000_000_123_456_789))
    for skipped in (".hidden.md", "~draft.md", "notes.txt", "md"):
        (tmp_path / skipped).write_text("x", encoding="utf-8")
    (tmp_path / "gone.md").symlink_to(tmp_path / "nowhere.md")
    found = scan_corpus(tmp_path)[0].as_dict()
    assert found == {"a.md": (5, 1_700_000_000_123_456_789), "gone.md": (-1, -1)}


def test_scan_of_a_missing_folder_is_empty(tmp_path: Path) -> None:
    assert scan_corpus(tmp_path / "nothing") == (FileStats.of({}), None)


def test_a_folder_changed_just_now_is_not_recorded(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("x", encoding="utf-8")
    assert scan_corpus(tmp_path)[1] is None  # the default: 2 s left alone


@pytest.mark.usefixtures("settled")
def test_a_recorded_listing_is_used_while_the_folder_is_unchanged(
    tmp_path: Path,
) -> None:
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    stats, listing = scan_corpus(tmp_path)
    assert listing is not None
    assert sorted(listing.names) == ["a.md", "b.md"]
    assert scan_corpus(tmp_path, listing) == (stats, None)  # nothing new to record
    partial = Listing(listing.folder, ["a.md"])  # proves the names are not listed
    assert scan_corpus(tmp_path, partial)[0].names == ["a.md"]


@pytest.mark.usefixtures("settled")
def test_a_folder_changed_since_its_listing_is_listed_again(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("x", encoding="utf-8")
    _, listing = scan_corpus(tmp_path)
    assert listing is not None
    _touched_later(tmp_path)
    (tmp_path / "b.md").write_text("x", encoding="utf-8")
    stats, again = scan_corpus(tmp_path, listing)
    assert sorted(stats.names) == ["a.md", "b.md"]
    assert again is not None
    assert again.folder != listing.folder


@pytest.mark.usefixtures("settled")
def test_a_recorded_name_gone_means_a_new_listing(tmp_path: Path) -> None:
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    _, listing = scan_corpus(tmp_path)
    assert listing is not None
    (tmp_path / "b.md").unlink()
    now = tmp_path.stat()
    folder = (now.st_dev, now.st_ino, now.st_ctime_ns, now.st_mtime_ns)
    stale = Listing(folder, listing.names)
    stats, again = scan_corpus(tmp_path, stale)  # as if the ctime had not moved
    assert stats.names == ["a.md"]
    assert again is not None
    assert again.names == ["a.md"]


@pytest.mark.sqlite_only
@pytest.mark.usefixtures("settled")
def test_sync_with_a_recorded_listing_finds_added_and_removed_files(
    corpus: Path, index: Path
) -> None:
    sync_index(corpus, index, FakeLinker())
    con = connect(index, readonly=True)
    try:
        assert con.execute("SELECT 1 FROM meta WHERE key = ?", (KEY,)).fetchone()
        version = con.execute("PRAGMA data_version").fetchone()[0]
        assert sync_index(corpus, index, FakeLinker()).unchanged == 2
        assert con.execute("PRAGMA data_version").fetchone()[0] == version
    finally:
        con.close()
    _touched_later(corpus)
    (corpus / "new-one.md").write_text(NEW_DOC, encoding="utf-8")
    assert sync_index(corpus, index, FakeLinker()).added == ("new-one",)
    _touched_later(corpus)
    (corpus / f"{SEED_1}.md").unlink()
    assert sync_index(corpus, index, FakeLinker()).removed == (SEED_1,)


@pytest.mark.parametrize("dangling", [None, "f-0001.md", "f-0029.md"])
def test_two_processes_stat_as_one_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dangling: str | None
) -> None:
    """From FORK_MIN files a forked child stats half; a dangling link in either
    half still gives ``(-1, -1)`` for it and the true stats for the rest."""
    for n in range(30):
        path = tmp_path / f"f-{n:04d}.md"
        path.write_bytes(b"x" * n)
        os.utime(path, ns=(1, 1_700_000_000_000_000_000 + n))
    if dangling:
        (tmp_path / dangling).unlink()
        (tmp_path / dangling).symlink_to(tmp_path / "nowhere.md")
    serial = scan_corpus(tmp_path)[0].as_dict()
    monkeypatch.setattr("articles.index.scan.FORK_MIN", 4)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    forked = scan_corpus(tmp_path)[0].as_dict()
    assert forked == serial
    assert len(forked) == 30
    for name, stat in forked.items():
        n = int(name[2:6])
        assert stat == (
            (-1, -1) if name == dangling else (n, 1_700_000_000_000_000_000 + n)
        )
