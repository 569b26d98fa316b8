"""Plan: the corpus compared with the index in a read, made again if outdated."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from articles.index import plan as plan_mod
from articles.index import sync_index
from tests.articles.conftest import SEED_2, FakeLinker


def test_a_plan_outdated_by_a_rebuild_for_another_linker_is_made_again(
    corpus: Path, index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sync_index(corpus, index, FakeLinker())
    path = corpus / f"{SEED_2}.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    real = plan_mod._look
    done: list[bool] = []

    def rebuilt_meanwhile(*args: Any) -> plan_mod.Plan:
        plan = real(*args)
        if not done:  # between this sync's read and its write lock
            done.append(True)
            sync_index(corpus, index, FakeLinker(fingerprint="fake-2"))
        return plan

    with monkeypatch.context() as patch:
        patch.setattr(plan_mod, "_look", rebuilt_meanwhile)
        report = sync_index(corpus, index, FakeLinker())
    assert len(report.added) == 2  # emptied again for this linker, and rebuilt
    linker = FakeLinker()
    again = sync_index(corpus, index, linker)
    assert (again.added, again.unchanged, linker.linked) == ((), 2, [])
