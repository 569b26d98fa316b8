"""One view, one query: the page, its export and both CLIs ask the same question."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from unittest import mock

from streamlit.testing.v1 import AppTest

from articles.__main__ import build_parser as articles_parser
from articles.filter_args import build_filters
from articles.query import Filters
from components.briefing.__main__ import build_parser as briefing_parser
from components.url.state import to_query_params
from components.view import View

ROOT = Path(__file__).resolve().parents[2]
#: Every filter set (ids from the seed corpus and the registry).
FULL = View(
    filters=Filters(
        feature="wakhan-corridor",
        actors=("isi", "ttp"),
        date_from=dt.date(2024, 4, 1),  # inside the seed corpus's event dates
        date_to=dt.date(2024, 12, 15),
        datemode="events",
        q="corridor",
        articles=("2025-01-pakistan-ambition-invade-wakhan",),
    ),
    kinds=("corridor", "country"),
)


def _cli_args(view: View) -> list[str]:
    """The URL parameters of ``view`` as CLI options (the same names)."""
    args: list[str] = []
    for name, value in to_query_params(view).items():
        option = {"from": "--from", "to": "--to"}.get(name, f"--{name}")
        if name not in {"lat", "lon", "zoom"}:
            args += [option, value]
    return args


def test_view_splits_evidence_and_overview():
    assert FULL.evidence == FULL.filters
    assert FULL.overview == Filters(**{**FULL.filters.__dict__, "feature": None})
    assert FULL.feature == "wakhan-corridor"
    assert FULL.select("kabul", q=" ").filters.q is None


def test_cli_queries_equal_the_view_query():
    args = _cli_args(FULL)
    query = articles_parser().parse_args(["query", *args])
    brief = briefing_parser().parse_args([*args, "--out", "x.html"])
    assert build_filters(query) == FULL.evidence
    assert build_filters(brief) == FULL.evidence


def _page_queries(tmp_path: Path, monkeypatch) -> tuple[list[Filters], list[Filters]]:
    """Run the dashboard at FULL's URL; return the evidence and export queries."""
    shutil.copytree(ROOT / "articles" / "corpus", tmp_path / "corpus")
    monkeypatch.setenv("ARTICLES_CORPUS_DIR", str(tmp_path / "corpus"))
    monkeypatch.setenv("ARTICLES_INDEX_PATH", str(tmp_path / "index.sqlite"))
    from components import loaders
    from components.panels import export

    loaders.clear_evidence_caches()
    asked: list[Filters] = []
    exported: list[Filters] = []
    original = loaders.load_evidence_page

    def spy_evidence(view: View, order: str, page: int):
        asked.append(view.evidence)
        return original(view, order, page)

    def spy_download(_fmt, filters, *_rest, **_kw):
        exported.append(filters)
        return lambda: b""

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    for name, value in to_query_params(FULL).items():
        at.query_params[name] = value
    with (
        mock.patch.object(loaders, "load_evidence_page", spy_evidence),
        mock.patch.object(export, "build_download", spy_download),
    ):
        at.run()
    assert not at.exception
    return asked, exported


def test_page_and_export_query_equal_the_view_query(tmp_path, monkeypatch):
    asked, exported = _page_queries(tmp_path, monkeypatch)
    assert asked == [FULL.evidence]
    assert exported
    assert all(f == FULL.evidence for f in exported)
