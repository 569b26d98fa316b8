"""Search box: places, actors and passage text; returns what to jump to."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import streamlit as st

from articles.query import Filters
from components.highlight import escape_markdown, find_term_spans
from components.loaders import search_passages
from components.map import selection
from components.panels import filters as filter_panel
from components.panels import passages
from components.panels.search_scope import HIDDEN_BY, FilterScope, find_hiding_filters

if TYPE_CHECKING:
    from articles.model import Actor
    from articles.query import Hit
    from geo.model import Feature

#: Most results hidden by the filters listed after those that match them.
MAX_HIDDEN = 3

KEY_Q = "search_box.q"
KEY_PICK = "search_box.pick"
MAX_Q_LEN = 200
SNIPPET = 90
KIND_ICONS = {"feature": ":material/place:", "actor": ":material/groups:",
              "passage": ":material/article:"}  # fmt: skip


@dataclass(frozen=True)
class SearchResult:
    """Something to jump to: a feature, an actor or a passage."""

    kind: str  # "feature", "actor" or "passage"
    id: str
    label: str
    detail: str = ""
    hidden_by: tuple[str, ...] = ()  # keys of HIDDEN_BY (passages only)


def mark_hidden(
    query: str,
    shown: Sequence[Hit],
    found: Sequence[Hit],
    filters: Filters,
    actor_ids: Collection[str],
) -> list[SearchResult]:
    """Passages found by the text alone that the filters hide, saying which filter.

    ``shown`` are the hits under the filters, ``found`` those of the text alone;
    at most `MAX_HIDDEN` of ``found`` not in ``shown`` come back.
    """
    seen = {h.passage_id for h in shown}
    out = []
    for hit in found:
        hiders = find_hiding_filters(hit, filters, actor_ids)
        if hit.passage_id in seen or not hiders:
            continue
        label = f"{hit.title} ¶{hit.n}"
        snippet = build_snippet(hit.text, query)
        out.append(SearchResult("passage", hit.passage_id, label, snippet, hiders))
    return out[:MAX_HIDDEN]


def _score(query: str, name: str, aliases: Iterable[str]) -> int | None:
    """Rank a match: 0 exact name, 1 prefix, 2 substring; 3-5 the same for aliases."""
    for offset, candidates in ((0, (name,)), (3, tuple(aliases))):
        best = None
        for text in candidates:
            folded = text.casefold()
            rank = (0 if folded == query else 1 if folded.startswith(query)
                    else 2 if query in folded else None)  # fmt: skip
            if rank is not None and (best is None or rank < best):
                best = rank
        if best is not None:
            return offset + best
    return None


def _match_named(
    query: str, items: Sequence[Feature] | Sequence[Actor], kind: str
) -> list[tuple[int, SearchResult]]:
    """Return scored results for features or actors whose names match ``query``."""
    found = []
    for item in items:
        aliases = (*item.aliases, *getattr(item, "case_sensitive", ()))
        score = _score(query, item.name, aliases)
        if score is not None:
            detail = str(getattr(item, "kind", ""))
            found.append((score, SearchResult(kind, item.id, item.name, detail)))
    return found


def build_snippet(text: str, query: str, width: int = SNIPPET) -> str:
    """Return about ``width`` characters of ``text`` around the first query word."""
    spans = sorted(find_term_spans(text, query))
    start = max(0, spans[0][0] - width // 3) if spans else 0
    snippet = " ".join(text[start : start + width].split())
    prefix = "..." if start > 0 else ""
    suffix = "..." if start + width < len(text) else ""
    return f"{prefix}{snippet}{suffix}"


def build_search_results(
    query: str,
    features: Sequence[Feature],
    actors: Sequence[Actor],
    hits: Sequence[Hit] = (),
    limit: int = 8,
) -> list[SearchResult]:
    """Find places and actors by name or alias, then passages by text.

    Parameters
    ----------
    query : str
        What the user typed (case-insensitive; any script).
    features, actors : sequence
        Gazetteer features and actor registry.
    hits : sequence of Hit
        Full-text matches from the index (``articles.query`` with ``q``).
    limit : int
        Most results of each kind.

    Returns
    -------
    list of SearchResult
        Places first, then actors, then passages; best matches first.
    """
    folded = " ".join(query.split()).casefold()
    if len(folded) < 2:
        return []
    out: list[SearchResult] = []
    for items, kind in ((features, "feature"), (actors, "actor")):
        scored = _match_named(folded, items, kind)
        scored.sort(key=lambda pair: (pair[0], pair[1].label))
        out.extend(result for _, result in scored[:limit])
    for hit in hits[:limit]:
        label = f"{hit.title} ¶{hit.n}"
        out.append(
            SearchResult(
                "passage", hit.passage_id, label, build_snippet(hit.text, query)
            )
        )
    return out


def _search_index(q: str) -> Sequence[Hit]:
    """Search passage text in the index (cached loader)."""
    return search_passages(q)


def _clear_and_pick(result: SearchResult, clear: Callable[[str], None]) -> None:
    """Widget callback: clear the filters hiding ``result``, then jump to it."""
    for name in result.hidden_by:
        clear(name)
    _pick(result)


def _render_hidden(
    results: Sequence[SearchResult], scope: FilterScope, key: str
) -> None:
    """List the passages the filters hide, each with a button clearing them."""
    for n, result in enumerate(results):
        why = " and ".join(HIDDEN_BY[h] for h in result.hidden_by)
        st.caption(
            escape_markdown(f"Hidden by {why}: {result.label} - {result.detail}")
        )
        st.button(
            f"Clear {why} and show it", key=f"{key}.hidden.{n}",
            icon=":material/filter_alt_off:", type="tertiary",
            on_click=_clear_and_pick, args=(result, scope.clear),
        )  # fmt: skip


def init_state(q: str | None = None) -> None:
    """Seed the search text (from the URL) unless already set."""
    if KEY_Q not in st.session_state:
        st.session_state[KEY_Q] = q or ""


def _pick(result: SearchResult) -> None:
    """Widget callback: jump to the chosen result and remember it for the run.

    Jumping here, before the script runs, lets the page draw the map (with the
    new selection or actor filter) before the sidebar draws its widgets.
    """
    jump_to(result)
    st.session_state[KEY_PICK] = result


def render(
    features: Sequence[Feature],
    actors: Sequence[Actor],
    *,
    search: Callable[[str], Sequence[Hit]] | None = None,
    q: str | None = None,
    scope: FilterScope | None = None,
    key: str = "search_box",
) -> SearchResult | None:
    """Draw the search box and its results; return the result chosen (once).

    Parameters
    ----------
    search : callable, optional
        Full-text passage search (defaults to `loaders.search_passages`).
    q : str, optional
        Initial search text (from the URL).
    scope : FilterScope, optional
        The view's filters: passages are searched under them, and the best
        passages of the text alone that they hide are listed apart, saying which
        filter hides each and offering to clear it.

    Returns
    -------
    SearchResult or None
        The result the user clicked, in the run right after the click only (its
        button's callback has already jumped to it: `jump_to`).
    """
    init_state(q)
    picked = st.session_state.pop(KEY_PICK, None)
    text = st.text_input(
        "Search", key=KEY_Q, max_chars=MAX_Q_LEN,
        placeholder="Place, actor or words in a passage",
    )  # fmt: skip
    if text and len(text.strip()) >= 2:
        words = text.strip()
        hidden: list[SearchResult] = []
        if scope is not None:
            hits = scope.search(words, scope.filters)
            found = scope.search(words, Filters())
            hidden = mark_hidden(words, hits, found, scope.filters, scope.actor_ids)
        else:
            hits = (search or _search_index)(words)
        results = build_search_results(text, features, actors, hits)
        if not results and not hidden:
            st.caption("Nothing found.")
        for n, result in enumerate(results):
            detail = f" - {result.detail}" if result.detail else ""
            st.button(
                escape_markdown(f"{result.label}{detail}"), key=f"{key}.result.{n}",
                icon=KIND_ICONS.get(result.kind), on_click=_pick, args=(result,),
                type="tertiary",
            )  # fmt: skip
        if hidden and scope is not None:
            _render_hidden(hidden, scope, key)
    return picked if isinstance(picked, SearchResult) else None


def jump_to(pick: SearchResult) -> None:
    """Apply a search result (call before the filters draw their widgets).

    A place is selected, an actor becomes the actor filter, a passage is shown
    on the map (and drawn first in the evidence panel).
    """
    if pick.kind == "feature":
        selection.select_feature(st.session_state, pick.id)
    elif pick.kind == "actor":
        filter_panel.select_actors([pick.id])
    else:
        passages.show_passage(pick.id)
