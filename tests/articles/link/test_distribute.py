"""Tests for articles.link.distribute: items of coordinations share a word."""

from articles.link.distribute import (
    Span,
    build_lookup,
    build_nouns,
    distribute_shared,
)
from articles.link.patterns import Rule, Target


def feature(fid):
    return (Target("feature", fid, "name"),)


KEYS = {
    "north waziristan": feature("north-waziristan"),
    "south waziristan": feature("south-waziristan"),
    "khyber district": feature("khyber-district"),
    "kurram district": feature("kurram-district"),
    "kabul river": (),
    "swat river": (),
    "ethnic tajiks": (),
}


def test_build_nouns_matches_regular_plurals():
    nouns = build_nouns(["district", "agency", "pass"])
    assert nouns is not None
    found = [m.group("noun") for m in nouns.finditer("Kurram districts, Khyber passes")]
    assert found == ["districts", "passes"]
    assert nouns.fullmatch("Bajaur agencies") is not None


def test_build_nouns_without_nouns_is_none():
    assert build_nouns([]) is None


def test_build_lookup_skips_context_and_exact_rules():
    plain = Rule(None, False, True, False, feature("kabul"))
    exact = Rule("KP", False, True, False, feature("kp"))
    automaton = {
        "kabul": (5, (plain,), False, False),
        "kp": (2, (exact,), False, False),
    }
    lookup = build_lookup(automaton, tuple)
    assert lookup("kabul") == feature("kabul")
    assert lookup("kp") is None
    assert lookup("herat") is None


def test_shared_tail_links_the_earlier_item():
    text = "North and South Waziristan"
    spans = [Span(10, 26, feature("south-waziristan"))]
    result = distribute_shared(text, spans, KEYS.get, None)
    assert result == [Span(0, 5, feature("north-waziristan")), *spans]


def test_shared_plural_noun_relinks_every_item():
    text = "Khyber and Kurram districts"
    spans = [Span(0, 6, feature("khyber"))]
    result = distribute_shared(text, spans, KEYS.get, build_nouns(["district"]))
    assert result == [
        Span(0, 6, feature("khyber-district")),
        Span(11, 17, feature("kurram-district")),
    ]


def test_shared_noun_of_blocked_phrases_links_nothing():
    text = "the Kabul and Swat rivers"
    spans = [Span(4, 9, feature("kabul"))]
    result = distribute_shared(text, spans, KEYS.get, build_nouns(["river"]))
    assert result == [Span(4, 9, ()), Span(14, 18, ())]


def test_shared_head_blocks_the_later_item():
    text = "ethnic Uzbeks and Tajiks"
    result = distribute_shared(text, [Span(0, 13, ())], KEYS.get, None)
    assert result == [Span(0, 13, ()), Span(18, 24, ())]


def test_text_without_coordination_is_unchanged():
    spans = [Span(0, 5, feature("kabul"))]
    assert distribute_shared("Kabul is calm", spans, KEYS.get, None) == spans
