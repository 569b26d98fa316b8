"""Find and replace a few single characters fast: `in` scans, not per-character work.

`str.translate` looks every character of the text up in its table: on non-ASCII text
that costs tens of nanoseconds a character (about half a millisecond for one
article). Here each key is looked for with `in`, a C scan that is cheaper still and
free on ASCII text for a non-ASCII key, and replaced only where it occurs. The
result is the same as `translate` as long as no replacement holds a key, which
`char_pairs` checks.
"""

from __future__ import annotations

from collections.abc import Mapping


def char_pairs(table: Mapping[int, str | int | None]) -> tuple[tuple[str, str], ...]:
    """Turn a `str.maketrans` table into (character, replacement) pairs.

    Parameters
    ----------
    table : mapping
        Code point -> replacement (a string or a code point), or None to delete.

    Returns
    -------
    tuple of (str, str)
        Deletions as empty replacements.

    Raises
    ------
    ValueError
        A replacement holds a key: replacing one by one would differ from
        `translate`.
    """
    pairs = tuple(
        (chr(key), chr(new) if isinstance(new, int) else new or "")
        for key, new in table.items()
    )
    keys = {old for old, _ in pairs}
    if any(char in keys for _, new in pairs for char in new):
        raise ValueError("a replacement holds a key of the same table")
    return pairs


def replace_chars(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    """Return `text` with each character of `pairs` replaced (as `translate` would).

    Parameters
    ----------
    text : str
        Any text.
    pairs : tuple of (str, str)
        From `char_pairs`.

    Returns
    -------
    str
        The text, itself when no key occurs.
    """
    for old, new in pairs:
        if old in text:
            text = text.replace(old, new)
    return text


#: The ASCII digits, for `holds_any`.
ASCII_DIGITS = tuple("0123456789")


def holds_any(text: str, needles: tuple[str, ...]) -> bool:
    """Return whether `text` holds one of `needles` (a C scan per needle).

    A test before a regular expression that needs one of them: a regex scan costs
    a step per character, ten times an `in` scan, and most texts hold none.
    """
    for needle in needles:  # noqa: SIM110 (any() and its generator cost more here)
        if needle in text:
            return True
    return False
