"""The index's encodings: stop words left out of the full-text index."""

from hypothesis import given
from hypothesis import strategies as st

from articles.index.codec import _STOP, index_words

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
