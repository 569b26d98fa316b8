import datetime as dt

import dateparser
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.dates.resolve import extract_article_dates, extract_dates, infer_year
from articles.model import Passage

PUBLISHED = dt.date(2025, 1, 23)  # a Thursday


def dates(text, published=PUBLISHED, context_year=None):
    passage = Passage("a#p1", "a", 1, text, 0, len(text))
    found = extract_dates(passage, published, context_year)
    for mention in found:
        assert text[mention.start : mention.end] == mention.text
    return [(m.text, m.value, m.precision) for m in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("visited on 30th December 2024.", ("30th December 2024", "2024-12-30", "day")),
        ("on 30 December, 2024 it", ("30 December, 2024", "2024-12-30", "day")),
        (
            "on 30<sup>th</sup> December 2024",
            ("30<sup>th</sup> December 2024", "2024-12-30", "day"),
        ),
        ("the 3rd of May 2021", ("the 3rd of May 2021", "2021-05-03", "day")),
        ("Taut Bataut, January 23, 2025", ("January 23, 2025", "2025-01-23", "day")),
        ("Jan. 5, 2024 talks", ("Jan. 5, 2024", "2024-01-05", "day")),
        (
            "Monday, December 30, 2024",
            ("Monday, December 30, 2024", "2024-12-30", "day"),
        ),
        ("Taut Bataut 24.01.2025", ("24.01.2025", "2025-01-24", "day")),
        ("dated 2024-12-30.", ("2024-12-30", "2024-12-30", "day")),
        ("In March 2024, ISKP", ("March 2024", "2024-03", "month")),
        ("in August of 2021", ("August of 2021", "2021-08", "month")),
        ("in 2023 the", ("2023", "2023", "year")),
        ("since mid-2021", ("mid-2021", "2021", "year")),
    ],
)
def test_absolute_dates_are_normalised(text, expected):
    assert dates(text) == [expected]


def test_us_numeric_date_is_read_month_first_only_when_it_must():
    assert dates("on 12/25/2024") == [("12/25/2024", "2024-12-25", "day")]
    assert dates("on 05/04/2024") == [("05/04/2024", "2024-04-05", "day")]


def test_yearless_day_takes_year_from_the_passage():
    found = dates("In March 2024 ISKP struck; on 22 March it claimed the attack.")
    assert ("22 March", "2024-03-22", "day") in found


def test_yearless_day_after_publication_is_last_year():
    assert dates("He visited on December 30th.") == [
        ("December 30th", "2024-12-30", "day")
    ]


def test_yearless_day_soon_after_publication_is_upcoming():
    found = dates("Talks are set for June 10.", published=dt.date(2025, 5, 28))
    assert found == [("June 10", "2025-06-10", "day")]


def test_context_year_is_used_when_passage_has_none():
    assert dates("on 30 December", context_year=2019) == [
        ("30 December", "2019-12-30", "day")
    ]


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("yesterday", "2025-01-22", "day"),
        ("Today", "2025-01-23", "day"),
        ("on Monday", "2025-01-20", "day"),
        ("last Thursday", "2025-01-16", "day"),
        ("next Friday", "2025-01-24", "day"),
        ("last week", "2025-W03", "week"),  # Monday 13 to Sunday 19 January
        ("two weeks ago", "2025-W02", "week"),
        ("last month", "2024-12", "month"),
        ("earlier this month", "2025-01", "month"),
        ("last year", "2024", "year"),
        ("this year", "2025", "year"),
        ("three days ago", "2025-01-20", "day"),
        ("two months ago", "2024-11", "month"),
        ("5 years ago", "2020", "year"),
    ],
)
def test_relative_dates_resolve_against_publication(text, value, precision):
    assert dates(f"It happened {text}.") == [(text, value, precision)]


def test_month_alone_needs_a_cue_and_last_means_before_publication():
    assert dates("in June the talks") == [("June", "2024-06", "month")]
    assert dates("since last May") == [("May", "2024-05", "month")]
    assert dates("June was hot") == []


