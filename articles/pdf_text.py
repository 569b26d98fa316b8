"""Article text out of a PDF: reading order by column, running heads dropped.

pdfminer.six rather than pypdf: pdfminer's layout analysis returns positioned text
boxes (``LTTextBoxHorizontal`` with their coordinates), which is what reading order
on two-column pages and the running header/footer check need; pypdf's
``extract_text`` gives one stream per page in content order, where columns
interleave. Both are pure Python and maintained; pdfminer is what pdfplumber builds
on.

What this module does, page by page: boxes that span the page split it into bands;
inside a band the left column is read before the right one. Lines repeated at the
top or bottom of most pages (a running header, a footer, a masthead) are dropped
here, where the page structure is known; page numbers in any digits are dropped by
``articles.clean`` too. Lines broken at the box edge are joined, and a word
hyphenated there is rejoined ("pro-" + "vince" -> "province").
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass, replace

from articles.extract import ExtractError

#: A box wider than this share of the page spans the columns.
_FULL_WIDTH = 0.6
#: A line seen at a page edge on at least this share of the pages is a running head.
_RUNNING_SHARE = 0.5
#: Share of the page height at the top and at the bottom where running heads sit.
_MARGIN = 0.12
#: Gap (in character widths) that still joins words on one line: wider than
#: pdfminer's default 2.0, because justified lines space words widely; still
#: far below the gutter between two columns.
_CHAR_MARGIN = 4.0
_TERMINAL = tuple('.!?:;…"”’»)')
_SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")
_HYPHEN_END = re.compile(r"(\w)[-\u00ad]$")


@dataclass(frozen=True)
class _Box:
    x0: float
    y1: float
    width: float
    lines: tuple[str, ...]
    #: In the top or bottom margin band of its page (where running heads sit).
    margin: bool = False
    y0: float = 0.0


def extract_pdf(data: bytes) -> str:
    """Return the article text of a PDF: paragraphs separated by blank lines.

    Parameters
    ----------
    data : bytes
        The PDF file.

    Returns
    -------
    str
        One paragraph per text box in reading order, pages in order.

    Raises
    ------
    ExtractError
        Not a readable PDF, encrypted, or no text layer ("scanned image, no text
        found").
    """
    pages = _read_pages(data)
    if not any(box.lines for page in pages for box in page):
        raise ExtractError("scanned image, no text found (the PDF has no text layer)")
    running = _running_lines(pages)
    paragraphs: list[str] = []
    for page in pages:
        for box in page:
            lines = [ln for ln in box.lines if _key(ln) not in running]
            text = _join_lines(lines)
            if text:
                paragraphs.append(text)
    return "\n\n".join(paragraphs) + "\n"


def _read_pages(data: bytes) -> list[list[_Box]]:
    from pdfminer.high_level import extract_pages  # heavy: only for PDFs
    from pdfminer.layout import LAParams, LTTextBoxHorizontal
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSException

    pages: list[list[_Box]] = []
    try:
        for layout in extract_pages(
            io.BytesIO(data), laparams=LAParams(char_margin=_CHAR_MARGIN)
        ):
            band = _MARGIN * layout.height
            boxes = [
                _Box(
                    el.x0,
                    el.y1,
                    el.width,
                    tuple(
                        _SPACES.sub(" ", ln).strip()
                        for ln in el.get_text().splitlines()
                        if ln.strip()
                    ),
                    el.y0 > layout.height - band or el.y1 < band,
                    el.y0,
                )
                for el in layout
                if isinstance(el, LTTextBoxHorizontal)
            ]
            pages.append(_merge_split(_order(boxes, layout.width)))
    except PDFPasswordIncorrect:
        raise ExtractError("encrypted PDF: no text can be read") from None
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError):
        raise ExtractError("not a readable PDF file") from None
    except Exception as exc:  # pdfminer raises many types on broken files
        if type(exc).__module__.startswith("pdfminer"):
            raise ExtractError("not a readable PDF file") from None
        raise
    if not pages:
        raise ExtractError("not a readable PDF file (no pages)")
    return pages


def _order(boxes: list[_Box], page_width: float) -> list[_Box]:
    """Order boxes: bands split by full-width boxes; left column before right."""
    mid = page_width / 2
    out: list[_Box] = []
    band: list[_Box] = []
    for box in sorted(boxes, key=lambda b: -b.y1):
        if box.width >= _FULL_WIDTH * page_width:
            out.extend(_columns(band, mid))
            out.append(box)
            band = []
        else:
            band.append(box)
    out.extend(_columns(band, mid))
    return out


def _columns(band: list[_Box], mid: float) -> list[_Box]:
    left = [b for b in band if b.x0 < mid - 1]
    right = [b for b in band if b.x0 >= mid - 1]
    return [*sorted(left, key=lambda b: -b.y1), *sorted(right, key=lambda b: -b.y1)]


def _merge_split(boxes: list[_Box]) -> list[_Box]:
    """Join boxes that are one paragraph split by the layout analysis.

    Same column, the next starts within a line's height below, and the first does
    not end a sentence.
    """
    out: list[_Box] = []
    for box in boxes:
        prev = out[-1] if out else None
        if (
            prev is not None
            and box.lines
            and prev.lines
            and abs(prev.x0 - box.x0) < 6
            and 0 <= prev.y0 - box.y1 < _line_height(prev)
            and not prev.lines[-1].endswith(_TERMINAL)
        ):
            out[-1] = replace(prev, lines=prev.lines + box.lines, y0=box.y0)
        else:
            out.append(box)
    return out


def _line_height(box: _Box) -> float:
    return (box.y1 - box.y0) / max(1, len(box.lines))


def _key(line: str) -> str:
    """Blank the numbers of a line ("Page 3 of 9" ~ "Page 4 of 9")."""
    return _DIGITS.sub("#", line.strip().casefold())


def _running_lines(pages: list[list[_Box]]) -> set[str]:
    """Lines in the top or bottom margin of most pages (only with 2+ pages)."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({_key(ln) for box in page if box.margin for ln in box.lines})
    need = max(2, int(len(pages) * _RUNNING_SHARE + 0.5))
    return {key for key, n in seen.items() if n >= need}


def _join_lines(lines: list[str]) -> str:
    """Join a box's lines into one paragraph, rejoining words hyphenated at the edge."""
    text = ""
    for line in lines:
        if not text:
            text = line
        elif _HYPHEN_END.search(text) and line[:1].islower():
            text = text[:-1] + line
        else:
            text = f"{text} {line}"
    return text
