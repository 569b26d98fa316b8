"""The pipeline for one article: split into passages, link features and actors, dates.

The linker is injected (a ``Linker``), so the index and its tests can run with any
gazetteer; ``load_linker()`` builds the real one from the geo gazetteer and the actor
registry.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from articles.model import HOW, Article, DateMention, Mention, Passage
from articles.split import split_article

if TYPE_CHECKING:
    from collections.abc import Iterable

    from articles.model import Actor
    from geo.model import Feature

#: Bump when the way passages are stored changes; any change re-links everything.
PIPELINE_VERSION = "1"


class Linker(Protocol):
    """What the pipeline needs from a linker."""

    @property
    def fingerprint(self) -> str:
        """A digest that changes whenever linking results could change."""
        ...

    def link(
        self, passages: Sequence[Passage], published: dt.date | None = None
    ) -> list[list[Mention]]:
        """Feature and actor mentions of an article's passages (one list each)."""
        ...

    def dates(
        self, passages: Sequence[Passage], published: dt.date
    ) -> list[list[DateMention]]:
        """Date mentions of an article's passages (one list per passage)."""
        ...


@dataclass(frozen=True)
class Processed:
    """An article with its passages, mentions and date mentions."""

    article: Article
    passages: tuple[Passage, ...]
    mentions: tuple[Mention, ...]
    dates: tuple[DateMention, ...]


#: Parts of `articles` that store, query or drive the links but never decide them:
#: editing them must not re-link a 100,000-article corpus (the index's own layout
#: is covered by its schema id).
_NOT_LINKING = frozenset(
    {"index", "query", "auth", "team", "backends", "__main__.py", "filter_args.py",
     "ingest.py", "serialize.py", "schema.py", "batch.py", "feeds.py", "near_dup.py",
     "preview.py", "decide.py", "annotations.py", "regress.py", "recent.py",
     "sandbox.py", "file_lock.py"}
)  # fmt: skip


def _stores_or_reads(relative: Path) -> bool:
    """Return whether a source file of `articles` is outside the linking pipeline."""
    return relative.parts[0] in _NOT_LINKING


class RegistryLinker:
    """The real linker: geo gazetteer features and the actor registry.

    The matching context is built on first use, so computing the fingerprint (to
    decide whether anything must be re-linked) stays cheap.
    """

    def __init__(self, features: Sequence[Feature], actors: Sequence[Actor]) -> None:
        self._features = tuple(features)
        self._actors = tuple(actors)

    @cached_property
    def fingerprint(self) -> str:
        """Digest of the features, actors and the articles package source."""
        digest = hashlib.sha256(PIPELINE_VERSION.encode())
        digest.update(repr(self._features).encode())
        digest.update(repr(self._actors).encode())
        here = Path(__file__).parent
        for path in sorted([*here.glob("**/*.py"), *here.glob("data/*.yaml")]):
            if not _stores_or_reads(path.relative_to(here)):
                digest.update(path.read_bytes())
        return digest.hexdigest()

    @cached_property
    def _context(self) -> Any:
        from articles.link.linker import build_context

        return build_context(self._features, self._actors)

    def link(
        self, passages: Sequence[Passage], published: dt.date | None = None
    ) -> list[list[Mention]]:
        """Feature and actor mentions of an article's passages (one list each).

        The whole article is linked at once: a passage that names no country takes
        the article's ("their border" between the two countries it is about); the
        publication date says who governs a state ("Kabul says" in 2024).
        """
        from articles.link.linker import link_passages

        return link_passages(passages, self._context, published)

    def dates(
        self, passages: Sequence[Passage], published: dt.date
    ) -> list[list[DateMention]]:
        """Date mentions of an article's passages, resolved against publication."""
        from articles.dates.resolve import extract_article_dates

        return extract_article_dates(passages, published)


def load_linker() -> RegistryLinker:
    """Build the real linker from ``geo.gazetteer`` and ``articles.actors``."""
    from articles.actors import load_actors
    from geo.gazetteer import load_features

    return RegistryLinker(load_features(), load_actors())


def process_article(article: Article, linker: Linker) -> Processed:
    """Split one article and link every passage.

    Mentions whose span does not match the passage text are dropped (the index never
    stores a span that would highlight the wrong words). Dates are extracted for
    the whole article at once, so a yearless date can take its year from context.

    Parameters
    ----------
    article : Article
        A cleaned article.
    linker : Linker
        Finds mentions and dates.

    Returns
    -------
    Processed
        Passages, mentions and dates of the article.
    """
    passages = split_article(article)
    mentions: list[Mention] = []
    dates: list[DateMention] = []
    linked = linker.link(passages, article.published)
    found_dates = linker.dates(passages, article.published)
    for passage, links, found in zip(passages, linked, found_dates, strict=True):
        text = passage.text
        mentions += [m for m in links if text[m.start : m.end] == m.matched]
        dates += [d for d in found if text[d.start : d.end] == d.text]
    return Processed(article, tuple(passages), tuple(mentions), tuple(dates))


def group_mentions(
    mentions: Iterable[Mention],
) -> list[tuple[str, str, str, tuple[tuple[int, int], ...]]]:
    """Group one passage's mentions by target, in order of first appearance.

    Returns
    -------
    list of tuple
        ``(target_type, target, how, spans)``; ``how`` is the strongest way the
        target was recognised (name, alias, demonym, implied), spans in text order.
    """
    groups: dict[tuple[str, str], list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        groups.setdefault((m.target_type, m.target), []).append(m)
    rank = {how: i for i, how in enumerate(HOW)}
    return [
        (kind, target, min((m.how for m in found), key=lambda h: rank.get(h, 9)),
         tuple((m.start, m.end) for m in found))
        for (kind, target), found in groups.items()
    ]  # fmt: skip
