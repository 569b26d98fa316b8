"""Clean a received article: drop mastheads, page numbers and markup; keep the text.

The rules are generic (not fitted to one site): a masthead is what sits before the
article starts and is not article text (lines in another script, addresses and e-mail
lines, tab-separated layout columns, a dateline); a page number is a line of digits in
any script; bylines and author bios become metadata; a paragraph broken by a page break
is joined again. Headings stay in the body as ``#`` lines; footnotes stay as footnotes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from articles import bylines, datelines, markup

_BLANKS = re.compile(r"[ \t]+")
_NON_SPACE = re.compile(r"\S+")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")
_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_PAGE_NUMBER = re.compile(
    r"^[\W_]*(?:(?i:page|p\.|صفحه)\s*)?\d{1,4}(?:\s*(?:/|(?i:of)|از)\s*\d{1,4})?[\W_]*$"
)
_URL_OR_MAIL = re.compile(
    r"^(?:https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[\w-]+(?:\.[\w-]+)*\."
    r"(?:com|org|net|info|af|pk|ru|uk|de|fr|io|news))$",
    re.IGNORECASE,
)
_TERMINAL = tuple('.!?:;…"”’»)]*')
_BODY_MIN_WORDS = 12


@dataclass(frozen=True)
class Cleaned:
    """The cleaned body of an article and the metadata found in its text."""

    body: str
    title: str | None = None
    author: str | None = None
    published: dt.date | None = None  # the author's date (byline)
    posted: dt.date | None = None  # the site's posting date (header)
    bio: str | None = None
    dropped: tuple[str, ...] = ()
    place: str | None = None  # where the story was filed (dateline or byline)
    source: str | None = None  # a wire service or outlet the head names


@dataclass
class _Found:
    author: str | None = None
    header_date: dt.date | None = None
    byline_date: dt.date | None = None
    bio: str | None = None
    place: str | None = None
    source: str | None = None


def clean_text(
    raw: str, author: str | None = None, today: dt.date | None = None
) -> Cleaned:
    """Clean the text of one article.

    Parameters
    ----------
    raw : str
        The article as received (Markdown, plain text, or text with HTML debris),
        without front matter.
    author : str or None
        The author when already known (front matter, flag); helps spot the bio.
    today : datetime.date, optional
        Gives the year of a wire dateline without one ("PESHAWAR, March 14 -").

    Returns
    -------
    Cleaned
        Body with paragraphs separated by one blank line and headings as ``#`` lines,
        plus title, author, byline date (``published``), header date (``posted``),
        bio and the dropped lines.
    """
    text = markup.strip_html(markup.normalize_text(raw))
    blocks = [b.split("\n") for b in re.split(r"\n[ \t]*\n", text) if b.strip()]
    main = _main_script(text)
    found = _Found(author=author)
    dropped: list[str] = []
    kept = _drop_debris(blocks, main, found, dropped)
    paragraphs = _join_broken(_to_blocks(kept))
    paragraphs = _drop_metadata_blocks(paragraphs, found, dropped)
    head = datelines.find_dateline(text, today)
    published = found.byline_date or found.header_date or head.published
    posted = found.header_date if found.byline_date else None
    return Cleaned(
        body="\n\n".join(paragraphs),
        title=_find_title(paragraphs),
        author=found.author,
        published=published,
        posted=posted,
        bio=found.bio,
        dropped=tuple(dropped),
        place=found.place or head.place,
        source=found.source or head.source,
    )


def _main_script(text: str) -> str:
    counts = markup.count_scripts(text)
    return max(counts, key=counts.__getitem__) if counts else "latin"


def _is_foreign(line: str, main: str) -> bool:
    counts = markup.count_scripts(line)
    total = sum(counts.values())
    return total > 0 and counts.get(main, 0) < total / 2


def _is_body(lines: list[str]) -> bool:
    text = " ".join(lines).strip()
    return (
        not text.startswith("#")
        and len(text.split(maxsplit=_BODY_MIN_WORDS)) >= _BODY_MIN_WORDS
        and text.endswith(_TERMINAL)
    )


def _is_layout_line(line: str) -> bool:
    """Tab-separated short columns, or only addresses and e-mails: masthead layout."""
    cells = [c.strip() for c in line.split("\t") if c.strip()]
    if cells and all(_URL_OR_MAIL.match(tok) for c in cells for tok in c.split()):
        return True
    return len(cells) >= 2 and all(len(c.split()) <= 6 for c in cells)


def _drop_debris(
    blocks: list[list[str]], main: str, found: _Found, dropped: list[str]
) -> list[list[str]]:
    """Drop masthead and footer lines and page numbers, line by line."""
    body_idx = [i for i, b in enumerate(blocks) if _is_body(b)]
    first_body = min(body_idx, default=len(blocks))
    headings = [i for i, b in enumerate(blocks) if b[0].lstrip().startswith("#")]
    first_text = min([first_body, *headings])
    last_body = max(body_idx, default=len(blocks))
    masthead: set[str] = set()
    kept: list[list[str]] = []
    for i, lines in enumerate(blocks):
        edge = i < first_text or i > last_body
        meta_zone = i < first_body or i > last_body
        out = []
        for line in lines:
            plain = markup.strip_markdown(line).strip()
            if _is_debris(plain, line, main, edge, masthead):
                dropped.append(line)
                if i < first_text:
                    masthead.add(plain)
            elif meta_zone and _take_dateline(plain, i < first_body, found):
                dropped.append(line)
            else:
                out.append(line)
        if out:
            kept.append(out)
    return kept


def _is_debris(
    plain: str, line: str, main: str, edge: bool, masthead: set[str]
) -> bool:
    """Tell whether a line is conversion debris (``edge``: outside the article text)."""
    if not plain or _PAGE_NUMBER.match(plain) or plain in masthead:
        return True
    if _RULE.match(line) and not _SETEXT.match(line):
        return True
    # word by word, lazily: a paragraph's first word already says no
    if all(_URL_OR_MAIL.match(w[0]) for w in _NON_SPACE.finditer(plain)):
        return True
    return edge and (_is_foreign(plain, main) or _is_layout_line(plain))


def _take_dateline(plain: str, header: bool, found: _Found) -> bool:
    """Record a dateline ("Name 24.01.2025") or byline as metadata; say if it was."""
    text = plain.lstrip("#").strip()
    name = bylines.match_author_line(text)
    if name:
        found.author = found.author or name
        return True
    match = bylines.match_dateline(text)
    if match is None:
        return _take_head_line(text, header, found)
    who, day = match
    if header and found.header_date is None:
        found.header_date = day
    elif not header:
        found.byline_date = day
    else:
        return False
    if who:
        found.author = found.author or who
    return True


def _take_head_line(text: str, header: bool, found: _Found) -> bool:
    """Record a byline with a place or a labelled date ("Published: 14/03/2025")."""
    line = datelines.match_line(text)
    if line is None or not (line.published or line.author):
        return False
    if line.published and header:
        found.header_date = found.header_date or line.published
    elif line.published:
        found.byline_date = found.byline_date or line.published
    found.author = found.author or line.author
    found.place = found.place or line.place
    found.source = found.source or line.source
    return True


def _to_blocks(blocks: list[list[str]]) -> list[str]:
    """Turn line groups into paragraphs and ``#`` headings, inline markup removed."""
    out: list[str] = []
    for lines in blocks:
        para: list[str] = []
        for idx, line in enumerate(lines):
            heading = _HEADING.match(line.strip()) if "#" in line else None
            setext = idx + 1 < len(lines) and _SETEXT.match(lines[idx + 1])
            if _SETEXT.match(line) and not para:
                continue
            if heading or setext:
                out.extend(_flush(para))
                para = []
                level = len(heading[1]) if heading else 1
                text = _inline(heading[2] if heading else line)
                if text:
                    out.append("#" * level + " " + text)
            elif _LIST_ITEM.match(line) and para:
                para.append("\n" + line.strip())
            else:
                para.append(line)
        out.extend(_flush(para))
    return out


