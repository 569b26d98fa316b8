"""The benchmark runner: names checked, and one benchmark never leaks into the next."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from bench import dashboard
from bench.__main__ import main


def test_unknown_benchmark_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["no-such-bench"]) == 2
    assert "unknown benchmark(s): no-such-bench" in capsys.readouterr().err


def test_dashboard_bench_restores_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: dict[str, str] = {}

    def fake_measure(rounds: int) -> tuple[list[float], list[float], float]:  # noqa: ARG001
        seen["corpus"] = os.environ["ARTICLES_CORPUS_DIR"]
        assert os.path.isdir(seen["corpus"])  # a copy of the seed corpus
        return [0.05, 0.06, 0.07], [0.5], 1.0

    monkeypatch.setattr(dashboard, "_measure", fake_measure)
    monkeypatch.delenv("ARTICLES_CORPUS_DIR", raising=False)
    monkeypatch.delenv("ARTICLES_INDEX_PATH", raising=False)
    figures = dashboard.bench_dashboard()
    assert "ARTICLES_CORPUS_DIR" not in os.environ  # the exports bench reads it next
    assert "ARTICLES_INDEX_PATH" not in os.environ
    assert not os.path.exists(seen["corpus"])
    median = next(f for f in figures if "median" in f.name)
    assert median.value == pytest.approx(60.0)
    assert median.ok is True


def test_gazetteer_scale_makes_distinct_towns_that_never_stall() -> None:
    from bench.gazetteer_scale import synthetic_towns

    towns = synthetic_towns(20_000)  # more than two-to-four syllables could make
    assert len({t.name for t in towns}) == 20_000
    assert {t.kind for t in towns} == {"town"}


def test_desk_figures_state_the_issue_budgets() -> None:
    from bench import desk

    out = {
        "cold": [9.0], "first": [2.0, 2.5, 4.0], "cached": [1.5, 1.6],
        "kb": [150.0, 150.0], "pop": [0.2, 0.3], "panel": [0.9, 1.1],
    }  # fmt: skip
    figures = {f.name: f for f in desk._figures(out, "load average 1.0")}
    assert figures["first map, warm server"].value == 2.5
    assert figures["first map, warm server"].ok is True
    assert figures["default map data (websocket, tiles aside)"].ok is True
    assert figures["click to first evidence (map popup)"].value == 250.0
    assert "load average" in figures["first map, warm server"].note


def test_scale_prints_the_syncs_cpu_time_over_the_cores(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bench import scale

    monkeypatch.setattr(scale.os, "cpu_count", lambda: 2)
    monkeypatch.delenv("ARTICLES_DATABASE_URL", raising=False)
    cold = {"cpu_writer_s": 300.4, "cpu_workers_s": 600.0}
    assert scale._cpu(cold) == "300 + 600 s; / 2 = 450 s"
    assert scale._cpu({"seconds": 1.0}) == "not recorded"  # saved by an older run
    monkeypatch.setenv("ARTICLES_DATABASE_URL", "postgresql://x@127.0.0.1/db")
    assert scale._cpu(cold).endswith("(+ the server's)")  # its own process


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="Linux only")
def test_a_child_reports_its_own_peak_memory_not_its_parents() -> None:
    """A child's ``ru_maxrss`` starts at its parent's peak; ``peak_rss_mb``'s not."""
    held = np.ones(300 << 17)  # 300 MB, touched
    code = "from bench.peak_memory import peak_rss_mb; print(peak_rss_mb())"
    child = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        cwd=Path(__file__).resolve().parents[1],
    )  # fmt: skip
    assert held.nbytes >= 300 << 20
    assert float(child.stdout) < 100  # an interpreter that imported nothing much
