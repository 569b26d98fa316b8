"""Tests for articles.link.its_border: "its western border" follows the sentence."""

import pytest

from articles.actors import load_actors
from articles.link.its_border import ItsBorderRules, link_its_border
from articles.link.linker import build_context, link_passages
from articles.model import Mention, Passage
from geo.gazetteer import load_features

RULES = ItsBorderRules(
    {("tajikistan", "southern"): ("afghanistan-tajikistan-border",)},
    {frozenset(("afghanistan", "iran")): "afghanistan-iran-border"},
    frozenset({"tajikistan", "afghanistan", "iran", "pakistan"}),
)


def named(target, text, word):
    start = text.index(word)
    return Mention("a#p1", target, "feature", start, start + len(word), "name", word)


def test_its_direction_is_the_first_country_of_the_sentence():
    text = "Tajikistan sent troops to its southern border."
    found = link_its_border(
        text, "a#p1", [named("tajikistan", text, "Tajikistan")], RULES
    )
    assert [(m.target, m.matched, m.how) for m in found] == [
        ("afghanistan-tajikistan-border", "its southern border", "implied")
    ]


def test_its_border_with_a_country_is_the_line_between_them():
    text = "Afghanistan faces Pakistan, while its western border with Iran is calm."
    mentions = [
        named("afghanistan", text, "Afghanistan"),
        named("pakistan", text, "Pakistan"),
        named("iran", text, "Iran"),
    ]
    found = link_its_border(text, "a#p1", mentions, RULES)
    assert [(m.target, m.matched) for m in found] == [
        ("afghanistan-iran-border", "its western border")
    ]


def test_no_antecedent_or_no_line_links_nothing():
    text = "It reinforced its southern border."
    assert link_its_border(text, "a#p1", [], RULES) == []
    text = "Iran reinforced its southern border."
    assert link_its_border(text, "a#p1", [named("iran", text, "Iran")], RULES) == []


@pytest.fixture(scope="module")
def context():
    return build_context(load_features(), load_actors())


def targets(text, context):
    passage = Passage("r#p1", "r", 1, text, 0, len(text))
    return {m.target for m in link_passages([passage], context)[0]}


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # the pronoun follows the sentence's subject, not the nearest country
        (
            "Afghanistan's eastern border with Pakistan is the Durand Line, while its"
            " western border with Iran saw a clash.",
            {"afghanistan-iran-border", "durand-line"},
            {"pakistan-iran-border"},
        ),
        # Arabic "the border between Afghanistan and Pakistan", "and" joined to B
        ("على الحدود بين أفغانستان وباكستان", {"durand-line", "pakistan"}, set()),
        # Urdu "Pakistani officials ... across the border from Afghanistan"
        (
            "پاکستانی حکام نے افغانستان سے سرحد پار دراندازی کا الزام لگایا",
            {"pakistan", "durand-line"},
            set(),
        ),
        # a phrase naming one side: the other is the country the text is about
        (
            "New Delhi protested, and Islamabad moved troops from Peshawar to"
            " the Afghan frontier.",
            {"durand-line"},
            set(),
        ),
        ("Iran and India traded at the Afghan frontier.", set(), {"durand-line"}),
    ],
)
def test_border_phrases_in_context(context, text, present, absent):
    found = targets(text, context)
    assert present <= found
    assert not absent & found
