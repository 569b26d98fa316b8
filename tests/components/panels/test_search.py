"""Search box: places and actors by name or alias, passages by text, jump results."""

import datetime as dt

from streamlit.testing.v1 import AppTest

from articles.model import Actor, DateMention
from articles.query import Filters, Hit, Link
from components.panels.search import SearchResult, build_search_results, build_snippet
from components.panels.search_scope import find_hiding_filters
from geo.model import Feature

FEATURES = [
    Feature(
        "wakhan-corridor", "Wakhan Corridor", "corridor", aliases=("Vakhan", "واخان")
    ),
    Feature("kabul", "Kabul", "city", aliases=("Kābul",)),
    Feature("khyber-pass", "Khyber Pass", "pass"),
    Feature("khyber-pakhtunkhwa", "Khyber Pakhtunkhwa", "province", aliases=("KP",)),
]
ACTORS = [
    Actor("ttp", "Tehreek-e-Taliban Pakistan", "armed-group", case_sensitive=("TTP",)),
    Actor("taliban", "Taliban", "government", aliases=("Islamic Emirate",)),
]


def _hit(pid="a#p3", text="Fighting near the Wakhan <script>x</script> corridor."):
    return Hit(
        pid,
        "a",
        3,
        None,
        text,
        "Dawn *bold*",
        "W",
        dt.date(2025, 1, 1),
        "https://e.org",
        (Link("wakhan-corridor", "name", ((18, 24),)),),
        (),
        (),
    )


def test_place_by_name_prefix_and_alias():
    got = build_search_results("khyber", FEATURES, ACTORS)
    assert [r.id for r in got] == ["khyber-pakhtunkhwa", "khyber-pass"]
    assert build_search_results("vakhan", FEATURES, ACTORS)[0].id == "wakhan-corridor"
    assert build_search_results("واخان", FEATURES, ACTORS)[0].id == "wakhan-corridor"


def test_exact_name_ranks_first():
    got = build_search_results("taliban", FEATURES, ACTORS)
    assert [r.id for r in got] == ["taliban", "ttp"]


def test_actor_by_abbreviation():
    got = build_search_results("TTP", FEATURES, ACTORS)
    assert got == [
        SearchResult("actor", "ttp", "Tehreek-e-Taliban Pakistan", "armed-group")
    ]


def test_passages_come_after_names():
    got = build_search_results("wakhan", FEATURES, ACTORS, [_hit()])
    assert [r.kind for r in got] == ["feature", "passage"]
    assert got[1].id == "a#p3"
    assert got[1].label == "Dawn *bold* ¶3"


def test_too_short_query_finds_nothing():
    assert build_search_results(" k ", FEATURES, ACTORS, [_hit()]) == []


def test_snippet_centres_on_query():
    text = "x" * 200 + " Wakhan " + "y" * 200
    snippet = build_snippet(text, "wakhan", width=60)
    assert "Wakhan" in snippet
    assert snippet.startswith("...")
    assert snippet.endswith("...")


def _box(features, actors, hits):
    import streamlit as st

    from components.panels import search as search_box

    pick = search_box.render(features, actors, search=lambda _q: hits)
    if pick is not None:
        st.session_state["test.picks"] = [*st.session_state.get("test.picks", []), pick]


def _app(hits=()):
    at = AppTest.from_function(
        _box,
        kwargs={"features": FEATURES, "actors": ACTORS, "hits": list(hits)},
        default_timeout=30,
    )
    return at.run()


def test_app_search_and_pick_feature():
    at = _app([_hit()])
    at.text_input(key="search_box.q").input("wakhan").run()
    assert not at.exception
    labels = [b.label for b in at.button]
    assert labels[0].startswith("Wakhan Corridor")
    assert "\\*bold\\*" in labels[1]  # passage label escaped for markdown
    at.button(key="search_box.result.0").click().run()
    assert at.session_state["test.picks"][-1].id == "wakhan-corridor"
    at.run()  # a pick is returned once
    assert len(at.session_state["test.picks"]) == 1


