"""Tests for articles.link.implied: which countries a passage is about."""

from articles.link.implied import (
    count_countries,
    decide_context,
    is_about,
    map_countries,
    near_third_country,
)
from articles.model import Mention
from geo.model import Feature

FEATURE_COUNTRY = {"kabul": "afghanistan", "pakistan": "pakistan", "iran": "iran"}
ACTOR_COUNTRY = {"ttp": "pakistan", "pakistan-state": "pakistan"}
SIDES = ("afghanistan", "pakistan")


def mention(target, kind, start, end):
    return Mention("a#p1", target, kind, start, end, "name", "x" * (end - start))


def test_count_countries_counts_places_and_actors():
    mentions = [
        mention("kabul", "feature", 0, 5),
        mention("ttp", "actor", 10, 13),
        mention("unknown", "feature", 20, 25),
    ]
    counts = count_countries(mentions, FEATURE_COUNTRY, ACTOR_COUNTRY)
    assert counts == {"afghanistan": 1, "pakistan": 1}


def test_count_countries_counts_a_country_and_its_state_once():
    mentions = [
        mention("pakistan", "feature", 0, 8),
        mention("pakistan-state", "actor", 0, 8),
    ]
    assert count_countries(mentions, FEATURE_COUNTRY, ACTOR_COUNTRY) == {"pakistan": 1}


def test_is_about_true_when_no_third_country_rivals_the_sides():
    assert is_about({"afghanistan": 2, "pakistan": 1, "iran": 0}, SIDES)


def test_is_about_false_when_a_third_country_is_named_as_often():
    assert not is_about({"afghanistan": 2, "pakistan": 1, "iran": 1}, SIDES)


def test_is_about_false_when_a_side_is_missing():
    assert not is_about({"afghanistan": 3}, SIDES)


def test_decide_context_passage_with_two_countries_decides_alone():
    article = {"iran": 9, "afghanistan": 1, "pakistan": 1}
    assert decide_context({"afghanistan": 1, "pakistan": 1}, article, SIDES)


def test_decide_context_defers_to_the_article_for_one_side():
    assert decide_context({"pakistan": 1}, {"afghanistan": 2, "pakistan": 2}, SIDES)
    assert not decide_context({"pakistan": 1}, None, SIDES)


def test_decide_context_rejects_a_passage_about_a_third_country():
    assert not decide_context({"iran": 1}, {"afghanistan": 2, "pakistan": 2}, SIDES)


def test_near_third_country_within_the_window():
    text_mentions = [mention("iran", "feature", 4, 8)]
    assert near_third_country((9, 15), text_mentions, FEATURE_COUNTRY, SIDES)
    assert not near_third_country((60, 66), text_mentions, FEATURE_COUNTRY, SIDES)


def test_near_third_country_ignores_the_sides():
    text_mentions = [mention("kabul", "feature", 4, 9)]
    assert not near_third_country((10, 16), text_mentions, FEATURE_COUNTRY, SIDES)


def test_map_countries_follows_parents_to_the_country():
    features = [
        Feature("afghanistan", "Afghanistan", "country"),
        Feature("kabul-province", "Kabul", "province", parent="afghanistan"),
        Feature("kabul", "Kabul", "city", parent="kabul-province"),
        Feature("durand-line", "Durand Line", "boundary"),
    ]
    assert map_countries(features) == {
        "afghanistan": "afghanistan",
        "kabul-province": "afghanistan",
        "kabul": "afghanistan",
    }


def test_named_side_is_the_side_inside_the_phrase():
    from articles.link.implied import named_side

    inside = [mention("afghanistan", "feature", 10, 16)]
    assert named_side((10, 25), inside, SIDES) == "afghanistan"
    assert named_side((20, 30), inside, SIDES) is None


def test_other_side_leads_when_it_outnumbers_every_third_country():
    from articles.link.implied import other_side_leads

    # "Islamabad moved troops from the Afghan frontier" after one "New Delhi"
    counts = {"pakistan": 2, "india": 1, "afghanistan": 1}
    assert other_side_leads(counts, None, "afghanistan", SIDES)
    tied = {"pakistan": 1, "india": 1, "afghanistan": 1}
    assert not other_side_leads(tied, None, "afghanistan", SIDES)
    # a passage naming one country defers to the article
    assert other_side_leads({"afghanistan": 1}, counts, "afghanistan", SIDES)
    assert not other_side_leads({"afghanistan": 1}, None, "afghanistan", SIDES)
