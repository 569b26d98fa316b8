"""Front-matter fields: real dates, capped text, stripped controls, portable ids."""

from __future__ import annotations

import datetime as dt

import pytest

from articles.fields import (
    FieldError,
    clean_line,
    fit,
    is_valid_id,
    to_date,
    validate_meta,
)


def test_clean_line_strips_controls_and_bidi_overrides() -> None:
    assert clean_line("a\u202eb\u2066c\x07d\x1b\x9be\tf\r\ng") == "abcde f g"
    assert clean_line("\u200fکابل\u200e") == "\u200fکابل\u200e"  # marks stay


def test_fit_cuts_at_a_word() -> None:
    assert fit("one two three", 9) == "one..."
    assert fit("w" * 20, 10) == "w" * 7 + "..."
    assert fit("short", 10) == "short"


@pytest.mark.parametrize(
    ("ident", "valid"),
    [("2025-01-a", True), ("con", False), ("lpt1", False), ("Con", False),
     ("a" * 80, True), ("a" * 81, False), ("a--b", False), ("a.", False)],
)  # fmt: skip
def test_is_valid_id(ident: str, valid: bool) -> None:
    assert is_valid_id(ident) is valid


@pytest.mark.parametrize("text", ["2025-02-30", "2025-13-01", "2025-00-10", "soon"])
def test_impossible_dates_are_refused(text: str) -> None:
    with pytest.raises(FieldError, match="not a calendar date"):
        to_date(text, "published")


def test_dates_in_several_forms() -> None:
    assert to_date("2025-01-02", "p") == dt.date(2025, 1, 2)
    assert to_date("2 January 2025", "p") == dt.date(2025, 1, 2)
    assert to_date(dt.datetime(2025, 1, 2, 3, 4), "p") == dt.date(2025, 1, 2)
    assert to_date(None, "p") is None


def test_validate_meta_types_and_caps() -> None:
    meta = validate_meta(
        {"title": "T\u202e", "published": "2025-01-02", "extra": 3, "tags": ["a"]}
    )
    assert meta == {
        "title": "T",
        "published": dt.date(2025, 1, 2),
        "extra": 3,
        "tags": ["a"],
    }


@pytest.mark.parametrize(
    ("meta", "reason"),
    [
        ({"title": "w" * 301}, "longer than 300"),
        ({"author": ["a"]}, "must be text"),
        ({"title": {"a": 1}}, "must be text"),
        ({"title": b"x"}, "must be text"),
        ({"tags": [["a"]]}, "must be text"),
        ({"bad name": 1}, "bad field name"),
        ({f"f{i}": 1 for i in range(33)}, "more than 32"),
        ({"published": [2025]}, "not a date"),
    ],
)
def test_validate_meta_refusals(meta: dict[str, object], reason: str) -> None:
    with pytest.raises(FieldError, match=reason):
        validate_meta(meta)
