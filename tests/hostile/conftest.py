"""A synced corpus copy and a snapshot of its bytes (corpus and index files)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.hostile.files import hash_tree


@pytest.fixture
def synced(corpus_copy: tuple[Path, Path]) -> tuple[Path, Path]:
    """The corpus copy with its index built (so the index exists to compare)."""
    from articles.index import sync_index

    corpus, index = corpus_copy
    sync_index(corpus, index)
    return corpus, index


@pytest.fixture
def snapshot(synced: tuple[Path, Path]) -> Callable[[], dict[str, str]]:
    """Return a function hashing the corpus and every index file (-wal, -shm, lock)."""
    corpus, index = synced

    def take() -> dict[str, str]:
        extra = sorted(index.parent.glob(f"{index.name}*"))
        return hash_tree(corpus, *extra)

    return take
