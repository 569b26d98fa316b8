"""Evidence panel: passages linked to the selected feature, cited and highlighted."""

from __future__ import annotations

import html
from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING

import streamlit as st

from articles.query import Filters
from components.highlight import build_link_html
from components.passage import HIGHLIGHT, build_notes_html, build_text_html

if TYPE_CHECKING:
    from articles.query import Hit

#: Sort orders offered to the user.
ORDERS: dict[str, str] = {"newest": "Newest first", "article": "Article order"}
#: Passages per page.
PER_PAGE = 10
#: Badge text for each way a mention was recognised (articles.model.HOW).
HOW_LABELS: dict[str, str] = {
    "name": "named",
    "alias": "alias",
    "demonym": "demonym",
    "implied": "implied",
}
KEY_ORDER = "passage_panel.order"
KEY_PAGE = "passage_panel.page"
KEY_SHOWN = "passage_panel.shown"
_KEY_CONTEXT = "passage_panel.context"

PANEL_CSS = (
    """<style>
.pp-card{border-left:3px solid #c2410c;padding:.2rem .8rem;margin:.4rem 0}
.pp-cite{font-size:.85rem;color:#555}
.pp-badge{display:inline-block;font-size:.75rem;padding:0 .4rem;margin-right:.3rem;
 border-radius:.6rem;background:#fde7d9;color:#7c2d12}
.pp-badge.implied{background:#eee;color:#444}
.pp-text mark{background:"""
    + HIGHLIGHT
    + """;padding:0 .1rem}
.pp-also,.pp-note{font-size:.8rem;color:#666}
</style>"""
)


def sort_hits(hits: Sequence[Hit], order: str) -> list[Hit]:
    """Sort passages newest-first or in article order.

    Parameters
    ----------
    hits : sequence of Hit
        Passages to show.
    order : {"newest", "article"}
        ``newest``: by publication date, newest first, then reading order with an
        article's title and headings after its paragraphs (ranked below the body).
        ``article``: articles oldest first, each in reading order (paragraph n).

    Returns
    -------
    list of Hit
    """
    if order == "article":
        return sorted(hits, key=lambda h: (h.published, h.article_id, h.n))
    by_reading = sorted(hits, key=lambda h: (h.article_id, h.kind != "body", h.n))
    return sorted(by_reading, key=lambda h: h.published, reverse=True)


def build_page(hits: Sequence[Hit], page: int, per_page: int = PER_PAGE) -> list[Hit]:
    """Return the hits on 1-based ``page`` (an out-of-range page gives page 1)."""
    n_pages = count_pages(len(hits), per_page)
    page = page if 1 <= page <= n_pages else 1
    return list(hits[(page - 1) * per_page : page * per_page])


