"""Cache keys of the evidence queries: filters as tuples of primitives, index stamp."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from articles.query import Filters
    from components.url.state import ViewState


#: Filters as primitives: feature, actors, from, to (ISO), datemode, q, articles.
FiltersKey = tuple[
    str | None, tuple[str, ...], str | None, str | None, str, str | None,
    tuple[str, ...] | None,
]  # fmt: skip


def index_stamp(index: Path | None = None) -> tuple[str, int]:
    """Return ``(path, stamp)``: the index path and a number that changes with it.

    The stamp sums the modification times (ns) of the SQLite file and its WAL, so
    an ingestion or a sync invalidates every cached query at once.
    """
    from articles.index import index_path

    path = index or index_path()
    stamp = 0
    for suffix in ("", "-wal"):
        candidate = Path(f"{path}{suffix}")
        if candidate.exists():
            stamp += candidate.stat().st_mtime_ns
    return str(path), stamp


def build_filters_key(filters: Filters) -> FiltersKey:
    """Return ``filters`` as a tuple of primitives (a cache key)."""
    return (
        filters.feature,
        tuple(filters.actors),
        filters.date_from.isoformat() if filters.date_from else None,
        filters.date_to.isoformat() if filters.date_to else None,
        filters.datemode,
        filters.q,
        tuple(filters.articles) if filters.articles is not None else None,
    )


def build_filters_from_key(key: FiltersKey) -> Filters:
    """Rebuild the `articles.query.Filters` of a cache key."""
    from articles.query import Filters

    feature, actors, date_from, date_to, datemode, q, articles = key
    return Filters(
        feature=feature,
        actors=actors,
        date_from=dt.date.fromisoformat(date_from) if date_from else None,
        date_to=dt.date.fromisoformat(date_to) if date_to else None,
        datemode=datemode,
        q=q,
        articles=articles,
    )


def build_view_filters_key(view: ViewState, feature: str | None = None) -> FiltersKey:
    """Return the cache key of ``view``'s filters, optionally for one feature.

    The text search ``q`` is part of it: the map, the timeline, the evidence panel
    and the exports (`components.export_menu.build_view_filters`) all apply the
    same filters, so an export stating "Text search: x" cites what matches x.
    """
    return (
        feature,
        tuple(view.actors),
        view.date_from.isoformat() if view.date_from else None,
        view.date_to.isoformat() if view.date_to else None,
        view.datemode,
        view.q or None,
        tuple(view.articles) if view.articles is not None else None,
    )
