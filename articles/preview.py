"""What ingesting a file would add, computed before anything is written.

The page's "Add an article" form shows this: the metadata found (to pre-fill its
fields), each passage with the features, actors and dates it would link, and
whether the corpus already holds the text or nearly the same story.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from articles.datelines import find_dateline
from articles.near_dup import NearDuplicates
from articles.prepare import IngestError, prepare_article, read_document
from articles.process import Linker, Processed, process_article
from articles.query import find_article_by_hash
from articles.sandbox import check_in_worker

#: The reason `prepare_article` gives when no date is found anywhere.
_NO_DATE = "no publication date"


@dataclass(frozen=True)
class PassagePreview:
    """One passage and the ids and dates it would link."""

    id: str
    text: str
    features: tuple[str, ...]
    actors: tuple[str, ...]
    dates: tuple[str, ...]


@dataclass(frozen=True)
class Preview:
    """The metadata found and the passages that would be linked (or why not)."""

    title: str = ""
    published: dt.date | None = None
    author: str = ""
    source: str = ""
    url: str = ""
    place: str = ""
    passages: tuple[PassagePreview, ...] = ()
    duplicate_of: str | None = None
    near_duplicate_of: str | None = None
    error: str | None = None

    @property
    def needs_date(self) -> bool:
        """Tell whether no publication date was found (the user must give one)."""
        return self.error is None and self.published is None


def build_preview(
    filename: str,
    data: bytes,
    overrides: dict[str, Any],
    *,
    linker: Linker,
    index: Path,
    corpus: Path,
) -> Preview:
    """Read, clean, split and link a file without writing anything.

    Parameters
    ----------
    filename, data : str, bytes
        The file (its extension picks the reader).
    overrides : dict
        Fields the user gave (title, published, author, source, url).
    linker : Linker
        Links places and actors.
    index, corpus : Path
        Where duplicates and near-duplicates are looked for.

    Returns
    -------
    Preview
        ``error`` set (one line) when the file cannot be ingested; ``published``
        None when no date was found and none given.
    """
    given = {k: v for k, v in overrides.items() if v not in (None, "")}
    try:
        check_in_worker(filename, data, {**given, "published": _any_date(given)})
        missing = False
        try:
            _, article = prepare_article(filename, data, given, set())
        except IngestError as exc:
            if _NO_DATE not in str(exc):
                raise
            missing = True
            _, article = prepare_article(
                filename, data, {**given, "published": dt.date.today()}, set()
            )
        meta, text = read_document(filename, data, given)
    except IngestError as exc:
        return Preview(error=str(exc))
    done = process_article(article, linker)
    near = None
    duplicate = find_article_by_hash(index, article.content_hash)
    if duplicate is None:
        near = NearDuplicates(index, corpus).find(article.body)
    return Preview(
        title=article.title,
        published=None if missing else article.published,
        author=article.author,
        source=str(meta.get("source") or find_dateline(text).source or ""),
        url=str(meta.get("url") or ""),
        place=str(find_dateline(text).place or ""),
        passages=tuple(_passages(done)),
        duplicate_of=duplicate,
        near_duplicate_of=near,
    )


def _any_date(given: dict[str, Any]) -> Any:
    """Return a date for the bounded check when none is given (asked for later)."""
    return given.get("published") or dt.date.today()


def _passages(done: Processed) -> list[PassagePreview]:
    out = []
    for p in done.passages:
        mentions = [m for m in done.mentions if m.passage_id == p.id]
        out.append(
            PassagePreview(
                p.id,
                p.text,
                tuple(
                    dict.fromkeys(
                        m.target for m in mentions if m.target_type == "feature"
                    )
                ),
                tuple(
                    dict.fromkeys(
                        m.target for m in mentions if m.target_type == "actor"
                    )
                ),
                tuple(
                    f"{d.value} ({d.text})" for d in done.dates if d.passage_id == p.id
                ),
            )
        )
    return out
