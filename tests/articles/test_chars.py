"""Character replacement gives what `str.translate` gives."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articles.chars import char_pairs, replace_chars
from articles.datelines import _DIGITS
from articles.link.patterns import _FOLD

_TABLES = {
    "fold": _FOLD,
    "digits": _DIGITS,
    "delete": {0x200B: None, 0xA0: " ", 0x2019: "'"},
}
_ALPHABET = "ab -/\n'\u2019\u2013\u064a\u0643\u06f1\u0661\u200b\u00a0دری"


@pytest.mark.parametrize("name", sorted(_TABLES))
@given(text=st.text(alphabet=_ALPHABET, max_size=60))
def test_replace_chars_equals_translate(name, text):
    table = _TABLES[name]
    assert replace_chars(text, char_pairs(table)) == text.translate(table)


def test_a_table_whose_replacement_is_a_key_is_refused():
    # replaced one by one, "a" -> "b" -> "c" would chain; translate maps "a" to "b"
    with pytest.raises(ValueError, match="holds a key"):
        char_pairs(str.maketrans("ab", "bc"))


def test_text_without_a_key_is_returned_itself():
    text = "Pakistan and Afghanistan"
    assert replace_chars(text, char_pairs(_FOLD)) is text
    assert replace_chars(text, char_pairs(_DIGITS)) is text


def test_holds_any_finds_one_needle_or_none() -> None:
    from articles.chars import ASCII_DIGITS, holds_any

    assert holds_any("the 9th", ASCII_DIGITS)
    assert not holds_any("no digits here", ASCII_DIGITS)
    assert not holds_any("anything", ())
