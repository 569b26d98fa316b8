"""File stats: the corpus scanned, compared with what is held, saved in one row."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from articles.index.file_stats import FileStats, _decode, _encode, scan_corpus

HELD = FileStats.of({"a.md": (1, 10), "b.md": (2, 20), "c.md": (3, 30)})


def test_scan_lists_article_files_with_size_and_mtime(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_bytes(b"12345")
    os.utime(tmp_path / "a.md", ns=(1, 1_700_000_000_123_456_789))
    for skipped in (".hidden.md", "~draft.md", "notes.txt", "md"):
        (tmp_path / skipped).write_text("x", encoding="utf-8")
    (tmp_path / "gone.md").symlink_to(tmp_path / "nowhere.md")
    found = scan_corpus(tmp_path).as_dict()
    assert found == {"a.md": (5, 1_700_000_000_123_456_789), "gone.md": (-1, -1)}


def test_scan_of_a_missing_folder_is_empty(tmp_path: Path) -> None:
    assert scan_corpus(tmp_path / "nothing") == FileStats.of({})


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


def test_saved_row_reads_back() -> None:
    odd = FileStats.of({"caf\udce9.md": (-1, -1), "b.md": (2**40, 2**62)})
    for stats in (HELD, odd, FileStats.of({})):
        assert _decode(_encode(stats)) == stats


def test_a_row_of_another_format_is_not_read() -> None:
    blob = _encode(HELD)
    assert _decode(b"fs0" + blob[3:]) is None
    assert _decode(blob[:-6]) is None  # a name lost
    assert _decode(blob[:30]) is None  # stats cut short
    assert _decode(b"") is None


def test_changed_files_are_found_across_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("articles.index.file_stats._BLOCK", 4)  # two files a block
    held = FileStats.of({f"{i}.md": (i, i) for i in range(7)})
    now = FileStats.of({f"{i}.md": (i, i + (i in (1, 4, 6))) for i in range(7)})
    assert held.changes(now).changed == ["1.md", "4.md", "6.md"]
