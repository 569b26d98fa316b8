"""Character classes of the scripts the linker reads: word boundaries by script."""

from __future__ import annotations

import unicodedata


def is_word(char: str) -> bool:
    """Tell whether a character continues a word (letter, digit, combining mark)."""
    # Letters, digits and combining marks (Arabic harakat, Devanagari vowel signs).
    return char.isalnum() or (char > "\u02ff" and unicodedata.category(char)[0] == "M")


#: One-letter words Arabic script writes joined to the next word: wa "and", bi "in,
#: with", li "for", ka "like" ("وقندهار" is "and Kandahar").
_ARABIC_PREFIXES = "\u0648\u0628\u0644\u06a9"


def is_prefixed(folded: str, start: int) -> bool:
    """Tell whether up to two joined one-letter words sit before an Arabic-script name.

    The span stays on the name: "وقندهار" links "قندهار".
    """
    if not "\u0600" <= folded[start] <= "\u06ff":
        return False
    i = start - 1
    while i >= 0 and start - i <= 2 and folded[i] in _ARABIC_PREFIXES:
        i -= 1
    return i < start - 1 and (i < 0 or not is_word(folded[i]))


def is_cjk(char: str) -> bool:
    """Tell whether a character is Chinese or Japanese (no spaces between words)."""
    # Chinese (and Japanese) is written without spaces: no word boundary to check.
    code = ord(char)
    return 0x2E80 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or code >= 0x20000
