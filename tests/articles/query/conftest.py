"""The seed corpus indexed with the fake linker, shared by the query tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from articles.index import sync_index
from tests.articles.conftest import FakeLinker


@pytest.fixture
def indexed(corpus: Path, index: Path) -> Path:
    sync_index(corpus, index, FakeLinker())
    return index
