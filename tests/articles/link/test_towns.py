"""towns: GeoNames towns link in context only; shared names resolve or are reported."""

import pytest

from articles.actors import load_actors
from articles.link.linker import build_context, link_article
from articles.model import Passage
from geo.gazetteer import load_features


@pytest.fixture(scope="module")
def context():
    return build_context(load_features(), load_actors())


def _links(context, *texts):
    passages = [
        Passage(f"a#p{n}", "a", n, text, 0, len(text))
        for n, text in enumerate(texts, start=1)
    ]
    found = link_article(passages, context)
    targets = {m.target for ms in found.mentions for m in ms}
    return targets, found.ambiguous


def test_town_links_in_an_article_about_its_country(context):
    targets, _ = _links(
        context, "Students in Charsadda, Swabi and Peshawar held vigils."
    )
    assert {"charsadda", "swabi", "peshawar"} <= targets


def test_town_needs_its_country_named(context):
    targets, _ = _links(context, "Exporters in Swabi met buyers.")
    assert "swabi" not in targets


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan: the hub of the trade.",  # lower case
        "Pakistan welcomed Mashal Khan Swabi Sahib.",  # inside a longer name
        "Pakistan: Blast In Swabi Kills Five.",  # a title-case headline
    ],
)
def test_town_is_not_a_word_or_part_of_a_name(context, text):
    targets, _ = _links(context, text)
    assert not {"hub", "swabi"} & targets


def test_shared_name_resolved_by_the_province_named(context):
    targets, ambiguous = _links(
        context, "Taliban forces in Badakhshan were sent from Faizabad."
    )
    assert "fayzabad" in targets
    assert "faizabad" not in targets
    assert ambiguous == []


def test_shared_name_without_a_province_is_reported(context):
    targets, ambiguous = _links(context, "Afghan officials visited Faizabad.")
    assert not {"fayzabad", "faizabad"} & targets
    assert [a.matched for a in ambiguous] == ["Faizabad"]
    assert set(ambiguous[0].candidates) == {"fayzabad", "faizabad"}


def test_curated_place_wins_over_a_town(context):
    targets, _ = _links(context, "Pakistan: clashes in Bannu.")
    assert "bannu" in targets
