"""Links held in memory count as SQL does, only for the index version they read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from articles.backends import DATABASE_ENV, backend_for
from articles.index import sync_index
from articles.index.codec import to_day
from articles.index.rank_table import defer
from articles.index.store import open_writer
from articles.query import (
    ORDERS,
    Filters,
    count_months,
    count_months_by_actor,
    count_targets,
    link_matrix,
    query_page,
    word_bits,
)
from articles.query import filters as filters_module
from articles.query import page as page_module
from articles.query.filters import resolve
from articles.query.link_matrix import covers
from articles.query.reader import reading
from tests.articles.conftest import FakeLinker, forget_index
from tests.articles.random_corpus import corpora, indexed_corpus

DAYS = st.one_of(st.none(), st.dates(dt.date(2019, 1, 1), dt.date(2024, 12, 31)))
#: What the matrix covers: a feature, actors (members' links included), a window.
COVERED = st.builds(
    Filters,
    feature=st.sampled_from((None, "kabul", "durand-line", "badakhshan", "nowhere")),
    actors=st.lists(
        st.sampled_from(("pakistan", "isi", "ttp", "asim-malik", "nobody")),
        max_size=3, unique=True,
    ).map(tuple),
    date_from=DAYS,
    date_to=DAYS,
    q=st.sampled_from((None, None, "talks", "border road", "Kabul", "!!!", "the")),
)  # fmt: skip


@pytest.fixture(autouse=True)
def _nothing_held() -> Iterator[None]:
    link_matrix.forget()
    yield
    link_matrix.forget()


def _both(filters: Filters, index: Path) -> tuple[object, object]:
    """Count and page in SQL (nothing held), then with the links held in memory."""
    link_matrix.forget()
    in_sql = _counted(filters, index)
    link_matrix.warm(index, wait=True)
    assert link_matrix.current(backend_for(index)) is not None
    return in_sql, _counted(filters, index)


def _counted(filters: Filters, index: Path) -> tuple[object, ...]:
    """The map's counts, the timelines; two pages' totals and hits in each order."""
    pages = [
        query_page(filters, order=order, limit=3, offset=offset, index=index)
        for order in ORDERS
        for offset in (0, 3)
    ]
    return (
        count_targets(filters, index),
        count_months(filters, index),
        count_months_by_actor(filters, ("pakistan", "isi", "ttp", "nobody"), index),
        [(p.total, p.articles, p.groups, p.hits) for p in pages],
    )


@settings(max_examples=40, deadline=None)
@given(corpora, st.lists(COVERED, min_size=1, max_size=4))
def test_held_links_count_as_sql_does(
    articles: list[tuple[dt.date, list[str]]], filters: list[Filters]
) -> None:
    with indexed_corpus(articles) as index:
        for f in filters:
            in_sql, held = _both(f, index)
            assert held == in_sql, f


@pytest.mark.parametrize("on", ["sqlite", "postgres"])
@settings(
    max_examples=20, deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)  # fmt: skip
@given(articles=corpora, q=st.sampled_from(("talks", "border road", "Kabul", "road")))
def test_a_text_search_ranks_its_newest_matches_as_sql_does(
    request: pytest.FixtureRequest,
    on: str,
    articles: list[tuple[dt.date, list[str]]],
    q: str,
) -> None:
    """The held matches give the oldest of the ``SCORED`` newest (here 2) as SQL does.

    Pages of a text search ranked alone: its newest matches by score, then the
    older ones newest first, where held matches set the edge between them.
    """
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(page_module, "SCORED", 2)
        if on == "postgres":
            mp.setenv(DATABASE_ENV, request.getfixturevalue("pg_url"))
        with indexed_corpus(articles) as index:
            in_sql, held = _both(Filters(q=q), index)
            forget_index(index)  # the next example's sync starts from nothing
        assert held == in_sql, q


@settings(max_examples=30, deadline=None)
@given(corpora, st.lists(COVERED, min_size=1, max_size=4))
@example(
    [(dt.date(2024, 1, 1), ["Talks in Kabul.", "Talks, Kabul.", "Kabul road."])],
    [Filters(feature="kabul", q="talks"), Filters(feature="kabul", q="road")],
)
def test_held_text_counts_choose_as_sql_does(
    articles: list[tuple[dt.date, list[str]]], filters: list[Filters]
) -> None:
    """The plan a held matrix's text count chooses is the one SQL's count chooses."""
    with indexed_corpus(articles) as index, pytest.MonkeyPatch.context() as mp:
        mp.setattr(filters_module, "TEXT_CHECK_MIN", 0)  # the text always checked
        link_matrix.warm(index, wait=True)
        with reading(index) as con:
            for f in filters:
                held, matrix = link_matrix.resolved(con, f)
                assert matrix is not None
                assert held == resolve(con, f), f
    link_matrix.forget()


@settings(max_examples=30, deadline=None)
@given(corpora, st.lists(st.integers(0, 1 << 50), max_size=3))
def test_held_hashes_are_the_shared_table(
    articles: list[tuple[dt.date, list[str]]], unknown: list[int]
) -> None:
    """A page's walk reads each passage's hash from memory as ``shared`` has it."""
    with indexed_corpus(articles) as index:
        link_matrix.warm(index, wait=True)
        matrix = link_matrix.current(backend_for(index))
        assert matrix is not None
        with reading(index) as con:
            shared = dict(con.execute("SELECT passage, dup FROM shared").fetchall())
        everyone = [*unknown, *reversed(matrix.passages.tolist())]
        assert matrix.hashes(everyone) == shared
        assert matrix.hashes(unknown) == {}
    link_matrix.forget()


def test_held_target_ids_resolve_as_sql_does(indexed: Path) -> None:
    """Filters' names resolve to the same targets from memory as from SQL."""
    link_matrix.warm(indexed, wait=True)
    matrix = link_matrix.current(backend_for(indexed))
    assert matrix is not None
    with reading(indexed) as con:
        in_sql = {
            (str(kind), str(name)): int(key)
            for key, kind, name in con.execute("SELECT id, kind, name FROM targets")
        }
        assert matrix.ids == in_sql
        for f in (
            Filters(feature="kabul", actors=("ttp", "nobody")),
            Filters(feature="nowhere"),
            Filters(actors=("isi", "pakistan"), q="Taliban"),
        ):
            assert resolve(con, f, None, matrix.ids) == resolve(con, f)


