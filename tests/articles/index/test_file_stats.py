"""File stats: the corpus scanned, compared with what is held, saved in one row."""

from __future__ import annotations

import os
from pathlib import Path

from articles.index.file_stats import (
    FileStats,
    _decode,
    _encode,
    scan_corpus,
)

HELD = FileStats(["a.md", "b.md", "c.md"], [(1, 10), (2, 20), (3, 30)])


def test_scan_lists_article_files_with_size_and_mtime(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_bytes(b"12345")
    os.utime(tmp_path / "a.md", ns=(1, 1_700_000_000_123_456_789))
    for skipped in (".hidden.md", "~draft.md", "notes.txt"):
        (tmp_path / skipped).write_text("x", encoding="utf-8")
    (tmp_path / "gone.md").symlink_to(tmp_path / "nowhere.md")
    scan = scan_corpus(tmp_path)
    found = dict(zip(scan.names, scan.stats, strict=True))
    assert found == {"a.md": (5, 1_700_000_000_123_456_789), "gone.md": (-1, -1)}


def test_scan_of_a_missing_folder_is_empty(tmp_path: Path) -> None:
    assert scan_corpus(tmp_path / "nothing") == FileStats([], [])


def test_same_files_in_the_same_order_have_no_changes() -> None:
    diff = HELD.changes(FileStats(list(HELD.names), list(HELD.stats)))
    assert (diff.new, diff.changed, diff.gone, diff.in_order) == ([], [], [], True)


def test_a_file_edited_in_place_is_changed() -> None:
    now = FileStats(HELD.names, [(1, 10), (2, 21), (3, 30)])  # same size, new mtime
    diff = HELD.changes(now)
    assert (diff.new, diff.changed, diff.gone, diff.in_order) == (
        [],
        ["b.md"],
        [],
        True,
    )


def test_added_removed_and_renamed_files_are_found() -> None:
    now = FileStats(
        ["d.md", "c.md", "a.md", "e.md"], [(4, 4), (3, 31), (1, 10), (2, 20)]
    )
    diff = HELD.changes(now)  # b.md renamed e.md, d.md new, c.md edited
    assert (diff.new, diff.changed, diff.gone) == (["d.md", "e.md"], ["c.md"], ["b.md"])
    assert not diff.in_order


def test_merged_is_in_the_scan_order_then_the_rest() -> None:
    scan = FileStats(["c.md", "d.md", "a.md"], [(3, 31), (4, 4), (1, 10)])
    held = HELD.merged(["b.md"], {"c.md": (3, 31), "d.md": (4, 4)}, scan)
    assert held == FileStats(["c.md", "d.md", "a.md"], [(3, 31), (4, 4), (1, 10)])
    kept = HELD.merged([], {}, FileStats(["c.md"], [(3, 30)]))  # a.md, b.md unseen
    assert kept == FileStats(["c.md", "a.md", "b.md"], [(3, 30), (1, 10), (2, 20)])


def test_saved_row_reads_back() -> None:
    odd = FileStats(["caf\udce9.md", "b.md"], [(-1, -1), (2**40, 2**62)])
    for stats in (HELD, odd, FileStats([], [])):
        assert _decode(_encode(stats)) == stats


def test_a_row_of_another_format_is_not_read() -> None:
    blob = _encode(HELD)
    assert _decode(b"fs0" + blob[3:]) is None
    assert _decode(blob[:-6]) is None  # a name lost
    assert _decode(blob[:30]) is None  # stats cut short
    assert _decode(b"") is None
