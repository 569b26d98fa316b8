"""Apply the decisions to one linked article (pure): what the index then stores.

A rejected link is dropped, an added one appears (``how`` "added"), and each
remaining link gets a state: confirmed, added, to review (automatic and less sure
than the threshold) or automatic. A decision on a passage outranks a rule.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from articles.model import DateMention, Mention, Passage
from articles.process import Processed
from articles.review.confidence import link_confidence, needs_review
from articles.review.model import Decision
from articles.review.state import LinkKey, Review

#: Link states, as the index stores them (``link_review.state``).
TO_REVIEW, CONFIRMED, ADDED = 0, 1, 2


@dataclass(frozen=True)
class Reviewed:
    """An article after the decisions: its links, and the state of the decided ones."""

    done: Processed
    states: dict[LinkKey, int]  # (passage id, kind, target): TO_REVIEW/CONFIRMED/ADDED


def apply_review(done: Processed, review: Review) -> Reviewed:
    """Drop rejected links, add added ones, and mark confirmed and doubtful ones."""
    if not review.by_target and not review.links.get(done.article.id):
        return Reviewed(done, _doubtful(done.mentions))  # nothing decided here
    mentions: list[Mention] = []
    dates: list[DateMention] = []
    states: dict[LinkKey, int] = {}
    by_passage: dict[str, list[Mention]] = {}
    for m in done.mentions:
        by_passage.setdefault(m.passage_id, []).append(m)
    dates_by: dict[str, list[DateMention]] = {}
    for d in done.dates:
        dates_by.setdefault(d.passage_id, []).append(d)
    for p in done.passages:
        kept, added = _mentions(p, by_passage.get(p.id, []), review, states)
        mentions.extend(kept + added)
        dates.extend(_dates(p, dates_by.get(p.id, []), review, states))
    out = dataclasses.replace(done, mentions=tuple(mentions), dates=tuple(dates))
    return Reviewed(out, states)


def _doubtful(mentions: Sequence[Mention]) -> dict[LinkKey, int]:
    """Return the links to review of an article no decision touches (all kept)."""
    states: dict[LinkKey, int] = {}
    for m in mentions:
        if needs_review(link_confidence(m.how)[0]):
            states.setdefault((m.passage_id, m.target_type, m.target), TO_REVIEW)
    return states


def _standing(
    passage: Passage, key: LinkKey, span: tuple[int, int], review: Review
) -> str | None:
    """Return the action standing on a link at ``span`` (an add confirms it)."""
    d = standing_decision(review, passage.text, key, span)
    if d is None:
        return None
    return "confirm" if d.action == "add" else d.action


def standing_decision(
    review: Review, text: str, key: LinkKey, span: tuple[int, int]
) -> Decision | None:
    """Return the decision standing on a link at ``span``: its own, else a rule.

    ``text`` is the passage's text; ``key`` is (passage id, kind, target).
    """
    verdict = review.verdict(key)
    if verdict is not None:
        return verdict.decision
    return _rule(text, span, review.by_target.get((key[1], key[2]), ()))


def _rule(
    text: str, span: tuple[int, int], rules: Sequence[Decision]
) -> Decision | None:
    """Return the latest of the link's rules whose phrase holds its span."""
    found = None
    for r in rules:
        for start, end in _occurrences(r.phrase or "", text):
            if start <= span[0] and span[1] <= end:
                found = r  # rules are in decision order: the latest wins
    return found


@functools.lru_cache(maxsize=4096)
def _occurrences(phrase: str, text: str) -> tuple[tuple[int, int], ...]:
    """Return where ``phrase`` occurs in ``text``, in any case.

    Cached, as a passage's mentions ask about the same phrases; a plain substring
    test skips most texts before the regular expression runs.
    """
    if not phrase or phrase.lower() not in text.lower():
        return ()
    found = re.finditer(re.escape(phrase), text, re.IGNORECASE)
    return tuple((m.start(), m.end()) for m in found)


def _keep(
    p: Passage,
    key: LinkKey,
    span: tuple[int, int],
    how: str | None,
    review: Review,
    states: dict[LinkKey, int],
) -> bool:
    """Return whether an automatic link stays; note its state if decided or doubtful."""
    standing = _standing(p, key, span, review)
    if standing == "reject":
        return False
    if standing == "confirm":
        states[key] = CONFIRMED
    elif how is not None and needs_review(link_confidence(how)[0]):
        states.setdefault(key, TO_REVIEW)
    return True


def _added(
    p: Passage, review: Review, states: dict[LinkKey, int], *, dates: bool
) -> Iterator[tuple[LinkKey, int, int]]:
    """Yield the spans an analyst added here (dates, or features and actors)."""
    for key, verdict in review.links.get(p.article_id, {}).items():
        if key[0] != p.id or verdict.action != "add" or (key[1] == "date") != dates:
            continue
        states.setdefault(key, ADDED)
        for s, e in verdict.spans:
            if 0 <= s < e <= len(p.text):
                yield key, s, e


def _mentions(
    p: Passage, found: list[Mention], review: Review, states: dict[LinkKey, int]
) -> tuple[list[Mention], list[Mention]]:
    kept = [
        m
        for m in found
        if _keep(p, (p.id, m.target_type, m.target), (m.start, m.end), m.how, review,
                 states)
    ]  # fmt: skip
    added = [
        Mention(p.id, key[2], key[1], s, e, "added", p.text[s:e])
        for key, s, e in _added(p, review, states, dates=False)
    ]
    return kept, added


def _dates(
    p: Passage, found: list[DateMention], review: Review, states: dict[LinkKey, int]
) -> list[DateMention]:
    kept = [
        d
        for d in found
        if _keep(p, (p.id, "date", d.value), (d.start, d.end), None, review, states)
    ]
    for key, s, e in _added(p, review, states, dates=True):
        precision = (
            "week" if "-W" in key[2] else ("year", "month", "day")[key[2].count("-")]
        )
        kept.append(DateMention(p.id, s, e, p.text[s:e], key[2], precision))
    return kept
