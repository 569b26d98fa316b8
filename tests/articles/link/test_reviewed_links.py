"""The analyst's verdicts on links, replayed against the real linker (issue 14).

``reviewed_links.json`` is exported with ``python -m articles review fixture --out
tests/articles/link/reviewed_links.json``. Each case asserts that the linker agrees
with the analyst; a case it did not agree with at export time is an expected
failure, strict: when the linker is fixed it XPASSes and the fixture is re-exported.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from articles.process import RegistryLinker, load_linker
from articles.regress import links_case

CASES = json.loads((Path(__file__).parent / "reviewed_links.json").read_text())["cases"]


def _param(case: dict[str, Any]) -> Any:
    agreed = case["linked"] == (case["verdict"] == "confirmed")
    name = f"{case['verdict']}-{case['target']}-{case['passage']}"
    why = f"the linker disagreed with {case['by']} when the fixture was exported"
    marks = () if agreed else (pytest.mark.xfail(strict=True, reason=why),)
    return pytest.param(case, id=name, marks=marks)


@pytest.fixture(scope="module")
def linker() -> RegistryLinker:
    return load_linker()


def test_fixture_has_both_verdicts() -> None:
    assert {c["verdict"] for c in CASES} == {"confirmed", "rejected"}
    assert {c["kind"] for c in CASES} >= {"feature", "actor", "date"}


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_linker_agrees_with_the_analyst(
    case: dict[str, Any], linker: RegistryLinker
) -> None:
    assert links_case(case, linker) == (case["verdict"] == "confirmed")
