"""Tests for articles.link.phrases: the linker's phrase data as frozen values."""

import pytest

from articles.link.phrases import load_phrases, parse_phrases

DOC = """
blocked: [Kabul River]
state_roles: [troops, officials]
common_words: [Dir, Tank]
ethnic: {before: [ethnic], after: [majority]}
shared_nouns: [district]
boundaries:
  lines:
    - target: durand-line
      sides: [afghanistan, pakistan]
      extra_words: {pakistan: [Pak]}
  tails: [border]
  templates: ["{a}'s border with {b}"]
  in_context: [cross-border]
  directions:
    pakistan:
      western: [durand-line]
"""


def test_parse_phrases_reads_every_list():
    phrases = parse_phrases(DOC)
    assert phrases.blocked == ("Kabul River",)
    assert phrases.state_roles == ("troops", "officials")
    assert phrases.ethnic_before == ("ethnic",)
    assert phrases.ethnic_after == ("majority",)
    assert phrases.shared_nouns == ("district",)


def test_parse_phrases_lowercases_common_words():
    assert parse_phrases(DOC).common_words == frozenset({"dir", "tank"})


def test_parse_phrases_builds_implied_rules_with_side_words():
    (rule,) = parse_phrases(DOC).implied
    assert rule.target == "durand-line"
    assert rule.sides == ("afghanistan", "pakistan")
    assert rule.extra_words == ((), ("Pak",))
    assert rule.tails == ("border",)
    assert rule.in_context == ("cross-border",)


def test_parse_phrases_reads_directions():
    directions = parse_phrases(DOC).directions
    assert directions == (("pakistan", "western", ("durand-line",)),)


def test_parse_phrases_empty_document_is_empty():
    phrases = parse_phrases("")
    assert phrases.blocked == ()
    assert phrases.implied == ()


def test_parse_phrases_rejects_a_string_where_a_list_belongs():
    with pytest.raises(ValueError, match="blocked must be a list of strings"):
        parse_phrases("blocked: Kabul River")


def test_parse_phrases_rejects_a_boundary_without_two_sides():
    doc = "boundaries: {lines: [{target: x, sides: [afghanistan]}]}"
    with pytest.raises(ValueError, match="needs exactly two sides"):
        parse_phrases(doc)


def test_load_phrases_reads_the_shipped_data():
    phrases = load_phrases()
    assert "Kabul River" in phrases.blocked
    assert "durand-line" in {rule.target for rule in phrases.implied}