@pytest.mark.parametrize(
    "text",
    [
        "The talks may resume and March on.",
        "a 350 km long and 34 km wide strip; the 2,640 km line",
        "2000 troops and 1500 fighters crossed",
        "under Resolution 1988 and in the 1990s",
        "Azadi March reached Islamabad",
        "version 1.2.3 and 12:30 and 3.5 million",
    ],
)
def test_non_dates_are_not_dates(text):
    assert dates(text) == []


def test_month_names_inside_names_are_not_months():
    found = dates("the Long March 2014 and Theresa May 2019")
    assert [(v, p) for _, v, p in found] == [("2014", "year"), ("2019", "year")]


def test_september_11_attacks_are_2001():
    assert dates("after the September 11 attacks") == [
        ("September 11", "2001-09-11", "day")
    ]


def test_year_ranges_give_both_years():
    assert [v for _, v, _ in dates("between 2001-2021")] == ["2001", "2021"]


def test_infer_year_directions():
    assert infer_year(12, 30, PUBLISHED, 0) == 2024
    assert infer_year(1, None, PUBLISHED, -1) == 2024
    assert infer_year(1, None, PUBLISHED, 1) == 2026
    assert infer_year(2, 29, dt.date(2025, 3, 1), 0) == 2024


MONTH_NAMES = [dt.date(2000, m, 1).strftime("%B") for m in range(1, 13)]


@settings(max_examples=150, deadline=None)
@given(
    day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
    style=st.sampled_from(["{d} {B} {Y}", "{B} {d}, {Y}", "{d}th of {B} {Y}"]),
    before=st.text(alphabet="abc ,.;", max_size=12),
    after=st.text(alphabet="abc ,.;", max_size=12),
)
def test_day_month_year_agrees_with_dateparser(day, style, before, after):
    phrase = style.format(d=day.day, B=MONTH_NAMES[day.month - 1], Y=day.year)
    text = f"{before} {phrase} {after}"
    found = dates(text)
    assert [v for _, v, _ in found] == [day.isoformat()]
    oracle = dateparser.parse(phrase.replace("th of", ""), languages=["en"])
    assert oracle is not None
    assert oracle.date() == day


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_spans_always_match_text(text):
    dates(text)  # asserts text[start:end] == mention.text for each


def test_article_dates_carry_full_dates_not_bare_years():
    texts = [
        "The 1893 agreement drew the line. In March 2024 ISKP struck.",
        "On 22 March it claimed the attack.",
        "Since 1947 the dispute festers; on 5 June talks resumed.",
    ]
    passages = [Passage(f"a#p{i}", "a", i, t, 0, len(t)) for i, t in enumerate(texts)]
    found = extract_article_dates(passages, dt.date(2025, 1, 23))
    assert [(d.text, d.value) for d in found[1]] == [("22 March", "2024-03-22")]
    assert ("5 June", "2024-06-05") in [(d.text, d.value) for d in found[2]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "talks on 11-12 October 2024 ended",
            [("11", "2024-10-11", "day"), ("12 October 2024", "2024-10-12", "day")],
        ),
        (
            "from 14 to 16 October 2024.",
            [("14", "2024-10-14", "day"), ("16 October 2024", "2024-10-16", "day")],
        ),
        (
            "between 3 and 5 May 2024",
            [("3", "2024-05-03", "day"), ("5 May 2024", "2024-05-05", "day")],
        ),
        (
            "on October 11-12, 2024, security",
            [("October 11", "2024-10-11", "day"), ("12, 2024", "2024-10-12", "day")],
        ),
        (
            "Oct. 3–5, 2023",
            [("Oct. 3", "2023-10-03", "day"), ("5, 2023", "2023-10-05", "day")],
        ),
    ],
)
def test_day_range_gives_both_days(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("killed 1-2 people on 12 October 2024", ["2024-10-12"]),  # a count
        ("on 12-11 October 2024", ["2024-10-11"]),  # not a forward range
    ],
)
def test_day_range_needs_a_forward_span_of_days(text, expected):
    assert [value for _, value, _ in dates(text)] == expected


