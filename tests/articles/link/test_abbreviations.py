"""Tests for articles.link.abbreviations: ambiguous abbreviations need support."""

import pytest

from articles.actors import load_actors
from articles.link.abbreviations import parse_abbreviations
from articles.link.linker import build_context, link_passages
from articles.model import Passage
from geo.gazetteer import load_features


@pytest.fixture(scope="module")
def context():
    return build_context(load_features(), load_actors())


def targets(paragraphs, context):
    passages = [
        Passage(f"a#p{n}", "a", n, text, 0, len(text))
        for n, text in enumerate(paragraphs, start=1)
    ]
    return {m.target for found in link_passages(passages, context) for m in found}


@pytest.mark.parametrize(
    ("paragraphs", "actor"),
    [
        # defined in the article: the full name anywhere links the abbreviation
        (
            [
                "The Islamic Emirate of Afghanistan rejected the report.",
                "The IEA said it would respond.",
            ],
            "taliban",
        ),
        (
            ["The IEA's spokesman said in Kabul that girls' schools stay shut."],
            "taliban",
        ),
        (["The PPP swept rural Sindh in the election."], "ppp"),
        (["ISK claimed the bombing in Jalalabad."], "iskp"),
    ],
)
def test_actor_sense_where_the_article_supports_it(paragraphs, actor, context):
    assert actor in targets(paragraphs, context)


@pytest.mark.parametrize(
    ("paragraphs", "actor"),
    [
        (["The IEA expects global oil demand to peak this decade."], "taliban"),
        # the other sense spelled out wins even where the region is named
        (
            [
                "The International Energy Agency (IEA) published its outlook.",
                "The IEA said Pakistan will import more LNG.",
            ],
            "taliban",
        ),
        (["GDP per capita at PPP rose by 3 percent."], "ppp"),
        (["Pakistan's GDP in PPP terms grew."], "ppp"),
        (["Hotel prices in Reykjavik are quoted in ISK."], "iskp"),
    ],
)
def test_other_sense_links_nothing(paragraphs, actor, context):
    assert actor not in targets(paragraphs, context)


def test_unambiguous_abbreviations_need_no_support(context):
    assert "iskp" in targets(["ISKP said it carried out the attack."], context)


def test_parse_lowercases_other_senses_and_rejects_a_list():
    rules = parse_abbreviations(
        {"region": ["pakistan"], "senses": {"PPP": ["Public-Private Partnership"]}}
    )
    assert rules.senses == {"PPP": ("public private partnership",)}
    assert rules.region == frozenset({"pakistan"})
    with pytest.raises(ValueError, match="mapping"):
        parse_abbreviations({"senses": ["PPP"]})
