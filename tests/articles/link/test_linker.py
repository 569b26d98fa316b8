import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.actors import load_actors
from articles.link.linker import build_context, link_passage, link_passages
from articles.model import Passage
from geo.model import Feature

FEATURES = (
    Feature(
        "afghanistan",
        "Afghanistan",
        "country",
        aliases=("افغانستان", "阿富汗", "Афғонистон"),
        demonyms=("Afghan",),
    ),
    Feature(
        "pakistan",
        "Pakistan",
        "country",
        aliases=("پاکستان", "巴基斯坦"),
        demonyms=("Pakistani",),
    ),
    Feature("china", "China", "country", demonyms=("Chinese",)),
    Feature("india", "India", "country", demonyms=("Indian",)),
    Feature("iran", "Iran", "country", demonyms=("Iranian",)),
    Feature("tajikistan", "Tajikistan", "country", demonyms=("Tajik",)),
    Feature("russia", "Russia", "country", demonyms=("Russian",)),
    Feature(
        "united-states",
        "United States",
        "country",
        aliases=("USA", "US", "U.S."),
        demonyms=("American",),
    ),
    Feature("kabul", "Kabul", "city", aliases=("کابل",), parent="afghanistan"),
    Feature("moscow", "Moscow", "city", parent="russia"),
    Feature(
        "wakhan-corridor",
        "Wakhan Corridor",
        "corridor",
        aliases=("Wakhan", "Vakhan"),
        parent="afghanistan",
    ),
    Feature("badakhshan", "Badakhshan", "province", parent="afghanistan"),
    Feature(
        "khyber-pakhtunkhwa",
        "Khyber Pakhtunkhwa",
        "province",
        aliases=("KP", "KPK"),
        parent="pakistan",
    ),
    Feature("durand-line", "Durand Line", "boundary"),
    Feature("cpec", "China-Pakistan Economic Corridor", "route", aliases=("CPEC",)),
)


@pytest.fixture(scope="module")
def context():
    return build_context(FEATURES, load_actors())


def link(text, context, article_counts=None):
    passage = Passage("a#p1", "a", 1, text, 0, len(text))
    mentions = link_passage(passage, context, article_counts)
    for m in mentions:
        assert text[m.start : m.end] == m.matched
    return mentions


def features(mentions):
    return {(m.target, m.how) for m in mentions if m.target_type == "feature"}


def actors(mentions):
    return {m.target for m in mentions if m.target_type == "actor"}


def test_country_name_links_feature_and_state_actor(context):
    found = link("Pakistan's airstrikes", context)
    assert features(found) == {("pakistan", "name")}
    assert actors(found) == {"pakistan"}
    assert {(m.start, m.end) for m in found} == {(0, 8)}


def test_longest_match_wins(context):
    found = link("the Wakhan Corridor and the Wakhan region", context)
    assert [(m.matched, m.how) for m in found] == [
        ("Wakhan Corridor", "name"),
        ("Wakhan", "alias"),
    ]


def test_blocked_phrases_link_nothing(context):
    assert link("water of the Kabul River and the Indian Ocean", context) == []


def test_ttp_spelling_is_ttp_only(context):
    for text in (
        "Tehreek e Taliban Pakistan (TTP)",
        "Tehrik-i-Taliban Pakistan",
        "the Pakistani Taliban",
    ):
        found = link(text, context)
        assert actors(found) == {"ttp"}, text
        assert features(found) == set(), text


def test_afghan_taliban_is_taliban_not_a_demonym(context):
    found = link("the Afghan Taliban* and the interim Taliban\\* government", context)
    assert actors(found) == {"taliban"}
    assert features(found) == set()


def test_demonyms_link_with_how_demonym(context):
    found = link("Afghan soil, Tajik leaders, Chinese influence, Pakistanis", context)
    assert features(found) == {
        ("afghanistan", "demonym"),
        ("tajikistan", "demonym"),
        ("china", "demonym"),
        ("pakistan", "demonym"),
    }
    assert actors(found) == set()


def test_demonym_with_state_role_links_the_state(context):
    found = link("Pakistani officials met the Indian Foreign Minister", context)
    assert features(found) == {("pakistan", "demonym"), ("india", "demonym")}
    assert actors(found) == {"pakistan", "india"}


