"""The index's encodings: stop words left out of the full-text index."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articles.index.codec import (
    _STOP,
    ADDED,
    MEMBER,
    index_words,
    pack_spans,
    rank,
    unpack_spans,
)

_PIECES = st.sampled_from(
    ["the", "The", "THE", "in", "In", "a", "and", "them", "then", "thee", "US", "x",
     "_", "1", "-", " ", "  ", "\n", ".", "'", "é", "theé", "Kabul"]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=30).map("".join))
def test_index_words_blanks_the_stop_words_as_the_pattern_does(text: str) -> None:
    assert index_words(text) == _STOP.sub(" ", text)


def test_index_words_keeps_names_and_words_that_only_hold_a_stop_word() -> None:
    # "_" separates words as in the full-text tokenizer; "theme" is no stop word
    assert index_words("The US and them_the theme") == "  US    _  theme"


_SPANS = st.lists(
    st.tuples(st.integers(0, 2**40), st.integers(0, 70_000)).map(
        lambda p: (p[0], p[0] + p[1])
    ),
    max_size=12,
)


@given(_SPANS)
def test_spans_pack_and_unpack_in_any_order(spans: list[tuple[int, int]]) -> None:
    assert unpack_spans(pack_spans(spans)) == tuple(spans)


def test_spans_pack_small_a_name_in_a_paragraph_in_three_bytes() -> None:
    assert len(pack_spans([(300, 315)])) == 3  # start: two bytes, length: one
    assert len(pack_spans([(300, 315), (340, 346)])) == 5  # the next: one byte
    assert pack_spans([]) == b""


def test_a_backwards_span_is_refused() -> None:
    with pytest.raises(ValueError, match="not a span"):
        pack_spans([(10, 5)])


def test_ranks_order_how_then_mentions_and_fit_one_byte() -> None:
    """A name before an alias before a demonym before an implied link before a
    member's rolled-up link; more mentions first within each; an analyst's
    added link above all. Every rank fits SQLite's one-byte integer."""
    order = [(ADDED, 1), (0, 25), (0, 20), (0, 2), (0, 1), (1, 3), (2, 1), (3, 1),
             (MEMBER, 4), (MEMBER, 0)]  # fmt: skip
    ranks = [rank(how, mentions) for how, mentions in order]
    assert ranks == sorted(ranks, reverse=True)
    assert ranks[1] == ranks[2]  # 20 mentions and more rank alike
    assert len(set(ranks)) == len(ranks) - 1
    assert min(ranks) >= 0
    assert max(ranks) <= 127
