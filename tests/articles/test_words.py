"""The words of a text: the byte-table path gives what the patterns give."""

import re

from hypothesis import given
from hypothesis import strategies as st

from articles.words import joined_words

_TEXT = st.text(alphabet="aZ9_ -.'\n\tßéİ\u0301دری\u00a0", max_size=40)


@given(_TEXT)
def test_joined_words_are_the_patterns_words(text: str) -> None:
    folded = text.casefold()
    assert joined_words(text) == " ".join(re.findall(r"[^\W_]+", folded))
    assert joined_words(text, underscore=True) == " ".join(re.findall(r"\w+", folded))


def test_joined_words_of_a_sentence() -> None:
    assert (
        joined_words("The US_army, Kabul's 2 posts.") == "the us army kabul s 2 posts"
    )
    assert joined_words("a_b", underscore=True) == "a_b"
    assert joined_words(" -- ") == ""
