"""Pins, passage by passage, what the two seed articles link to.

Written by reading the articles (../shared/seeds), not by copying program output:
each entry lists features and actors a passage must carry, ones it must not, and
exactly the dates it mentions.
"""

from pathlib import Path

import pytest

from articles.actors import load_actors
from articles.corpus import read_article
from articles.dates.resolve import extract_dates
from articles.link.linker import build_context, link_passages
from articles.split import split_passages
from geo.gazetteer import load_features

CORPUS = Path(__file__).resolve().parents[2] / "articles" / "corpus"
WAKHAN = "2025-01-pakistan-ambition-invade-wakhan"
ALLIANCES = "2025-05-shifting-alliances-rising-tensions"


@pytest.fixture(scope="module")
def linked():
    """(article id, n) -> (passage, mentions, dates)."""
    context = build_context(load_features(), load_actors())
    result = {}
    for path in sorted(CORPUS.glob("*.md")):
        article = read_article(path)
        passages = split_passages(article)
        for passage, mentions in zip(
            passages, link_passages(passages, context), strict=True
        ):
            dates = extract_dates(passage, article.published)
            result[article.id, passage.n] = (passage, mentions, dates)
    return result


def features(mentions):
    return {m.target for m in mentions if m.target_type == "feature"}


def actors(mentions):
    return {m.target for m in mentions if m.target_type == "actor"}


def hows(mentions, target):
    return {
        m.how for m in mentions if m.target == target and m.target_type == "feature"
    }


# (article, n): (features it must have, actors it must have, features it must not,
#                actors it must not, dates exactly)
PINS = {
    (WAKHAN, 1): (
        {"pakistan", "afghanistan", "durand-line"},
        {"pakistan", "afghanistan"},
        {"kabul", "wakhan-corridor"},
        {"taliban"},
        [],
    ),
    (WAKHAN, 2): (
        {"afghanistan", "pakistan", "wakhan-corridor", "durand-line"},
        {"taliban", "pakistan"},
        {"kabul"},
        {"ttp"},
        [],
    ),
    (WAKHAN, 3): (
        {"pakistan", "afghanistan", "kabul"},
        {"taliban", "pakistan-army", "ttp", "pakistan"},
        {"durand-line", "wakhan-corridor"},
        {"isi"},
        [],
    ),
    (WAKHAN, 4): (
        {"afghanistan", "pakistan", "durand-line", "doha"},
        {"pakistan-army", "pakistan", "ttp", "taliban"},
        {"kabul"},
        set(),
        [],
    ),
    (WAKHAN, 5): (
        {
            "afghanistan",
            "moscow",
            "russia",
            "crocus-city-hall",
            "china",
            "tajikistan",
            "iran",
            "kabul",
            "united-states",
        },
        {"iskp", "taliban", "china", "russia", "tajikistan", "iran", "united-states"},
        {"durand-line", "pakistan", "wakhan-corridor"},
        {"ttp", "pakistan"},
        [("March 2024", "2024-03", "month")],
    ),
    (WAKHAN, 6): (
        {
            "pakistan",
            "tajikistan",
            "afghanistan",
            "badakhshan",
            "china",
            "wakhan-corridor",
        },
        {"asim-malik", "isi", "pakistan", "taliban", "tajikistan", "china"},
        {"durand-line", "kabul"},
        {"ttp"},
        [("30th December 2024", "2024-12-30", "day")],
    ),
    (WAKHAN, 7): (
        {"wakhan-corridor", "pakistan", "afghanistan"},
        {"taliban", "ttp", "pakistan"},
        {"durand-line", "kabul"},
        set(),
        [],
    ),
    (WAKHAN, 8): (
        {"wakhan-corridor", "pakistan", "india", "afghanistan", "durand-line"},
        {"india", "taliban", "pakistan"},
        {"kabul", "china"},
        {"ttp"},
        [],
    ),
    (WAKHAN, 9): (
        {
            "pakistan",
            "tajikistan",
            "wakhan-corridor",
            "badakhshan",
            "afghanistan",
            "china",
            "durand-line",
        },
        {"taliban", "china", "tajikistan", "pakistan"},
        {"kabul"},
        {"ttp"},
        [],
    ),
    (ALLIANCES, 1): (
        {"pakistan", "afghanistan", "china"},
        {"pakistan", "afghanistan", "china"},
        {"durand-line"},
        {"taliban"},
        [],
    ),
    (ALLIANCES, 2): (
        {"kabul", "pakistan", "afghanistan", "durand-line"},
        {"taliban", "ttp", "bla", "pakistan"},
        {"china", "balochistan"},
        {"china"},
        [],
    ),
    (ALLIANCES, 3): (
        {"durand-line", "pakistan", "afghanistan"},
        {"taliban"},
        {"kabul"},
        {"ttp"},
        [],
    ),
    (ALLIANCES, 4): (
        {"pakistan", "afghanistan", "united-states"},
        {"ttp", "bla", "pakistan", "nato", "united-states", "taliban"},
        {"durand-line"},
        set(),
        [],
    ),
    (ALLIANCES, 5): (
        {"india", "islamabad", "pakistan", "new-delhi", "kabul", "balochistan"},
        {"india", "taliban", "pakistan"},
        {"durand-line"},
        {"bla"},
        [],
    ),
    (ALLIANCES, 6): (
        {"pakistan", "afghanistan", "united-states", "islamabad"},
        {"pakistan", "afghanistan", "united-states"},
        {"durand-line"},
        {"taliban"},
        [],
    ),
    (ALLIANCES, 7): (
        {"pakistan", "afghanistan", "india"},
        {"s-jaishankar", "amir-khan-muttaqi", "taliban", "india", "pakistan"},
        {"durand-line"},
        set(),
        [],
    ),
    (ALLIANCES, 8): (
        {"beijing", "china", "afghanistan", "pakistan"},
        {"pakistan", "taliban", "china", "ishaq-dar", "amir-khan-muttaqi", "wang-yi"},
        {"durand-line"},
        set(),
        [],
    ),
    (ALLIANCES, 9): (
        {"afghanistan", "united-states", "russia", "china", "uae"},
        {"taliban", "united-states", "russia", "china", "uae"},
        {"pakistan", "durand-line"},
        {"pakistan"},
        [],
    ),
    (ALLIANCES, 10): (
        {"kabul", "pakistan", "afghanistan", "durand-line", "india"},
        {"taliban", "pakistan", "bilawal-bhutto", "afghanistan"},
        set(),
        set(),
        [],
    ),
    (ALLIANCES, 11): (
        {"china", "pakistan", "india", "united-states", "afghanistan", "cpec"},
        {"china", "pakistan", "india", "united-states"},
        {"durand-line"},
        set(),
        [],
    ),
    (ALLIANCES, 12): (
        {
            "india",
            "sri-lanka",
            "bangladesh",
            "maldives",
            "bhutan",
            "laos",
            "china",
            "iran",
            "israel",
        },
        {"india"},
        {"afghanistan", "pakistan"},
        {"pakistan", "taliban"},
        [],
    ),
}


