"""The linked passages as escaped, highlighted HTML with numbered citations."""

from __future__ import annotations

from html import escape

from articles.query import Hit
from components.briefing.describe import cite_hit
from components.briefing.model import Briefing
from components.briefing.reviewed import build_link_mark_html, build_review_note_html
from components.highlight import build_source_html
from components.passage import build_notes_html, build_text_html


def build_passages_html(briefing: Briefing) -> str:
    """Render every hit as a quoted passage followed by its citation number.

    Parameters
    ----------
    briefing : Briefing
        The exported view; ``hits`` are cited in their order, from [1].

    Returns
    -------
    str
        An HTML fragment; all article text is escaped.
    """
    if not briefing.hits:
        return '<p class="empty">No passage matches these filters.</p>'
    items = [
        _render_passage(briefing, number, hit)
        for number, hit in enumerate(briefing.hits, start=1)
    ]
    note = build_review_note_html(briefing.hits, briefing.confirmed)
    return note + '<ol class="passages">\n' + "\n".join(items) + "\n</ol>"


def build_references_html(briefing: Briefing) -> str:
    """Render the numbered reference list: author, title, source, date, paragraph."""
    if not briefing.hits:
        return '<p class="empty">No sources cited.</p>'
    items = []
    for number, hit in enumerate(briefing.hits, start=1):
        text = escape(cite_hit(hit), quote=True)
        label = hit.source or hit.url
        source = build_source_html(hit.source, hit.url) if label else "no source"
        items.append(f'<li id="ref-{number}">[{number}] {text}. Source: {source}.</li>')
    return '<ol class="references">\n' + "\n".join(items) + "\n</ol>"


def _render_passage(briefing: Briefing, number: int, hit: Hit) -> str:
    body = build_text_html(hit, briefing.filters, briefing.actor_ids)
    title = escape(f"{hit.title}, {hit.published.isoformat()}, paragraph {hit.n}")
    mark = briefing.confirmed
    features = ", ".join(
        build_link_mark_html(
            briefing.feature_name(k.id), (hit.passage_id, "feature", k.id), mark
        )
        for k in hit.features
    )
    actors = ", ".join(
        build_link_mark_html(
            briefing.actors.get(a.id, a.id), (hit.passage_id, "actor", a.id), mark
        )
        for a in hit.actors
    )
    notes = build_notes_html(hit, "links note")
    return (
        f'<li id="p-{number}" data-passage="{escape(hit.passage_id, quote=True)}">'
        f"<blockquote>{body} "
        f'<a class="cite-no" href="#ref-{number}" title="{title}">[{number}]</a>'
        f"</blockquote>{notes}"
        f'<p class="links">Places: {features or "none"} \u00b7 '
        f"Actors: {actors or 'none'}</p></li>"
    )
