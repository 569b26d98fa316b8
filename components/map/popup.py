"""First evidence in the map's own popup: a feature's count and its top passage.

A click opens the popup at once, in the browser, before the server answers; the
evidence panel follows. Every value is untrusted article text: it is escaped.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

#: Characters of the top passage quoted in the popup.
SNIPPET_CHARS = 200


@dataclass(frozen=True)
class TopPassage:
    """The best-ranked passage of a feature under the filters, for its popup.

    ``published`` is an ISO date; ``snippet`` is plain text (escaped when drawn).
    """

    title: str
    published: str
    snippet: str


def build_snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    """Return the first ``limit`` characters of ``text`` (whitespace folded, "...")."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0] if " " in flat[:limit] else flat[:limit]
    return cut.rstrip(" ,;:") + "..."


def build_popup_html(name: str, count: int, top: TopPassage | None) -> str:
    """Return the popup of a feature: name, passage count and top passage, escaped.

    Parameters
    ----------
    name : str
        The feature's display name.
    count : int
        Passages linked to it under the current filters.
    top : TopPassage or None
        Its best-ranked passage (None: no passage, or not loaded).

    Returns
    -------
    str
        HTML for the Leaflet popup (class ``map-pop``).
    """
    noun = "passage" if count == 1 else "passages"
    head = f"<b>{html.escape(name)}</b> &middot; {count:,} {noun}"
    if top is None:
        return f'<div class="map-pop">{head}</div>'
    return (
        f'<div class="map-pop">{head}'
        f'<div class="map-pop-cite"><i>{html.escape(top.title)}</i>, '
        f"{html.escape(top.published)}</div>"
        f'<div class="map-pop-text">{html.escape(top.snippet)}</div>'
        '<div class="map-pop-more">Full evidence in the panel.</div></div>'
    )


#: Popup styles (added to the base map's header with the label CSS).
POPUP_CSS = (
    "<style>.map-pop{font:12px/1.35 sans-serif;max-width:280px}"
    ".map-pop-cite{color:#555;margin-top:3px}"
    ".map-pop-text{margin-top:3px}"
    ".map-pop-more{color:#777;font-size:11px;margin-top:3px}</style>"
)
