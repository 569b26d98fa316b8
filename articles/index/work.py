"""Prepare one corpus file for the index: parse, link, encode (runs in pool workers)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from articles.corpus import CorpusError, parse_article
from articles.index.codec import (
    HOW_CODES,
    MAX_PASSAGES,
    MEMBER,
    dup_hash,
    index_words,
    pack_spans,
    passage_slot,
    to_day,
    word_set,
)
from articles.index.texts import TextPacker
from articles.limits import MAX_CORPUS_FILE_BYTES
from articles.model import Article, Mention
from articles.process import Linker, Processed, group_mentions, process_article
from articles.review.apply import apply_review
from articles.review.state import Review
from articles.safe_read import FileRefused, read_limited
from articles.split import find_footnotes, split_article

#: One link row: (passage n, kind, target, how code, mentions, packed spans).
LinkRow = tuple[int, str, str, int, int, bytes]
#: One reviewed or doubtful link: (passage slot, kind, target, state) (issue 14).
ReviewRow = tuple[int, str, str, int]


@dataclass(frozen=True)
class Seen:
    """A file whose bytes match what the index holds (only its stat changed)."""

    file: str
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class Failed:
    """A file that cannot be indexed, with a one-line reason."""

    file: str
    reason: str


#: A date a passage mentions: start, end, text, value, precision, first and last
#: day (``codec.to_day``), anchor.
DateRow = list[Any]


@dataclass(frozen=True)
class PassageRow:
    """One passage, encoded: slot (kind and number), heading, hash, indexed words."""

    slot: int
    section: int | None  # index of the heading in the article's headings
    dup: int
    pos: int  # index of its text in the article's packed texts
    fts: tuple[str, str]  # text and heading as the full-text index takes them
    dates: tuple[DateRow, ...]  # the dates it mentions


@dataclass(frozen=True)
class Prepared:
    """A corpus file ready to insert (the article without its body)."""

    file: str
    size: int
    mtime_ns: int
    file_hash: str
    article: Article
    notes: str | None
    text: bytes  # texts, headings and dates, packed (texts.TextPacker)
    passages: tuple[PassageRow, ...]
    links: tuple[LinkRow, ...]
    reviews: tuple[ReviewRow, ...] = ()


@dataclass(frozen=True)
class Task:
    """What a worker needs to know about a file: where it is and what is stored."""

    path: str
    stored_hash: str | None


#: A front matter's publication date, read from a file's first bytes.
_PUBLISHED = re.compile(rb"^published:[ \t]*['\"]?(\d{4}-\d\d-\d\d)", re.MULTILINE)


def by_publication(tasks: list[Task]) -> list[Task]:
    """Order files by the publication date their front matter states (else first).

    Article ids follow publication days, so articles written in that order are
    appended to the index's tables instead of landing on random pages; a file's
    first kilobyte is enough to tell (about 20 microseconds a file).
    """

    def published(task: Task) -> bytes:
        try:
            with open(task.path, "rb") as file:
                found = _PUBLISHED.search(file.read(1024))
        except OSError:
            return b""
        return found[1] if found else b""

    return sorted(tasks, key=published)


def prepare_file(
    task: Task,
    linker: Linker,
    ancestors: Mapping[str, tuple[str, ...]],
    review: Review | None = None,
    packer: TextPacker | None = None,
) -> Prepared | Seen | Failed:
    """Read, parse and link one corpus file (never raises for a bad file).

    The analyst's decisions (``review``) are applied to the links before they are
    encoded: rejected links are not written, added ones are. ``packer``
    compresses the passages' texts (default: with no dictionary).
    """
    path = Path(task.path)
    try:
        stat = path.stat()
        raw = read_limited(path, MAX_CORPUS_FILE_BYTES, within=path.parent)
    except FileRefused as exc:
        return Failed(path.name, f"{path.name}: {exc}")
    except OSError as exc:
        return Failed(path.name, f"{path.name}: cannot read: {exc.strerror}")
    digest = hashlib.sha256(raw).hexdigest()
    if digest == task.stored_hash:
        return Seen(path.name, stat.st_size, stat.st_mtime_ns)
    try:
        article = parse_article(raw.decode("utf-8"), path.stem)
    except UnicodeDecodeError:
        return Failed(path.name, f"{path.name}: not UTF-8")
    except CorpusError as exc:
        return Failed(path.name, f"{path.name}: {exc}")
    reviewed = apply_review(process_article(article, linker), review or Review())
    done = reviewed.done
    try:
        slots = {p.id: passage_slot(p.id) for p in done.passages}
    except ValueError:
        return Failed(
            path.name,
            f"{path.name}: more than {MAX_PASSAGES} paragraphs or headings",
        )
    notes = find_footnotes(article.body)
    rows = _passages(done, slots, _story_dups(path, article))
    return Prepared(
        file=path.name,
        size=stat.st_size,
        mtime_ns=stat.st_mtime_ns,
        file_hash=digest,
        article=dataclasses.replace(article, body=""),
        notes=json.dumps(notes, ensure_ascii=False) if notes else None,
        text=(packer or TextPacker()).pack(
            [p.text for p in done.passages], _headings(done), [r.dates for r in rows]
        ),
        passages=rows,
        links=_links(done, ancestors, slots),
        reviews=tuple(
            (slots[pid], kind, target, state)
            for (pid, kind, target), state in reviewed.states.items()
            if kind != "date"
        ),
    )


def _headings(done: Processed) -> list[str]:
    return list(dict.fromkeys(p.heading for p in done.passages if p.heading))


#: Words in common (Jaccard) for a passage of a near-duplicate article to count as
#: its story's passage: a re-post with a light edit, not a new paragraph.
SAME_PASSAGE = 0.6


def _story_dups(path: Path, article: Article) -> list[tuple[frozenset[str], int]]:
    """Return the word sets and hashes of the passages of the article's story.

    ``near_duplicate_of`` (written by ingest, issue 12) names the first article of
    the same story; its file, ``<id>.md`` beside this one, is read and split (no
    linking). Nothing when there is none, or it cannot be read.
    """
    first = article.near_duplicate_of
    if not first:
        return []
    try:
        raw = read_limited(
            path.parent / f"{first}.md", MAX_CORPUS_FILE_BYTES, within=path.parent
        )
        story = parse_article(raw.decode("utf-8"), first)
    except (FileRefused, OSError, UnicodeDecodeError, CorpusError):
        return []
    return [(word_set(p.text), dup_hash(p.text)) for p in split_article(story)]


def _dup(text: str, story: list[tuple[frozenset[str], int]]) -> int:
    """Return the passage's hash: its story's most alike passage's, else its own."""
    words = word_set(text)
    best, score = None, SAME_PASSAGE
    for other, dup in story:
        union = len(words | other)
        alike = len(words & other) / union if union else 0.0
        if alike >= score:
            best, score = dup, alike
    return best if best is not None else dup_hash(text)


