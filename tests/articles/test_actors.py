import pytest

from articles.actors import (
    ACTOR_KINDS,
    RegistryError,
    expand_members,
    load_actors,
    parse_actors,
)

REQUIRED = [
    "pakistan",
    "afghanistan",
    "taliban",
    "ttp",
    "iskp",
    "bla",
    "isi",
    "pakistan-army",
    "china",
    "india",
    "united-states",
    "russia",
    "tajikistan",
    "iran",
    "uzbekistan",
    "nato",
    "un",
    "uae",
    "qatar",
    "etim",
    "lashkar-e-jhangvi",
    "haqqani-network",
    "al-qaeda",
    "asim-malik",
    "amir-khan-muttaqi",
    "ishaq-dar",
    "wang-yi",
    "s-jaishankar",
    "bilawal-bhutto",
    "shehbaz-sharif",
    "asim-munir",
    "hibatullah-akhundzada",
    "zabihullah-mujahid",
    "sirajuddin-haqqani",
    "imran-khan",
    "narendra-modi",
    "xi-jinping",
    "emomali-rahmon",
]


@pytest.fixture(scope="module")
def by_id():
    return {actor.id: actor for actor in load_actors()}


def test_registry_has_required_actors(by_id):
    assert set(REQUIRED) <= set(by_id)


def test_registry_fields_are_well_formed(by_id):
    for actor in by_id.values():
        assert actor.kind in ACTOR_KINDS
        assert actor.id == actor.id.lower()
        assert all(m in by_id for m in actor.member_of)
        assert actor.name


def test_people_roll_up_to_their_organisation(by_id):
    assert by_id["asim-malik"].member_of == ("isi",)
    assert "taliban" in by_id["amir-khan-muttaqi"].member_of
    assert "pakistan" in by_id["ishaq-dar"].member_of
    assert "china" in by_id["wang-yi"].member_of
    assert "india" in by_id["s-jaishankar"].member_of
    assert "pakistan" in by_id["bilawal-bhutto"].member_of


def test_abbreviations_are_case_sensitive_fields(by_id):
    assert "ISI" in by_id["isi"].case_sensitive
    assert "US" in by_id["united-states"].case_sensitive
    assert "TTP" in by_id["ttp"].case_sensitive
    assert "US" not in by_id["united-states"].aliases


def test_ttp_spellings_are_registered(by_id):
    names = {a.lower() for a in by_id["ttp"].aliases} | {by_id["ttp"].name.lower()}
    assert {
        "tehrik-i-taliban pakistan",
        "tehreek-e-taliban pakistan",
        "pakistani taliban",
    } <= names


def test_expand_members_is_transitive():
    assert "asim-malik" in expand_members(["isi"])
    pakistan = expand_members(["pakistan"])
    assert {"isi", "pakistan-army", "ishaq-dar", "asim-malik", "asim-munir"} <= pakistan
    assert "ttp" not in pakistan


def test_expand_members_keeps_unknown_ids_and_leaves_leaves_alone():
    assert expand_members(["nobody"]) == frozenset({"nobody"})
    assert expand_members(["asim-malik"]) == frozenset({"asim-malik"})


def test_expand_members_of_taliban_includes_haqqanis():
    assert {"haqqani-network", "sirajuddin-haqqani"} <= expand_members(["taliban"])


def test_parse_actors_rejects_unknown_member():
    text = "actors:\n  - {id: a, name: A, kind: person, member_of: [b]}\n"
    with pytest.raises(RegistryError, match="unknown"):
        parse_actors(text)


def test_parse_actors_rejects_duplicates_and_bad_kind():
    with pytest.raises(RegistryError, match="duplicate"):
        parse_actors(
            "actors:\n  - {id: a, name: A, kind: state}\n"
            "  - {id: a, name: B, kind: state}\n"
        )
    with pytest.raises(RegistryError, match="kind"):
        parse_actors("actors:\n  - {id: a, name: A, kind: wizard}\n")
    with pytest.raises(RegistryError, match="actors"):
        parse_actors("people: []\n")


def test_islamic_state_branch_names_by_rule():
    from articles.actors import abbreviation_variants, name_variants

    made = name_variants(["Islamic State Khorasan Province"])
    assert "Islamic State of Iraq and the Levant – Khorasan Province" in made
    assert "ISIL Khorasan Province" in made
    assert set(abbreviation_variants(["IS-KP"])) == {"ISIS-KP", "ISIL-KP"}


def test_tehreek_transliterations_by_rule():
    from articles.actors import name_variants

    assert "Tehrik-i-Taliban Pakistan" in name_variants(["Tehreek-e-Taliban Pakistan"])
    assert name_variants(["Taliban"]) == ()
