"""Shared passages: ``dups``, ``shared`` and ``target_dups``, in line with passages.

A hash (``passages.dup``) that two passages or more carry is shared: ``dups``
holds it with its count, ``shared`` each of its passages, ``target_dups`` per
target the links of those passages. They are brought in line once for a set
of passages just inserted or just deleted (a sync's batch of articles, one
deleted article), with a few statements for the whole set: on PostgreSQL each
statement is a round trip of the writer.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from articles.backends import Connection

#: Values bound in one ``IN (...)`` list (SQLite allows 32,766, PostgreSQL 65,535).
IN_CHUNK = 5000


def group_pairs(pairs: Iterable[tuple[int, int]]) -> dict[int, list[int]]:
    """Group ``(key, value)`` pairs: each key with its values, in order."""
    out: dict[int, list[int]] = {}
    for key, value in pairs:
        out.setdefault(key, []).append(value)
    return out


def count_dups(
    con: Connection,
    passages: list[tuple[int, int]],
    targets: dict[int, list[int]],
    step: int,
) -> None:
    """Keep ``dups``, ``shared`` and ``target_dups`` in line after a set of passages.

    ``passages`` are (passage, dup) pairs all just inserted (``step`` +1) or all
    just deleted (-1), with nothing else written to ``passages`` since the last
    count; ``targets`` each one's link targets. A hash's count before is its
    count now less the set's passages of it, so the set is counted at once as
    it would be one article at a time.
    """
    groups = group_pairs([(dup, pid) for pid, dup in passages])
    counts = _passages_per_dup(con, list(groups))
    moved: dict[int, tuple[int, int]] = {}  # dup: (passages now, before)
    for dup, pids in groups.items():
        n = counts.get(dup, 0)
        before = n - step * len(pids)
        if max(n, before) >= 2:  # shared before or after: else never in the tables
            moved[dup] = (n, before)
    con.executemany(
        "INSERT INTO dups VALUES (?, ?) ON CONFLICT(dup) DO UPDATE SET n = excluded.n",
        [(dup, n) for dup, (n, _) in moved.items() if n >= 2],
    )
    con.executemany(
        "DELETE FROM dups WHERE dup = ?",
        [(dup,) for dup, (n, _) in moved.items() if n < 2],
    )
    # a hash going from one passage to more (or back) takes its other one along
    alone = [dup for dup, (n, before) in moved.items() if min(n, before) == 1]
    others, their = _others(con, alone, {pid for pid, _ in passages})
    rows = [(pid, dup) for dup in moved for pid in groups[dup] + others.get(dup, [])]
    _step_shared(con, rows, {**targets, **their}, step)


def _others(
    con: Connection, dups: list[int], mine: set[int]
) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
    """Return the passages of ``dups`` not in ``mine`` (per hash), and their targets."""
    found = _select_in(con, "SELECT id, dup FROM passages", "dup", dups)
    others = group_pairs([(int(d), int(p)) for p, d in found if int(p) not in mine])
    pids = [p for ps in others.values() for p in ps]
    links = _select_in(con, "SELECT passage, target FROM links", "passage", pids)
    return others, group_pairs([(int(p), int(t)) for p, t in links])


def _step_shared(
    con: Connection,
    rows: list[tuple[int, int]],
    targets: dict[int, list[int]],
    step: int,
) -> None:
    """Add (or take away) shared passages ``(passage, dup)`` and their links' counts."""
    if step > 0:
        con.executemany("INSERT INTO shared VALUES (?, ?)", rows)
    else:
        con.executemany("DELETE FROM shared WHERE passage = ?", [(p,) for p, _ in rows])
    counts: dict[tuple[int, int], int] = {}
    for pid, dup in rows:
        for target in targets.get(pid, ()):
            counts[target, dup] = counts.get((target, dup), 0) + step
    con.backend.add_counts(
        con,
        "target_dups",
        (("target", "dup"), ("n",)),
        [(t, dup, n) for (t, dup), n in counts.items()],
        insert=True,
    )
    if step < 0:
        con.executemany(
            "DELETE FROM target_dups WHERE target = ? AND dup = ? AND n <= 0",
            list(counts),
        )


def _passages_per_dup(con: Connection, dups: list[int]) -> dict[int, int]:
    """Count the passages that carry each hash (absent: none)."""
    rows = _select_in(con, "SELECT dup, count(*) FROM passages", "dup", dups, "dup")
    return {int(dup): int(n) for dup, n in rows}


def _select_in(
    con: Connection, select: str, column: str, values: list[int], group: str = ""
) -> list[Any]:
    """Run ``select ... WHERE column IN (values)``, ``IN_CHUNK`` values at a time."""
    out: list[Any] = []
    by = f" GROUP BY {group}" if group else ""
    for i in range(0, len(values), IN_CHUNK):
        chunk = values[i : i + IN_CHUNK]
        marks = ",".join("?" * len(chunk))
        out.extend(con.execute(f"{select} WHERE {column} IN ({marks}){by}", chunk))
    return out