def _passages(
    done: Processed,
    slots: Mapping[str, int],
    story: list[tuple[frozenset[str], int]],
) -> tuple[PassageRow, ...]:
    sections = {h: i for i, h in enumerate(dict.fromkeys(
        p.heading for p in done.passages if p.heading))}  # fmt: skip
    dates: dict[str, list[DateRow]] = {}
    for d in done.dates:
        try:
            first, last = d.bounds()
        except ValueError:
            continue  # a malformed value from the linker is not stored
        dates.setdefault(d.passage_id, []).append(
            [
                d.start,
                d.end,
                d.text,
                d.value,
                d.precision,
                to_day(first),
                to_day(last),
                d.anchor,
            ]
        )
    # a section's heading is indexed with each of its passages: blanked once
    heading_words = {
        h: index_words(h) for h in {p.heading or "" for p in done.passages}
    }
    return tuple(
        PassageRow(
            slots[p.id],
            sections.get(p.heading) if p.heading else None,
            _dup(p.text, story) if story else dup_hash(p.text),
            pos,
            (index_words(p.text), heading_words[p.heading or ""]),
            tuple(dates.get(p.id, ())),
        )
        for pos, p in enumerate(done.passages)
    )


def _links(
    done: Processed,
    ancestors: Mapping[str, tuple[str, ...]],
    slots: Mapping[str, int],
) -> tuple[LinkRow, ...]:
    """Direct links grouped per target, then each actor's organisations (MEMBER)."""
    by_passage: dict[str, list[Mention]] = {}
    for m in done.mentions:
        by_passage.setdefault(m.passage_id, []).append(m)
    rows: list[LinkRow] = []
    for pid, found in by_passage.items():
        n = slots[pid]
        direct = group_mentions(found)
        rows.extend(
            (n, kind, target, HOW_CODES.get(how, 3), len(spans), pack_spans(spans))
            for kind, target, how, spans in direct
        )
        linked = {target for kind, target, _, _ in direct if kind == "actor"}
        rolled: dict[str, int] = {}
        for kind, target, _, spans in direct:
            if kind == "actor":
                for parent in ancestors.get(target, ()):
                    if parent not in linked:
                        rolled[parent] = rolled.get(parent, 0) + len(spans)
        rows.extend((n, "actor", t, MEMBER, k, b"") for t, k in rolled.items())
    return tuple(rows)


def actor_ancestors(
    parents: Mapping[str, tuple[str, ...]],
) -> dict[str, tuple[str, ...]]:
    """Every organisation each actor rolls up to, transitively (``member_of``)."""
    out: dict[str, tuple[str, ...]] = {}
    for actor in parents:
        seen: list[str] = []
        stack = list(parents[actor])
        while stack:
            parent = stack.pop()
            if parent not in seen and parent != actor:
                seen.append(parent)
                stack.extend(parents.get(parent, ()))
        out[actor] = tuple(sorted(seen))
    return out
