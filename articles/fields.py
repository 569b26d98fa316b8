"""Front-matter fields typed and validated: real dates, capped text, no controls.

Control characters (C0, DEL, C1) and bidirectional embedding, override and isolate
characters (U+202A-U+202E, U+2066-U+2069) are *stripped* from every metadata text,
not refused: they are invisible, arrive by copy and paste, and refusing a file for
them would puzzle the user, while stripping makes them harmless everywhere the
value goes (page, HTML, CSV, file names). Tabs and line breaks become spaces. The
directional marks U+200E, U+200F and U+061C stay: they reorder nothing beyond one
character and right-to-left titles need them.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from articles import bylines
from articles.limits import MAX_FIELD_CHARS, MAX_FIELDS, MAX_ID_CHARS, MAX_OTHER_CHARS

DATE_FIELDS = ("published", "posted")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"\s+")
_FIELD_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]{0,63}$")
_ISO_LIKE = re.compile(r"^\s*\d{4}-\d{1,2}-\d{1,2}")
#: File names Windows reserves whatever the extension (``con.md`` too).
_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"]
    + [f"{p}{n}" for p in ("com", "lpt") for n in "0123456789"]
)


class FieldError(ValueError):
    """A metadata field is invalid; the message is one line."""


def clean_line(text: str) -> str:
    """Strip control and bidi-override characters; tabs and breaks become spaces."""
    text = _UNSAFE.sub(lambda m: " " if m.group() in "\t\n\r\x0b\x0c" else "", text)
    return _SPACES.sub(" ", text).strip()


def fit(text: str, limit: int) -> str:
    """Clean ``text`` and cut it to ``limit`` characters at a word end (with ...)."""
    text = clean_line(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 3]
    head = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return head.rstrip() + "..."


def is_valid_id(article_id: str) -> bool:
    """Tell whether an id is a slug of at most ``MAX_ID_CHARS``, not a reserved name."""
    return (
        len(article_id) <= MAX_ID_CHARS
        and SLUG.match(article_id) is not None
        and article_id not in _RESERVED
    )


def to_date(value: object, field: str) -> dt.date | None:
    """Read a date from a field value (date or text), None if absent.

    Raises
    ------
    FieldError
        The value is present but not a real calendar date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        raise FieldError(f"bad date in '{field}': not a date")
    text = clean_line(str(value))
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    day = None if _ISO_LIKE.match(text) else bylines.parse_date(text)
    if day is None:
        raise FieldError(f"bad date in '{field}': {text[:40]!r} is not a calendar date")
    return day


def validate_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """Check and clean every field of a front matter.

    Parameters
    ----------
    meta : dict
        Field name to value, as read (``articles.front_matter``) or given by the user.

    Returns
    -------
    dict
        Dates as ``datetime.date``; the known text fields (``MAX_FIELD_CHARS``) as
        cleaned text (`clean_line`); other fields as numbers, booleans, cleaned text
        or flat lists of those. None values are kept (they mean "not given").

    Raises
    ------
    FieldError
        Too many fields, a bad field name, a date that is not a calendar date, a
        nested or binary value, or text longer than its cap (``articles.limits``).
    """
    if len(meta) > MAX_FIELDS:
        raise FieldError(f"more than {MAX_FIELDS} front-matter fields")
    out: dict[str, Any] = {}
    for name, value in meta.items():
        if not _FIELD_NAME.match(name):
            raise FieldError(f"bad field name {clean_line(name)[:40]!r}")
        if name in DATE_FIELDS:
            out[name] = to_date(value, name)
        elif isinstance(value, list) and name not in MAX_FIELD_CHARS:
            out[name] = [_text(name, item) for item in value]
        else:
            out[name] = _text(name, value)
    return out


def _text(name: str, value: object) -> str | int | float | None:
    """One scalar field value: cleaned text within its cap, a number or a boolean."""
    if value is None:
        return None
    if isinstance(value, (int, float)) and name not in MAX_FIELD_CHARS:
        return value
    if isinstance(value, (dt.date, int, float)):
        value = value.isoformat() if isinstance(value, dt.date) else str(value)
    if not isinstance(value, str):
        raise FieldError(f"field '{name}' must be text, not a {type(value).__name__}")
    text = clean_line(value)
    cap = MAX_FIELD_CHARS.get(name, MAX_OTHER_CHARS)
    if len(text) > cap:
        raise FieldError(f"field '{name}' longer than {cap} characters")
    return text
