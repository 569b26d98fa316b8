"""Frequent words held as bitmaps find exactly what the full-text index finds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.backends import backend_for
from articles.query import Filters, count_targets, link_matrix, query_page, word_bits
from articles.query.id_lists import read_passages
from articles.query.reader import reading
from articles.query.word_bits import WordBits
from tests.articles.random_corpus import corpora, indexed_corpus

#: Held words alone and with others; phrases, prefixes, other scripts, stop words.
QUERY = st.sampled_from(("talks", "Border", "road river", '"border road"', "tal*",
                         "talks Kābul", "Kabul", "the", "envoy SAID", "TRADE talks",
                         "copy wire", "nothing"))  # fmt: skip
DAYS = st.one_of(st.none(), st.dates(dt.date(2020, 1, 1), dt.date(2024, 12, 31)))


@pytest.fixture(autouse=True)
def _nothing_held() -> Iterator[None]:
    link_matrix.forget()
    yield
    link_matrix.forget()


def _seen(filters: Filters, index: Path) -> tuple[object, ...]:
    pages = [
        query_page(filters, order=o, limit=4, index=index) for o in ("rank", "newest")
    ]
    return count_targets(filters, index), [(p.total, p.groups, p.hits) for p in pages]


@settings(max_examples=30, deadline=None)
@given(corpora, st.integers(0, 6), st.lists(st.tuples(QUERY, DAYS, DAYS), max_size=3))
def test_held_words_find_what_sql_finds(
    articles: list[tuple[dt.date, list[str]]],
    words_held: int,
    searches: list[tuple[str, dt.date | None, dt.date | None]],
) -> None:
    """However many words are held, each search finds and ranks as SQL does."""
    with indexed_corpus(articles) as index, pytest.MonkeyPatch.context() as mp:
        with reading(index) as con:
            (passages,) = con.execute("SELECT count(*) FROM passages").fetchone()
        mp.setattr(word_bits, "WORDS_BYTES", words_held * ((passages + 7) // 8))
        mp.setattr(word_bits, "SPARSEST", 1 << 30)  # any word may be held
        filters = [Filters(q=q, date_from=a, date_to=b) for q, a, b in searches]
        in_sql = [_seen(f, index) for f in filters]
        link_matrix.warm(index, wait=True)
        matrix = link_matrix.current(backend_for(index))
        assert matrix is not None
        assert len(matrix.words.bits) == min(words_held, _plain_words(index))
        assert [_seen(f, index) for f in filters] == in_sql


def _plain_words(index: Path) -> int:
    with reading(index) as con:
        words = con.backend.frequent_words(con, 1, 1 << 30)
    return sum(map(word_bits._plain, words))


def test_frequent_words_most_first(indexed: Path, backend: str) -> None:
    """SQLite lists FTS5's words by passages; PostgreSQL lists none (SQL reads)."""
    with reading(indexed) as con:
        words = con.backend.frequent_words(con, 3, 12)
        if backend != "sqlite":
            assert words == []
            return
        assert len(words) == 12
        found = [
            len(read_passages(con, *con.backend.fts_match((((w,), False),))))
            for w in words
        ]
    assert found == sorted(found, reverse=True)
    assert min(found) >= 3
    assert "pakistan" in words  # folded as the index keeps it


def test_only_a_plain_word_is_looked_up() -> None:
    held = WordBits()
    held.bits = {"kabul": np.packbits([True]), "talks": np.packbits([False])}
    terms = ((("Kabul",), False), (("talks",), True), (("Kābul",), False),
             (("border", "road"), False), (("TALKS",), False))  # fmt: skip
    words, rest = held.split(terms)
    assert words == ["kabul", "talks"]
    assert rest == terms[1:4]


@settings(max_examples=200)
@given(st.lists(st.lists(st.booleans(), min_size=40, max_size=40), min_size=1,
                max_size=3), st.integers(0, 40), st.integers(0, 40))  # fmt: skip
def test_a_span_of_several_bitmaps(rows: list[list[bool]], lo: int, hi: int) -> None:
    lo, hi = min(lo, hi), max(lo, hi)
    held = WordBits()
    held.bits = {f"w{i}": np.packbits(row) for i, row in enumerate(rows)}
    both = np.logical_and.reduce(np.array(rows, bool))
    assert (held.keep(list(held.bits), (lo, hi)) == both[lo:hi]).all()


def test_other_scripts_do_not_take_a_plain_word_s_place(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The commonest word is Persian: the one word held is the commonest plain one."""
    day = dt.date(2024, 1, 1)
    paragraphs = ["واخان talks road.", "واخان talks.", "واخان border."]
    with indexed_corpus([(day, paragraphs)]) as index:
        monkeypatch.setattr(word_bits, "SPARSEST", 1 << 30)
        monkeypatch.setattr(word_bits, "WORDS_BYTES", 1)  # one word's bitmap
        link_matrix.warm(index, wait=True)
        matrix = link_matrix.current(backend_for(index))
        assert matrix is not None
        assert list(matrix.words.bits) == ["talks"]
