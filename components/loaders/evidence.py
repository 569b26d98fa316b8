"""Cached evidence queries: pages, counts, months, summary; keyed by view values."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import streamlit as st

from articles.index import index_path
from articles.query import (
    Filters,
    Hit,
    Page,
    article_titles,
    corpus_summary,
    count_features,
    count_months,
    count_months_by_actor,
    count_targets,
    find_articles,
    find_passage,
    query_page,
    query_top,
)
from components.briefing.collect import EXPORT_LIMIT
from components.loaders.index import index_stamp
from components.map.popup import TopPassage, build_snippet
from components.view import View

if TYPE_CHECKING:
    pass


@dataclass(frozen=True)
class CorpusSummary:
    """Date ranges (per date mode) and size of the indexed corpus."""

    bounds: dict[str, tuple[dt.date, dt.date]]
    articles: int
    passages: int


#: Passages per page of the evidence panel.
PER_PAGE = 10


@st.cache_data(show_spinner=False, max_entries=256)
def load_page(
    index: str, stamp: int, filters: Filters, order: str, offset: int, limit: int
) -> Page:
    """Return one page of the passages matching ``filters``, with exact totals."""
    del stamp  # part of the cache key only
    return query_page(
        filters, order=order, offset=offset, limit=limit, index=Path(index)
    )


@st.cache_data(show_spinner=False, max_entries=256)
def load_target_counts(
    index: str, stamp: int, filters: Filters
) -> dict[str, dict[str, int]]:
    """Return passages per feature and per actor under ``filters`` (one query).

    The map's shading and the actor facets of one view share it.
    """
    del stamp  # part of the cache key only
    return count_targets(filters, Path(index))


def load_counts(index: str, stamp: int, filters: Filters) -> dict[str, int]:
    """Return passages per feature id under ``filters`` (for map shading)."""
    return load_target_counts(index, stamp, filters)["feature"]


@st.cache_data(show_spinner=False, max_entries=32)
def load_top_passages(
    index: str, stamp: int, filters: Filters
) -> dict[str, TopPassage]:
    """Return the best-ranked passage of every feature with passages (map popups).

    One read for every feature whose count under ``filters`` is above zero
    (`articles.query.query_top`: no totals).
    """
    shaded = [f for f, n in load_counts(index, stamp, filters).items() if n > 0]
    return {
        fid: TopPassage(
            title=hit.title or hit.article_id,
            published=hit.published.isoformat(),
            snippet=build_snippet(hit.text),
        )
        for fid, hit in query_top(filters, shaded, Path(index)).items()
    }


@st.cache_data(show_spinner=False, max_entries=64)
def load_months(
    index: str, stamp: int, filters: Filters, actors: tuple[str, ...]
) -> tuple[dict[str, int], dict[tuple[str, str], int]]:
    """Return passages per month, and per month and actor for ``actors``."""
    del stamp  # part of the cache key only
    path = Path(index)
    return count_months(filters, path), count_months_by_actor(filters, actors, path)


@st.cache_data(show_spinner=False, max_entries=64)
def load_top_actors(
    index: str, stamp: int, filters: Filters, n: int
) -> tuple[str, ...]:
    """Return the ``n`` actors named by the most passages under ``filters``."""
    counts = load_target_counts(index, stamp, filters)["actor"]
    return tuple(sorted(counts, key=lambda a: (-counts[a], a))[:n])


@st.cache_data(show_spinner=False, max_entries=8)
def load_corpus_summary(index: str, stamp: int) -> CorpusSummary:
    """Return the corpus date ranges (publication, events) and its size."""
    del stamp  # part of the cache key only
    summary = corpus_summary(Path(index))
    today = dt.date.today()
    published = summary.published or (today, today)
    return CorpusSummary(
        bounds={"published": published, "events": summary.events or published},
        articles=summary.articles,
        passages=summary.passages,
    )


@st.cache_data(show_spinner=False, max_entries=256)
def load_passage(index: str, stamp: int, passage_id: str) -> Hit | None:
    """Return one passage by id (None when unknown)."""
    del stamp  # part of the cache key only
    return find_passage(passage_id, Path(index))


@st.cache_data(show_spinner=False, max_entries=256)
def load_article_matches(index: str, stamp: int, text: str) -> dict[str, str]:
    """Return up to 50 article ids -> titles whose title or id contains ``text``."""
    del stamp  # part of the cache key only
    return {a.id: a.title for a in find_articles(text, 50, Path(index))}


@st.cache_data(show_spinner=False, max_entries=256)
def load_article_titles(index: str, stamp: int, ids: tuple[str, ...]) -> dict[str, str]:
    """Return the titles of articles ``ids`` (unknown ids left out)."""
    del stamp  # part of the cache key only
    return article_titles(ids, Path(index))


def load_evidence_page(view: View, order: str, page: int) -> Page:
    """Return page ``page`` (from 1) of the evidence panel (`View.evidence`)."""
    offset = (max(page, 1) - 1) * PER_PAGE
    return load_page(*index_stamp(), view.evidence, order, offset, PER_PAGE)


def fetch_export_page(filters: Filters) -> Page:
    """Read the best `EXPORT_LIMIT` passages of ``filters``, with totals (no cache).

    Export files are built on a thread of their own when clicked, outside the
    page's run, so this reads the index directly.
    """
    return query_page(filters, limit=EXPORT_LIMIT, index=index_path())


def fetch_feature_counts(filters: Filters) -> dict[str, int]:
    """Read passages per feature under ``filters`` (no cache; see above)."""
    return count_features(filters, index_path())


def load_timeline(
    view: View, actor_ids: tuple[str, ...]
) -> tuple[dict[str, int], dict[tuple[str, str], int]]:
    """Return passages per month under ``view``, total and by actor.

    With a feature selected, the evidence panel's passages (so the chart's total
    is the panel's count); else every feature's.
    """
    return load_months(*index_stamp(), view.evidence, actor_ids)


def load_top_view_actors(view: View, n: int = 5) -> tuple[str, ...]:
    """Return the ``n`` actors most passages name under ``view`` (its timeline's)."""
    return load_top_actors(*index_stamp(), view.evidence, n)


def load_view_counts(view: View) -> dict[str, int]:
    """Return passages per feature id under ``view``'s filters (map shading)."""
    return load_counts(*index_stamp(), view.overview)


def load_summary() -> CorpusSummary:
    """Return the summary of the current index (date ranges, size)."""
    return load_corpus_summary(*index_stamp())


def search_passages(
    q: str, filters: Filters | None = None, limit: int = 8
) -> tuple[Hit, ...]:
    """Return the best ``limit`` passages of ``q`` under ``filters`` (any feature).

    ``filters`` None: the text alone.
    """
    base = dataclasses.replace(filters or Filters(), feature=None, q=q)
    return load_page(*index_stamp(), base, "rank", 0, limit).hits


def find_article_titles(text: str) -> dict[str, str]:
    """Return article ids -> titles matching ``text`` (at most 50)."""
    return load_article_matches(*index_stamp(), text.strip())


class IndexedArticles:
    """The indexed article ids as a container: ``id in IndexedArticles()``.

    Each test asks the index (cached), so a URL's article ids are checked without
    listing 100,000 of them.
    """

    def __contains__(self, ident: object) -> bool:
        return isinstance(ident, str) and bool(load_titles((ident,)))


def load_titles(ids: tuple[str, ...]) -> dict[str, str]:
    """Return the titles of the articles ``ids``."""
    return load_article_titles(*index_stamp(), tuple(sorted(ids)))


def load_shown_passage(passage_id: str) -> Hit | None:
    """Return one passage of the current index by id (None when unknown)."""
    return load_passage(*index_stamp(), passage_id)


def load_passage_links(passage_id: str | None) -> tuple[str, ...]:
    """Return the feature ids a passage links (empty for None or an unknown id)."""
    hit = load_passage(*index_stamp(), passage_id) if passage_id else None
    return tuple(link.id for link in hit.features) if hit else ()
