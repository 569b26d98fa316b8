"""Filters: actor labels with members, date window, view building, widgets -> view."""

import dataclasses
import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from articles.model import Actor
from components.panels.dates import build_window, draft_key, window_key
from components.panels.filters import build_actor_labels, build_view
from tests.components.views import make_view

ACTORS = [
    Actor("pakistan", "Pakistan", "state"),
    Actor(
        "isi",
        "Inter-Services Intelligence",
        "agency",
        case_sensitive=("ISI",),
        member_of=("pakistan",),
    ),
    Actor("asim-malik", "Asim Malik", "person", member_of=("isi",)),
    Actor("ttp", "Tehreek-e-Taliban Pakistan", "armed-group", case_sensitive=("TTP",)),
]


def _expand(ids):
    children = {"pakistan": {"isi"}, "isi": {"asim-malik"}}
    found, stack = set(ids), list(ids)
    while stack:
        for child in children.get(stack.pop(), ()):
            found.add(child)
            stack.append(child)
    return frozenset(found)


BOUNDS = {
    "published": (dt.date(2024, 1, 1), dt.date(2025, 6, 30)),
    "events": (dt.date(1893, 11, 12), dt.date(2025, 6, 30)),
}
ARTICLES = {"dawn-2025": "Dawn: the Wakhan", "ft-2024": "FT: <b>CPEC</b>"}
KINDS = ["country", "boundary", "corridor", "city"]


def test_actor_labels_show_members():
    labels = build_actor_labels(ACTORS, _expand)
    assert labels["isi"] == "ISI - Inter-Services Intelligence (+ Asim Malik)"
    assert labels["pakistan"] == "Pakistan (+ Asim Malik, Inter-Services Intelligence)"
    assert labels["ttp"] == "TTP - Tehreek-e-Taliban Pakistan"
    assert labels["asim-malik"] == "Asim Malik"


def test_actor_labels_truncate_long_member_lists():
    many = [Actor("org", "Org", "organisation")] + [
        Actor(f"m{i}", f"Member {i}", "person", member_of=("org",)) for i in range(6)
    ]

    def expand(ids):
        return frozenset(ids) | ({a.id for a in many[1:]} if "org" in ids else set())

    label = build_actor_labels(many, expand)["org"]
    assert label == "Org (+ Member 0, Member 1, Member 2, +3 more)"


def test_actor_labels_with_real_registry():
    from articles.actors import expand_members, load_actors

    labels = build_actor_labels(load_actors(), expand_members)
    assert "Asim Malik" in labels["isi"]


@pytest.mark.parametrize(
    ("date_from", "date_to", "expected"),
    [
        (None, None, (dt.date(2024, 1, 1), dt.date(2025, 6, 30))),
        (
            dt.date(2020, 1, 1),
            dt.date(2030, 1, 1),
            (dt.date(2024, 1, 1), dt.date(2025, 6, 30)),
        ),
        (dt.date(2024, 3, 1), None, (dt.date(2024, 3, 1), dt.date(2025, 6, 30))),
        (
            dt.date(2026, 1, 1),
            dt.date(2026, 2, 1),
            (dt.date(2025, 6, 30), dt.date(2025, 6, 30)),
        ),
    ],
)
def test_window_clamped_into_bounds(date_from, date_to, expected):
    assert build_window(BOUNDS["published"], date_from, date_to) == expected


def test_view_full_range_means_no_date_filter():
    view = build_view(
        datemode="events",
        window=BOUNDS["events"],
        bounds=BOUNDS["events"],
        actors=["ttp"],
        articles=[],
        kinds=["city"],
    )
    assert view == make_view(actors=("ttp",), datemode="events", kinds=("city",))


def test_view_narrowed_window_sets_dates():
    window = (dt.date(2024, 2, 1), dt.date(2024, 12, 31))
    view = build_view(
        datemode="published",
        window=window,
        bounds=BOUNDS["published"],
        actors=[],
        articles=["dawn-2025"],
        kinds=[],
    )
    assert (view.filters.date_from, view.filters.date_to) == window
    assert view.filters.articles == ("dawn-2025",)


def _panel(view, bounds, actors, expand, articles, kinds):
    import streamlit as st

    from components.panels import filters

    def find(text):
        return {k: v for k, v in articles.items() if text.casefold() in v.casefold()}

    def titles(ids):
        return {k: articles[k] for k in ids if k in articles}

    clear = st.session_state.pop("test.clear", None)
    if clear:
        filters.clear_filter(clear, bounds)
    st.session_state["test.view"] = filters.render(
        bounds=bounds,
        actors=actors,
        expand=expand,
        articles=filters.ArticleFinder(find, titles),
        kinds=kinds,
        view=view,
    )


def _app(view=None):
    kwargs = {
        "view": view,
        "bounds": BOUNDS,
        "actors": ACTORS,
        "expand": _expand,
        "articles": ARTICLES,
        "kinds": KINDS,
    }
    at = AppTest.from_function(_panel, kwargs=kwargs, default_timeout=30)
    return at.run()


def test_app_default_view_has_no_filters():
    at = _app()
    assert not at.exception
    assert at.session_state["test.view"] == make_view(kinds=tuple(KINDS))


def test_app_restores_view_from_url_state():
    view = make_view(
        actors=("isi", "ghost"),
        date_from=dt.date(2024, 3, 1),
        datemode="published",
        articles=("dawn-2025",),
    )
    at = _app(view)
    got = at.session_state["test.view"]
    assert got.filters.actors == ("isi",)  # unknown actor dropped, not a traceback
    assert got.filters.date_from == dt.date(2024, 3, 1)
    assert got.filters.date_to is None
    assert got.filters.articles == ("dawn-2025",)


