"""Paragraphs in the style of other outlets (written for these tests), to guard the
linker's generality: other spellings, other forms of dates, other traps."""

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.actors import load_actors
from articles.dates.resolve import extract_dates
from articles.link.linker import build_context, link_passage
from articles.model import Passage
from geo.gazetteer import load_features


@pytest.fixture(scope="module")
def context():
    return build_context(load_features(), load_actors())


def run(text, context, published):
    passage = Passage("t#p1", "t", 1, text, 0, len(text))
    mentions = link_passage(passage, context, published=published)
    dates = extract_dates(passage, published)
    for m in mentions:
        assert text[m.start : m.end] == m.matched
    for d in dates:
        assert text[d.start : d.end] == d.text
    feats = {m.target for m in mentions if m.target_type == "feature"}
    acts = {m.target for m in mentions if m.target_type == "actor"}
    return feats, acts, {(d.text, d.value, d.precision) for d in dates}


DAWN = (
    "PESHAWAR: Security forces killed eight terrorists of the proscribed "
    "Tehreek-i-Taliban Pakistan in an intelligence-based operation in North Waziristan "
    "on Tuesday, the Inter-Services Public Relations (ISPR) said. Pakistan has "
    "repeatedly asked Kabul to stop the use of its soil against Pakistan, while the "
    "Torkham border crossing remained closed for a fourth day. Foreign Office "
    "spokesperson said Islamabad expected the interim Afghan government to act against "
    "the Fitna al-Khawarij."
)


def test_dawn_style(context):
    feats, acts, dates = run(DAWN, context, dt.date(2025, 2, 13))  # a Thursday
    assert {"peshawar", "pakistan", "kabul", "torkham", "islamabad"} <= feats
    assert {"ttp", "pakistan-army", "pakistan", "taliban"} <= acts
    assert dates == {("on Tuesday", "2025-02-11", "day")}
    assert "afghanistan" not in acts  # "interim Afghan government" is the Taliban


TOLO = (
    "KABUL - The Islamic Emirate's spokesman Zabihullah Mujahid said on Saturday "
    "that Pakistani forces had carried out airstrikes in Paktika and Khost provinces, "
    "calling it a violation of Afghanistan's sovereignty. Mujahid added that the "
    "Durand Line has never been recognised. Meanwhile, Daesh claimed an attack in "
    "Kunduz last week. On 20 Jaddi (January 9), the foreign ministry summoned the "
    "Pakistani chargé d'affaires."
)


def test_tolonews_style(context):
    feats, acts, dates = run(TOLO, context, dt.date(2025, 1, 12))  # a Sunday
    assert {"kabul", "paktika", "afghanistan", "durand-line", "kunduz"} <= feats
    assert {"khost", "khost-province"} & feats
    assert {"taliban", "zabihullah-mujahid", "pakistan", "islamic-state"} <= acts
    assert ("on Saturday", "2025-01-11", "day") in dates
    assert ("last week", "2025-W01", "week") in dates  # 30 Dec-5 Jan
    assert ("January 9", "2025-01-09", "day") in dates


ALJAZEERA = (
    "Islamabad, Pakistan - Relations between Pakistan and Afghanistan's Taliban "
    "rulers have plummeted since the group returned to power in August 2021. "
    "Pakistan accuses Kabul of harbouring the Pakistan Taliban, known by the "
    "acronym TTP, a charge the Taliban deny. Clashes along the 2,640km (1,640-mile) "
    "border, which Kabul has never formally recognised, killed dozens in October. "
    "Both countries' foreign ministers met in Beijing in May with China's Wang Yi."
)


def test_al_jazeera_style(context):
    feats, acts, dates = run(ALJAZEERA, context, dt.date(2025, 11, 3))
    assert {"islamabad", "pakistan", "afghanistan", "kabul", "beijing", "china"} <= (
        feats
    )
    assert {"taliban", "ttp", "wang-yi", "china", "pakistan"} <= acts
    assert ("August 2021", "2021-08", "month") in dates
    assert ("October", "2025-10", "month") in dates
    assert ("May", "2025-05", "month") in dates
    assert not {d for d in dates if d[0] in ("2,640", "1,640")}