def test_each_path_of_a_count_agrees(indexed: Path) -> None:
    """Few chosen passages, most of them (the totals less the rest), a target alone."""
    link_matrix.warm(indexed, wait=True)
    matrix = link_matrix.current(backend_for(indexed))
    assert matrix is not None
    whole = (0, len(matrix.passages))
    for row in range(len(matrix.targets)):
        mine = matrix.linked(row, whole)
        keep = np.zeros(len(matrix.passages), bool)
        keep[mine] = True
        by_gather = matrix.count_at(mine)
        assert (matrix.count(keep, whole) == by_gather).all()
        assert (matrix.pairs[row] == by_gather).all()
        assert (matrix.count(~keep, whole) == matrix.totals - by_gather).all()
        assert (matrix.count(np.ones(whole[1], bool), whole) == matrix.totals).all()


def test_on_both_backends_and_only_for_the_version_read(
    indexed: Path, corpus: Path
) -> None:
    """A held matrix answers until the index changes; then SQL, until rebuilt."""
    views = (
        Filters(actors=("ttp",)),
        Filters(feature="kabul", actors=("ttp", "isi")),
        Filters(date_from=dt.date(2025, 3, 1)),
        Filters(actors=("isi", "ttp"), date_to=dt.date(2025, 3, 1)),
        Filters(actors=("isi", "ttp"), q="Pakistan", date_from=dt.date(2025, 1, 1)),
        Filters(feature="kabul", q="Taliban", date_to=dt.date(2025, 12, 31)),
        Filters(q="Pakistan"),  # ranked by bm25 in SQL, counted in memory
        # ISI's own links outrank Pakistan's rolled up from it: the best counts
        Filters(actors=("isi", "pakistan"), date_to=dt.date(2025, 12, 31)),
    )
    found = [_both(f, indexed) for f in views]
    assert all(held == in_sql for in_sql, held in found)
    assert all(in_sql[0]["feature"] for in_sql, _ in found)  # type: ignore[index]
    backend = backend_for(indexed)
    first = sorted(corpus.glob("*.md"))[0]
    first.write_text(
        first.read_text("utf-8") + "\n\nTTP and ISI met in Kabul.\n", "utf-8"
    )
    sync_index(corpus, indexed, FakeLinker())
    assert link_matrix.current(backend) is None  # the index changed: SQL answers
    for f in views:
        in_sql, held = _both(f, indexed)
        assert held == in_sql


def test_what_it_covers() -> None:
    day = dt.date(2020, 1, 1)
    assert covers(Filters(feature="kabul", actors=("isi",), date_from=day))
    assert covers(Filters(feature="kabul", q="talks", date_to=day))
    assert covers(Filters(q="talks"))
    assert not covers(Filters(articles=("a0",)))
    assert not covers(Filters(to_review=True))
    assert not covers(Filters(date_from=dt.date(2020, 1, 1), datemode="events"))
    assert covers(Filters(datemode="events"))  # no window: nothing dated to check


def test_nothing_held_while_ranks_are_deferred(indexed: Path) -> None:
    con, _ = open_writer(indexed)
    try:
        con.backend.begin(con)
        defer(con)
        con.execute("COMMIT")
    finally:
        con.close()
    assert link_matrix.warm(indexed, wait=True) is None
    assert link_matrix.current(backend_for(indexed)) is None
    assert count_targets(Filters(actors=("pakistan",)), indexed)["feature"]  # SQL


def test_no_index_holds_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ARTICLES_DATABASE_URL", raising=False)
    assert link_matrix.warm(tmp_path / "missing.sqlite", wait=True) is None
    assert link_matrix.held_bytes() == 0


def test_recent_text_searches_are_read_once(
    indexed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(word_bits, "WORDS_BYTES", 0)  # no word held as a bitmap
    link_matrix.warm(indexed, wait=True)
    matrix = link_matrix.current(backend_for(indexed))
    assert matrix is not None
    search = Filters(q="Pakistan")
    first = _counted(search, indexed)  # six pages and the counts: one read
    assert len(matrix.found.held) == 1
    assert _counted(search, indexed) == first
    assert len(matrix.found.held) == 1
    for n in range(link_matrix.TEXTS_KEPT + 3):
        _counted(Filters(q=f"Pakistan talks{n}"), indexed)
    assert len(matrix.found.held) == link_matrix.TEXTS_KEPT


def test_month_of_each_day_number() -> None:
    months = link_matrix._MONTHS
    for day in (dt.date(1900, 1, 31), dt.date(2024, 2, 29), dt.date(2025, 3, 1)):
        month = np.array(months[to_day(day)]).astype("datetime64[M]")
        assert str(month) == day.strftime("%Y-%m")
