"""Hits: the passages of one page, loaded with their citation, links and dates."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from articles.backends import Connection
from articles.index.codec import (
    HOW_NAMES,
    MEMBER,
    N_BITS,
    passage_kind,
    passage_n,
    passage_suffix,
    unpack_spans,
)
from articles.index.texts import Packed, unpack_article
from articles.model import DateMention
from articles.split import notes_for


@dataclass(frozen=True)
class Link:
    """A passage's link to one feature or actor, with every span that names it."""

    id: str
    how: str
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Hit:
    """One matching passage with its citation and links (spans in ``text``).

    ``similar`` counts the matching near-duplicates collapsed into this hit (same
    words as this passage, in other places); ``similar_ids`` names the newest of
    them (at most ``page.SIMILAR_NAMED``).
    """

    passage_id: str
    article_id: str
    n: int
    heading: str | None
    text: str
    title: str
    author: str
    published: dt.date
    source: str
    features: tuple[Link, ...]
    actors: tuple[Link, ...]
    dates: tuple[DateMention, ...]
    notes: tuple[str, ...] = ()  # footnotes the passage refers to ("* banned in ...")
    similar: int = 0
    similar_ids: tuple[str, ...] = ()
    kind: str = "body"  # "heading" and "title" (articles.model.PASSAGE_KINDS)
    url: str | None = None  # the article's own address (``source`` names the outlet)


class Similar(NamedTuple):
    """A hit's collapsed near-duplicates: how many match, and the newest ids."""

    n: int
    ids: tuple[str, ...]


def load_hits(
    con: Connection,
    keys: Sequence[int],
    similar: dict[int, Similar] | None = None,
) -> list[Hit]:
    """Load the passages with integer ids ``keys``, in that order."""
    found = load_hits_by_key(con, keys, similar)
    return [found[k] for k in keys if k in found]


def load_hits_by_key(
    con: Connection,
    keys: Sequence[int],
    similar: dict[int, Similar] | None = None,
) -> dict[int, Hit]:
    """Load the passages with integer ids ``keys`` (missing ones left out)."""
    if not keys:
        return {}
    marks = ",".join("?" * len(keys))
    rows = {
        r[0]: r
        for r in con.execute(
            "SELECT p.id, p.section, p.pos, a.slug, a.title, a.author, "
            "a.published, a.source, a.notes, t.text, a.url FROM passages p "
            f"JOIN articles a ON a.id = p.id >> {N_BITS} "
            f"JOIN article_texts t ON t.id = a.id WHERE p.id IN ({marks})",
            tuple(keys),
        )
    }
    links: dict[tuple[int, str], list[Link]] = {}
    for pid, kind, name, how, spans in con.execute(
        "SELECT l.passage, t.kind, t.name, l.how, l.spans FROM links l "
        f"JOIN targets t ON t.id = l.target WHERE l.passage IN ({marks}) "
        f"AND l.how < {MEMBER}",
        tuple(keys),
    ):
        links.setdefault((pid, kind), []).append(
            Link(name, HOW_NAMES[how], unpack_spans(spans))
        )
    similar = similar or {}
    packed: dict[int, Packed] = {}  # each article's, decompressed once
    for key, row in rows.items():
        article = key >> N_BITS
        if article not in packed:
            packed[article] = unpack_article(con, row[9])
    return {
        k: _hit(row, packed[k >> N_BITS], links, similar.get(k, _NONE))
        for k, row in rows.items()
    }


_NONE = Similar(0, ())


def _hit(
    row: tuple[object, ...],
    packed: Packed,
    links: dict[tuple[int, str], list[Link]],
    similar: Similar,
) -> Hit:
    key, section, pos, slug, title, author, published, source, notes = row[:9]
    assert isinstance(key, int)
    assert isinstance(pos, int)
    text = packed.texts[pos]
    heading = packed.heading(section if isinstance(section, int) else None) or None
    pid = f"{slug}#{passage_suffix(key)}"
    found = [
        DateMention(pid, d[0], d[1], d[2], d[3], d[4], d[7] if len(d) > 7 else "")
        for d in packed.dates_of(pos)
    ]
    footnotes = json.loads(str(notes)) if notes else {}
    return Hit(
        passage_id=pid,
        article_id=str(slug),
        n=passage_n(key),
        heading=str(heading) if heading is not None else None,
        text=text,
        title=str(title),
        author=str(author),
        published=dt.date.fromisoformat(str(published)),
        source=str(source),
        features=_ordered(links.get((key, "feature"), [])),
        actors=_ordered(links.get((key, "actor"), [])),
        dates=tuple(sorted(found, key=lambda d: (d.start, d.end))),
        notes=notes_for(text, footnotes) if footnotes else (),
        similar=similar.n,
        similar_ids=similar.ids,
        url=str(row[10]) if row[10] else None,
        kind=passage_kind(key),
    )


def _ordered(links: list[Link]) -> tuple[Link, ...]:
    """Order links by first appearance in the text (as the linker grouped them)."""
    return tuple(sorted(links, key=lambda k: k.spans[0] if k.spans else (0, 0)))


def evidence_counts(hits: Iterable[Hit]) -> dict[str, int]:
    """Count, for each feature id, the passages among ``hits`` that link to it."""
    counts: dict[str, int] = {}
    for hit in hits:
        for link in hit.features:
            counts[link.id] = counts.get(link.id, 0) + 1
    return counts
