"""Tests for articles.link.patterns: text folding and the linker's phrase table."""

from articles.link.patterns import (
    Target,
    build_table,
    fold_text,
    is_abbreviation,
    plural_forms,
)
from articles.link.phrases import ImpliedRule, Phrases
from articles.model import Actor
from geo.model import Feature

FEATURES = (
    Feature("pakistan", "Pakistan", "country", demonyms=("Pakistani",)),
    Feature("afghanistan", "Afghanistan", "country", demonyms=("Afghan",)),
    Feature("kp", "Khyber Pakhtunkhwa", "province", aliases=("KP",), parent="pakistan"),
    Feature("durand-line", "Durand Line", "boundary"),
)
ACTORS = (
    Actor("pakistan-state", "Pakistan", "state", home="pakistan"),
    Actor("ttp", "Tehrik-i-Taliban Pakistan", "armed_group", case_sensitive=("TTP",)),
)
PHRASES = Phrases(
    blocked=("Kabul River",),
    state_roles=("troops",),
    common_words=frozenset({"dir"}),
    implied=(
        ImpliedRule(
            "durand-line",
            ("afghanistan", "pakistan"),
            ((), ("Pak",)),
            ("border",),
            ("border between {a} and {b}",),
            ("cross-border",),
        ),
    ),
    ethnic_before=("ethnic",),
    directions=(("pakistan", "western", ("durand-line",)),),
)


def targets(table, key):
    return {t for rule in table[key] for t in rule.targets}


def test_fold_text_keeps_length():
    for text in ("İstanbul – Kabul’s", "a-b/c\u00a0d", "ﬁ"):
        shape, folded = fold_text(text)
        assert len(shape) == len(folded) == len(text)


def test_fold_text_unifies_separators_apostrophes_and_arabic_letters():
    shape, folded = fold_text("Tehreek-e-Taliban’s \u064a")
    assert shape == "Tehreek e Taliban's \u06cc"
    assert folded == "tehreek e taliban's \u06cc"


def test_is_abbreviation_short_tokens_with_capitals():
    assert is_abbreviation("KP")
    assert is_abbreviation("U.S.")
    assert is_abbreviation("PoK")
    assert not is_abbreviation("Kabul")
    assert not is_abbreviation("Durand Line")


def test_plural_forms_adds_s_unless_sibilant_or_ese():
    assert plural_forms("Afghan") == ("Afghan", "Afghans")
    assert plural_forms("Chinese") == ("Chinese",)
    assert plural_forms("Uzbek Tajik") == ("Uzbek Tajik",)


def test_build_table_country_name_links_feature_and_state():
    table = build_table(FEATURES, ACTORS, PHRASES)
    assert targets(table, "pakistan") >= {
        Target("feature", "pakistan", "name"),
        Target("actor", "pakistan-state", "name"),
    }


def test_build_table_demonym_needs_a_capital_and_role_adds_state():
    table = build_table(FEATURES, ACTORS, PHRASES)
    assert all(rule.capital for rule in table["afghans"])
    assert targets(table, "pakistani troops") == {
        Target("feature", "pakistan", "demonym"),
        Target("actor", "pakistan-state", "demonym"),
    }


def test_build_table_abbreviations_match_exactly():
    table = build_table(FEATURES, ACTORS, PHRASES)
    assert [rule.exact for rule in table["kp"]] == ["KP"]
    assert [rule.exact for rule in table["ttp"]] == ["TTP"]


def test_build_table_blocked_and_ethnic_phrases_link_nothing():
    table = build_table(FEATURES, ACTORS, PHRASES)
    assert targets(table, "kabul river") == set()
    assert targets(table, "ethnic afghans") == set()


def test_build_table_implied_boundary_phrases():
    table = build_table(FEATURES, ACTORS, PHRASES)
    durand = Target("feature", "durand-line", "implied")
    assert targets(table, "pak afghan border") == {durand}
    assert targets(table, "border between pakistan and afghanistan") == {durand}
    assert [rule.context for rule in table["cross border"]] == [True]


def test_build_table_direction_names_the_line_and_the_country():
    table = build_table(FEATURES, ACTORS, PHRASES)
    assert Target("feature", "durand-line", "implied") in targets(
        table, "pakistan's western border"
    )
