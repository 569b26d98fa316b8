"""What an analyst has reviewed among a briefing's cited links (issue 14).

Each cited link is marked confirmed (an analyst confirmed or added it) or
automatic (nobody reviewed it), and the briefing says how many nobody reviewed.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from articles.query import Hit
from articles.review.apply import standing_decision
from articles.review.state import LinkKey, Review


def find_confirmed(hits: Iterable[Hit], review: Review) -> frozenset[LinkKey]:
    """Return the links of ``hits`` an analyst confirmed or added."""
    out = set()
    for hit in hits:
        for kind, links in (("feature", hit.features), ("actor", hit.actors)):
            for link in links:
                key = (hit.passage_id, kind, link.id)
                if link.how == "added" or any(
                    (d := standing_decision(review, hit.text, key, s)) is not None
                    and d.action != "reject"
                    for s in link.spans
                ):
                    out.add(key)
    return frozenset(out)


def count_cited(hits: Iterable[Hit], confirmed: frozenset[LinkKey]) -> tuple[int, int]:
    """Return (cited links, confirmed among them) over the features and actors."""
    keys = [
        (h.passage_id, kind, link.id)
        for h in hits
        for kind, links in (("feature", h.features), ("actor", h.actors))
        for link in links
    ]
    return len(keys), sum(k in confirmed for k in keys)


def build_review_note_html(hits: Iterable[Hit], confirmed: frozenset[LinkKey]) -> str:
    """Say how many cited links were confirmed and how many nobody reviewed."""
    cited, done = count_cited(hits, confirmed)
    if not cited:
        return ""
    nobody = cited - done
    return (
        f'<p class="review-note" data-unreviewed="{nobody}">Of {cited:,} cited '
        f"link{'s' if cited != 1 else ''} to places and actors, {done:,} "
        f"{'was' if done == 1 else 'were'} confirmed by an analyst; {nobody:,} "
        f"{'is' if nobody == 1 else 'are'} automatic and nobody has reviewed "
        f"{'it' if nobody == 1 else 'them'}.</p>"
    )


def build_link_mark_html(name: str, key: LinkKey, confirmed: frozenset[LinkKey]) -> str:
    """Return a link's name with its mark: confirmed or automatic (escaped)."""
    state = "confirmed" if key in confirmed else "automatic"
    return (
        f'{escape(name)} <span class="link-review {state}" data-review="{state}" '
        f'data-link="{escape(key[2], quote=True)}">({state})</span>'
    )
