"""Frequent words held as bitmaps find exactly what the full-text index finds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from articles.backends import DATABASE_ENV, backend_for, postgres
from articles.query import Filters, count_targets, link_matrix, query_page, word_bits
from articles.query.id_lists import parse_ints, read_passages
from articles.query.reader import reading
from articles.query.word_bits import WordBits
from tests.articles.conftest import forget_index
from tests.articles.random_corpus import indexed_corpus, paragraph

#: Held words alone and with others; phrases, prefixes, other scripts, stop words,
#: and words PostgreSQL's English configuration stems ("talks" is kept as "talk").
QUERY = st.sampled_from(("talks", "Border", "road river", '"border road"', "tal*",
                         "talks Kābul", "Kabul", "the", "envoy SAID", "TRADE talks",
                         "copy wire", "nothing", "borders", "talked roads",
                         "talks واخان"))  # fmt: skip
DAYS = st.one_of(st.none(), st.dates(dt.date(2020, 1, 1), dt.date(2024, 12, 31)))
#: Passages of another script: PostgreSQL indexes them unstemmed (``simple``),
#: so "talks" there is found by the simple query's "talks", not "talk".
OTHER = st.sampled_from(("واخان talks border.", "Талибан talks, borders road.",
                         "Talks on the roads and borders."))  # fmt: skip
MIXED = st.lists(
    st.tuples(
        st.dates(dt.date(2020, 1, 1), dt.date(2024, 12, 31)),
        st.lists(st.one_of(paragraph, OTHER), min_size=1, max_size=4),
    ),
    min_size=1,
    max_size=6,
)
SEARCHES = st.lists(st.tuples(QUERY, DAYS, DAYS), max_size=3)


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


def _held_finds_what_sql_finds(
    index: Path,
    words_held: int,
    searches: list[tuple[str, dt.date | None, dt.date | None]],
) -> None:
    with reading(index) as con:
        (passages,) = con.execute("SELECT count(*) FROM passages").fetchone()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(word_bits, "WORDS_BYTES", words_held * ((passages + 7) // 8))
        mp.setattr(word_bits, "SPARSEST", 1 << 30)  # any word may be held
        filters = [Filters(q=q, date_from=a, date_to=b) for q, a, b in searches]
        in_sql = [_seen(f, index) for f in filters]
        link_matrix.warm(index, wait=True)
        matrix = link_matrix.current(backend_for(index))
        assert matrix is not None
        assert len(matrix.words.bits) == min(words_held, _plain_words(index))
        assert [_seen(f, index) for f in filters] == in_sql
    link_matrix.forget()


@settings(max_examples=30, deadline=None)
@given(MIXED, st.integers(0, 6), SEARCHES)
def test_held_words_find_what_sql_finds(
    articles: list[tuple[dt.date, list[str]]],
    words_held: int,
    searches: list[tuple[str, dt.date | None, dt.date | None]],
) -> None:
    """However many words are held, each search finds and ranks as SQL does."""
    with indexed_corpus(articles) as index:
        _held_finds_what_sql_finds(index, words_held, searches)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(MIXED, st.integers(0, 8), SEARCHES)
@example(  # "talks" is "talk" in English text, "talks" in the others
    [(dt.date(2024, 1, 1), ["Talks on the roads and borders.", "واخان talks border.",
                            "Талибан talks, borders road."])],
    8,
    [("talks", None, None), ("borders road", None, None), ("talked roads", None, None)],
)  # fmt: skip
def test_held_lexemes_find_what_postgresql_finds(
    pg_url: str,
    articles: list[tuple[dt.date, list[str]]],
    words_held: int,
    searches: list[tuple[str, dt.date | None, dt.date | None]],
) -> None:
    """PostgreSQL's English OR simple search, from lexemes held and lexemes read."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(DATABASE_ENV, pg_url)
        with indexed_corpus(articles) as index:
            _held_finds_what_sql_finds(index, words_held, searches)
            forget_index(index)  # the next example's sync starts from nothing


def _plain_words(index: Path) -> int:
    with reading(index) as con:
        words = con.backend.frequent_words(con, 1, 1 << 30)
    return sum(map(word_bits._plain, words))


def test_frequent_words_most_first(indexed: Path) -> None:
    """A backend lists its words by passages, as ``word_match`` reads them."""
    with reading(indexed) as con:
        words = con.backend.frequent_words(con, 3, 12)
        assert len(words) == 12
        found = [len(read_passages(con, *con.backend.word_match(w))) for w in words]
    assert found == sorted(found, reverse=True)
    assert min(found) >= 3
    assert "pakistan" in words  # folded as the index keeps it


