"""Browser harness: the live app on a free port and a recording Chromium page.

The app runs with ``ARTICLES_CORPUS_DIR`` / ``ARTICLES_INDEX_PATH`` pointed at temp
copies, so the real corpus and index are never touched. The page fixture records
every request, failed request and console error, and fails the test on any request
to a host other than the app.
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
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

REPO = Path(__file__).resolve().parents[2]
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
HEALTH_TIMEOUT_S = 60.0
ARTIFACTS = REPO / "test-artifacts"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_healthy(url: str, proc: subprocess.Popen[bytes], log: Path) -> float:
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
    """A running dashboard."""

    url: str
    host: str
    seconds_to_healthy: float


@pytest.fixture(scope="session")
def live_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveApp]:
    """Start ``streamlit run dashboard.py`` on a free port; stop it afterwards."""
    tmp = tmp_path_factory.mktemp("live_app")
    corpus = tmp / "corpus"
    source = REPO / "articles" / "corpus"
    if source.is_dir():
        shutil.copytree(source, corpus)
    else:
        corpus.mkdir()
    port = _free_port()
    env = {
        **os.environ,
        "ARTICLES_CORPUS_DIR": str(corpus),
        "ARTICLES_INDEX_PATH": str(tmp / "index.sqlite"),
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
        seconds = _wait_healthy(url, proc, log)
        print(f"\napp healthy after {seconds:.1f} s at {url}")
        yield LiveApp(url=url, host=f"127.0.0.1:{port}", seconds_to_healthy=seconds)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian Chromium driven by Playwright (never ``playwright install``)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: run `make chromium`")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Traffic:
    """What a page did: every request URL, failures and console errors."""

    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def external(self, app_host: str) -> list[str]:
        """Return requests to any host but the app's (data: and blob: are local)."""
        out = []
        for url in self.requests:
            parts = urlsplit(url)
            if parts.scheme in {"data", "blob", "about"}:
                continue
            if parts.netloc != app_host:
                out.append(url)
        return out


@pytest.fixture
def page(browser: object, live_app: LiveApp, request: pytest.FixtureRequest):
    """A fresh page that records its traffic as ``page.traffic``.

    Fails the test at teardown if anything was requested from another host.
    """
    context = browser.new_context(viewport={"width": 1400, "height": 950})  # type: ignore[attr-defined]
    pg = context.new_page()
    traffic = Traffic()
    pg.on("request", lambda req: traffic.requests.append(req.url))
    pg.on(
        "requestfailed", lambda req: traffic.failed.append(f"{req.url} {req.failure}")
    )
    pg.on(
        "console",
        lambda msg: (
            traffic.console_errors.append(msg.text) if msg.type == "error" else None
        ),
    )
    pg.traffic = traffic
    yield pg
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"))
    context.close()
    assert traffic.external(live_app.host) == [], "requests left the app"
