"""One passage rendered: which spans are highlighted, and the highlighted text.

The evidence panel and every export call these, so a passage reads the same on the
page and in a briefing; only the markup around it (card, numbered quote) differs.
"""

from __future__ import annotations

import html
from collections.abc import Collection

from articles.query import Filters, Hit
from components.highlight import build_highlighted_html, find_term_spans

#: The highlight colour of matched words, on the page and in every export.
HIGHLIGHT = "#fde68a"


def select_spans(
    hit: Hit, filters: Filters, actor_ids: Collection[str] = ()
) -> list[tuple[int, int]]:
    """Return the spans of ``hit.text`` to highlight under ``filters``.

    The rule: the selected feature's mentions (every feature mention when no
    feature is selected), the mentions of the filtered actors (``actor_ids``: the
    filter's actors with their members), and the words of the text search.

    Parameters
    ----------
    hit : Hit
        The passage with its links (spans are offsets in ``hit.text``).
    filters : Filters
        The view's query.
    actor_ids : collection of str
        The filtered actors expanded to their members (empty: no actor filter).

    Returns
    -------
    list of (int, int)
        Spans, unmerged (`components.highlight.merge_spans` merges them).
    """
    spans: list[tuple[int, int]] = []
    for link in hit.features:
        if filters.feature is None or link.id == filters.feature:
            spans.extend(link.spans)
    for link in hit.actors:
        if link.id in actor_ids:
            spans.extend(link.spans)
    spans.extend(find_term_spans(hit.text, filters.q))
    return spans


def build_text_html(hit: Hit, filters: Filters, actor_ids: Collection[str] = ()) -> str:
    """Return the passage's escaped text with the `select_spans` spans in ``<mark>``."""
    return build_highlighted_html(hit.text, select_spans(hit, filters, actor_ids))


def build_notes_html(hit: Hit, css_class: str) -> str:
    """Return the passage's footnotes, escaped, one ``<p class=...>`` each."""
    cls = html.escape(css_class, quote=True)
    return "".join(f'<p class="{cls}">{html.escape(note)}</p>' for note in hit.notes)
