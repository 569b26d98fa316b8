"""A held matrix takes in added articles, and equals a matrix built from nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.backends import DATABASE_ENV, backend_for
from articles.index import sync_index
from articles.index.layout import layout
from articles.query import Filters, count_targets, link_matrix, query_page
from articles.query.link_matrix import LinkMatrix
from articles.query.reader import reading
from tests.articles.conftest import FakeLinker, forget_index
from tests.articles.random_corpus import article, corpora, write_corpus

ARRAYS = ("targets", "passages", "bounds", "where", "ranks", "starts", "named",
          "pairs", "totals", "shared_at", "shared_dup", "articles")  # fmt: skip


@pytest.fixture(autouse=True)
def _nothing_held() -> Iterator[None]:
    link_matrix.forget()
    yield
    link_matrix.forget()


class Builds:
    """Counts the matrices read from every link (not patched)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.n = 0
        real = link_matrix.build

        def counted(*args: object) -> LinkMatrix | None:
            self.n += 1
            return real(*args)  # type: ignore[arg-type]

        monkeypatch.setattr(link_matrix, "build", counted)


def _held(index: Path) -> LinkMatrix:
    link_matrix.warm(index, wait=True)
    matrix = link_matrix.current(backend_for(index))
    assert matrix is not None
    return matrix


def assert_same(patched: LinkMatrix, built: LinkMatrix) -> None:
    """Every array, the rows and the labels are those of a matrix built anew."""
    for name in ARRAYS:
        mine, theirs = getattr(patched, name), getattr(built, name)
        assert mine.dtype == theirs.dtype, name
        assert np.array_equal(mine, theirs), name
    assert patched.rows == built.rows
    assert (patched.names, patched.ids) == (built.names, built.ids)
    assert (patched.stamp, patched.layout) == (built.stamp, built.layout)


def _add(corpus: Path, start: int, more: list[tuple[dt.date, list[str]]]) -> None:
    """Write ``more`` articles as ``a<start>.md`` on (ids after those there)."""
    extra = corpus.parent / "extra"
    write_corpus(extra, more)
    for i, path in enumerate(sorted(extra.glob("*.md"), key=lambda p: int(p.stem[1:]))):
        text = path.read_text("utf-8").replace(f"a{i}", f"a{start + i}", 1)
        (corpus / f"a{start + i}.md").write_text(text, "utf-8")
        path.unlink()


def _patched_then_built(
    tmp: Path,
    first: list[tuple[dt.date, list[str]]],
    more: list[tuple[dt.date, list[str]]],
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[LinkMatrix, LinkMatrix, int]:
    """Hold ``first``, sync ``more`` in; the patched matrix, one built, patch builds."""
    corpus, index = tmp / "corpus", tmp / "index.sqlite"
    write_corpus(corpus, first)
    sync_index(corpus, index, FakeLinker())
    _held(index)
    _add(corpus, len(first), more)
    sync_index(corpus, index, FakeLinker())
    builds = Builds(monkeypatch)
    patched = _held(index)
    taken = builds.n
    link_matrix.forget()
    return patched, _held(index), taken


@settings(
    max_examples=40, deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)  # fmt: skip
@given(first=corpora, more=st.lists(article, min_size=0, max_size=4))
def test_added_articles_are_taken_in_as_a_build_reads_them(
    tmp_path_factory: pytest.TempPathFactory,
    first: list[tuple[dt.date, list[str]]],
    more: list[tuple[dt.date, list[str]]],
) -> None:
    with pytest.MonkeyPatch.context() as mp:
        patched, built, builds = _patched_then_built(
            tmp_path_factory.mktemp("patch"), first, more, mp
        )
    assert builds == 0  # taken in, not read anew
    assert_same(patched, built)


def test_on_postgres_too(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATABASE_ENV, pg_url)
    first = [
        (dt.date(2024, 5, 1), ["Talks in Kabul.", "Shared wire copy about Kabul."])
    ]
    more = [
        (dt.date(2023, 1, 2), ["Shared wire copy about Kabul.", "Durand Line road."]),
        (dt.date(2024, 9, 9), ["Pakistan and the TTP at the Durand Line."]),
    ]
    patched, built, builds = _patched_then_built(tmp_path, first, more, monkeypatch)
    forget_index(tmp_path / "index.sqlite")
    assert builds == 0
    assert_same(patched, built)


def test_the_patched_matrix_answers_as_sql_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = [(dt.date(2024, 5, 1), ["Talks in Kabul with the TTP.", "Border road."])]
    more = [(dt.date(2022, 3, 3), ["TTP and ISI in Kabul, 3 March 2022."])]
    _, _, builds = _patched_then_built(tmp_path, first, more, monkeypatch)
    assert builds == 0
    index = tmp_path / "index.sqlite"
    link_matrix.forget()
    views = (Filters(actors=("ttp",)), Filters(feature="kabul", actors=("isi",)))
    in_sql = [(count_targets(f, index), query_page(f, index=index)) for f in views]
    _held(index)
    assert [(count_targets(f, index), query_page(f, index=index)) for f in views] == (
        in_sql
    )


def test_a_changed_article_reads_everything_anew(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rewrite removes links: the layout token changes, and the matrix is built."""
    corpus, index = tmp_path / "corpus", tmp_path / "index.sqlite"
    write_corpus(corpus, [(dt.date(2024, 5, 1), ["Talks in Kabul.", "Border road."])])
    sync_index(corpus, index, FakeLinker())
    with reading(index) as con:
        token = layout(con)
    assert token  # the first sync's write set one
    _held(index)
    page = corpus / "a0.md"
    page.write_text(page.read_text("utf-8").replace("Kabul", "Peshawar"), "utf-8")
    sync_index(corpus, index, FakeLinker())
    with reading(index) as con:
        assert layout(con) not in (None, token)
    builds = Builds(monkeypatch)
    patched = _held(index)
    assert builds.n == 1
    link_matrix.forget()
    assert_same(patched, _held(index))


def test_totals_that_disagree_read_everything_anew(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The writer's per-target totals are the check: a difference, and it builds."""
    corpus, index = tmp_path / "corpus", tmp_path / "index.sqlite"
    write_corpus(corpus, [(dt.date(2024, 5, 1), ["Talks in Kabul."])])
    sync_index(corpus, index, FakeLinker())
    _held(index)
    _add(corpus, 1, [(dt.date(2024, 6, 1), ["Kabul and the Durand Line."])])
    sync_index(corpus, index, FakeLinker())
    con = backend_for(index).connect()
    try:
        con.execute("UPDATE targets SET matches = matches + 1 WHERE matches > 0")
    finally:
        con.close()
    builds = Builds(monkeypatch)
    _held(index)
    assert builds.n == 1