def _flush(para: list[str]) -> list[str]:
    text = " ".join(p if p.startswith("\n") else p.strip() for p in para)
    text = _inline(text.replace(" \n", "\n"))
    return [text] if text else []


def _inline(text: str) -> str:
    text = markup.strip_markdown(text)
    return "\n".join(_collapse(ln).strip() for ln in text.split("\n"))


def _collapse(line: str) -> str:
    """Turn runs of spaces and tabs into one space (a line without any: as is)."""
    return _BLANKS.sub(" ", line) if "  " in line or "\t" in line else line


def _join_broken(paragraphs: list[str]) -> list[str]:
    """Join paragraphs cut by a page break: no end punctuation, next one lowercase."""
    out: list[str] = []
    for para in paragraphs:
        prev = out[-1] if out else ""
        if prev and not prev.startswith("#") and para[0].islower():
            if prev.endswith("-") and prev[-2:-1].isalpha():
                out[-1] = prev[:-1] + para
                continue
            if not prev.endswith(_TERMINAL):
                out[-1] = prev + " " + para
                continue
        out.append(para)
    return out


def _drop_metadata_blocks(
    paragraphs: list[str], found: _Found, dropped: list[str]
) -> list[str]:
    """Remove the author bio (a short paragraph introducing the author) at the end."""
    out = list(paragraphs)
    for idx in range(len(out) - 1, max(-1, len(out) - 5), -1):
        text = out[idx].lstrip("#").strip()
        if bylines.is_bio(text, found.author):
            found.bio = found.bio or text
            dropped.append(out.pop(idx))
    return out


def _find_title(paragraphs: list[str]) -> str | None:
    """Return the first heading (joined with the next when it ends with a colon)."""
    for idx, para in enumerate(paragraphs):
        if para.startswith("#"):
            title = para.lstrip("#").strip()
            nxt = paragraphs[idx + 1] if idx + 1 < len(paragraphs) else ""
            if title.endswith(":") and nxt.startswith("#"):
                title = f"{title} {nxt.lstrip('#').strip()}"
            return title
        if len(para.split()) <= 20 and not para.endswith(tuple(".!?")):
            return para
        return None
    return None
