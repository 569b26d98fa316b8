"""The file lock: a second holder waits for the first, in threads as in processes."""

from __future__ import annotations

import fcntl
import threading
import time
from pathlib import Path

from articles.file_lock import locked


def test_a_second_holder_waits_until_the_first_lets_go(tmp_path: Path) -> None:
    lock = tmp_path / "data.lock"
    events: list[str] = []
    inside = threading.Event()

    def first() -> None:
        with locked(lock):
            events.append("first in")
            inside.set()
            time.sleep(0.2)
            events.append("first out")

    thread = threading.Thread(target=first)
    thread.start()
    inside.wait(5)
    with locked(lock):
        events.append("second in")
    thread.join()
    assert events == ["first in", "first out", "second in"]
    assert lock.exists()


def test_the_lock_is_let_go_when_the_block_raises(tmp_path: Path) -> None:
    lock = tmp_path / "data.lock"
    try:
        with locked(lock):
            raise ValueError("boom")
    except ValueError:
        pass
    with open(lock, "a+b") as handle:  # LOCK_NB: fails at once if still held
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
