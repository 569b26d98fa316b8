import datetime as dt

from articles.dates.spans import find_dates, is_valid

PUBLISHED = dt.date(2025, 1, 23)


def found(text):
    return {
        (text[f.start : f.end], f.year, f.month, f.day)
        for f in find_dates(text, PUBLISHED)
    }


def test_overlapping_candidates_are_all_yielded():
    # the selection (longest wins) happens in articles.dates.resolve
    assert found("on 30 December 2024") >= {
        ("30 December 2024", 2024, 12, 30),
        ("December 2024", 2024, 12, None),
        ("2024", 2024, None, None),
    }


def test_yearless_phrases_leave_the_year_open():
    assert ("30 December", None, 12, 30) in found("on 30 December, he said")


def test_glued_matches_are_rejected():
    assert found("A12 December2024 x2024 FY2024 1990s") == set()


def test_is_valid():
    assert is_valid(2024, 2, 29)
    assert not is_valid(2025, 2, 29)
    assert is_valid(2025, 2, None)