def test_a_key_is_the_lexeme_itself(indexed: Path, backend: str) -> None:
    """``word_match`` takes a key as written: PostgreSQL's "borders" is not "border"."""
    with reading(indexed) as con:
        keys = con.backend.word_keys(con, ["Borders", "talks"])
        found = {k: len(read_passages(con, *con.backend.word_match(k))) for k in
                 ("border", "borders")}  # fmt: skip
    if backend == "sqlite":
        assert keys == [("borders", "talks")]
    else:
        assert keys == [("border", "talk"), ("borders", "talks")]
        assert found["border"] > found["borders"]  # English text keeps the stem


class _Counted:
    """A connection that counts its statements."""

    def __init__(self, con: object) -> None:
        self.con, self.backend, self.statements = con, con.backend, 0  # type: ignore[attr-defined]

    def execute(self, *args: object) -> object:
        self.statements += 1
        return self.con.execute(*args)  # type: ignore[attr-defined]


def test_a_word_s_keys_are_asked_once(indexed: Path, backend: str) -> None:
    """A view's queries ask for the same words' keys: PostgreSQL answers once a word."""
    with reading(indexed) as con:
        counted = _Counted(con)
        first = con.backend.word_keys(counted, ["talks", "Borders"])  # type: ignore[arg-type]
        again = con.backend.word_keys(counted, ["Borders", "talks"])  # type: ignore[arg-type]
        asked_then = counted.statements
        more = con.backend.word_keys(counted, ["roads", "talks"])  # type: ignore[arg-type]
    assert first is not None
    assert again == [tuple(reversed(keys)) for keys in first]
    if backend == "sqlite":
        assert more == [("roads", "talks")]
        assert counted.statements == 0
    else:
        assert more == [("road", "talk"), ("roads", "talks")]
        assert asked_then == 1
        assert counted.statements == 2  # "roads" only


class _On:
    """A connection stand-in: ``split`` asks only its backend for keys."""

    def __init__(self, configs: list[tuple[str | None, ...]] | None) -> None:
        self.backend = self
        self.configs = configs

    def word_keys(self, con: object, words: list[str]) -> object:
        del con
        if self.configs is None:
            return [tuple(w.lower() for w in words)]
        return [c[: len(words)] for c in self.configs]


def test_only_a_plain_word_is_looked_up() -> None:
    held = WordBits()
    held.bits = {"kabul": np.packbits([True]), "talks": np.packbits([False])}
    terms = ((("Kabul",), False), (("talks",), True), (("Kābul",), False),
             (("border", "road"), False), (("TALKS",), False))  # fmt: skip
    keys, rest = held.split(_On(None), terms)  # type: ignore[arg-type]
    assert keys == (("kabul", "talks"),)
    assert rest == terms[1:4]


def test_several_configurations_are_answered_whole_or_not_at_all() -> None:
    """PostgreSQL's English OR simple: bitmaps answer every term, or none."""
    held = WordBits()
    held.bits = {"talk": np.packbits([True])}
    words = ((("talks",), False), (("border",), False))
    on = _On([("talk", "border"), ("talks", "border")])
    assert held.split(on, words) == ((("talk", "border"), ("talks", "border")), ())  # type: ignore[arg-type]
    phrase = (*words, (("border", "road"), False))
    assert held.split(on, phrase) == ((), phrase)  # type: ignore[arg-type]
    not_held = _On([("road", "river"), ("roads", "river")])
    assert held.split(not_held, words) == ((), words)  # type: ignore[arg-type]
    held.unheld = frozenset({"road"})  # frequent, not held: read from SQL whole
    roads = ((("roads",), False), (("talks",), False))
    assert held.split(_On([("road", "talk"), ("roads", "talks")]), roads) == ((), roads)  # type: ignore[arg-type]
    dropped = _On([(None, None), ("talk", "border")])
    assert held.split(dropped, words) == (((), ("talk", "border")), ())  # type: ignore[arg-type]


