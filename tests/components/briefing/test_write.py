"""Writing several export files: all of them, or none."""

import pytest

from components.briefing.write import write_all


def test_write_all_writes_every_file(tmp_path):
    a, b = tmp_path / "a.html", tmp_path / "b.png"
    write_all({a: b"<html>", b: b"png"})
    assert a.read_bytes() == b"<html>"
    assert b.read_bytes() == b"png"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "b.png"]


def test_write_all_touches_nothing_when_one_target_fails(tmp_path):
    keep = tmp_path / "a.html"
    keep.write_bytes(b"old")
    with pytest.raises(OSError, match="No such file"):
        write_all({keep: b"new", tmp_path / "missing" / "b.png": b"png"})
    assert keep.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.html"]


def test_write_all_gives_files_the_usual_permissions(tmp_path):
    path = tmp_path / "a.csv"
    write_all({path: b"x"})
    assert path.stat().st_mode & 0o644 == 0o644
