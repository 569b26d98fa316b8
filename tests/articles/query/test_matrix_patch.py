"""A held matrix takes in articles added, removed, rewritten: as a build reads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.backends import DATABASE_ENV, backend_for
from articles.corpus import render_document
from articles.index import sync_index
from articles.index.layout import layout, removals
from articles.query import Filters, count_targets, link_matrix, query_page
from articles.query.id_lists import read_passages
from articles.query.link_matrix import LinkMatrix
from articles.query.reader import reading
from articles.query.word_bits import WordBits
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


def assert_words_found(matrix: LinkMatrix, index: Path) -> None:
    """Each bitmap held marks the passages the full-text index finds the word in."""
    with reading(index) as con:
        for word, bits in matrix.words.bits.items():
            found = read_passages(con, *con.backend.word_match(word))
            expected = np.zeros(len(matrix.passages), bool)
            expected[np.searchsorted(matrix.passages, found)] = True
            assert np.array_equal(bits, np.packbits(expected)), word


class Fills:
    """Counts the word bitmaps read whole (not patched)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.n = 0
        real = WordBits.fill

        def counted(bits: WordBits, *args: Any) -> None:
            self.n += 1
            real(bits, *args)

        monkeypatch.setattr(WordBits, "fill", counted)


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


Article = tuple[dt.date, list[str]]
#: What happens to an article held: its file is deleted, or it is rewritten as
#: another (other paragraphs, another day: another key).
Change = tuple[int, Article | None]


def _write(corpus: Path, i: int, art: Article) -> None:
    """Write ``art`` as ``a<i>.md`` (replacing what is there)."""
    published, paragraphs = art
    meta = {"id": f"a{i}", "title": f"Article {i}", "published": published}
    body = "\n\n".join(paragraphs) + "\n"
    (corpus / f"a{i}.md").write_text(render_document(meta, body), "utf-8")


def _add(corpus: Path, start: int, more: list[Article]) -> None:
    """Write ``more`` articles as ``a<start>.md`` on (ids after those there)."""
    for i, art in enumerate(more):
        _write(corpus, start + i, art)


def _change(corpus: Path, held: int, changes: tuple[Change, ...]) -> None:
    """Delete or rewrite articles held (``a0`` to ``a<held - 1>``)."""
    for i, art in changes:
        if art is None:
            (corpus / f"a{i % held}.md").unlink(missing_ok=True)
        else:
            _write(corpus, i % held, art)


def _patched_then_built(
    tmp: Path,
    first: list[Article],
    more: list[Article],
    monkeypatch: pytest.MonkeyPatch,
    changes: tuple[Change, ...] = (),
) -> tuple[LinkMatrix, LinkMatrix, int]:
    """Hold ``first``, sync ``more`` and ``changes``; patched, built, patch reads.

    The last: how many times the patch read every link, or every word (when
    words were held), anew.
    """
    corpus, index = tmp / "corpus", tmp / "index.sqlite"
    write_corpus(corpus, first)
    sync_index(corpus, index, FakeLinker())
    words = bool(_held(index).words.bits)  # none: no passage, or no word in any
    _add(corpus, len(first), more)
    _change(corpus, len(first), changes)
    sync_index(corpus, index, FakeLinker())
    builds, fills = Builds(monkeypatch), Fills(monkeypatch)
    patched = _held(index)
    taken = builds.n + (fills.n if words else 0)
    link_matrix.forget()
    return patched, _held(index), taken


@settings(
    max_examples=40, deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)  # fmt: skip
@given(
    first=corpora,
    more=st.lists(article, min_size=0, max_size=4),
    changes=st.lists(
        st.tuples(st.integers(0, 5), st.none() | article), min_size=0, max_size=3
    ),
)
def test_changes_are_taken_in_as_a_build_reads_them(
    tmp_path_factory: pytest.TempPathFactory,
    first: list[Article],
    more: list[Article],
    changes: list[Change],
) -> None:
    """Added articles, and articles held deleted or rewritten (other day, words)."""
    with pytest.MonkeyPatch.context() as mp:
        patched, built, builds = _patched_then_built(
            tmp_path_factory.mktemp("patch"), first, more, mp, tuple(changes)
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
    rewrite = (dt.date(2024, 5, 1), ["Talks in Peshawar.", "ISI and the TTP."])
    patched, built, builds = _patched_then_built(
        tmp_path, first, more, monkeypatch, ((0, rewrite),)
    )
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


def test_a_changed_article_is_logged_and_taken_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rewrite is logged under the same token; the matrix answers as SQL does."""
    corpus, index = tmp_path / "corpus", tmp_path / "index.sqlite"
    write_corpus(corpus, [
        (dt.date(2024, 5, 1), ["Talks in Kabul with the TTP.", "Border road."]),
        (dt.date(2024, 6, 1), ["Kabul and the Durand Line, ISI."]),
    ])  # fmt: skip
    sync_index(corpus, index, FakeLinker())
    with reading(index) as con:
        token, log = layout(con), removals(con)
    assert token  # the first sync's write set one
    assert log == []  # and removed nothing
    _held(index)
    page = corpus / "a0.md"
    page.write_text(page.read_text("utf-8").replace("Kabul", "Peshawar"), "utf-8")
    sync_index(corpus, index, FakeLinker())
    with reading(index) as con:
        assert layout(con) == token
        assert len(removals(con)) == 1
    builds = Builds(monkeypatch)
    patched = _held(index)
    assert (builds.n, patched.origin) == (0, "patched")
    views = (Filters(actors=("ttp",)), Filters(feature="kabul"), Filters(q="border"))
    held = [(count_targets(f, index), query_page(f, index=index)) for f in views]
    link_matrix.forget()
    assert [(count_targets(f, index), query_page(f, index=index)) for f in views] == (
        held  # in SQL
    )
    assert_same(patched, _held(index))


def test_a_full_log_replaces_the_token_and_a_holder_reads_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past `MOST_REMOVED` removals the token changes: the next holder builds."""
    monkeypatch.setattr("articles.index.layout.MOST_REMOVED", 2)
    corpus, index = tmp_path / "corpus", tmp_path / "index.sqlite"
    write_corpus(
        corpus, [(dt.date(2024, 5, i), [f"Kabul road {i}."]) for i in (1, 2, 3)]
    )
    sync_index(corpus, index, FakeLinker())
    with reading(index) as con:
        token = layout(con)
    _held(index)
    for i in (0, 1, 2):
        (corpus / f"a{i}.md").unlink()
    sync_index(corpus, index, FakeLinker())
    with reading(index) as con:
        assert layout(con) not in (None, token)
        assert len(removals(con)) < 3
    builds = Builds(monkeypatch)
    _held(index)
    assert builds.n == 1


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