def test_every_passage_is_pinned(linked):
    assert set(linked) == set(PINS)


@pytest.mark.parametrize("key", sorted(PINS), ids=lambda k: f"{k[0][:12]}-p{k[1]}")
def test_passage_links(linked, key):
    _, mentions, dates = linked[key]
    has_f, has_a, not_f, not_a, want_dates = PINS[key]
    assert has_f <= features(mentions), has_f - features(mentions)
    assert has_a <= actors(mentions), has_a - actors(mentions)
    assert not (not_f & features(mentions)), not_f & features(mentions)
    assert not (not_a & actors(mentions)), not_a & actors(mentions)
    assert [(d.text, d.value, d.precision) for d in dates] == want_dates


def test_every_span_is_exact(linked):
    for passage, mentions, dates in linked.values():
        for m in mentions:
            assert passage.text[m.start : m.end] == m.matched
            assert m.passage_id == passage.id
        for d in dates:
            assert passage.text[d.start : d.end] == d.text


def spans_of(linked, key, phrase):
    passage, mentions, _ = linked[key]
    start = passage.text.index(phrase)
    return {
        (m.target_type, m.target, m.how)
        for m in mentions
        if m.start < start + len(phrase) and start < m.end
    }


def test_tehreek_e_taliban_pakistan_is_ttp_only(linked):
    found = spans_of(linked, (WAKHAN, 3), "Tehreek e Taliban Pakistan")
    assert {t for _, t, _ in found} == {"ttp"}
    assert spans_of(linked, (WAKHAN, 3), "(TTP)") == {("actor", "ttp", "alias")}


def test_afghan_taliban_is_the_taliban_not_afghanistan(linked):
    found = spans_of(linked, (WAKHAN, 9), "Afghan Taliban")
    assert {(kind, t) for kind, t, _ in found} == {("actor", "taliban")}


def test_crocus_hall_in_moscow_russia(linked):
    assert spans_of(linked, (WAKHAN, 5), "Crocus Hall") == {
        ("feature", "crocus-city-hall", "alias")
    }
    assert ("feature", "moscow", "name") in spans_of(linked, (WAKHAN, 5), "Moscow")
    assert ("feature", "russia", "name") in spans_of(linked, (WAKHAN, 5), "Russia")


def test_us_troops_is_the_united_states(linked):
    found = spans_of(linked, (ALLIANCES, 4), "US troops")
    assert ("actor", "united-states", "alias") in found
    assert ("feature", "united-states", "alias") in found


def test_cpec_span_links_the_route_only(linked):
    found = spans_of(linked, (ALLIANCES, 11), "China-Pakistan Economic Corridor")
    assert {t for _, t, _ in found} == {"cpec"}


def test_durand_line_named_and_implied(linked):
    _, mentions, _ = linked[WAKHAN, 8]
    assert hows(mentions, "durand-line") == {"name", "implied"}
    assert spans_of(linked, (WAKHAN, 8), "Pak-Afghan border") == {
        ("feature", "durand-line", "implied"),
        ("feature", "afghanistan", "demonym"),  # the part, with its own span
    }


def test_implied_border_phrases(linked):
    assert ("feature", "durand-line", "implied") in spans_of(
        linked, (WAKHAN, 1), "crossborder"
    )
    assert ("feature", "durand-line", "implied") in spans_of(
        linked, (WAKHAN, 2), "across-the-border"
    )
    assert ("feature", "durand-line", "implied") in spans_of(
        linked, (ALLIANCES, 3), "their border"
    )


def test_demonyms(linked):
    assert hows(linked[WAKHAN, 3][1], "afghanistan") >= {"demonym"}  # Afghan soil
    tajik = spans_of(linked, (WAKHAN, 6), "Tajik leaders")
    assert ("feature", "tajikistan", "demonym") in tajik
    assert ("actor", "tajikistan", "demonym") not in tajik
    assert ("feature", "china", "demonym") in spans_of(
        linked, (ALLIANCES, 12), "Chinese influence"
    )


def test_people_and_their_titles(linked):
    assert ("actor", "wang-yi", "alias") in spans_of(linked, (ALLIANCES, 8), "Wing Yi")
    assert ("actor", "asim-malik", "alias") in spans_of(
        linked, (WAKHAN, 6), "Lt. General Asim Malik"
    )
    assert ("actor", "isi", "alias") in spans_of(linked, (WAKHAN, 6), "DG ISI")
