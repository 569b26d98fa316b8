"""PDFs made by a PDF writer: reading order, running heads, page numbers, no text."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from articles.__main__ import main
from articles.extract import ExtractError
from articles.pdf_text import extract_pdf
from articles.prepare import IngestError, prepare_article
from tests.articles import pdf_fixtures

pytestmark = pytest.mark.skipif(
    not pdf_fixtures.FONT.exists(), reason="needs Debian fonts-dejavu-core (make fonts)"
)


def test_one_column_drops_running_header_and_page_numbers(tmp_path: Path) -> None:
    text = extract_pdf(pdf_fixtures.one_column(tmp_path / "a.pdf").read_bytes())
    assert "Frontier Post" not in text
    assert "Page 1" not in text
    assert text.startswith("Clash at Torkham closes the crossing\n\n")


def test_word_hyphenated_at_the_line_edge_is_rejoined(tmp_path: Path) -> None:
    text = extract_pdf(pdf_fixtures.one_column(tmp_path / "a.pdf").read_bytes())
    assert "Residents of the neighbouring villages left" in text


def test_paragraph_across_the_page_break_is_one_passage(tmp_path: Path) -> None:
    data = pdf_fixtures.one_column(tmp_path / "a.pdf").read_bytes()
    _, article = prepare_article("a.pdf", data, {}, set())
    assert "main gate and the crossing was closed to trade." in article.body


def test_two_columns_read_left_then_right(tmp_path: Path) -> None:
    text = extract_pdf(pdf_fixtures.two_columns(tmp_path / "b.pdf").read_bytes())
    assert text.rindex("Chaman") < text.index("Kurram")
    left = " ".join(
        f"Left column sentence number {i} about Chaman." for i in range(1, 9)
    )
    assert left in text


def test_persian_masthead_and_page_numbers_dropped_date_read(tmp_path: Path) -> None:
    data = pdf_fixtures.persian_masthead(tmp_path / "c.pdf").read_bytes()
    _, article = prepare_article("c.pdf", data, {}, set())
    assert article.published == dt.date(2025, 3, 14)  # 24 Hut 1403
    assert article.title == "Talks on the Durand Line"
    assert "افغانستان" not in article.body
    assert not any(d in article.body for d in pdf_fixtures.PERSIAN_DIGITS)


def test_scanned_pdf_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    data = pdf_fixtures.scanned(tmp_path / "d.pdf").read_bytes()
    with pytest.raises(IngestError, match="scanned image, no text found"):
        prepare_article("d.pdf", data, {}, set())


def test_not_a_pdf_is_refused() -> None:
    with pytest.raises(ExtractError, match="not a readable PDF"):
        extract_pdf(b"%PDF-1.4 nothing here")


@pytest.mark.usefixtures("corpus")
def test_cli_pdf_about_torkham_links_place_actor_and_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = pdf_fixtures.one_column(tmp_path / "torkham.pdf")
    assert main(["ingest", str(pdf), "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)["results"]
    assert row["status"] == "added"
    argv = ["query", "--feature", "torkham", "--actor", "ttp", "--json"]
    assert main([*argv, "--from", "2025-03-14", "--to", "2025-03-14"]) == 0
    hits = json.loads(capsys.readouterr().out)["passages"]
    assert [h["article_id"] for h in hits] == [row["id"]]
    assert hits[0]["published"] == "2025-03-14"
    assert "Tehrik-i-Taliban Pakistan (TTP)" in hits[0]["text"]
