"""Evidence panel: passages linked to the selected feature, cited and highlighted."""

from __future__ import annotations

import html
from collections.abc import Callable, Collection, Mapping

import streamlit as st

from articles.query import Filters, Hit, Page
from components.highlight import build_source_html, escape_markdown
from components.panels import review
from components.passage import HIGHLIGHT, build_notes_html, build_text_html

#: Sort orders offered to the user (README "Evidence order" says how "best" ranks).
ORDERS: dict[str, str] = {
    "rank": "Best first",
    "newest": "Newest first",
    "article": "Article order",
}
#: Badge text for each way a mention was recognised (articles.model.HOW).
HOW_LABELS: dict[str, str] = {
    "name": "named",
    "alias": "alias",
    "demonym": "demonym",
    "implied": "implied",
    "added": "added by analyst",
}
#: One line per badge: how the passage was linked to the place (tooltip, legend).
HOW_HELP: dict[str, str] = {
    "name": "the passage names the place",
    "alias": "it uses another of the place's names",
    "demonym": "it names the people ('Afghan', 'Pakistani')",
    "implied": "a phrase implies it without naming it ('cross-border' for the "
    "Durand Line when the passage is about Afghanistan and Pakistan)",
    "added": "an analyst linked it by hand (python -m articles review add)",
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
.pp-card.is-shown{border-left:5px solid #ffb000;background:#fff8e6}
.pp-onmap{font-size:.75rem;font-weight:600;color:#8a5a00;margin-left:.3rem}
</style>"""
)


def count_pages(n_groups: int, per_page: int) -> int:
    """Return the number of pages needed for ``n_groups`` entries (at least 1)."""
    return max(1, -(-n_groups // per_page))


def build_totals_caption(page: Page) -> str:
    """Say what the page shows of how much: "11-20 of 18,316 passages in 4,120 ..."."""
    if page.total == 0:
        return "No passage"
    first = page.offset + 1
    last = page.offset + len(page.hits)
    shown = f"{first:,}-{last:,}" if last > first else f"{first:,}"
    noun = "passage" if page.total == 1 else "passages"
    where = f" in {page.articles:,} article{'s' if page.articles != 1 else ''}"
    folded = page.total - page.groups
    similar = f"; {folded:,} near-duplicates folded in" if folded else ""
    return f"{shown} of {page.total:,} {noun}{where}{similar}"


def build_badges_html(hows: Collection[str]) -> str:
    """Badges for how a feature was linked, each explained on hover (`HOW_HELP`)."""
    seen = [h for h in HOW_LABELS if h in hows]
    return "".join(
        f'<span class="pp-badge {h}" title="{html.escape(HOW_HELP[h], quote=True)}">'
        f"{html.escape(HOW_LABELS[h])}</span>"
        for h in seen
    )


def build_how_legend() -> str:
    """One line explaining the badges (shown above the passages), Markdown-safe."""
    parts = [f"**{HOW_LABELS[h]}**: {HOW_HELP[h]}" for h in HOW_LABELS]
    return "Badges say how a passage was linked to the place. " + "; ".join(parts)


def build_citation_html(hit: Hit) -> str:
    """Escaped citation: title, author, date, paragraph number, source link."""
    title = html.escape(hit.title or hit.article_id)
    parts = [f"<cite>{title}</cite>"]
    if hit.author:
        parts.append(html.escape(hit.author))
    parts.append(html.escape(hit.published.isoformat()))
    parts.append(f"¶{int(hit.n)}" if hit.kind == "body" else html.escape(hit.kind))
    if hit.source or hit.url:
        parts.append(build_source_html(hit.source, hit.url))
    return '<div class="pp-cite">' + " · ".join(parts) + "</div>"


def build_passage_html(
    hit: Hit,
    *,
    feature_id: str | None,
    names: Mapping[str, str] | None = None,
    actor_ids: Collection[str] = (),
    q: str | None = None,
    shown: bool = False,
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
    shown : bool
        The passage is the one shown on the map: the card is marked.

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
    if hit.similar:
        plural = "s" if hit.similar != 1 else ""
        ids = html.escape(", ".join(hit.similar_ids[:5]))
        more = ", ..." if hit.similar > 5 else ""
        notes += (
            f'<div class="pp-also">and {hit.similar} similar passage{plural} '
            f"(the same words elsewhere: {ids}{more})</div>"
        )
    card = "pp-card is-shown" if shown else "pp-card"
    mark = '<span class="pp-onmap">&#9673; On the map</span>' if shown else ""
    return (
        f'<div class="{card}">{build_citation_html(hit)}'
        f"<div>{build_badges_html(hows)}{mark}</div>{heading}"
        f'<p class="pp-text">{build_text_html(hit, filters, actor_ids)}</p>'
        f"{notes}{also}</div>"
    )


def init_state() -> None:
    """Initialise this panel's session-state keys (no-op when already set)."""
    for name, value in ((KEY_ORDER, "rank"), (KEY_SHOWN, None)):
        if name not in st.session_state:
            st.session_state[name] = value


def show_passage(passage_id: str | None) -> None:
    """Remember the passage to show on the map (a widget callback, or a search jump)."""
    st.session_state[KEY_SHOWN] = passage_id


def _reset_page_on_new_context(context: tuple[object, ...]) -> None:
    """Go back to page 1 when the query or the order change."""
    if st.session_state.get(_KEY_CONTEXT) != context:
        st.session_state[_KEY_CONTEXT] = context
        st.session_state.pop(KEY_PAGE, None)  # the pagination widget restarts at 1


def render(
    fetch: Callable[[str, int], Page],
    *,
    filters: Filters,
    feature_name: str | None = None,
    names: Mapping[str, str] | None = None,
    actor_ids: Collection[str] = (),
    find: Callable[[str], Hit | None] | None = None,
    key: str = "passage_panel",
) -> Page | None:
    """Show one page of the passages of ``filters``; return that page.

    Parameters
    ----------
    fetch : callable
        ``fetch(order, page)`` -> `articles.query.Page` (page from 1): only the
        passages shown are loaded, with exact totals.
    filters : Filters
        The view's evidence query (its feature is the selection).
    find : callable, optional
        ``find(passage_id)`` -> the passage (None: unknown): the passage shown on
        the map (a search result, say) is drawn first when not on this page.

    Returns
    -------
    Page or None
        The page shown, with the exact totals (None: no feature selected). The
        passage whose "Show on map" was pressed is in ``KEY_SHOWN``; its card is
        marked "On the map".
    """
    init_state()
    st.html(PANEL_CSS + review.CHIP_CSS)
    feature_id = filters.feature
    if feature_id is None:
        _render_shown(key, find, (), names)
        st.info("Click a feature on the map to read the passages that discuss it.")
        return None
    label = feature_name or feature_id
    st.markdown(f"**Evidence: {escape_markdown(label)}**")
    order = str(
        st.radio(
            "Order", list(ORDERS), format_func=ORDERS.__getitem__, key=KEY_ORDER,
            horizontal=True, label_visibility="collapsed",
        )
    )  # fmt: skip
    _reset_page_on_new_context((filters, order))
    page = fetch(order, int(st.session_state.get(KEY_PAGE) or 1))
    _render_shown(key, find, [h.passage_id for h in page.hits], names)
    if page.total == 0:
        st.info(f"No passage links {label} under the current filters.")
        return page
    st.caption(build_totals_caption(page), help=build_how_legend())
    review.render_trust(feature_id, label)
    n_pages = count_pages(page.groups, page.limit)
    if n_pages > 1:
        st.pagination(n_pages, key=KEY_PAGE)
    on_map = st.session_state.get(KEY_SHOWN)
    for hit in page.hits:
        shown = hit.passage_id == on_map
        st.html(
            build_passage_html(
                hit, feature_id=feature_id, names=names, actor_ids=actor_ids,
                q=filters.q, shown=shown,
            )
        )  # fmt: skip
        st.button(
            "Shown on the map" if shown else "Show on map",
            key=f"{key}.show.{hit.passage_id}", disabled=shown,
            on_click=show_passage, args=(hit.passage_id,),
            icon=":material/location_on:",
        )  # fmt: skip
        review.render_chips(hit, feature_id=feature_id, names=names or {})
    return page


def _render_shown(
    key: str,
    find: Callable[[str], Hit | None] | None,
    listed: Collection[str],
    names: Mapping[str, str] | None,
) -> str | None:
    """Draw the passage shown on the map when the list lacks it; offer to clear it."""
    shown = st.session_state.get(KEY_SHOWN)
    if not shown:
        return None
    hit = find(str(shown)) if find is not None and shown not in listed else None
    if hit is not None:
        st.caption("Shown on the map (not in this list under the current view):")
        st.html(build_passage_html(hit, feature_id=None, names=names, shown=True))
    st.button(
        "Clear map highlight", key=f"{key}.clear", type="tertiary",
        on_click=show_passage, args=(None,), icon=":material/close:",
    )  # fmt: skip
    return str(shown)
