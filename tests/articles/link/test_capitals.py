"""capitals: a capital that acts is its government; roles follow a change of power."""

import datetime as dt

import pytest

from articles.actors import load_actors
from articles.link.linker import build_context, link_passage
from articles.model import Passage
from geo.gazetteer import load_features


@pytest.fixture(scope="module")
def context():
    return build_context(load_features(), load_actors())


def _targets(text, context, published=None):
    passage = Passage("a#p1", "a", 1, text, 0, len(text))
    found = link_passage(passage, context, published=published)
    return {(m.target_type, m.target) for m in found}


@pytest.mark.parametrize(
    ("text", "published", "actor"),
    [
        ("Islamabad on Tuesday blamed Kabul.", dt.date(2025, 1, 15), "pakistan"),
        ("Islamabad on Tuesday blamed Kabul.", dt.date(2025, 1, 15), "taliban"),
        ("Islamabad on Tuesday blamed Kabul.", dt.date(2019, 1, 15), "afghanistan"),
        ("Beijing demanded that Islamabad act.", None, "china"),
        ("Kabul says the border is open.", dt.date(2024, 3, 1), "taliban"),
    ],
)
def test_capital_that_acts_links_its_government(context, text, published, actor):
    targets = _targets(text, context, published)
    assert ("actor", actor) in targets
    assert ("feature", "islamabad") in targets or ("feature", "kabul") in targets


def test_capital_as_a_place_is_only_the_city(context):
    targets = _targets("A bomb exploded in Kabul on Monday.", context)
    assert ("actor", "afghanistan") not in targets
    assert ("feature", "kabul") in targets


def test_afghan_role_after_august_2021_is_the_taliban(context):
    text = "The Afghan foreign ministry summoned the envoy."
    assert ("actor", "taliban") in _targets(text, context, dt.date(2024, 6, 12))
    assert ("actor", "afghanistan") in _targets(text, context, dt.date(2019, 3, 5))
