"""Gazetteer: ids, names, aliases, scripts and collisions."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from geo.gazetteer import load_features
from geo.io import read_names
from geo.model import FEATURE_KINDS
from tests.geo.conftest import STABLE_IDS

_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_CJK = re.compile(r"[\u4e00-\u9fff]")

#: Main features: names in Arabic script (Dari/Pashto/Urdu), Cyrillic and Chinese.
MAIN = [
    "afghanistan",
    "pakistan",
    "tajikistan",
    "china",
    "india",
    "iran",
    "uzbekistan",
    "turkmenistan",
    "kyrgyzstan",
    "wakhan-corridor",
    "durand-line",
    "badakhshan",
    "balochistan",
    "khyber-pakhtunkhwa",
    "gilgit-baltistan",
    "kabul",
    "islamabad",
    "cpec",
    "peshawar",
    "quetta",
    "gwadar",
    "kashgar",
]

#: Common English words that must never be an alias or demonym.
COMMON_WORDS = {"us", "it", "kp", "northern areas", "tribal areas", "america", "gate"}

#: Every feature by id.
_FEATURES = {f.id: f for f in load_features()}


def _all_names(feature):  # type: ignore[no-untyped-def]
    return (feature.name, *feature.aliases, *feature.demonyms)


def test_load_features_has_stable_ids() -> None:
    ids = {f.id for f in load_features()}
    assert set(STABLE_IDS) <= ids


def test_feature_ids_are_unique_ascii_slugs() -> None:
    ids = [f.id for f in load_features()]
    assert len(ids) == len(set(ids))
    assert all(_SLUG.match(i) for i in ids), [i for i in ids if not _SLUG.match(i)]


def test_every_feature_has_known_kind_and_provenance() -> None:
    for f in load_features():
        assert f.kind in FEATURE_KINDS
        assert f.source, f.id
        assert f.licence, f.id
        assert f.derivation, f.id


def test_names_yaml_lists_exactly_the_features() -> None:
    curated = {f.id for f in load_features() if f.layer != "towns"}
    assert set(read_names()) == curated  # towns carry their names in their layer


@pytest.mark.parametrize("fid", MAIN)
def test_main_feature_has_names_in_three_scripts(fid: str) -> None:
    aliases = " ".join(_FEATURES[fid].aliases)
    assert _ARABIC.search(aliases), fid
    assert _CYRILLIC.search(aliases), fid
    assert _CJK.search(aliases), fid


def test_no_alias_names_two_features() -> None:
    curated = [f for f in load_features() if f.kind != "town"]
    counts = Counter(n.casefold() for f in curated for n in set(_all_names(f)))
    assert [n for n, c in counts.items() if c > 1] == []


def test_towns_share_no_name_with_a_curated_feature_but_in_context() -> None:
    features = load_features()
    curated = {
        n.casefold()
        for f in features
        if f.kind != "town"
        for n in set(_all_names(f)) - set(f.context_aliases)
    }
    towns = {
        n.casefold() for f in features if f.kind == "town" for n in (f.name, *f.aliases)
    }
    assert curated & towns == set()
    assert "faizabad" in towns  # Jawzjan's; Badakhshan's Fayzabad has it in context
    assert _FEATURES["fayzabad"].context_aliases == ("Faizabad",)


def test_no_alias_is_a_common_word_or_too_short() -> None:
    for f in load_features():
        for name in (*f.aliases, *f.demonyms):
            assert name.casefold() not in COMMON_WORDS, (f.id, name)
            assert len(name) >= 3 or _CJK.search(name), (f.id, name)


def test_case_sensitive_us_is_not_a_plain_alias() -> None:
    usa = _FEATURES["united-states"]
    assert "US" in usa.case_sensitive_aliases
    assert "us" not in {a.casefold() for a in usa.aliases}


def test_durand_line_carries_recognition_note_and_border_aliases() -> None:
    durand = _FEATURES["durand-line"]
    assert durand.disputed
    assert "does not recognise" in (durand.note or "")
    assert {"Pak-Afghan border", "Afghanistan-Pakistan border"} <= set(durand.aliases)


@pytest.mark.parametrize(
    ("fid", "expected"),
    [
        ("balochistan", {"Baluchistan", "بلوچستان"}),
        ("khyber-pakhtunkhwa", {"NWFP", "N.W.F.P.", "KPK", "Khyber-Pakhtunkhwa"}),
        ("wakhan-corridor", {"Wakhan", "Vakhan", "واخان", "Вахон", "瓦罕走廊"}),
        ("crocus-city-hall", {"Crocus Hall"}),
        ("gilgit-baltistan", {"Gilgit Baltistan"}),
        ("dera-ismail-khan", {"D.I. Khan", "DI Khan", "ڈیرہ اسماعیل خان"}),
        ("north-waziristan", {"شمالی وزیرستان"}),
        ("miran-shah", {"Miranshah", "Miramshah"}),
        ("gorno-badakhshan", {"Gorno-Badakhshan Autonomous Region", "GBAO"}),
        ("sistan-and-baluchestan", {"Sistan-Baluchestan", "Sistan and Baluchistan"}),
        ("spin-boldak", {"سپین بولدک"}),
        ("xinjiang", {"新疆", "Xinjiang Uygur Autonomous Region"}),
    ],
)
def test_feature_has_expected_aliases(fid: str, expected: set[str]) -> None:
    assert expected <= set(_FEATURES[fid].aliases)


@pytest.mark.parametrize(
    ("fid", "demonym"),
    [
        ("afghanistan", "Afghan"),
        ("afghanistan", "Afghani"),
        ("pakistan", "Pakistani"),
        ("tajikistan", "Tajik"),
        ("china", "Chinese"),
        ("india", "Indian"),
        ("united-states", "American"),
        ("uae", "Emirati"),
        ("balochistan", "Baloch"),
    ],
)
def test_demonym_denotes_feature(fid: str, demonym: str) -> None:
    assert demonym in _FEATURES[fid].demonyms


def test_province_named_like_its_capital_gets_province_suffix() -> None:
    assert _FEATURES["kabul"].kind == "city"
    province = _FEATURES["kabul-province"]
    assert (province.kind, province.name) == ("province", "Kabul Province")


@pytest.mark.parametrize(
    ("fid", "not_alias"),
    [
        ("gorno-badakhshan", "badakhshan"),  # the Afghan province keeps its name
        ("sistan-and-baluchestan", "baluchistan"),  # Pakistan's province
        ("north-waziristan", "waziristan"),  # the region is its own feature
        ("chaman", "spin boldak"),  # the Afghan town is its own feature
        ("bajaur", "khar"),  # Bajaur's seat, also a surname (Hina Rabbani Khar)
    ],
)
def test_lookalike_names_stay_apart(fid: str, not_alias: str) -> None:
    names = {n.casefold() for n in _all_names(_FEATURES[fid])}
    assert not_alias not in names
