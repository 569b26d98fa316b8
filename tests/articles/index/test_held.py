"""Held rows: a batch written a table at a time leaves what article by article does."""

from __future__ import annotations

import shutil
from pathlib import Path

from articles.index import sync_index
from articles.index.codec import N_BITS
from articles.index.held import Held
from articles.index.single import index_file
from articles.index.store import backend_for
from tests.articles.conftest import FakeLinker, forget_index

#: Paragraphs several articles share (``dups``), each naming targets and a date.
SHARED = (
    "Officials in Kabul said the TTP had crossed the Durand Line on 12 March 2024.",
    "The ISI denied any role in the Wakhan Corridor talks held in Beijing.",
    "Traders from Badakhshan waited at the border with Tajikistan for a week.",
    "Asim Malik spoke in Kabul about the Wakhan Corridor in April 2024.",
)


def _doc(slug: str, paragraphs: list[str], day: str = "2024-06-01") -> str:
    body = "\n\n".join(paragraphs)
    return f"---\nid: {slug}\ntitle: {slug}\npublished: {day}\n---\n\n{body}\n"


def _own(slug: str, n: int) -> str:
    return f"Kabul and Ishaq Dar met about {slug} for the {n}th time in May 2024."


def _write(folder: Path, slug: str, shared: list[int], own: int = 2) -> None:
    paragraphs = [SHARED[i] for i in shared] + [_own(slug, n) for n in range(own)]
    (folder / f"{slug}.md").write_text(_doc(slug, paragraphs), encoding="utf-8")


def _same_day_corpus(folder: Path) -> list[str]:
    """Twelve articles of one day: hashes shared by none, two, or most of them."""
    folder.mkdir()
    plan = {
        "a01": [0], "a02": [3], "a03": [0, 1], "a04": [2], "a05": [1, 3],
        "a06": [0, 2], "a07": [], "a08": [1, 2], "a09": [0], "a10": [2],
        "a11": [0, 1, 2], "a12": [],
    }  # fmt: skip
    for slug, shared in plan.items():
        _write(folder, slug, shared)
    return sorted(plan)


def _tables(index: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every index table, with article and target ids as slugs and names.

    Article keys (and so passage ids) follow the order articles were written in,
    target ids the order targets were first met: both are named instead.
    """
    con = backend_for(index).connect(readonly=True)
    try:
        slugs = {int(k): s for k, s in con.execute("SELECT id, slug FROM articles")}
        names = {
            int(i): (k, n)
            for i, k, n in con.execute("SELECT id, kind, name FROM targets")
        }

        def passage(key: int) -> tuple[str, int]:
            return slugs[int(key) >> N_BITS], int(key) & ((1 << N_BITS) - 1)

        def rows(sql: str) -> list[tuple[object, ...]]:
            return [tuple(r) for r in con.execute(sql).fetchall()]

        def sort(found: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
            return sorted(found, key=repr)

        return {
            "articles": sort([
                (r[1], *(bytes(v) if isinstance(v, memoryview) else v for v in r[2:]))
                for r in rows("SELECT * FROM articles")
            ]),
            "passages": sort([
                (passage(p), *rest) for p, *rest in rows("SELECT * FROM passages")
            ]),
            "links": sort([
                (passage(p), names[int(t)], how, n, bytes(spans))
                for p, t, how, n, spans in rows("SELECT * FROM links")
            ]),
            "link_rank": sort([
                (names[int(t)], r, passage(p))
                for t, r, p in rows("SELECT * FROM link_rank")
            ]),
            "dates": sort([
                (first, last, passage(p))
                for first, last, p in rows("SELECT * FROM dates")
            ]),
            "dups": sort(rows("SELECT * FROM dups")),
            "shared": sort([(passage(p), d) for p, d in rows("SELECT * FROM shared")]),
            "target_dups": sort([
                (names[int(t)], d, n) for t, d, n in rows("SELECT * FROM target_dups")
            ]),
            "targets": sort([
                (names[int(r[0])], *r[3:]) for r in rows("SELECT * FROM targets")
            ]),
            "target_months": sort([
                (names[int(t)], m, n) for t, m, n in rows("SELECT * FROM target_months")
            ]),
            "target_event_months": sort([
                (names[int(t)], m, n)
                for t, m, n in rows("SELECT * FROM target_event_months")
            ]),
            "fts": rows("SELECT count(*) FROM passages_fts"),
        }  # fmt: skip
    finally:
        con.close()


def _keys(index: Path) -> list[tuple[object, ...]]:
    con = backend_for(index).connect(readonly=True)
    try:
        return sorted(tuple(r) for r in con.execute("SELECT slug, id FROM articles"))
    finally:
        con.close()


def test_a_batch_of_same_day_articles_writes_what_one_at_a_time_writes(
    index: Path, tmp_path: Path
) -> None:
    slugs = _same_day_corpus(tmp_path / "batch")
    report = sync_index(tmp_path / "batch", index, FakeLinker())  # one batch
    assert sorted(report.added) == slugs
    batch, keys = _tables(index), _keys(index)
    assert len(batch["shared"]) == 16  # each passage of the four shared hashes
    forget_index(index)
    one = tmp_path / "one"
    one.mkdir()
    shutil.copy2(tmp_path / "batch" / f"{slugs[0]}.md", one)
    sync_index(one, index, FakeLinker())
    for slug in slugs[1:]:  # each in a transaction of its own, nothing held
        shutil.copy2(tmp_path / "batch" / f"{slug}.md", one)
        index_file(one, index, one / f"{slug}.md", FakeLinker())
    assert _tables(index) == batch
    assert _keys(index) == keys  # the day's keys taken in the same order


def test_an_article_replaced_amid_new_ones_leaves_what_a_fresh_build_leaves(
    index: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "corpus"
    _same_day_corpus(folder)
    sync_index(folder, index, FakeLinker())
    # one batch: new articles before and after a changed one, which leaves two
    # shared hashes (one's group of two falls to one, which the next new one
    # joins) and joins another
    _write(folder, "a00", [2])
    _write(folder, "a05", [2], own=3)
    _write(folder, "a13", [3, 1])
    _write(folder, "a14", [], own=1)
    report = sync_index(folder, index, FakeLinker())
    assert (sorted(report.added), report.updated) == (["a00", "a13", "a14"], ("a05",))
    after = _tables(index)
    forget_index(index)
    sync_index(folder, index, FakeLinker())  # from nothing
    assert _tables(index) == after


def test_held_rows_keep_their_order_and_language_runs() -> None:
    first, second = Held(), Held()
    first.add("INSERT INTO t VALUES (?)", [(1,), (2,)])
    first.add_fts("en", [(1, "a", "")])
    second.add("INSERT INTO t VALUES (?)", [(3,)])
    second.add("INSERT INTO u VALUES (?)", [])  # nothing: no statement
    second.add_fts("en", [(2, "b", "")])
    second.add_fts("ur", [(3, "c", "")])
    first.merge(second)
    assert first.rows == {"INSERT INTO t VALUES (?)": [(1,), (2,), (3,)]}
    assert first.fts == [("en", [(1, "a", ""), (2, "b", "")]), ("ur", [(3, "c", "")])]