def test_lowercase_demonym_is_not_a_demonym(context):
    assert link("chinese whispers", context) == []


def test_abbreviations_are_case_sensitive(context):
    assert actors(link("US troops and the ISI", context)) == {"united-states", "isi"}
    assert link("let us see what isi means", context) == []
    assert features(link("in KP and kp", context)) == {("khyber-pakhtunkhwa", "alias")}


def test_word_boundaries(context):
    assert link("Pakistanism Kabulov Irani", context) == []


def test_other_scripts(context):
    found = link("سفر به کابل و افغانستان؛ 阿富汗和巴基斯坦; Афғонистон", context)
    assert features(found) == {
        ("kabul", "alias"),
        ("afghanistan", "alias"),
        ("pakistan", "alias"),
    }
    arabic_kaf = link("كابل", context)  # Arabic kaf folds to the Persian letter
    assert features(arabic_kaf) == {("kabul", "alias")}


def test_people_and_members(context):
    found = link("Lt. General Asim Malik, Pakistan's DG ISI, met Wing Yi", context)
    assert actors(found) == {"asim-malik", "pakistan", "isi", "wang-yi"}


def test_pak_afghan_border_is_the_durand_line_and_its_states(context):
    text = "the Pak-Afghan border and the Afghanistan–Pakistan frontier"
    found = link(text, context)
    assert ("durand-line", "implied") in features(found)
    spans = {(m.target, m.matched) for m in found if m.target_type == "feature"}
    assert {("afghanistan", "Afghanistan"), ("pakistan", "Pakistan")} <= spans
    assert ("afghanistan", "Afghan") in spans  # the demonym inside "Pak-Afghan"


def test_cross_border_in_afpak_context_is_implied(context):
    found = link("Pakistan blames Afghanistan for cross-border attacks.", context)
    assert ("durand-line", "implied") in features(found)


def test_cross_border_needs_the_two_countries(context):
    found = link("India and Pakistan traded cross-border fire.", context)
    assert ("durand-line", "implied") not in features(found)
    found = link("Cross-border attacks rose.", context)
    assert features(found) == set()


def test_third_country_next_to_the_phrase_vetoes_it(context):
    found = link(
        "Pakistan and Afghanistan, Pakistan and Afghanistan; Iran border areas", context
    )
    assert ("durand-line", "implied") not in features(found)


def test_article_context_decides_for_a_passage_without_countries(context):
    passages = [
        Passage("a#p1", "a", 1, "Pakistan and Afghanistan quarrel again.", 0, 39),
        Passage(
            "a#p2", "a", 2, "The two sides exchanged fire along their border.", 40, 88
        ),
    ]
    linked = link_passages(passages, context)
    assert ("durand-line", "implied") in features(linked[1])
    assert link(passages[1].text, context) == []


def test_durand_line_by_name(context):
    assert features(link("the Durand Line", context)) == {("durand-line", "name")}


def test_cpec_is_the_route_not_the_countries(context):
    found = link("the China-Pakistan Economic Corridor (CPEC)", context)
    assert features(found) == {("cpec", "name"), ("cpec", "alias")}


NAMES = [
    "Pakistan",
    "Afghanistan",
    "Wakhan Corridor",
    "Wakhan",
    "Kabul",
    "Kabul River",
    "Afghan",
    "Pakistani",
    "TTP",
    "US",
    "us",
    "ISI",
    "Taliban",
    "Afghan Taliban",
    "Tehreek-e-Taliban Pakistan",
    "Pak-Afghan border",
    "cross-border",
    "کابل",
    "阿富汗",
    "Durand Line",
    "Pakistan's",
    "Chinese Foreign Minister",
]
FILLER = st.sampled_from([" ", ", ", " the ", "-", "'s ", "\n", "x", "", "—", "阿"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(NAMES), FILLER), max_size=12))
def test_spans_are_exact_and_names_do_not_overlap(context, pieces):
    text = "".join(name + filler for name, filler in pieces)
    found = link(text, context)  # asserts text[start:end] == matched
    plain = sorted({(m.start, m.end) for m in found if m.how != "implied"})
    for (_, end), (start, _) in itertools.pairwise(plain):
        assert end <= start
