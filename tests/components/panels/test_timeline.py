"""Timeline: counts per month (each passage once) with actor lines, offline chart."""

import json

import altair as alt
import pandas as pd
from streamlit.testing.v1 import AppTest

from components.panels.timeline import (
    ALL,
    build_time_unit,
    build_timeline_chart,
    build_timeline_data,
)

MONTHS = {"2024-11": 3, "2025-01": 2}
BY_ACTOR = {("2024-11", "ttp"): 2, ("2024-11", "isi"): 2, ("2025-01", "ttp"): 1}
NAMES = {"ttp": "TTP", "isi": "ISI"}


def test_data_has_the_total_once_per_month_and_a_row_per_actor():
    frame = build_timeline_data(MONTHS, BY_ACTOR, names=NAMES)
    totals = frame[frame["series"] == ALL]
    assert totals["passages"].tolist() == [3, 2]
    assert totals["month"].tolist() == [pd.Timestamp("2024-11-01"),
                                        pd.Timestamp("2025-01-01")]  # fmt: skip
    ttp = frame[frame["series"] == "TTP"]["passages"].tolist()
    assert ttp == [2, 1]


def test_total_is_the_passage_count_not_the_sum_of_actors():
    frame = build_timeline_data(MONTHS, BY_ACTOR, names=NAMES)
    november = frame[frame["month"] == pd.Timestamp("2024-11-01")]
    total = int(november[november["series"] == ALL]["passages"].sum())
    by_actor = int(november[november["series"] != ALL]["passages"].sum())
    assert total == 3
    assert by_actor == 4  # a passage naming TTP and ISI is on both lines


def test_empty_counts_give_an_empty_frame():
    assert build_timeline_data({}, {}).empty


def test_time_unit_months_then_years():
    short = build_timeline_data({"2024-01": 1, "2025-06": 1}, {})
    long = build_timeline_data({"2010-01": 1, "2025-06": 1}, {})
    assert build_time_unit(short) == "yearmonth"
    assert build_time_unit(long) == "year"


def test_chart_says_what_it_counts_and_stays_offline():
    frame = build_timeline_data(MONTHS, BY_ACTOR, names=NAMES)
    spec = build_timeline_chart(frame, "published")
    alt.LayerChart.from_dict(spec)  # valid Vega-Lite (Altair's vendored schema)
    text = json.dumps(spec)
    assert "each counted once" in text
    assert "http" not in json.dumps(spec.get("data", {}))
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks == ["bar", "line"]


def _app():
    from components.panels import timeline

    timeline.render(
        {"2024-11": 3}, {("2024-11", "ttp"): 2}, datemode="events",
        names={"ttp": "TTP"},
    )  # fmt: skip


def test_app_draws_the_chart_and_states_the_total():
    at = AppTest.from_function(_app, default_timeout=30).run()
    assert not at.exception
    assert "3 passages under the filters" in at.caption[0].value
    assert "per month it mentions" in at.caption[0].value
