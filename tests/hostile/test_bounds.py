"""The worst hostile front matter is refused fast and small (timed, peak memory)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.files import alias_bomb, front, nesting

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 30
#: Measured in a fresh interpreter: wall time and peak RSS growth of the gate alone.
#: Peak RSS is the kernel's VmHWM (``ru_maxrss`` would count the forking parent).
_PROBE = """
import json, re, sys, time
from articles.prepare import IngestError, prepare_article
def hwm():
    status = open("/proc/self/status").read()
    return int(re.search(r"VmHWM:\\s+(\\d+) kB", status).group(1))
data = open(sys.argv[1], "rb").read()
base = hwm()
start = time.perf_counter()
try:
    prepare_article("probe.md", data, {}, set())
    outcome = "accepted"
except IngestError as exc:
    outcome = str(exc)
took = time.perf_counter() - start
peak = hwm()
print(json.dumps({"seconds": took, "peak_kb": peak, "growth_kb": peak - base,
                  "outcome": outcome}))
"""
CASES = {
    "deep-nesting-30000": nesting(30_000),
    "deep-nesting-8000": nesting(8_000),  # just under the front-matter size cap
    "deep-mapping-3000": front("title: " + "{a: " * 3_000 + "}" * 3_000),
    "deep-block-8000": front("tags:\n" + "- " * 8_000 + "a"),
    "alias-bomb-title": alias_bomb("title"),
    "alias-bomb-author": alias_bomb("author"),
}


def measure(data: bytes, tmp_path: Path) -> dict[str, object]:
    """Run the gate on ``data`` in a fresh interpreter; return time and memory."""
    path = tmp_path / "probe.md"
    path.write_bytes(data)
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=True,
    )
    result: dict[str, object] = json.loads(proc.stdout)
    return result


@pytest.mark.parametrize("name", list(CASES))
def test_bombs_are_refused_within_bounds(name: str, tmp_path: Path) -> None:
    result = measure(CASES[name], tmp_path)
    print(f"\n{name}: {result}")
    assert result["outcome"] != "accepted"
    assert float(str(result["seconds"])) < 5.0
    assert int(str(result["growth_kb"])) < 10_000