def test_app_pick_passage():
    at = _app([_hit()])
    at.text_input(key="search_box.q").input("wakhan").run()
    at.button(key="search_box.result.1").click().run()
    assert at.session_state["test.picks"][-1] == SearchResult(
        "passage",
        "a#p3",
        "Dawn *bold* ¶3",
        "Fighting near the Wakhan <script>x</script> corridor.",
    )


def test_app_nothing_found():
    at = _app()
    at.text_input(key="search_box.q").input("zzzz").run()
    assert "Nothing found." in at.caption[0].value


def _dated(published=dt.date(2025, 1, 1), actors=(), dates=(), article="a"):
    hit = _hit()
    return Hit(
        hit.passage_id, article, hit.n, None, hit.text, hit.title, hit.author,
        published, hit.source, hit.features,
        tuple(Link(a, "name", ((0, 1),)) for a in actors), dates,
    )  # fmt: skip


def test_hiding_filters_name_each_filter_that_leaves_a_passage_out():
    hit = _dated(dt.date(2025, 1, 1), actors=("taliban",))
    assert find_hiding_filters(hit, Filters(), ()) == ()
    window = Filters(date_from=dt.date(2025, 2, 1))
    assert find_hiding_filters(hit, window, ()) == ("dates",)
    ttp = Filters(actors=("ttp",))
    assert find_hiding_filters(hit, ttp, {"ttp"}) == ("actors",)
    assert find_hiding_filters(hit, Filters(actors=("taliban",)), {"taliban"}) == ()
    both = Filters(articles=("b",), date_to=dt.date(2024, 1, 1))
    assert find_hiding_filters(hit, both, ()) == ("dates", "articles")


def test_event_dates_hide_by_the_dates_a_passage_mentions():
    may = DateMention("a#p3", 0, 8, "May 2025", "2025-05", "month")
    hit = _dated(dt.date(2025, 1, 1), dates=(may,))
    events = Filters(datemode="events", date_from=dt.date(2025, 5, 20))
    assert find_hiding_filters(hit, events, ()) == ()
    later = Filters(datemode="events", date_from=dt.date(2025, 6, 1))
    assert find_hiding_filters(hit, later, ()) == ("dates",)


def _scoped(filters, found):
    import streamlit as st

    from components.panels import search as search_box
    from components.panels import search_scope

    def search(_q, f):
        return [
            h for h in found if not search_scope.find_hiding_filters(h, f, f.actors)
        ]

    def clear(name):
        st.session_state.setdefault("test.cleared", []).append(name)

    scope = search_scope.FilterScope(
        filters, filters.actors, search=search, clear=clear
    )
    pick = search_box.render([], [], scope=scope)
    if pick is not None:
        st.session_state["test.pick"] = pick


def test_app_result_hidden_by_a_filter_says_so_and_offers_to_clear_it():
    shown, hidden = _dated(actors=("ttp",)), _dated(actors=("taliban",), article="b")
    hidden = Hit(**{**hidden.__dict__, "passage_id": "b#p3"})
    at = AppTest.from_function(
        _scoped,
        kwargs={"filters": Filters(actors=("ttp",)), "found": [shown, hidden]},
        default_timeout=30,
    )
    at.run()
    at.text_input(key="search_box.q").input("wakhan").run()
    assert not at.exception
    assert any(c.value.startswith("Hidden by the actor filter") for c in at.caption)
    result_labels = [
        b.label for b in at.button if b.key.startswith("search_box.result")
    ]
    assert len(result_labels) == 1  # only the passage the filters keep
    at.button(key="search_box.hidden.0").click().run()
    assert at.session_state["test.cleared"] == ["actors"]
    assert at.session_state["test.pick"].id == "b#p3"
    assert at.session_state["test.pick"].hidden_by == ("actors",)
