"""Timeline: rows per passage/date/actor, event-date clipping, offline chart spec."""

import datetime as dt
import json

from streamlit.testing.v1 import AppTest

from articles.model import DateMention
from articles.query import Hit as RealHit
from articles.query import Link as RealLink
from components.panels.timeline import (
    NO_ACTOR,
    build_time_unit,
    build_timeline_chart,
    build_timeline_data,
)


def Hit(pid, published, actors=(), dates=()):
    return RealHit(
        pid,
        pid.split("#")[0],
        int(pid.split("#p")[1]),
        None,
        "text",
        "T",
        "A",
        published,
        "s",
        (),
        actors,
        dates,
    )


def Link(ident):
    return RealLink(ident, "name", ((0, 1),))


def _dm(pid, value, precision="day"):
    return DateMention(pid, 0, 1, value, value, precision)


HITS = [
    Hit(
        "a#p1",
        dt.date(2025, 1, 15),
        (Link("ttp"), Link("isi")),
        (_dm("a#p1", "2024-12-03"), _dm("a#p1", "2021", "year")),
    ),
    Hit("a#p2", dt.date(2025, 1, 15), (), (_dm("a#p2", "2024-11", "month"),)),
    Hit("b#p1", dt.date(2024, 6, 1), (Link("ttp"),), ()),
]
NAMES = {"ttp": "TTP", "isi": "ISI"}


def test_published_mode_one_row_per_passage_and_actor():
    frame = build_timeline_data(HITS, "published", names=NAMES)
    rows = frame[["passage_id", "actor"]].values.tolist()
    assert rows == [
        ["b#p1", "TTP"],
        ["a#p2", NO_ACTOR],
        ["a#p1", "ISI"],
        ["a#p1", "TTP"],
    ]
    assert str(frame["date"].dtype).startswith("datetime64")
    assert frame["date"].iloc[0] == dt.datetime(2024, 6, 1)


def test_events_mode_uses_mentioned_dates():
    frame = build_timeline_data(HITS, "events", names=NAMES)
    got = {
        (r.passage_id, r.date.date().isoformat(), r.actor) for r in frame.itertuples()
    }
    assert got == {
        ("a#p1", "2021-01-01", "ISI"),
        ("a#p1", "2021-01-01", "TTP"),
        ("a#p1", "2024-12-03", "ISI"),
        ("a#p1", "2024-12-03", "TTP"),
        ("a#p2", "2024-11-01", NO_ACTOR),
    }


def test_events_mode_clips_to_window():
    frame = build_timeline_data(
        HITS, "events", date_from=dt.date(2021, 6, 1), date_to=dt.date(2024, 11, 30)
    )
    got = sorted(
        {(r.passage_id, r.date.date().isoformat()) for r in frame.itertuples()}
    )
    assert got == [("a#p1", "2021-06-01"), ("a#p2", "2024-11-01")]


def test_actor_filter_keeps_only_filtered_actors():
    frame = build_timeline_data(HITS, "published", names=NAMES, actor_ids={"isi"})
    assert set(frame["actor"]) == {"ISI", NO_ACTOR}
    assert frame.loc[frame["passage_id"] == "a#p1", "actor"].tolist() == ["ISI"]


def test_empty_hits_give_empty_frame():
    frame = build_timeline_data([], "events")
    assert frame.empty
    assert list(frame.columns) == ["passage_id", "date", "actor_id", "actor"]


def test_time_unit_by_span():
    assert build_time_unit(build_timeline_data(HITS[:1], "published")) == "yearmonth"
    assert build_time_unit(build_timeline_data(HITS, "events")) == "year"


def test_chart_spec_is_offline_and_counts_distinct_passages():
    spec = build_timeline_chart(build_timeline_data(HITS, "published"), "published")
    spec = spec.to_dict()
    text = json.dumps({k: v for k, v in spec.items() if k != "$schema"})
    assert "http" not in text  # data inline, no external URL
    assert spec["encoding"]["y"]["aggregate"] == "distinct"
    assert spec["encoding"]["color"]["field"] == "actor"


def _timeline(hits, datemode):
    from components.panels import timeline

    timeline.render(hits, datemode=datemode, names={"ttp": "TTP"})


def test_app_draws_chart():
    at = AppTest.from_function(
        _timeline, kwargs={"hits": HITS, "datemode": "events"}, default_timeout=30
    ).run()
    assert not at.exception
    charts = at.get("vega_lite_chart")
    assert len(charts) == 1
    assert "http" not in charts[0].proto.spec.replace(
        "https://vega.github.io/schema/", ""
    )


def test_app_empty_says_so():
    at = AppTest.from_function(
        _timeline, kwargs={"hits": [], "datemode": "published"}, default_timeout=30
    ).run()
    assert not at.exception
    assert "No dated passages" in at.caption[0].value
