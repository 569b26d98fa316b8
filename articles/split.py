"""Split a cleaned body into passages: the title, headings and paragraphs in order.

Pull quotes (a short block repeating a sentence of the body) and footnotes are not
passages. Offsets are exact: ``article.body[p.start:p.end] == p.text`` (the title,
not part of the body, has 0, 0).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from articles.model import Article, Passage
from articles.words import joined_words

_BLOCK = re.compile(r"[^\n]+(?:\n[^\n]+)*")
_FOOTNOTE = re.compile(
    r"^(?P<marker>\*{1,3}|[†‡§]|\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*[-–—:.)]?\s*(?P<note>\S.*)$"
)
_TERMINAL = tuple('.!?;:,…"”’»)')
PULL_QUOTE_MAX_WORDS = 40
PULL_QUOTE_MIN_WORDS = 5
PLAIN_HEADING_MAX_WORDS = 12


@dataclass(frozen=True)
class Block:
    """A block of the body with its offsets and what it is."""

    kind: str  # "passage", "heading", "pull-quote" or "footnote"
    text: str
    start: int
    end: int


def split_passages(article: Article) -> list[Passage]:
    """Split an article's cleaned body into its paragraphs.

    Parameters
    ----------
    article : Article
        An article whose ``body`` comes from the cleaner (blocks separated by a blank
        line, headings as ``#`` lines).

    Returns
    -------
    list of Passage
        Paragraphs in reading order, ids ``<article-id>#p<n>`` from 1, each with the
        heading it sits under (`split_article` adds the title and the headings).
    """
    return [p for p in split_article(article) if p.kind == "body"]


def split_article(article: Article) -> list[Passage]:
    """Split an article into its linkable passages: title, headings, paragraphs.

    Parameters
    ----------
    article : Article
        A cleaned article.

    Returns
    -------
    list of Passage
        In reading order: the title (kind ``title``, id ``<article-id>#t``, n 0),
        then headings (kind ``heading``, ids ``#h<k>``, n of the paragraph after
        them) and paragraphs (ids ``#p<n>`` from 1, each with the heading it sits
        under). A heading that repeats the title is not a second passage.
    """
    title = article.title.strip()
    passages: list[Passage] = []
    if title:
        passages.append(
            Passage(f"{article.id}#t", article.id, 0, title, 0, 0, kind="title")
        )
    heading: str | None = None
    body = headings = 0
    for block in classify_blocks(article.body):
        if block.kind == "heading":
            heading = block.text.lstrip("#").strip()
            if heading and heading.casefold() != title.casefold():
                headings += 1
                start = block.start + block.text.index(heading)
                passages.append(
                    Passage(
                        f"{article.id}#h{headings}",
                        article.id,
                        body + 1,
                        heading,
                        start,
                        start + len(heading),
                        kind="heading",
                    )
                )
        elif block.kind == "passage":
            body += 1
            passages.append(
                Passage(
                    id=f"{article.id}#p{body}",
                    article_id=article.id,
                    n=body,
                    text=block.text,
                    start=block.start,
                    end=block.end,
                    heading=heading,
                )
            )
    return passages


def classify_blocks(body: str) -> list[Block]:
    """Cut a body into blocks and tell passages from headings, pull quotes, footnotes.

    Parameters
    ----------
    body : str
        A cleaned article body.

    Returns
    -------
    list of Block
        Every non-blank block in order.
    """
    return list(_classified(body))


@functools.lru_cache(maxsize=4)
def _classified(body: str) -> tuple[Block, ...]:
    """Classify once per body: splitting and indexing an article both ask."""
    spans = [(m.start(), m.end()) for m in _BLOCK.finditer(body) if m.group().strip()]
    texts = [body[s:e] for s, e in spans]
    norms = [_normalise(t) for t in texts]
    blocks: list[Block] = []
    for i, (text, (start, end)) in enumerate(zip(texts, spans, strict=True)):
        if text.startswith("#"):
            kind = "heading"
        elif _is_footnote(text, body, start, end):
            kind = "footnote"
        elif _is_pull_quote(i, texts, norms):
            kind = "pull-quote"
        elif _is_plain_heading(i, texts):
            kind = "heading"
        else:
            kind = "passage"
        blocks.append(Block(kind, text, start, end))
    return tuple(blocks)


def _normalise(text: str) -> str:
    r"""Return the words of a block (`\w+`), casefolded, between single spaces."""
    return " " + joined_words(text, underscore=True) + " "


def _is_pull_quote(i: int, texts: list[str], norms: list[str]) -> bool:
    """Tell a short block whose words recur verbatim inside a longer block."""
    # words counted up to one past the most a pull quote has: `split` stops there
    words = norms[i].split(maxsplit=PULL_QUOTE_MAX_WORDS + 1)
    if not PULL_QUOTE_MIN_WORDS <= len(words) <= PULL_QUOTE_MAX_WORDS:
        return False
    return any(
        j != i
        and not texts[j].startswith("#")
        and len(norms[j]) > len(norms[i])
        and norms[i] in norms[j]
        for j in range(len(texts))
    )


def _is_plain_heading(i: int, texts: list[str]) -> bool:
    """Tell an unmarked heading: one short line, no end punctuation, then text."""
    text = texts[i]
    if "\n" in text or len(text.split(maxsplit=PLAIN_HEADING_MAX_WORDS)) > (
        PLAIN_HEADING_MAX_WORDS
    ):
        return False
    if text.endswith(_TERMINAL) or not (text[0].isupper() or text[0].isdigit()):
        return False
    return i + 1 < len(texts) and not texts[i + 1].startswith("#")


def _is_footnote(text: str, body: str, start: int, end: int) -> bool:
    """Tell a one-line note whose marker is used elsewhere ("Taliban*")."""
    match = _FOOTNOTE.match(text)
    if match is None or "\n" in text or len(text.split()) > 60:
        return False
    rest = body[:start] + "\n" + body[end:]
    return re.search(r"[\w.,;:)”\"’]" + re.escape(match["marker"]), rest) is not None


def find_footnotes(body: str) -> dict[str, str]:
    """Map each footnote marker of a body to its note ("*" -> "banned in Russia").

    Parameters
    ----------
    body : str
        A cleaned article body.

    Returns
    -------
    dict
        Marker to note text, in body order.
    """
    notes: dict[str, str] = {}
    for block in classify_blocks(body):
        if block.kind == "footnote":
            match = _FOOTNOTE.match(block.text)
            if match:
                notes.setdefault(match["marker"], match["note"].strip())
    return notes


def notes_for(text: str, footnotes: dict[str, str]) -> tuple[str, ...]:
    """Return the footnotes a passage refers to, as ``"<marker> <note>"`` strings."""
    return tuple(
        f"{marker} {note}"
        for marker, note in footnotes.items()
        if re.search(r"[\w.,;:)”\"’]" + re.escape(marker), text)
    )
