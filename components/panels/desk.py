"""The analyst's desk: a sticky map column beside a scrolling evidence panel.

Streamlit has no sticky layout of its own, so the page's CSS pins the map's column
(found by the keyed container it holds) to the top of the scrolling area while
the evidence column scrolls beside it. The embed mode gets a compact variant and
an "Open full view" link (the same view without ``embed=true``).
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from components.panels import export
from components.url import state as url_state
from components.url.state import build_share_url
from components.view import View

#: Key of the container holding the map (CSS class ``st-key-desk-map``).
MAP_KEY = "desk-map"
#: Key of the container holding the evidence panel.
PANEL_KEY = "desk-panel"
#: Map height (px): the full page at 1600x1000, and the 1100x650 embed.
MAP_HEIGHT = 620
EMBED_MAP_HEIGHT = 560

DESK_CSS = """<style>
.block-container{padding-top:3.5rem!important}
.block-container h1{font-size:1.6rem;padding:.2rem 0 .6rem 0}
div[data-testid="stColumn"]:has(.st-key-desk-map){
  position:sticky;top:3.75rem;align-self:flex-start;z-index:2}
div[data-testid="stHorizontalBlock"]:has(.st-key-desk-map){align-items:flex-start}
</style>"""
#: Embed: no title, less padding, the panel scrolls inside the frame's height.
EMBED_CSS = """<style>
.block-container{padding:.5rem 1rem 0 1rem!important}
div[data-testid="stColumn"]:has(.st-key-desk-map){top:0}
.st-key-desk-panel{max-height:600px;overflow-y:auto}
.st-key-desk-panel h3{font-size:1.1rem;padding:.1rem 0}
</style>"""


def build_full_view_url(base_url: str, view: View) -> str:
    """Return the link that opens ``view`` in the full page (``embed`` dropped)."""
    return build_share_url(base_url, view, embed=False)


def apply_layout(*, embedded: bool) -> None:
    """Add the desk's CSS (call once per run, before the columns)."""
    st.html(DESK_CSS + (EMBED_CSS if embedded else ""))


def build_corpus_line(
    articles: int, passages: int, published: tuple[dt.date, dt.date]
) -> str:
    """One line on what the index holds: articles, passages, publication months."""
    line = f"{articles:,} articles, {passages:,} passages"
    if articles:
        first, last = (f"{day:%b %Y}" for day in published)
        line += f", published {first}" + ("" if first == last else f" to {last}")
    return line


def render_sidebar_head(
    articles: int, passages: int, published: tuple[dt.date, dt.date]
) -> None:
    """Draw the sidebar's first line, before the map.

    The map and the panel are drawn before the sidebar's widgets; with this line
    first, the sidebar (and so the map's width) is in place when the map first
    draws, and the map does not shift under the analyst's first click.
    """
    st.sidebar.caption(build_corpus_line(articles, passages, published))


def render_open_full_view(view: View) -> None:
    """Draw the embed's "Open full view" link (a new tab, the same view)."""
    url = build_full_view_url(st.context.url or "", view)
    st.link_button("Open full view", url, icon=":material/open_in_new:")


def render_top_bar(view: View, total: int, *, embedded: bool) -> None:
    """Share (Copy link) and Export side by side; the embed's "Open full view"."""
    if embedded:
        render_open_full_view(view)
        return
    share, exports = st.columns(2)
    with share:
        url_state.render(view)
    with exports:
        export.render(view, total)