def test_a_fill_stops_when_the_index_moves_on(
    indexed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write during the reading: nothing is held (it could never answer)."""
    monkeypatch.setattr(word_bits, "ASK_EVERY", 0.0)
    monkeypatch.setattr(postgres, "WORD_PAGES", 1)  # a statement a page
    with reading(indexed) as con:
        passages = np.sort(read_passages(con, "SELECT id AS passage FROM passages", ()))
        words = con.backend.frequent_words(con, 1, 1 << 30)
        statements = len(list(con.backend.word_reads(con, words)))
        assert statements > 2
        asked: list[int] = []
        held = WordBits()
        held.fill(con, passages, lambda: asked.append(1) is None and len(asked) > 2)
        assert held.bits == {}
        assert held.seconds is None
        assert len(asked) == 3
        asked.clear()
        held.fill(con, passages, lambda: asked.append(1) is None and False)
        assert len(asked) == statements  # asked before each statement
    assert "pakistan" in held.bits


def test_the_words_read_part_by_part_are_those_found_one_by_one(
    indexed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each key's passages over every statement of ``word_reads``: ``word_match``'s.

    On PostgreSQL a statement reads a page of the table here (its rows of a
    key spread over several statements), keys with no passage included.
    """
    monkeypatch.setattr(postgres, "WORD_PAGES", 1)
    with reading(indexed) as con:
        keys = [*con.backend.frequent_words(con, 1, 1 << 30), "zzzunseen"]
        found: dict[str, list[int]] = {k: [] for k in keys}
        for sql, args in con.backend.word_reads(con, keys):
            for key, text in con.execute(sql, args):
                found[key].extend(parse_ints(text).tolist())
        for key in keys:
            alone = read_passages(con, *con.backend.word_match(key)).tolist()
            assert sorted(found[key]) == sorted(alone), key
            assert len(set(found[key])) == len(found[key])
    assert found["pakistan"]
    assert not found["zzzunseen"]


@given(
    st.integers(1, 300).flatmap(
        lambda n: st.tuples(st.just(n), st.lists(st.integers(0, n - 1), max_size=2 * n))
    ),
    st.data(),
)
def test_marked_bits_are_packed_booleans(
    sized: tuple[int, list[int]], data: st.DataObject
) -> None:
    """Positions set a bit each, sparse or dense, on top of the bits already set."""
    size, positions = sized
    before = data.draw(st.lists(st.booleans(), min_size=size, max_size=size))
    packed = np.packbits(np.array(before, bool))
    word_bits.mark(packed, np.array(positions, np.int64), size)
    expected = np.array(before, bool)
    expected[positions] = True
    assert np.array_equal(packed, np.packbits(expected))


@settings(max_examples=200)
@given(st.lists(st.lists(st.booleans(), min_size=40, max_size=40), min_size=1,
                max_size=3), st.integers(0, 40), st.integers(0, 40))  # fmt: skip
def test_a_span_of_several_bitmaps(rows: list[list[bool]], lo: int, hi: int) -> None:
    lo, hi = min(lo, hi), max(lo, hi)
    held = WordBits()
    held.bits = {f"w{i}": np.packbits(row) for i, row in enumerate(rows)}
    both = np.logical_and.reduce(np.array(rows, bool))
    assert (held.keep((tuple(held.bits),), (lo, hi), _no_read) == both[lo:hi]).all()


def _no_read(key: str) -> np.ndarray:
    raise AssertionError(f"{key} is held: it is not read")


@settings(max_examples=200)
@given(
    st.lists(st.lists(st.booleans(), min_size=24, max_size=24), min_size=4, max_size=4),
    st.lists(st.lists(st.integers(0, 3), max_size=3), min_size=1, max_size=3),
    st.integers(0, 4),
    st.integers(0, 24),
    st.integers(0, 24),
)
def test_an_or_of_ands_of_held_and_read_keys(
    rows: list[list[bool]], configs: list[list[int]], held_n: int, lo: int, hi: int
) -> None:
    """Keys of each configuration ANDed, configurations ORed; keys not held read."""
    lo, hi = min(lo, hi), max(lo, hi)
    table = np.array(rows, bool)
    held = WordBits()
    held.bits = {f"k{i}": np.packbits(table[i]) for i in range(held_n)}
    keys = tuple(tuple(f"k{i}" for i in config) for config in configs)
    read: list[str] = []

    def reading_key(key: str) -> np.ndarray:
        read.append(key)
        return table[int(key[1:])][lo:hi]

    want = np.zeros(hi - lo, bool)
    for config in configs:
        if config:
            want |= np.logical_and.reduce(table[config, lo:hi], axis=0)
    assert (held.keep(keys, (lo, hi), reading_key) == want).all()
    assert all(int(k[1:]) >= held_n for k in read)


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
