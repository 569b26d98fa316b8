"""compound: border phrases, administered areas and state bodies link their parts."""

import pytest

from articles.actors import load_actors
from articles.link.linker import build_context, link_passage
from articles.model import Passage
from geo.gazetteer import load_features


@pytest.fixture(scope="module")
def context():
    return build_context(load_features(), load_actors())


def _spans(text, context):
    passage = Passage("a#p1", "a", 1, text, 0, len(text))
    return {(m.target, m.matched) for m in link_passage(passage, context)}


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "the border between Pakistan and Afghanistan",
            {("pakistan", "Pakistan"), ("afghanistan", "Afghanistan")},
        ),
        ("the India-Pakistan border", {("india", "India"), ("pakistan", "Pakistan")}),
        ("Pakistan-administered Kashmir", {("pakistan", "Pakistan")}),
        ("Pakistan Army engineers built it", {("pakistan", "Pakistan")}),
        ("the interim Afghan government", {("afghanistan", "Afghan government")}),
    ],
)
def test_compound_links_its_parts(context, text, parts):
    assert parts <= _spans(text, context)


@pytest.mark.parametrize(
    "text",
    [
        "Tehreek-e-Taliban Pakistan claimed it.",
        "Pakistan Tehreek-e-Insaf won.",
        "They want the Afghan Taliban to act.",
    ],
)
def test_groups_named_after_a_country_are_not_compounds(context, text):
    assert not {t for t, _ in _spans(text, context)} & {"pakistan", "afghanistan"}
