"""Reading files: regular files only, never blocking, never past the limit."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from articles.safe_read import FileRefused, read_limited


def test_reads_a_regular_file(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"abc")
    assert read_limited(path, 3) == b"abc"


def test_refuses_a_file_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"abcd")
    with pytest.raises(FileRefused, match="too large"):
        read_limited(path, 3)


def _hang(*_: object) -> None:
    raise AssertionError("blocked on a FIFO")


def test_refuses_a_fifo_without_blocking(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    os.mkfifo(path)
    previous = signal.signal(signal.SIGALRM, _hang)
    signal.alarm(10)  # a blocking open would hang the test run
    try:
        with pytest.raises(FileRefused, match="not a regular file"):
            read_limited(path, 100)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/null", "/"])
def test_refuses_links_to_devices_and_folders(tmp_path: Path, target: str) -> None:
    path = tmp_path / "x.md"
    os.symlink(target, path)
    with pytest.raises(FileRefused, match="not a regular file"):
        read_limited(path, 100)


def test_refuses_a_link_out_of_the_folder(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_bytes(b"secret")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    os.symlink(outside, corpus / "x.md")
    with pytest.raises(FileRefused, match="out of the corpus"):
        read_limited(corpus / "x.md", 100, within=corpus)
    assert read_limited(corpus / "x.md", 100) == b"secret"  # no folder given


def test_a_link_inside_the_folder_is_read(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_bytes(b"a")
    os.symlink(tmp_path / "a.md", tmp_path / "b.md")
    assert read_limited(tmp_path / "b.md", 10, within=tmp_path) == b"a"


def test_missing_and_broken_links(tmp_path: Path) -> None:
    os.symlink(tmp_path / "none", tmp_path / "b.md")
    for path in (tmp_path / "missing.md", tmp_path / "b.md"):
        with pytest.raises(FileRefused, match="no such file"):
            read_limited(path, 10)
