"""A map that keeps its newest entries, for the caches one process shares.

Written here rather than taken from ``cachetools``: its caches are not safe
across threads without a lock anyway (a dashboard serves sessions in threads),
and keeping the newest few entries of a dict is these lines.
"""

from __future__ import annotations

import threading
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Recent(Generic[K, V]):
    """Up to ``most`` entries; putting one more drops the oldest. Thread-safe."""

    def __init__(self, most: int) -> None:
        self.most = most
        self.lock = threading.Lock()
        self.held: dict[K, V] = {}

    def get(self, key: K) -> V | None:
        """Return the value of ``key`` (None: not held)."""
        with self.lock:
            return self.held.get(key)

    def put(self, key: K, value: V) -> V:
        """Hold ``value`` under ``key`` (the oldest goes past ``most``); return it."""
        with self.lock:
            self.held[key] = value
            while len(self.held) > self.most:
                self.held.pop(next(iter(self.held)))
        return value
