"""Query the index: one page of passages, exact totals, and aggregate counts.

``Filters`` is the one filter value; ``query_page`` returns a ``Page``; the
``count_*`` functions feed the map and the timeline. Everything here only reads the
index (a missing or outdated index is a ``QueryError`` saying to sync). This
package imports ``articles.index`` for its codec and connection, never the sync.
"""

from articles.query.aggregates import (
    ArticleRef,
    CorpusSummary,
    article_titles,
    corpus_summary,
    count_actors,
    count_features,
    count_months,
    count_months_by_actor,
    count_targets,
    find_articles,
)
from articles.query.compat import query_passages
from articles.query.filters import DATEMODES, Filters, QueryError, build_fts_query
from articles.query.hits import Hit, Link, evidence_counts
from articles.query.link_matrix import warm as hold_links
from articles.query.lookup import (
    find_article_by_hash,
    find_articles_by_url,
    list_article_hashes,
    list_article_ids,
)
from articles.query.page import ORDERS, Page, query_page
from articles.query.passage import find_passage
from articles.query.top import query_top

__all__ = [
    "DATEMODES",
    "ORDERS",
    "ArticleRef",
    "CorpusSummary",
    "Filters",
    "Hit",
    "Link",
    "Page",
    "QueryError",
    "article_titles",
    "build_fts_query",
    "corpus_summary",
    "count_actors",
    "count_features",
    "count_months",
    "count_months_by_actor",
    "count_targets",
    "evidence_counts",
    "find_article_by_hash",
    "find_articles",
    "find_articles_by_url",
    "find_passage",
    "hold_links",
    "list_article_hashes",
    "list_article_ids",
    "query_page",
    "query_passages",
    "query_top",
]
