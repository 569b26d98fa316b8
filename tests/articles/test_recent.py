"""A map that keeps its newest entries, shared by threads."""

from __future__ import annotations

import threading

from articles.recent import Recent


def test_the_oldest_entry_goes_first() -> None:
    kept: Recent[str, int] = Recent(2)
    assert kept.put("a", 1) == 1
    kept.put("b", 2)
    kept.put("c", 3)
    assert kept.get("a") is None
    assert (kept.get("b"), kept.get("c")) == (2, 3)
    assert list(kept.held) == ["b", "c"]


def test_threads_putting_at_once_keep_it_bounded() -> None:
    kept: Recent[tuple[int, int], int] = Recent(8)
    errors: list[BaseException] = []

    def put_many(thread: int) -> None:
        try:
            for i in range(5000):
                kept.put((thread, i), i)
                kept.get((thread, i - 3))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=put_many, args=(t,)) for t in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(kept.held) == 8
