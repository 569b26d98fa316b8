"""Timeline: passages over time (publication or event dates), coloured by actor."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING

import altair as alt
import pandas as pd
import streamlit as st

if TYPE_CHECKING:
    from articles.query import Hit

#: Label used for passages that name no actor (or none of the filtered actors).
NO_ACTOR = "(no actor)"
COLUMNS = ["passage_id", "date", "actor_id", "actor"]


def _event_dates(
    hit: Hit, date_from: dt.date | None, date_to: dt.date | None
) -> list[dt.date]:
    """First day of each date mention that overlaps the window (clipped to it)."""
    days: set[dt.date] = set()
    for mention in hit.dates:
        try:
            first, last = mention.bounds()
        except ValueError:
            continue
        if (date_from and last < date_from) or (date_to and first > date_to):
            continue
        days.add(max(first, date_from) if date_from else first)
    return sorted(days)


def build_timeline_data(
    hits: Sequence[Hit],
    datemode: str,
    *,
    names: Mapping[str, str] | None = None,
    actor_ids: Collection[str] | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> pd.DataFrame:
    """One row per passage, date and actor: what the timeline chart counts.

    Parameters
    ----------
    hits : sequence of Hit
        Passages matching the current filters.
    datemode : {"published", "events"}
        ``published``: the article's publication date; ``events``: the first day of
        every date the passage mentions that overlaps the window.
    names : mapping of str to str, optional
        Actor display names.
    actor_ids : collection of str, optional
        Actors of the filter (already expanded to members); other actors are left out.
        None or empty keeps every actor.
    date_from, date_to : datetime.date, optional
        The date window (events mode clips mentions to it).

    Returns
    -------
    pandas.DataFrame
        Columns ``passage_id``, ``date`` (datetime64), ``actor_id``, ``actor``;
        sorted by date, actor and passage; a passage with no (kept) actor gets
        `NO_ACTOR`.
    """
    names = names or {}
    keep = set(actor_ids) if actor_ids else None
    rows: list[tuple[str, dt.date, str, str]] = []
    for hit in hits:
        if datemode == "events":
            days = _event_dates(hit, date_from, date_to)
        else:
            days = [hit.published]
        ids = sorted({a.id for a in hit.actors if keep is None or a.id in keep})
        actors = [(i, names.get(i, i)) for i in ids] or [("", NO_ACTOR)]
        rows.extend(
            (hit.passage_id, day, ident, name) for day in days for ident, name in actors
        )
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["date"] = pd.to_datetime(frame["date"])
    return frame.sort_values(["date", "actor", "passage_id"], ignore_index=True)


def build_time_unit(frame: pd.DataFrame) -> str:
    """Pick the time unit: ``yearmonth`` up to 3 years of span, else ``year``."""
    if frame.empty:
        return "yearmonth"
    span = frame["date"].max() - frame["date"].min()
    return "yearmonth" if span <= pd.Timedelta(days=3 * 366) else "year"


def build_timeline_chart(frame: pd.DataFrame, datemode: str) -> alt.Chart:
    """Build the stacked bar chart of distinct passages per period and actor."""
    unit = build_time_unit(frame)
    title = "Event date" if datemode == "events" else "Publication date"
    chart: alt.Chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X(f"{unit}(date):T", title=title),
            y=alt.Y(
                "distinct(passage_id):Q",
                title="Passages",
                axis=alt.Axis(tickMinStep=1, format="d"),
            ),
            color=alt.Color("actor:N", title="Actor"),
            tooltip=[
                alt.Tooltip(f"{unit}(date):T", title=title),
                alt.Tooltip("actor:N", title="Actor"),
                alt.Tooltip("distinct(passage_id):Q", title="Passages"),
            ],
        )
        .properties(height=220)
    )
    return chart


def render(
    hits: Sequence[Hit],
    *,
    datemode: str,
    names: Mapping[str, str] | None = None,
    actor_ids: Collection[str] | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    key: str = "timeline",
) -> pd.DataFrame:
    """Draw the timeline of ``hits``; return the data it plots."""
    frame = build_timeline_data(
        hits, datemode, names=names, actor_ids=actor_ids,
        date_from=date_from, date_to=date_to,
    )  # fmt: skip
    if frame.empty:
        st.caption("No dated passages under the current filters.")
        return frame
    st.altair_chart(build_timeline_chart(frame, datemode), key=f"{key}.chart")
    return frame
