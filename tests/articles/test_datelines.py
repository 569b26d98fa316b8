"""The head of an article: date, place, author and source, from real outlets' shapes."""

from __future__ import annotations

import datetime as dt

import pytest

from articles.datelines import find_dateline, find_dates, to_ascii_digits

TODAY = dt.date(2025, 6, 1)
D = dt.date(2025, 3, 14)

#: (text at the head of an article, expected date, place, author, source)
SHAPES: list[tuple[str, dt.date | None, str | None, str | None, str | None]] = [
    (
        "PESHAWAR, March 14 (Reuters) - Pakistani troops clashed.",
        D,
        "Peshawar",
        None,
        "Reuters",
    ),
    (
        "PESHAWAR, Pakistan, March 14 (Reuters) - Troops clashed.",
        D,
        "Peshawar",
        None,
        "Reuters",
    ),
    ("KABUL, March 14 (Xinhua) -- The Taliban said.", D, "Kabul", None, "Xinhua"),
    (
        "ISLAMABAD, March 14, 2025 (AFP) - Pakistan closed the border.",
        D,
        "Islamabad",
        None,
        "AFP",
    ),
    (
        "Published: 14/03/2025\n\nISLAMABAD: The government said.",
        D,
        "Islamabad",
        None,
        None,
    ),
    ("ISLAMABAD, March 14: The foreign office said.", D, "Islamabad", None, None),
    (
        "*By Sana Qureshi — Peshawar, 14 March 2025*\n\nTroops clashed.",
        D,
        "Peshawar",
        "Sana Qureshi",
        None,
    ),
    (
        "By Sana Qureshi | Peshawar | March 14, 2025\n\nTroops.",
        D,
        "Peshawar",
        "Sana Qureshi",
        None,
    ),
    (
        "By Sana Qureshi, Peshawar, March 14, 2025\n\nTroops.",
        D,
        "Peshawar",
        "Sana Qureshi",
        None,
    ),
    (
        "By Sana Qureshi in Peshawar\nMarch 14, 2025\n\nTroops.",
        D,
        "Peshawar",
        "Sana Qureshi",
        None,
    ),
    ("By Sana Qureshi — 14 March 2025", D, None, "Sana Qureshi", None),
    ("By Our Correspondent — Peshawar, 14 March 2025", D, "Peshawar", None, None),
    (
        "By Sana Qureshi, Reuters\nPESHAWAR, March 14, 2025",
        D,
        "Peshawar",
        "Sana Qureshi",
        "Reuters",
    ),
    ("Published: 14/03/2025", D, None, None, None),
    ("Published on March 14, 2025 09:30 PKT", D, None, None, None),
    ("Updated: 14 Mar 2025, 10:15 AM", D, None, None, None),
    ("Last updated 2025-03-14T08:00:00Z", D, None, None, None),
    ("Posted on 14.03.2025", D, None, None, None),
    ("Date: 2025/03/14", D, None, None, None),
    ("Friday, March 14, 2025", D, None, None, None),
    ("14th March, 2025", D, None, None, None),
    ("Mar. 14, 2025 | 09:12 PM", D, None, None, None),
    (
        "KABUL, Afghanistan (AP) — Taliban officials said.\nMarch 14, 2025",
        D,
        "Kabul",
        None,
        "AP",
    ),
    (
        "Kabul (AFP) – The Taliban said on Friday.\nPublished 14 March 2025",
        D,
        "Kabul",
        None,
        "AFP",
    ),
    (
        "Islamabad [Pakistan], March 14 (ANI): Pakistan said.",
        D,
        "Islamabad",
        None,
        "ANI",
    ),
    (
        "Islamabad, March 14, 2025 (APP): The prime minister said.",
        D,
        "Islamabad",
        None,
        "APP",
    ),
    (
        "TORKHAM, Pakistan — Trucks waited at the border.\n14 March 2025",
        D,
        "Torkham",
        None,
        None,
    ),
    ("JALALABAD, March 14 (Pajhwok): Residents said.", D, "Jalalabad", None, "Pajhwok"),
    ("کابل، ۲۴ حوت ۱۴۰۳", D, None, None, None),
    ("جمعه ۲۴ حوت ۱۴۰۳", D, None, None, None),
    ("۱۴۰۳/۱۲/۲۴", D, None, None, None),
    ("۲۴ اسفند ۱۴۰۳", D, None, None, None),
    ("۱۴ مارچ ۲۰۲۵", D, None, None, None),
    ("١٤ مارس ٢٠٢٥", D, None, None, None),
    ("تاریخ نشر: ١٤/٠٣/٢٠٢٥", D, None, None, None),
    ("Published: ۱۴/۰۳/۲۰۲۵", D, None, None, None),
    (
        "NOTE: this story was updated.\nPESHAWAR: Troops clashed.",
        None,
        "Peshawar",
        None,
        None,
    ),
    ("However, March 14 was quiet in the city.", None, None, None, None),
    (
        "The meeting was held on January 5, 2025, in Kabul, officials said today.",
        None,
        None,
        None,
        None,
    ),
]


