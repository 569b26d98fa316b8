"""Plain-data (JSON-ready) forms of articles, processed passages and query hits."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from articles.model import Article, DateMention, Mention
from articles.process import Processed, group_mentions
from articles.query import Hit, Link
from articles.review.confidence import date_confidence, link_confidence


def group_links(mentions: Iterable[Mention], target_type: str) -> tuple[Link, ...]:
    """Group one passage's mentions of one type by target: one Link per target."""
    return tuple(
        Link(target, how, spans)
        for kind, target, how, spans in group_mentions(mentions)
        if kind == target_type
    )


def link_to_dict(link: Link) -> dict[str, Any]:
    """Return ``{"id", "how", "spans": [[start, end], ...], "confidence", "reason"}``.

    Confidence (0 to 1) and reason say how sure the linker is (issue 14).
    """
    confidence, reason = link_confidence(link.how)
    return {
        "id": link.id,
        "how": link.how,
        "spans": [list(s) for s in link.spans],
        "confidence": confidence,
        "reason": reason,
    }


def date_to_dict(date: DateMention) -> dict[str, Any]:
    """Return ``{"value", "precision", "anchor", "text", "span", ...}`` for one date.

    Also ``confidence`` and ``reason``.

    ``anchor`` is what a relative or yearless date was resolved against (a key of
    `articles.model.ANCHORS`; "" for a date the text gives in full); ``reason`` says
    it in words.
    """
    confidence, reason = date_confidence(date)
    return {
        "value": date.value,
        "precision": date.precision,
        "anchor": date.anchor,
        "text": date.text,
        "span": [date.start, date.end],
        "confidence": confidence,
        "reason": reason,
    }


def article_to_dict(article: Article) -> dict[str, Any]:
    """Return the article's metadata (no body) with ISO dates."""
    return {
        "id": article.id,
        "title": article.title,
        "author": article.author,
        "published": article.published.isoformat(),
        "posted": article.posted.isoformat() if article.posted else None,
        "source": article.source,
        "url": article.url,
        "language": article.language,
        "content_hash": article.content_hash,
    }


def processed_to_dict(done: Processed) -> dict[str, Any]:
    """Return the ``link`` command's JSON: the article and its linked passages."""
    passages = []
    for p in done.passages:
        mentions = [m for m in done.mentions if m.passage_id == p.id]
        passages.append(
            {
                "id": p.id,
                "n": p.n,
                "kind": p.kind,
                "heading": p.heading,
                "text": p.text,
                "start": p.start,
                "end": p.end,
                "features": [link_to_dict(k) for k in group_links(mentions, "feature")],
                "actors": [link_to_dict(k) for k in group_links(mentions, "actor")],
                "dates": [date_to_dict(d) for d in done.dates if d.passage_id == p.id],
            }
        )
    return {"article": article_to_dict(done.article), "passages": passages}


def hit_to_dict(hit: Hit) -> dict[str, Any]:
    """Return one query hit as plain data (same passage shape as ``link``)."""
    return {
        "id": hit.passage_id,
        "article_id": hit.article_id,
        "n": hit.n,
        "kind": hit.kind,
        "heading": hit.heading,
        "text": hit.text,
        "title": hit.title,
        "author": hit.author,
        "published": hit.published.isoformat(),
        "source": hit.source,
        "url": hit.url,
        "features": [link_to_dict(k) for k in hit.features],
        "actors": [link_to_dict(k) for k in hit.actors],
        "dates": [date_to_dict(d) for d in hit.dates],
        "notes": list(hit.notes),
        "similar": hit.similar,
        "similar_ids": list(hit.similar_ids),
    }
