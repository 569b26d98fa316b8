"""How sure the linker is of a link, and why: derived from how it was made."""

from __future__ import annotations

import re

from articles.model import ANCHORS, DateMention

#: Links less sure than this are flagged "to review".
THRESHOLD = 0.6
#: Confidence and reason for each way a feature or actor link is made.
BY_HOW = {
    "name": (0.95, "named"),
    "alias": (0.85, "named by an alias or other spelling"),
    "demonym": (0.7, "a demonym (Afghan, Pakistani, ...)"),
    "implied": (0.5, "implied by a border phrase or the article's countries"),
    "member": (0.6, "rolled up from a member (a person or agency)"),
    "added": (1.0, "added by analyst"),
}
_YEAR = re.compile(r"\b[0-9]{4}\b")
_RELATIVE = re.compile(r"\b(?:last|next|this|previous|ago|yesterday|today)\b", re.I)


def link_confidence(how: str) -> tuple[float, str]:
    """Return (confidence 0..1, reason) for a feature or actor link made by ``how``."""
    return BY_HOW.get(how, (0.5, how))


def date_confidence(date: DateMention) -> tuple[float, str]:
    """Return (confidence 0..1, reason) for a date mention.

    A date the resolver anchored says to what: "resolved against the year in the
    title" (`DateMention.anchor`); older mentions without one fall back to reading
    their text.
    """
    if date.anchor in ANCHORS:
        sure = 0.55 if date.anchor in ("published", "entry") else 0.5
        return sure, f"resolved against {ANCHORS[date.anchor]}"
    if _RELATIVE.search(date.text):
        return 0.55, "relative to the publication date"
    if not _YEAR.search(date.text):
        return 0.5, "year taken from the context"
    return (0.9, "a full date") if date.precision == "day" else (0.8, "a month or year")


def needs_review(confidence: float) -> bool:
    """Return whether an automatic link this sure is flagged "to review"."""
    return confidence < THRESHOLD
