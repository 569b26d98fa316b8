"""Tests for articles.link.elsewhere: names the passage places elsewhere."""

from articles.link.elsewhere import drop_foreign_demonyms, drop_located_countries
from articles.model import Mention

FEATURE_COUNTRY = {
    "bahrain": "bahrain",
    "qatar": "qatar",
    "doha": "qatar",
    "swat": "pakistan",
    "pakistan": "pakistan",
    "iran": "iran",
    "balochistan": "pakistan",
    "turbat": "pakistan",
}
ACTOR_COUNTRY = {"iran": "iran", "bahrain": "bahrain"}


def at(text, word, target, kind="feature", how="name"):
    start = text.index(word)
    return Mention("a#p1", target, kind, start, start + len(word), how, word)


def test_country_at_a_spot_in_another_countrys_district_is_dropped():
    text = "They rebuilt a bridge at Bahrain in the Swat Valley."
    mentions = [
        at(text, "Bahrain", "bahrain"),
        at(text, "Bahrain", "bahrain", "actor"),
        at(text, "Swat Valley", "swat"),
    ]
    kept = drop_located_countries(text, mentions, FEATURE_COUNTRY)
    assert [m.target for m in kept] == ["swat"]


def test_country_in_a_country_or_without_at_is_kept():
    text = "Talks at Doha in Qatar."
    mentions = [at(text, "Doha", "doha"), at(text, "Qatar", "qatar")]
    assert drop_located_countries(text, mentions, FEATURE_COUNTRY) == mentions
    text = "Investment by Bahrain in the Swat Valley."
    mentions = [at(text, "Bahrain", "bahrain"), at(text, "Swat Valley", "swat")]
    assert drop_located_countries(text, mentions, FEATURE_COUNTRY) == mentions


def test_province_demonym_in_a_passage_about_another_country_is_dropped():
    text = "Baloch militants in Iran attacked a post."
    mentions = [
        at(text, "Baloch", "balochistan", how="demonym"),
        at(text, "Iran", "iran"),
        at(text, "Iran", "iran", "actor"),
    ]
    kept = drop_foreign_demonyms(mentions, FEATURE_COUNTRY, ACTOR_COUNTRY)
    assert {m.target for m in kept} == {"iran"}


def test_province_demonym_at_home_or_alone_is_kept():
    text = "Baloch separatists struck near Turbat."
    mentions = [
        at(text, "Baloch", "balochistan", how="demonym"),
        at(text, "Turbat", "turbat"),
    ]
    assert drop_foreign_demonyms(mentions, FEATURE_COUNTRY, ACTOR_COUNTRY) == mentions
    alone = [at("Baloch rebels.", "Baloch", "balochistan", how="demonym")]
    assert drop_foreign_demonyms(alone, FEATURE_COUNTRY, ACTOR_COUNTRY) == alone