@pytest.mark.parametrize(("text", "date", "place", "author", "source"), SHAPES)
def test_find_dateline_reads_real_shapes(
    text: str, date: dt.date | None, place: str | None, author: str | None,
    source: str | None,
) -> None:  # fmt: skip
    found = find_dateline(text, today=TODAY)
    assert (found.published, found.place, found.author, found.source) == (
        date, place, author, source,
    )  # fmt: skip


def test_find_dateline_without_year_or_today_gives_no_date() -> None:
    assert find_dateline("PESHAWAR, March 14 (Reuters) - Troops.").published is None


def test_find_dateline_yearless_takes_the_year_stated_nearby() -> None:
    text = "Published: 2 January 2024\n\nPESHAWAR, March 14 (Reuters) - Troops."
    assert find_dateline(text, today=TODAY).published == dt.date(2024, 1, 2)


def test_find_dates_rejects_impossible_solar_and_gregorian_days() -> None:
    assert find_dates("۳۲ حوت ۱۴۰۳ and 31.02.2025") == []


def test_to_ascii_digits_reads_persian_and_arabic() -> None:
    assert to_ascii_digits("۱۴۰۳ ٢٠٢٥") == "1403 2025"


@pytest.mark.parametrize(
    "line", ["Clash at Torkham on 14 March 2025", "Talks resume in Doha, May 2, 2025"]
)
def test_find_dateline_leaves_a_dated_headline_alone(line: str) -> None:
    assert find_dateline(line).published is None


def test_prepare_article_takes_date_place_and_author_from_the_byline() -> None:
    from articles.prepare import prepare_article

    data = (
        "# Clash at Torkham\n\n*By Sana Qureshi — Peshawar, 14 March 2025*\n\n"
        "Forces exchanged fire at Torkham on Thursday night, officials said.\n"
    ).encode()
    document, article = prepare_article("clash.md", data, {}, set())
    assert (article.published, article.author) == (D, "Sana Qureshi")
    assert "place: Peshawar" in document
    assert "Sana Qureshi" not in article.body


def test_prepare_article_takes_the_wire_source() -> None:
    from articles.prepare import prepare_article

    data = (
        b"Clash\n\nKABUL, March 14, 2025 (AFP) - Forces exchanged fire, officials said."
    )
    _, article = prepare_article("wire.txt", data, {}, set())
    assert (article.published, article.source) == (D, "AFP")


def test_prepare_article_takes_the_html_meta_date() -> None:
    from articles.prepare import prepare_article

    page = (
        b"<html><head><title>Talks</title><meta property='article:published_time' "
        b"content='2025-03-14T08:00:00+05:00'></head><body><article><h1>Talks</h1>"
        b"<p>Officials met in Kabul to discuss the border crossings, they said.</p>"
        b"</article></body></html>"
    )
    _, article = prepare_article("page.html", page, {}, set())
    assert article.published == D
