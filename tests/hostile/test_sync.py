"""Hostile files inside the corpus: sync reports each on one line and keeps going."""

from __future__ import annotations

import os
from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.hostile.files import BY_NAME, make
from tests.hostile.test_cli import run_cli

DASHBOARD = str(Path(__file__).resolve().parents[2] / "dashboard.py")
IN_CORPUS = ("fifo", "link-to-dev-zero", "deep-nesting-30000", "alias-bomb-author")


def _plant(corpus: Path, outside: Path) -> list[str]:
    """Put every kind of bad file in the corpus; return their names."""
    names = [make(BY_NAME[name], corpus).name for name in IN_CORPUS]
    secret = outside / "secret.md"
    secret.write_text("---\ntitle: S\npublished: 2025-01-02\n---\n\nKabul.\n")
    os.symlink(secret, corpus / "escape.md")
    os.symlink(corpus / "missing-target.md", corpus / "dangling.md")
    big = corpus / "huge.md"
    big.write_bytes(b"---\ntitle: H\npublished: 2025-01-02\n---\n\n" + b"x" * 2_100_000)
    return [*names, "escape.md", "dangling.md", "huge.md"]


def test_sync_reports_each_bad_file_and_indexes_the_rest(corpus_copy, tmp_path):
    corpus, _ = corpus_copy
    names = _plant(corpus, tmp_path)
    proc = run_cli("sync", "--json")
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert sorted(line.split(": ")[2] for line in lines) == sorted(names)
    assert all(line.startswith("articles sync: error: ") for line in lines)
    assert '"added": [' in proc.stdout
    joined = proc.stderr
    assert "symbolic link leading out of the corpus" in joined
    assert "not a regular file" in joined
    assert "too large" in joined
    assert "aliases" in joined
    strict = run_cli("sync", "--strict")
    assert strict.returncode == 1


def test_dashboard_lists_unreadable_files_under_their_own_heading(corpus_copy):
    corpus, _ = corpus_copy
    make(BY_NAME["fifo"], corpus)
    make(BY_NAME["alias-bomb-title"], corpus)
    at = AppTest.from_file(DASHBOARD, default_timeout=120).run()
    assert not at.exception
    warnings = [w.value for w in at.warning]
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith("Some article files could not be read")
    assert "link parameters" not in warnings[0]
    assert "x\\.md" in warnings[0]
    assert "alias\\.md" in warnings[0]
