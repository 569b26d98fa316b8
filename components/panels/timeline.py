"""Timeline: passages per month (publication or event dates), total and by actor.

Drawn from aggregate counts (`articles.query.count_months` and
`count_months_by_actor`), never from the passages themselves. The bars count each
passage once; an actor's line counts the passages that name it, so a passage naming
two actors is on both lines but only once in the bar.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import pandas as pd
import streamlit as st

#: The series of the bars: every matching passage, once.
ALL = "All passages"
COLUMNS = ["month", "series", "passages"]
#: Beyond this span the chart counts per year, not per month.
MONTHLY_SPAN = pd.Timedelta(days=3 * 366)


def build_timeline_data(
    months: Mapping[str, int],
    by_actor: Mapping[tuple[str, str], int],
    *,
    names: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """One row per month and series: what the chart draws.

    Parameters
    ----------
    months : mapping of str to int
        ``YYYY-MM`` -> matching passages (each counted once).
    by_actor : mapping of (str, str) to int
        ``(YYYY-MM, actor id)`` -> matching passages naming that actor.
    names : mapping of str to str, optional
        Actor display names.

    Returns
    -------
    pandas.DataFrame
        Columns ``month`` (datetime64, first day), ``series`` (`ALL` or an actor's
        name) and ``passages``; sorted by month then series.
    """
    names = names or {}
    rows = [(m, ALL, n) for m, n in months.items()]
    rows += [(m, names.get(a, a), n) for (m, a), n in by_actor.items()]
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["month"] = pd.to_datetime(frame["month"], format="%Y-%m")
    return frame.sort_values(["month", "series"], ignore_index=True)


def build_time_unit(frame: pd.DataFrame) -> str:
    """Pick the time unit: ``yearmonth`` up to 3 years of span, else ``year``."""
    if frame.empty:
        return "yearmonth"
    span = frame["month"].max() - frame["month"].min()
    return "yearmonth" if span <= MONTHLY_SPAN else "year"


def build_timeline_chart(frame: pd.DataFrame, datemode: str) -> dict[str, Any]:
    """Build the Vega-Lite spec: passages per period as bars, each actor as a line.

    A plain spec, not an Altair chart: Altair validates every chart against the
    whole Vega-Lite schema when Streamlit converts it, about half the time of a
    warm rerun (measured); the spec is checked against that schema in the tests.
    The data (``frame``) is passed beside it.
    """
    unit = build_time_unit(frame)
    title = "Event date" if datemode == "events" else "Publication date"
    what = (
        "Passages (once per month they mention)"
        if datemode == "events"
        else "Passages (each counted once)"
    )
    x = {"field": "month", "type": "temporal", "timeUnit": unit, "title": title}
    y = {
        "field": "passages", "aggregate": "sum", "type": "quantitative",
        "title": what, "axis": {"tickMinStep": 1, "format": "d"},
    }  # fmt: skip
    tooltip = [
        {**x},
        {"field": "series", "type": "nominal", "title": "Series"},
        {"field": "passages", "aggregate": "sum", "type": "quantitative",
         "title": "Passages"},
    ]  # fmt: skip
    is_all = f"datum.series === {json.dumps(ALL)}"
    return {
        "height": 220,
        "encoding": {"x": x, "y": y, "tooltip": tooltip},
        "layer": [
            {
                "transform": [{"filter": is_all}],
                "mark": {"type": "bar", "color": "#cbd5e1"},
            },
            {
                "transform": [{"filter": f"!({is_all})"}],
                "mark": {"type": "line", "point": True},
                "encoding": {
                    "color": {
                        "field": "series", "type": "nominal",
                        "title": "Passages naming",
                    }
                },
            },
        ],
    }  # fmt: skip


def render(
    months: Mapping[str, int],
    by_actor: Mapping[tuple[str, str], int],
    *,
    datemode: str,
    names: Mapping[str, str] | None = None,
    key: str = "timeline",
) -> pd.DataFrame:
    """Draw the timeline of the counts; return the data it plots."""
    frame = build_timeline_data(months, by_actor, names=names)
    if frame.empty:
        st.caption("No dated passages under the current filters.")
        return frame
    st.vega_lite_chart(frame, build_timeline_chart(frame, datemode), key=f"{key}.chart")
    total = sum(months.values())
    st.caption(
        f"Grey bars: {total:,} passages under the filters, each counted once"
        + (" per month it mentions" if datemode == "events" else "")
        + ". Lines: passages naming each actor (a passage may name several)."
    )
    return frame