def count_pages(n_hits: int, per_page: int = PER_PAGE) -> int:
    """Return the number of pages needed for ``n_hits`` (at least 1)."""
    return max(1, -(-n_hits // per_page))


def build_badges_html(hows: Collection[str]) -> str:
    """Badges for how a feature was linked (named, alias, demonym, implied)."""
    seen = [h for h in HOW_LABELS if h in hows]
    return "".join(
        f'<span class="pp-badge {h}">{html.escape(HOW_LABELS[h])}</span>' for h in seen
    )


def build_citation_html(hit: Hit) -> str:
    """Escaped citation: title, author, date, paragraph number, source link."""
    title = html.escape(hit.title or hit.article_id)
    parts = [f"<cite>{title}</cite>"]
    if hit.author:
        parts.append(html.escape(hit.author))
    parts.append(html.escape(hit.published.isoformat()))
    parts.append(f"¶{int(hit.n)}" if hit.kind == "body" else html.escape(hit.kind))
    if hit.source:
        parts.append(build_link_html(hit.source, hit.source))
    return '<div class="pp-cite">' + " · ".join(parts) + "</div>"


def build_passage_html(
    hit: Hit,
    *,
    feature_id: str | None,
    names: Mapping[str, str] | None = None,
    actor_ids: Collection[str] = (),
    q: str | None = None,
) -> str:
    """Build one passage card: citation, link badges, highlighted text.

    Every string from the hit (text, title, author, source, heading) is escaped;
    the source becomes a link only when it is an http(s) URL.

    Parameters
    ----------
    hit : Hit
        The passage with its links.
    feature_id : str or None
        The selected feature: its spans are highlighted and its link kinds badged.
    names : mapping of str to str, optional
        Display names of feature and actor ids (for the "Also names" line).
    actor_ids : collection of str
        Actors in the filter (their spans are highlighted too).
    q : str or None
        Search text whose words are highlighted.

    Returns
    -------
    str
        HTML fragment, safe for ``st.html``.
    """
    names = names or {}
    filters = Filters(feature=feature_id, q=q)
    hows = {link.how for link in hit.features if link.id == feature_id}
    heading = (
        f"<div><strong>{html.escape(hit.heading)}</strong></div>" if hit.heading else ""
    )
    others = sorted(
        {names.get(lk.id, lk.id) for lk in hit.features if lk.id != feature_id}
        | {names.get(lk.id, lk.id) for lk in hit.actors}
    )
    also = (
        '<div class="pp-also">Also names: ' + html.escape(", ".join(others)) + "</div>"
        if others
        else ""
    )
    notes = build_notes_html(hit, "pp-note")
    return (
        f'<div class="pp-card">{build_citation_html(hit)}'
        f"<div>{build_badges_html(hows)}</div>{heading}"
        f'<p class="pp-text">{build_text_html(hit, filters, actor_ids)}</p>'
        f"{notes}{also}</div>"
    )


def init_state() -> None:
    """Initialise this panel's session-state keys (no-op when already set)."""
    for name, value in ((KEY_ORDER, "newest"), (KEY_SHOWN, None)):
        if name not in st.session_state:
            st.session_state[name] = value


def show_passage(passage_id: str | None) -> None:
    """Remember the passage to show on the map (a widget callback, or a search jump)."""
    st.session_state[KEY_SHOWN] = passage_id


def _reset_page_on_new_context(context: tuple[object, ...]) -> None:
    """Go back to page 1 when the feature or the filtered hits change."""
    if st.session_state.get(_KEY_CONTEXT) != context:
        st.session_state[_KEY_CONTEXT] = context
        st.session_state.pop(KEY_PAGE, None)  # the pagination widget restarts at 1


def render(
    hits: Sequence[Hit],
    *,
    feature_id: str | None,
    feature_name: str | None = None,
    names: Mapping[str, str] | None = None,
    actor_ids: Collection[str] = (),
    q: str | None = None,
    key: str = "passage_panel",
) -> str | None:
    """Show the passages linked to ``feature_id``; return the passage to show on map.

    Returns
    -------
    str or None
        Id of the passage whose "Show on map" was pressed (kept until cleared).
    """
    init_state()
    if feature_id is None:
        st.info("Click a feature on the map to read the passages that discuss it.")
        return _render_shown(key)
    label = feature_name or feature_id
    st.subheader(f"Evidence: {label}", anchor=False)
    if not hits:
        st.info(f"No passage links {label} under the current filters.")
        return _render_shown(key)
    order = st.radio(
        "Order", list(ORDERS), format_func=ORDERS.__getitem__, key=KEY_ORDER,
        horizontal=True, label_visibility="collapsed",
    )  # fmt: skip
    ordered = sort_hits(hits, str(order))
    n_pages = count_pages(len(ordered))
    _reset_page_on_new_context((feature_id, len(ordered), ordered[0].passage_id))
    st.caption(f"{len(ordered)} passage{'s' if len(ordered) != 1 else ''}")
    page = st.pagination(n_pages, key=KEY_PAGE) if n_pages > 1 else 1
    st.html(PANEL_CSS)
    for hit in build_page(ordered, page):
        st.html(
            build_passage_html(
                hit, feature_id=feature_id, names=names, actor_ids=actor_ids, q=q
            )
        )
        st.button(
            "Show on map", key=f"{key}.show.{hit.passage_id}",
            on_click=show_passage, args=(hit.passage_id,),
            icon=":material/location_on:",
        )  # fmt: skip
    return _render_shown(key)


def _render_shown(key: str) -> str | None:
    """Offer to clear the passage shown on the map; return it."""
    shown = st.session_state.get(KEY_SHOWN)
    if shown:
        st.button(
            "Clear map highlight", key=f"{key}.clear",
            on_click=show_passage, args=(None,),
        )  # fmt: skip
    return str(shown) if shown else None
