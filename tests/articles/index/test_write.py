"""The writer's held counts: summed over a batch, every net change written."""

from __future__ import annotations

from pathlib import Path

from articles.backends.sqlite import SqliteBackend
from articles.index.codec import MEMBER
from articles.index.write import Tally


class _Recorder:
    backend = SqliteBackend(Path("unused.sqlite"))  # its statements, recorded

    def __init__(self) -> None:
        self.calls: list[tuple[str, list[tuple[int, ...]]]] = []

    def executemany(self, sql: str, rows: list[tuple[int, ...]]) -> None:
        self.calls.append((sql.split()[0], rows))


def test_a_replaced_article_that_only_changes_how_a_target_is_linked_is_counted() -> (
    None
):
    batch = Tally()
    old, new = Tally(), Tally()
    old.add([(7, 0)], 100, -1)  # the old version named target 7 directly
    new.add([(7, MEMBER)], 100, +1)  # the new one only through a member
    batch.merge(old)
    batch.merge(new)
    con = _Recorder()
    batch.flush(con)  # type: ignore[arg-type]
    updates = dict(con.calls)["UPDATE"]
    assert updates == [(-1, 0, 0, 7)]  # one direct link fewer; same matches, articles
    assert dict(con.calls)["INSERT"] == []  # the month's matches did not move
    assert not batch.totals
    assert not batch.months


def test_a_tally_counts_each_target_once_per_article() -> None:
    tally = Tally()
    tally.add([(3, 0), (3, 1), (5, MEMBER)], 10, +1)
    assert tally.totals == {3: [2, 2, 1], 5: [0, 1, 1]}
    assert tally.months == {(3, 10): 2, (5, 10): 1}


def test_the_longest_date_is_kept_and_only_grows(tmp_path: Path) -> None:
    con, _ = SqliteBackend(tmp_path / "index.sqlite").open_writer()
    con.execute("INSERT INTO dates VALUES (100, 130, 1)")

    def flushed(span: int) -> int:
        tally = Tally()
        tally.span = span
        con.execute("BEGIN")
        tally.flush(con)
        con.execute("COMMIT")
        row = con.execute("SELECT value FROM meta WHERE key = 'date_span'").fetchone()
        return int(row[0])

    assert flushed(5) == 30  # none kept yet: the table's longest counts too
    assert flushed(400) == 400
    assert flushed(7) == 400  # a removal or a shorter date never lowers it
    con.close()
