"""Bounded front matter: no aliases, shallow, small; dates stay text."""

from __future__ import annotations

import pytest

from articles.front_matter import FrontMatterError, load_front_matter
from articles.limits import MAX_FRONT_MATTER_BYTES


def test_reads_a_flat_mapping_with_dates_as_text() -> None:
    meta = load_front_matter("title: 'A: b'\npublished: 2025-01-02\ncount: 3\n")
    assert meta == {"title": "A: b", "published": "2025-01-02", "count": 3}


def test_blank_is_empty() -> None:
    assert load_front_matter("") == {}


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("a: &x 1\nb: *x", "anchors and aliases"),
        ("a: &x 1", "anchors and aliases"),
        ("t: [[[[1]]]]", "nested deeper than 3"),
        ("t:\n  a:\n    b:\n      c: 1", "nested deeper than 3"),
        ("t: " + "[" * 5000, "nested deeper than 3"),
        ("x" * (MAX_FRONT_MATTER_BYTES + 1), "larger than"),
        ("t: !!python/object/apply:os.system [id]", "invalid YAML"),
        ("t: [x", r"invalid YAML at line \d"),
        ("- a\n- b", "not a mapping"),
        ("n: " + "9" * 5000, "invalid YAML value"),
    ],
)
def test_refusals_are_one_line(text: str, reason: str) -> None:
    with pytest.raises(FrontMatterError, match=reason) as info:
        load_front_matter(text)
    assert "\n" not in str(info.value)


def test_explicit_timestamp_tag_stays_text() -> None:
    assert load_front_matter("d: !!timestamp 2025-02-30") == {"d": "2025-02-30"}


def test_two_levels_are_allowed() -> None:
    assert load_front_matter("tags: [a, b]") == {"tags": ["a", "b"]}