def test_app_actor_choice_and_labels():
    at = _app()
    ms = at.multiselect(key="filters.actors")
    assert "ISI - Inter-Services Intelligence (+ Asim Malik)" in ms.options
    ms.set_value(["ttp"]).run()
    assert at.session_state["test.view"].filters.actors == ("ttp",)


def test_app_switch_to_event_dates_and_narrow():
    at = _app()
    at.radio(key="filters.datemode").set_value("events").run()
    slider = at.slider(key=draft_key("events"))
    assert slider.value == BOUNDS["events"]
    slider.set_value((dt.date(2000, 1, 1), dt.date(2020, 1, 1))).run()
    assert at.session_state[window_key("events")] == (
        dt.date(2000, 1, 1),
        dt.date(2020, 1, 1),
    )
    view = at.session_state["test.view"]
    assert (view.filters.datemode, view.filters.date_from, view.filters.date_to) == (
        "events",
        dt.date(2000, 1, 1),
        dt.date(2020, 1, 1),
    )


def test_app_actor_options_put_a_typed_abbreviation_first():
    at = _app()
    ms = at.multiselect(key="filters.actors")
    assert ms.options == sorted(ms.options, key=str.casefold)
    assert ms.proto.select_all == 0  # no "Select N matches" before the actor typed


def test_app_reset_filters_clears_every_filter():
    at = _app()
    at.multiselect(key="filters.actors").set_value(["ttp"]).run()
    at.slider(key=draft_key("published")).set_value(
        (dt.date(2024, 2, 1), dt.date(2024, 3, 1))
    ).run()
    at.pills(key="filters.kinds").set_value(["city"]).run()
    narrowed = at.session_state["test.view"]
    assert narrowed.filters.actors
    assert narrowed.filters.date_from
    assert narrowed.kinds
    at.button(key="filters.reset").click().run()
    view = at.session_state["test.view"]
    assert view.filters.actors == ()
    assert (view.filters.date_from, view.filters.date_to) == (None, None)
    assert view.filters.articles is None
    assert list(view.kinds or ()) == KINDS


def test_clear_filter_clears_only_that_filter():
    at = _app()
    at.multiselect(key="filters.actors").set_value(["ttp"]).run()
    at.multiselect(key="filters.articles").set_value(["ft-2024"]).run()
    at.session_state["test.clear"] = "actors"
    at.run()
    view = at.session_state["test.view"]
    assert view.filters.actors == ()
    assert view.filters.articles == ("ft-2024",)


def test_app_article_and_kind_choices():
    at = _app()
    at.text_input(key="filters.article_find").set_value("cpec").run()
    assert at.multiselect(key="filters.articles").options == ["FT: <b>CPEC</b>"]
    at.multiselect(key="filters.articles").set_value(["ft-2024"]).run()
    at.pills(key="filters.kinds").set_value(["city"]).run()
    view = at.session_state["test.view"]
    assert view.filters.articles == ("ft-2024",)
    assert view.kinds == ("city",)


def _embedded(view, bounds):
    import streamlit as st

    from components.panels import filters

    filters.init_state(view, bounds, ["city"], {"ttp"})
    st.session_state["test.view"] = filters.read_view(bounds)


def test_read_view_without_widgets_matches_url_view():
    view = make_view(actors=("ttp",), date_to=dt.date(2025, 1, 1), datemode="published")
    at = AppTest.from_function(
        _embedded, kwargs={"view": view, "bounds": BOUNDS}, default_timeout=30
    ).run()
    assert not at.exception
    assert at.session_state["test.view"] == dataclasses.replace(view, kinds=("city",))
    assert len(at.slider) == 0


def _after_add():
    import datetime as dt

    import streamlit as st

    from components.panels import filters
    from components.view import View

    old = {"published": (dt.date(2025, 1, 1), dt.date(2025, 3, 1))}
    new = {"published": (dt.date(2025, 1, 1), dt.date(2025, 6, 1))}
    bounds = new if st.session_state.get("test.added") else old
    filters.init_state(View(), bounds, [], set())
    if not st.session_state.get("test.added"):
        st.session_state["test.added"] = True
        st.session_state["filters.articles"] = ["a"]
        filters.include_new_article(old, new, "new-one")
    st.session_state["test.view"] = filters.read_view(bounds)


def test_include_new_article_widens_a_full_window_and_the_article_filter():
    at = AppTest.from_function(_after_add).run()
    at.run()
    assert not at.exception
    assert at.session_state["filters.window.published"] == (
        dt.date(2025, 1, 1),
        dt.date(2025, 6, 1),
    )
    assert at.session_state["filters.articles"] == ["a", "new-one"]


def _settling(a, b):
    import streamlit as st

    from components.panels import filters

    st.session_state["test.runs"] = st.session_state.get("test.runs", 0) + 1
    filters.settle(
        a, b if st.session_state["test.runs"] == 1 else st.session_state["test.later"]
    )


@pytest.mark.parametrize(
    ("later", "runs"),
    [("same", 1), ("differs", 2), ("differs again", 2)],
)
def test_settle_reruns_once_when_the_widgets_changed_the_view(later, runs):
    shown = make_view(kinds=tuple(KINDS))
    moved = make_view(kinds=("countries",))
    first = shown if later == "same" else moved
    # after the rerun the widgets agree ("differs") or still differ: no loop
    after = moved if later == "differs again" else shown
    at = AppTest.from_function(
        _settling, kwargs={"a": shown, "b": first}, default_timeout=30
    )
    at.session_state["test.later"] = after
    at.run()
    assert not at.exception
    assert at.session_state["test.runs"] == runs
    assert "filters.settle_rerun" not in at.session_state