REUTERS = (
    "WASHINGTON/KARACHI, March 12 (Reuters) - The U.S. State Department said on "
    "Wednesday it was monitoring the hijacking of the Jaffar Express in Balochistan, "
    "claimed by the Baloch Liberation Army (BLA). Pakistan's military said it freed "
    "more than 300 hostages. Islamabad blames India for backing the separatists, "
    "which New Delhi denies. The IMF approved a $7 billion loan to Pakistan in "
    "September 2024."
)


def test_reuters_style(context):
    feats, acts, dates = run(REUTERS, context, dt.date(2025, 3, 12))  # a Wednesday
    assert {
        "karachi",
        "balochistan",
        "pakistan",
        "islamabad",
        "india",
        "new-delhi",
    } <= (feats)
    assert {"united-states", "bla", "pakistan-army", "india", "imf"} <= acts
    assert ("March 12", "2025-03-12", "day") in dates
    assert ("on Wednesday", "2025-03-12", "day") in dates
    assert ("September 2024", "2024-09", "month") in dates
    assert not {d for d in dates if d[1] in ("300", "7")}


TRAPS = (
    "Floods on the Kabul River displaced families in Nowshera; us officials (lower "
    "case) and an isi tank may march. The Indian Ocean and Gorno-Badakhshan are far "
    "from Afghanistan's Badakhshan. India and Pakistan traded cross-border fire on "
    "the Line of Control."
)


def test_traps(context):
    feats, acts, _ = run(TRAPS, context, dt.date(2025, 5, 1))
    assert "kabul" not in feats
    assert "india" in feats  # "India and Pakistan", not "Indian Ocean"
    assert "united-states" not in acts | feats
    assert "isi" not in acts
    assert "durand-line" not in feats  # cross-border between India and Pakistan
    assert {"badakhshan", "afghanistan", "pakistan"} <= feats


def test_other_scripts_and_transliterations(context):
    feats, _, _ = run(
        "د واخان دهلیز او کابل؛ Ваханский коридор; 瓦罕走廊 和 喀布尔; "
        "Kaboul, Qandahar.",
        context,
        dt.date(2025, 5, 1),
    )
    assert {"wakhan-corridor", "kabul", "kandahar"} <= feats


def _real_names():
    names = []
    for feature in load_features():
        names += [feature.name, *feature.aliases, *feature.demonyms]
    for actor in load_actors():
        names += [actor.name, *actor.aliases, *actor.case_sensitive]
    return sorted(set(names))


REAL_NAMES = _real_names()
FILLER = st.sampled_from([" ", ", ", " and ", "-", "'s ", "\n", "’s ", "", "x", "。"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(REAL_NAMES), FILLER), max_size=15))
def test_random_text_of_real_names_keeps_exact_spans(context, pieces):
    text = "".join(name + filler for name, filler in pieces)
    passage = Passage("t#p1", "t", 1, text, 0, len(text))
    mentions = link_passage(passage, context)
    for m in mentions:
        assert text[m.start : m.end] == m.matched
    named = sorted({(m.start, m.end) for m in mentions if m.how != "implied"})
    for (s1, e1), (s2, e2) in itertools.combinations(named, 2):
        # apart, or a compound's part inside it ("Pakistan-administered Kashmir")
        assert e1 <= s2 or e2 <= s1 or s1 <= s2 < e2 <= e1 or s2 <= s1 < e1 <= e2
    dates = extract_dates(passage, dt.date(2025, 1, 1))
    assert all(text[d.start : d.end] == d.text for d in dates)


def test_arabic_script_joined_one_letter_words(context):
    text = "استهدفت كابل وقندهار بين أفغانستان وباكستان وفي بدخشان وهرات؛ ازکابل"
    passage = Passage("t#p1", "t", 1, text, 0, len(text))
    found = {(m.matched, m.target) for m in link_passage(passage, context)}
    assert {
        ("قندهار", "kandahar"),  # span on the name, not on the joined "and"
        ("أفغانستان", "afghanistan"),
        ("هرات", "herat"),
        ("بدخشان", "badakhshan"),
    } <= found
    assert ("کابل", "kabul") not in found  # "از" is a word, not a one-letter prefix
