"""Hostile files through ``python -m articles ingest``/``link``: exit 2, one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.files import HOSTILE, Hostile, make

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 60


def run_cli(*argv: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m articles`` on the env's corpus and index, with a timeout."""
    return subprocess.run(
        [sys.executable, "-m", "articles", *argv],
        cwd=ROOT,
        env={**os.environ, "PYTHONWARNINGS": "error"},
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )


def assert_one_line_refusal(proc: subprocess.CompletedProcess[str], why: str) -> None:
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1, proc.stderr
    assert why in proc.stderr


@pytest.mark.parametrize("hostile", HOSTILE, ids=lambda h: h.name)
def test_cli_ingest_refuses_with_one_line(hostile: Hostile, tmp_path, snapshot):
    path = make(hostile, tmp_path / "in")
    before = snapshot()
    proc = run_cli("ingest", str(path))
    assert_one_line_refusal(proc, hostile.reason)
    assert proc.stderr.startswith(f"articles ingest: error: {path}: ")
    assert snapshot() == before


@pytest.mark.usefixtures("synced")
@pytest.mark.parametrize("hostile", HOSTILE[:3], ids=lambda h: h.name)
def test_cli_link_refuses_with_one_line(hostile: Hostile, tmp_path):
    path = make(hostile, tmp_path / "in")
    assert_one_line_refusal(run_cli("link", str(path)), hostile.reason)