def test_year_in_a_title_governs_the_entries_under_it():
    import datetime as dt

    from articles.dates.resolve import extract_article_dates
    from articles.model import Passage

    title = "Terrorist incidents in Pakistan in 2017"
    entry = "20 JANUARY – An IED exploded in Parachinar."
    passages = [
        Passage("a#t", "a", 0, title, 0, 0, kind="title"),
        Passage("a#p1", "a", 1, entry, 0, len(entry)),
    ]
    found = extract_article_dates(passages, dt.date(2019, 7, 19))
    assert [(d.value, d.precision) for d in found[1]] == [("2017-01-20", "day")]
    body_year = [Passage("a#p1", "a", 1, "In 2017 it began.", 0, 17), passages[1]]
    later = extract_article_dates(body_year, dt.date(2019, 7, 19))
    assert later[1][0].value == "2019-01-20"  # a bare year in the body does not


def test_weekday_in_a_list_entry_resolves_against_its_date():
    import datetime as dt

    from articles.dates.resolve import extract_article_dates
    from articles.model import Passage

    title = "Terrorist incidents in Pakistan in 2017"
    entry = "23 JUNE – Two blasts hit Parachinar on Friday morning."
    passages = [
        Passage("a#t", "a", 0, title, 0, 0, kind="title"),
        Passage("a#p1", "a", 1, entry, 0, len(entry)),
    ]
    found = extract_article_dates(passages, dt.date(2019, 7, 19))
    assert {(d.value, d.precision) for d in found[1]} == {("2017-06-23", "day")}


def anchors(passages, published):
    return [
        [(d.text, d.anchor) for d in found]
        for found in extract_article_dates(passages, published)
    ]


def test_each_resolved_date_records_its_anchor():
    title = "Terrorist incidents in Pakistan in 2017"
    passages = [
        Passage("a#t", "a", 0, title, 0, 0, kind="title"),
        Passage("a#p1", "a", 1, "23 JUNE – Blasts on Friday morning.", 0, 35),
        Passage("a#p2", "a", 2, "Talks in March 2018 and again on 4 May.", 0, 39),
        Passage("a#p3", "a", 3, "On 9 May it ended, a week after last week.", 0, 42),
    ]
    got = anchors(passages, dt.date(2019, 7, 19))
    assert got[0] == [("2017", "")]  # written in full: no anchor
    assert got[1] == [("23 JUNE", "title"), ("on Friday", "entry")]
    assert got[2] == [("March 2018", ""), ("4 May", "nearby")]
    assert got[3] == [("9 May", "earlier"), ("last week", "published")]


def test_a_heading_year_and_the_publication_date_are_anchors():
    heading = "Attacks in 2016"
    passages = [
        Passage("a#h", "a", 0, heading, 0, 0, kind="heading"),
        Passage("a#p1", "a", 1, "On 3 March a bomb went off.", 0, 27),
    ]
    assert anchors(passages, dt.date(2019, 7, 19))[1] == [("3 March", "heading")]
    alone = [Passage("a#p1", "a", 1, "On 3 March a bomb went off.", 0, 27)]
    assert anchors(alone, dt.date(2019, 7, 19)) == [[("3 March", "published")]]


def test_last_week_covers_seven_days():
    (mention,) = extract_dates(
        Passage("a#p1", "a", 1, "It began last week.", 0, 19), PUBLISHED
    )
    assert (mention.value, mention.precision) == ("2025-W03", "week")
    assert mention.bounds() == (dt.date(2025, 1, 13), dt.date(2025, 1, 19))


def test_arabic_weekday_resolves_against_publication():
    sunday = dt.date(2025, 10, 12)
    assert dates("غارات جوية ليلة السبت", sunday) == [("السبت", "2025-10-11", "day")]
    assert dates("والسبت", sunday) == []  # joined to "and": a glued word, left alone
