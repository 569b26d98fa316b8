"""Tests for articles.link.coordination: states added to coordinated demonyms."""

from articles.link.coordination import coordinate_states
from articles.link.distribute import Span
from articles.link.patterns import Target

STATES = {"india": "india-state", "pakistan": "pakistan-state", "afghanistan": "afg"}
INDIAN = (Target("feature", "india", "demonym"),)
AFGHAN = (Target("feature", "afghanistan", "demonym"),)
PAKISTANI_TROOPS = (
    Target("feature", "pakistan", "demonym"),
    Target("actor", "pakistan-state", "demonym"),
)


def test_coordinated_demonym_gains_state_before_a_role():
    text = "Indian and Pakistani troops"
    spans = [Span(0, 6, INDIAN), Span(11, 27, PAKISTANI_TROOPS)]
    result = coordinate_states(text, spans, STATES)
    assert result[0] == (*INDIAN, Target("actor", "india-state", "demonym"))
    assert result[1] == PAKISTANI_TROOPS


def test_coordination_chains_through_commas():
    text = "Afghan, Indian and Pakistani troops"
    spans = [Span(0, 6, AFGHAN), Span(8, 14, INDIAN), Span(19, 35, PAKISTANI_TROOPS)]
    result = coordinate_states(text, spans, STATES)
    assert Target("actor", "afg", "demonym") in result[0]
    assert Target("actor", "india-state", "demonym") in result[1]


def test_demonym_not_joined_to_a_role_gains_nothing():
    text = "Indian food near Pakistani troops"
    spans = [Span(0, 6, INDIAN), Span(17, 33, PAKISTANI_TROOPS)]
    assert coordinate_states(text, spans, STATES)[0] == INDIAN


def test_demonym_after_a_national_one_is_ethnic_and_links_nothing():
    text = "Afghan Tajiks"
    tajik = (Target("feature", "tajikistan", "demonym"),)
    result = coordinate_states(text, [Span(0, 6, AFGHAN), Span(7, 13, tajik)], STATES)
    assert result == [AFGHAN, ()]
