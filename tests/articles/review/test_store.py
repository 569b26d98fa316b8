"""The decisions file: JSON lines, append-only, safe with two writers at once."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from articles.review.model import DecisionError, new_decision
from articles.review.store import append_decision, decisions_path, read_decisions


def _write_many(corpus: str, who: str, n: int) -> None:
    for i in range(n):
        d = new_decision("confirm", f"a#p{i + 1}", "kabul", "feature", who)
        append_decision(Path(corpus), d, check=lambda _history: None)


def test_two_processes_writing_at_once_lose_no_decision(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    writers = [
        context.Process(target=_write_many, args=(str(tmp_path), who, 150))
        for who in ("alice", "bob")
    ]
    for w in writers:
        w.start()
    for w in writers:
        w.join(60)
        assert w.exitcode == 0
    decisions = read_decisions(tmp_path)
    assert len(decisions) == 300
    assert sorted({d.by for d in decisions}) == ["alice", "bob"]
    assert len({d.id for d in decisions}) == 300
    lines = decisions_path(tmp_path).read_text().splitlines()
    assert len(lines) == 300  # no torn or interleaved line


def test_decision_round_trips_through_its_line(tmp_path: Path) -> None:
    d = new_decision("add", "a#p2", "2024-05", "date", "alice", note="é", span=(3, 9))
    append_decision(tmp_path, d)
    assert read_decisions(tmp_path) == (d,)


def test_refused_check_writes_nothing(tmp_path: Path) -> None:
    def refuse(_history: object) -> None:
        raise DecisionError("no")

    with pytest.raises(DecisionError):
        append_decision(tmp_path, new_decision("undo", "", "d-x", "decision", "a"),
                        refuse)  # fmt: skip
    assert read_decisions(tmp_path) == ()


def test_bad_line_is_reported_with_its_number(tmp_path: Path) -> None:
    append_decision(tmp_path, new_decision("confirm", "a#p1", "kabul", "feature", "a"))
    with decisions_path(tmp_path).open("a") as f:
        f.write("{not json\n")
    with pytest.raises(DecisionError, match="line 2"):
        read_decisions(tmp_path)


def test_no_file_means_no_decisions(tmp_path: Path) -> None:
    assert read_decisions(tmp_path) == ()
