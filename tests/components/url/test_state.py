"""URL state: every parameter parsed or reported, round trip, never a traceback."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from components.url.parse import MAX_Q_LEN
from components.url.state import (
    build_share_url,
    parse_view,
    to_query_params,
)
from components.view import View
from tests.components.views import make_view

FEATURES = {"wakhan-corridor", "durand-line", "kabul", "pakistan"}
ACTORS = {"ttp", "isi", "asim-malik", "pakistan", "taliban"}
ARTICLES = {"dawn-2025-01-wakhan", "another-article"}
KNOWN = {"feature_ids": FEATURES, "actor_ids": ACTORS, "article_ids": ARTICLES}


def _parse(params):
    return parse_view(params, **KNOWN)


def test_parse_empty_gives_default_view():
    assert _parse({}) == (make_view(), [])


def test_parse_full_valid_view():
    view, problems = _parse(
        {
            "feature": "wakhan-corridor",
            "actor": "ttp,isi",
            "from": "2024-01-01",
            "to": "2025-02-01",
            "datemode": "events",
            "q": "  Wakhan   corridor ",
            "article": "dawn-2025-01-wakhan",
            "embed": "true",
        }
    )
    assert problems == []
    assert view == make_view(
        feature="wakhan-corridor",
        actors=("ttp", "isi"),
        date_from=dt.date(2024, 1, 1),
        date_to=dt.date(2025, 2, 1),
        datemode="events",
        q="Wakhan corridor",
        articles=("dawn-2025-01-wakhan",),
    )


def test_parse_unknown_feature_reported_and_ignored():
    view, problems = _parse({"feature": "atlantis"})
    assert view.filters.feature is None
    assert problems == ["Unknown feature 'atlantis' ignored."]


def test_parse_unknown_actor_keeps_known_ones():
    view, problems = _parse({"actor": "ttp, nobody ,,TTP,isi"})
    assert view.filters.actors == ("ttp", "isi")
    assert problems == ["Unknown actor 'nobody' ignored."]


def test_parse_ids_case_insensitive():
    view, problems = _parse({"feature": "Wakhan-Corridor", "actor": "ISI"})
    assert (view.filters.feature, view.filters.actors, problems) == (
        "wakhan-corridor",
        ("isi",),
        [],
    )


@pytest.mark.parametrize(
    "bad", ["2025-13-01", "yesterday", "2025-1-1", "20250101", "x"]
)
def test_parse_bad_date_reported(bad):
    view, problems = _parse({"from": bad, "to": "2025-01-01"})
    assert view.filters.date_from is None
    assert view.filters.date_to == dt.date(2025, 1, 1)
    assert len(problems) == 1
    assert "Bad date for 'from'" in problems[0]


def test_parse_from_after_to_drops_both():
    view, problems = _parse({"from": "2025-02-01", "to": "2025-01-01"})
    assert (view.filters.date_from, view.filters.date_to) == (None, None)
    assert problems == ["'from' 2025-02-01 is after 'to' 2025-01-01; both ignored."]


def test_parse_bad_datemode_falls_back_to_published():
    view, problems = _parse({"datemode": "battles"})
    assert view.filters.datemode == "published"
    assert "Bad datemode 'battles'" in problems[0]


def test_parse_overlong_q_ignored():
    view, problems = _parse({"q": "x" * (MAX_Q_LEN + 1)})
    assert view.filters.q is None
    assert problems == [f"Search text longer than {MAX_Q_LEN} characters ignored."]


def test_parse_unknown_parameter_reported():
    _, problems = _parse({"zoom_level": "5", "embed_options": "light_theme"})
    assert problems == ["Unknown URL parameter 'zoom_level' ignored."]


def test_review_param_round_trips_and_bad_values_are_reported():
    view, problems = _parse({"review": "1"})
    assert (view.filters.to_review, problems) == (True, [])
    assert to_query_params(view) == {"review": "1"}
    view, problems = _parse({"review": "<yes>"})
    assert view.filters.to_review is False
    assert problems == ["Bad review '<yes>' (use review=1); ignored."]


def test_parse_map_view():
    view, problems = _parse({"lat": "37.05", "lon": "72.9", "zoom": "8"})
    assert problems == []
    assert (view.center, view.zoom) == ((37.05, 72.9), 8)
    view, problems = _parse({"lat": "-10", "lon": "179.5"})
    assert (view.center, view.zoom, problems) == ((-10.0, 179.5), None, [])


@pytest.mark.parametrize(
    ("params", "says"),
    [
        ({"lat": "north", "lon": "72"}, "Bad lat 'north'"),
        ({"lat": "nan", "lon": "72"}, "Bad lat 'nan'"),
        ({"lat": "91", "lon": "72"}, "Bad lat '91'"),
        ({"lat": "37", "lon": "inf"}, "Bad lon 'inf'"),
        ({"lat": "37", "lon": "72", "zoom": "40"}, "Bad zoom '40'"),
        ({"lat": "37", "lon": "72", "zoom": "6.5"}, "Bad zoom '6.5'"),
        ({"lat": "37"}, "needs both 'lat' and 'lon'"),
        ({"zoom": "7"}, "needs both 'lat' and 'lon'"),
    ],
)
def test_parse_bad_map_view_reported_and_ignored(params, says):
    view, problems = _parse({"feature": "kabul", **params})
    assert (view.center, view.zoom) == (None, None)
    assert view.filters.feature == "kabul"  # the rest of the link still applies
    (problem,) = problems
    assert says in problem
    assert problem.endswith("view ignored.")


def test_map_view_goes_to_query_params_to_4_decimals():
    view = make_view(center=(37.123456, 72.0), zoom=7)
    assert to_query_params(view) == {"lat": "37.1235", "lon": "72", "zoom": "7"}
    assert to_query_params(make_view(zoom=7)) == {}


def test_parse_repeated_parameter_uses_last_value():
    view, _ = _parse({"feature": ["kabul", "durand-line"]})
    assert view.filters.feature == "durand-line"


def test_parse_long_bad_value_is_quoted_short():
    _, problems = _parse({"feature": "<script>" + "a" * 500})
    assert len(problems[0]) < 80
    assert problems[0].startswith("Unknown feature '<script>aaa")


def test_parse_without_known_ids_accepts_any_slug():
    view, problems = parse_view({"feature": "anything", "actor": "a,b"})
    assert (view.filters.feature, view.filters.actors, problems) == (
        "anything",
        ("a", "b"),
        [],
    )


def test_to_query_params_leaves_defaults_out():
    assert to_query_params(make_view()) == {}
    assert to_query_params(make_view(kinds=("city",))) == {}


def test_share_url_replaces_existing_query():
    url = build_share_url(
        "http://localhost:8501/?feature=kabul#x", make_view(actors=("ttp", "isi"))
    )
    assert url == "http://localhost:8501/?actor=ttp%2Cisi"
    assert (
        build_share_url("http://h/", make_view(), embed=True) == "http://h/?embed=true"
    )


def test_share_url_adds_the_root_path_before_the_query():
    view = make_view(actors=("ttp",))
    assert build_share_url("http://h:8501", view) == "http://h:8501/?actor=ttp"
    assert build_share_url("http://h:8501", make_view()) == "http://h:8501/"
    assert build_share_url("http://h/app/?x=1", view) == "http://h/app/?actor=ttp"


_slugs = st.sampled_from(sorted(ACTORS))
_dates = st.dates(dt.date(1800, 1, 1), dt.date(2100, 1, 1))


@st.composite
def _views(draw):
    d1, d2 = sorted([draw(st.none() | _dates), draw(st.none() | _dates)], key=str)
    if d1 and d2 and d1 > d2:
        d1, d2 = d2, d1
    q = draw(
        st.none() | st.text(min_size=1, max_size=40).map(lambda s: " ".join(s.split()))
    )
    center = draw(
        st.none()
        | st.tuples(
            st.integers(-850_000, 850_000), st.integers(-1_800_000, 1_800_000)
        ).map(lambda c: (c[0] / 10_000, c[1] / 10_000))
    )
    return make_view(
        center=center,
        zoom=draw(st.none() | st.integers(2, 11)) if center else None,
        feature=draw(st.none() | st.sampled_from(sorted(FEATURES))),
        actors=tuple(dict.fromkeys(draw(st.lists(_slugs, max_size=4)))),
        date_from=d1,
        date_to=d2,
        datemode=draw(st.sampled_from(["published", "events"])),
        q=q or None,
        articles=tuple(
            dict.fromkeys(
                draw(
                    st.lists(st.sampled_from(sorted(ARTICLES)), min_size=1, max_size=2)
                )
            )
        )
        if draw(st.booleans())
        else None,
        to_review=draw(st.booleans()),
    )


@given(_views())
def test_round_trip_through_query_params(view):
    assert _parse(to_query_params(view)) == (view, [])


_keys = st.sampled_from(
    [
        "feature",
        "actor",
        "from",
        "to",
        "datemode",
        "q",
        "article",
        "embed",
        "lat",
        "lon",
        "zoom",
    ]
) | st.text(max_size=10)
_values = (
    st.text()
    | st.lists(st.text(), max_size=3)
    | st.sampled_from(["2025-02-30", ",,,", "9999-12-31"])
)


@given(st.dictionaries(_keys, _values, max_size=8))
def test_parse_never_raises_on_random_params(params):
    view, problems = _parse(params)
    assert isinstance(view, View)
    assert all(isinstance(p, str) for p in problems)
    f = view.filters
    assert f.feature is None or f.feature in FEATURES
    assert set(f.actors) <= ACTORS
    assert f.datemode in ("published", "events")
    if f.date_from and f.date_to:
        assert f.date_from <= f.date_to


def _app(feature_ids):
    import streamlit as st

    from components.url import state as url_state

    view, problems = url_state.read_view(feature_ids=feature_ids)
    url_state.render_problems(problems)
    st.session_state["test.view"] = view
    url_state.render(view)


def test_app_reports_bad_params_without_exception():
    at = AppTest.from_function(
        _app, kwargs={"feature_ids": FEATURES}, default_timeout=30
    )
    at.query_params["feature"] = "<img src=x onerror=alert(1)>"
    at.query_params["from"] = "nope"
    at.run()
    assert not at.exception
    warning = at.warning[0].value
    assert "Unknown feature" in warning
    assert "\\<img" in warning  # escaped, shown literally
    assert at.session_state["test.view"] == make_view()


def test_app_copy_link_writes_query_params_only_on_click():
    at = AppTest.from_function(
        _app, kwargs={"feature_ids": FEATURES}, default_timeout=30
    )
    at.query_params["feature"] = "kabul"
    at.query_params["embed"] = "true"
    at.run()
    assert at.session_state["test.view"].feature == "kabul"
    assert len(at.code) == 0
    at.button(key="url_state.copy").click().run()
    assert not at.exception
    assert "feature=kabul" in at.code[0].value
    assert at.query_params["feature"] == "kabul"
    assert at.query_params["embed"] == "true"
