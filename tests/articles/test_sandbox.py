"""The worker check: valid files pass, bad ones give the reason, slow ones time out."""

from __future__ import annotations

import time

import pytest

from articles.prepare import IngestError
from articles.sandbox import check_in_worker

GOOD = (
    b"---\ntitle: T\npublished: 2025-01-02\n---\n\nThe Wakhan Corridor, from Kabul.\n"
)


def test_valid_file_passes() -> None:
    check_in_worker("good.md", GOOD, {})


def test_invalid_file_gives_its_reason() -> None:
    with pytest.raises(IngestError, match="not a calendar date"):
        check_in_worker("bad.md", GOOD.replace(b"2025-01-02", b"2025-02-30"), {})


def test_slow_file_is_refused_after_the_budget() -> None:
    slow = b"---\ntitle: T\npublished: 2025-01-02\n---\n\n" + b"Kabul x\n" * 200_000
    start = time.monotonic()
    with pytest.raises(IngestError, match=r"took longer than 0\.2 s"):
        check_in_worker("slow.md", slow, {}, seconds=0.2)
    assert time.monotonic() - start < 10


def test_worker_checks_many_files_and_survives_a_slow_one() -> None:
    from articles.sandbox import Worker

    slow = b"---\ntitle: T\npublished: 2025-01-02\n---\n\n" + b"Kabul x\n" * 200_000
    with Worker(seconds=60) as worker:
        worker.check("good.md", GOOD, {})
        with pytest.raises(IngestError, match="not a calendar date"):
            worker.check("bad.md", GOOD.replace(b"2025-01-02", b"2025-02-30"), {})
        worker.seconds = 0.2
        with pytest.raises(IngestError, match="took longer"):
            worker.check("slow.md", slow, {})
        worker.seconds = 60
        worker.check("good.md", GOOD, {})  # a fresh worker after the kill
