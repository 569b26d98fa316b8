"""Search under the view's filters: which filter hides a passage, and the scope."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from articles.query import Filters, Hit
from components.panels.filters import CLEARABLE

#: What a filter is called when it hides a search result (the clearable ones).
HIDDEN_BY: dict[str, str] = CLEARABLE


@dataclass(frozen=True)
class FilterScope:
    """The filters a search runs under, and how to clear one that hides a result.

    ``search(q, filters)`` returns the best passages of ``q`` under ``filters``;
    ``clear(name)`` clears the filter ``name`` (a key of `HIDDEN_BY`).
    """

    filters: Filters
    actor_ids: Collection[str]
    search: Callable[[str, Filters], Sequence[Hit]]
    clear: Callable[[str], None]


def find_hiding_filters(
    hit: Hit, filters: Filters, actor_ids: Collection[str]
) -> tuple[str, ...]:
    """Return the filters (keys of `HIDDEN_BY`) that leave ``hit`` out of the view.

    Parameters
    ----------
    hit : Hit
        A passage the text search found.
    filters : Filters
        The view's filters (its feature and text are not asked about).
    actor_ids : collection of str
        The filter's actors expanded to their members.

    Returns
    -------
    tuple of str
        Empty when the passage matches the filters.
    """
    out = []
    if filters.date_from or filters.date_to:
        lo = filters.date_from or dt.date.min
        hi = filters.date_to or dt.date.max
        if filters.datemode == "events":
            spans = [d.bounds() for d in hit.dates]
            inside = any(start <= hi and end >= lo for start, end in spans)
        else:
            inside = lo <= hit.published <= hi
        if not inside:
            out.append("dates")
    if filters.actors and not {a.id for a in hit.actors} & set(actor_ids):
        out.append("actors")
    if filters.articles is not None and hit.article_id not in filters.articles:
        out.append("articles")
    return tuple(out)
