"""A deterministic synthetic corpus: seed sentences recombined, names and dates varied.

Sentences come from the seed articles; every place or actor name in them is swapped,
half of the time, for another name from the gazetteer or the actor registry, and every
date for a random date written in one of the forms real articles use. Same seed, same
corpus.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from articles.corpus import DEFAULT_CORPUS, load_articles, render_document
from articles.split import split_passages

SEED = 20250123
_DATE = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)? )?(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December)(?: \d{1,2},)? \d{4}\b"
)
_FORMATS = (
    "{d} {B} {Y}",
    "{B} {d}, {Y}",
    "{B} {Y}",
    "{Y}-{m:02d}-{d:02d}",
    "{d}th {B} {Y}",
)
_AUTHORS = (
    "Jane Roe",
    "Ahmad Karimi",
    "Li Wei",
    "Sara Khan",
    "Taut Bataut",
    "Ivan Petrov",
)


def _names() -> tuple[list[str], list[str]]:
    """Names the seeds use, and the pool to swap them with."""
    from articles.actors import load_actors
    from geo.gazetteer import load_features

    features = [f for f in load_features() if f.name.isascii()]
    pool = [f.name for f in features] + [a.name for a in load_actors()]
    return sorted({n for n in pool if len(n) > 3}, key=len, reverse=True), pool


@lru_cache(maxsize=4)
def generate_corpus(count: int = 1000, seed: int = SEED) -> tuple[tuple[str, str], ...]:
    """Return ``count`` synthetic documents as ``(file name, Markdown)`` pairs."""
    return tuple(iter_corpus(count, seed))


def iter_corpus(count: int, seed: int = SEED) -> Iterator[tuple[str, str]]:
    """Yield ``count`` synthetic documents one by one (same as ``generate_corpus``)."""
    rng = random.Random(seed)
    sentences = [
        s
        for article in load_articles(DEFAULT_CORPUS)
        for passage in split_passages(article)
        for s in re.split(r"(?<=[.!?])\s+", passage.text)
        if len(s.split()) > 4
    ]
    known, pool = _names()
    name_re = re.compile(r"\b(" + "|".join(map(re.escape, known)) + r")\b")
    for i in range(count):
        published = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(4000))
        paragraphs = []
        for j in range(rng.randint(6, 14)):
            if j and j % 4 == 0:
                paragraphs.append("## " + rng.choice(sentences).rstrip(".!?"))
            text = " ".join(rng.choice(sentences) for _ in range(rng.randint(3, 7)))
            text = name_re.sub(lambda m: _swap(rng, m[0], pool), text)
            paragraphs.append(_DATE.sub(lambda _: _random_date(rng), text))
        title = " ".join(rng.choice(sentences).split()[:7]).rstrip(".,;:")
        author = rng.choice(_AUTHORS)
        body = "\n\n".join(
            [f"## {title}", *paragraphs, f"{author}, {published:%B %d, %Y}"]
        )
        meta = {"id": f"bench-{i:04d}", "title": title, "published": published}
        yield f"bench-{i:04d}.md", render_document(meta, body + "\n")


def _swap(rng: random.Random, name: str, pool: list[str]) -> str:
    return rng.choice(pool) if rng.random() < 0.5 else name


def _random_date(rng: random.Random) -> str:
    day = dt.date(2010, 1, 1) + dt.timedelta(days=rng.randrange(5500))
    form = rng.choice(_FORMATS)
    return form.format(d=day.day, B=f"{day:%B}", Y=day.year, m=day.month)


def write_corpus(directory: Path, count: int = 1000) -> int:
    """Write the synthetic corpus into ``directory``; return its size in bytes."""
    directory.mkdir(parents=True, exist_ok=True)
    size = 0
    for name, text in generate_corpus(count):
        data = text.encode("utf-8")
        (directory / name).write_bytes(data)
        size += len(data)
    return size
