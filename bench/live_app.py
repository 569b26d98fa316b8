"""The dashboard as a live server on a free port, on temp copies of corpus and index.

Used by the browser tests (``tests/browser/conftest.py``) and ``make bench``'s desk
figures, so both measure the same app the same way. The real corpus and index are
never touched.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HEALTH_TIMEOUT_S = 60.0
#: Debian's Chromium (never ``playwright install``) and how it is started.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    """Return a TCP port free on 127.0.0.1 now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(url: str, proc: subprocess.Popen[bytes], log: Path) -> float:
    """Poll the app's health URL; return the seconds it took (raise if it died)."""
    start = time.monotonic()
    while time.monotonic() - start < HEALTH_TIMEOUT_S:
        if proc.poll() is not None:
            raise RuntimeError(f"app exited with {proc.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return time.monotonic() - start
        except OSError:
            pass
        time.sleep(0.1)  # polling interval, not a fixed wait for readiness
    raise TimeoutError(
        f"app not healthy after {HEALTH_TIMEOUT_S} s:\n{log.read_text()}"
    )


@dataclass
class LiveApp:
    """A running dashboard (its corpus and index are temp copies)."""

    url: str
    host: str
    seconds_to_healthy: float
    corpus: Path | None = None
    index: Path | None = None


@contextmanager
def run_app(
    tmp: Path, corpus: Path | None = None, index: Path | None = None
) -> Iterator[LiveApp]:
    """Run ``streamlit run dashboard.py`` on a free port on a corpus copy in ``tmp``.

    ``corpus`` and ``index`` (bench-scale's own, which it owns) are used in place
    instead of copies of the seed corpus.
    """
    if corpus is None:
        corpus = tmp / "corpus"
        source = REPO / "articles" / "corpus"
        if source.is_dir():
            shutil.copytree(source, corpus)
        else:
            corpus.mkdir()
    port = free_port()
    index = index or tmp / "index.sqlite"
    env = {
        **os.environ,
        "ARTICLES_CORPUS_DIR": str(corpus),
        "ARTICLES_INDEX_PATH": str(index),
        "PYTHONUNBUFFERED": "1",
    }
    cmd = [
        sys.executable, "-m", "streamlit", "run", "dashboard.py",
        "--server.port", str(port), "--server.headless", "true",
        "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    log = tmp / "app.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=out, stderr=out)
    url = f"http://127.0.0.1:{port}"
    try:
        seconds = wait_healthy(url, proc, log)
        print(f"\napp healthy after {seconds:.1f} s at {url}")
        yield LiveApp(
            url=url, host=f"127.0.0.1:{port}", seconds_to_healthy=seconds,
            corpus=corpus, index=index,
        )  # fmt: skip
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def find_wakhan_point() -> tuple[float, float]:
    """(lat, lng) in the middle of the corridor where it is widest (about 73.45 E)."""
    from shapely.geometry import LineString

    from geo.io import read_layer

    areas = read_layer("areas")
    geom = areas.loc[areas["feature_id"] == "wakhan-corridor", "geometry"].iloc[0]
    south, north = geom.bounds[1], geom.bounds[3]
    cut = geom.intersection(LineString([(73.45, south - 1), (73.45, north + 1)]))
    longest = max(getattr(cut, "geoms", [cut]), key=lambda part: part.length)
    point = longest.interpolate(0.5, normalized=True)
    return point.y, point.x
