"""Real PDFs made with fpdf2 for the PDF tests (one and two columns, Persian heads)."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

#: Debian's fonts-dejavu-core (Makefile ``fonts``): Latin and Arabic-script glyphs.
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"

TORKHAM_P1 = (
    "Pakistani and Afghan forces exchanged heavy fire at the Torkham border crossing "
    "late on Thursday, officials said, after fighters of the Tehrik-i-Taliban "
    "Pakistan (TTP) attacked a checkpoint near the main gate and the"
)
TORKHAM_P2 = (
    "crossing was closed to trade. Hundreds of trucks waited on both sides of the "
    "border on Friday morning."
)


class _Pdf(FPDF):
    """A page with an optional running header and a footer page number."""

    def __init__(self, head: str = "", persian_numbers: bool = False) -> None:
        super().__init__(format="A4")
        self.head = head
        self.persian_numbers = persian_numbers
        self.add_font("DejaVu", fname=str(FONT))
        self.set_font("DejaVu", size=11)
        self.set_auto_page_break(auto=True, margin=25)

    def header(self) -> None:
        if self.head:
            self.set_font("DejaVu", size=9)
            self.cell(0, 8, self.head, align="C", new_x="LMARGIN", new_y="NEXT")
            self.ln(6)
            self.set_font("DejaVu", size=11)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("DejaVu", size=9)
        number = str(self.page_no())
        if self.persian_numbers:
            number = number.translate(str.maketrans("0123456789", PERSIAN_DIGITS))
        else:
            number = f"Page {number}"
        self.cell(0, 8, number, align="C")


def _lines(pdf: FPDF, lines: list[str], width: float = 0) -> None:
    pdf.multi_cell(width, 5, "\n".join(lines), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(5)


def one_column(path: Path) -> Path:
    """Two pages: running header, page-number footer, a paragraph across the break.

    The first paragraph has "neigh-" / "bouring" hyphenated at the line edge.
    """
    pdf = _Pdf(head="The Frontier Post  |  Border Affairs")
    pdf.add_page()
    _lines(pdf, ["Clash at Torkham closes the crossing"])
    _lines(pdf, ["By Sana Qureshi — Peshawar, 14 March 2025"])
    _lines(
        pdf,
        [
            "Residents of the neigh-",
            "bouring villages left their homes as the shooting went on for hours.",
        ],
    )
    for n in range(1, 7):
        _lines(
            pdf,
            [
                f"Trader number {n} said the closure cost him dearly, and officials",
                "on both sides promised talks to reopen the road within the week.",
            ],
        )
    pdf.set_y(pdf.h - 60)
    _lines(pdf, [TORKHAM_P1])
    pdf.add_page()
    _lines(pdf, [TORKHAM_P2])
    pdf.output(str(path))
    return path


def two_columns(path: Path) -> Path:
    """A full-width title, then a left and a right column side by side."""
    pdf = _Pdf()
    pdf.add_page()
    _lines(pdf, ["Two columns on the border"])
    top = pdf.get_y()
    left = [f"Left column sentence number {i} about Chaman." for i in range(1, 9)]
    right = [f"Right column sentence number {i} about Kurram." for i in range(1, 9)]
    pdf.set_xy(10, top)
    pdf.multi_cell(85, 6, " ".join(left))
    pdf.set_xy(115, top)
    pdf.multi_cell(85, 6, " ".join(right))
    pdf.output(str(path))
    return path


def persian_masthead(path: Path) -> Path:
    """Afgazad-style: a Persian masthead with a Solar Hijri date on every page."""
    pdf = _Pdf(head="افغانستان آزاد – آزاد افغانستان", persian_numbers=True)
    pdf.add_page()
    _lines(pdf, ["۲۴ حوت ۱۴۰۳"])
    _lines(pdf, ["Talks on the Durand Line"])
    for n in range(1, 15):
        _lines(
            pdf,
            [
                f"In round {n}, officials from Kabul and Islamabad discussed the",
                "Durand Line and the fencing along it, and agreed to meet again.",
            ],
        )
    pdf.add_page()
    _lines(pdf, ["The meeting ended without a joint statement, diplomats said."])
    pdf.output(str(path))
    return path


def scanned(path: Path) -> Path:
    """A page with only a drawing: no text layer."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_fill_color(120, 120, 120)
    pdf.rect(20, 20, 170, 250, style="F")
    pdf.output(str(path))
    return path
