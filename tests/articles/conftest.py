"""Fixtures for the article pipeline: a small fake linker, corpus copies, awkward texts.

The fake linker keeps index/query/ingest tests fast and independent of the gazetteer;
the real linker is exercised end to end where the seeds are linked.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from articles.backends import DATABASE_ENV, backend_for
from articles.corpus import CORPUS_ENV
from articles.index import INDEX_ENV
from articles.model import DateMention, Mention, Passage

REAL_CORPUS = Path(__file__).resolve().parents[2] / "articles" / "corpus"
SEED_1 = "2025-01-pakistan-ambition-invade-wakhan"
SEED_2 = "2025-05-shifting-alliances-rising-tensions"

FAKE_TARGETS = {
    "Wakhan Corridor": ("wakhan-corridor", "feature"),
    "Badakhshan": ("badakhshan", "feature"),
    "Durand Line": ("durand-line", "feature"),
    "Kabul": ("kabul", "feature"),
    "Beijing": ("beijing", "feature"),
    "Tajikistan": ("tajikistan", "feature"),
    "TTP": ("ttp", "actor"),
    "ISI": ("isi", "actor"),
    "Asim Malik": ("asim-malik", "actor"),
    "Ishaq Dar": ("ishaq-dar", "actor"),
}
_FAKE_RE = re.compile(r"\b(" + "|".join(map(re.escape, FAKE_TARGETS)) + r")\b")
_MONTHS = (
    "January February March April May June July August September October "
    "November December"
)
_DATE_RE = re.compile(
    r"\b(?:(\d{1,2})(?:st|nd|rd|th)? )?(" + _MONTHS.replace(" ", "|") + r") (\d{4})\b"
)


@dataclass
class FakeLinker:
    """Links a fixed handful of names and "[day] Month Year" dates; counts calls."""

    fingerprint: str = "fake-1"
    linked: list[str] = field(default_factory=list)

    def link(
        self,
        passages: Sequence[Passage],
        published: dt.date | None = None,  # noqa: ARG002 (the real linker's)
    ) -> list[list[Mention]]:
        return [self._link(p) for p in passages]

    def _link(self, passage: Passage) -> list[Mention]:
        self.linked.append(passage.id)
        return [
            Mention(passage.id, *FAKE_TARGETS[m[1]], m.start(), m.end(), "name", m[1])
            for m in _FAKE_RE.finditer(passage.text)
        ]

    def dates(
        self, passages: Sequence[Passage], published: dt.date
    ) -> list[list[DateMention]]:
        del published
        return [self._dates(p) for p in passages]

    def _dates(self, passage: Passage) -> list[DateMention]:
        out = []
        for m in _DATE_RE.finditer(passage.text):
            month = _MONTHS.split().index(m[2]) + 1
            value = f"{m[3]}-{month:02d}" + (f"-{int(m[1]):02d}" if m[1] else "")
            precision = "day" if m[1] else "month"
            out.append(
                DateMention(passage.id, m.start(), m.end(), m[0], value, precision)
            )
        return out


@pytest.fixture
def fake_linker() -> FakeLinker:
    return FakeLinker()


def pytest_collection_modifyitems(
    config: pytest.Config, items: list[pytest.Item]
) -> None:
    """Leave out the ``postgres`` case of tests marked ``sqlite_only``."""
    keep, drop = [], []
    for item in items:
        spec = getattr(item, "callspec", None)
        on_pg = spec is not None and spec.params.get("backend") == "postgres"
        (drop if on_pg and item.get_closest_marker("sqlite_only") else keep).append(
            item
        )
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The index backend a test runs on: each test that builds an index runs twice.

    ``postgres`` points ``ARTICLES_DATABASE_URL`` at a fresh migrated database of
    the session's throwaway server; the ``index`` path is then unused.
    """
    if request.param == "postgres":
        monkeypatch.setenv(DATABASE_ENV, request.getfixturevalue("pg_url"))
    return str(request.param)


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, backend: str) -> Path:
    """A copy of the real corpus; the env vars point corpus and index at tmp_path."""
    del backend  # requested for its parameter: the index's backend
    target = tmp_path / "corpus"
    shutil.copytree(REAL_CORPUS, target)
    monkeypatch.setenv(CORPUS_ENV, str(target))
    monkeypatch.setenv(INDEX_ENV, str(tmp_path / "index.sqlite"))
    return target


@pytest.fixture
def index(tmp_path: Path, backend: str) -> Path:
    """The index path (SQLite), or unused when ``backend`` is PostgreSQL."""
    del backend
    return tmp_path / "index.sqlite"


def forget_index(index: Path) -> None:
    """Lose the index: delete the SQLite file, or PostgreSQL's fingerprint.

    Without its fingerprint the database's index is emptied and rebuilt by the
    next sync, as a deleted file is.
    """
    backend = backend_for(index)
    if backend.name == "sqlite":
        index.unlink()
        return
    con = backend.connect()
    try:
        con.execute("DELETE FROM meta")
    finally:
        con.close()


def seed_raw(article_id: str) -> str:
    """The text of a seed article as received (front matter removed)."""
    text = (REAL_CORPUS / f"{article_id}.md").read_text(encoding="utf-8")
    return text.split("\n---\n", 1)[1].lstrip("\n")


def snapshot(*paths: Path) -> dict[str, bytes]:
    """Every file under the given paths (and the paths themselves) with its bytes."""
    out: dict[str, bytes] = {}
    for path in paths:
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for f in files:
            if f.is_file():
                out[str(f)] = f.read_bytes()
    return out


#: Awkward inputs every text stage must handle (name -> raw text, expected body).
TEXT_CASES = {
    "blank-paragraphs": (
        "First paragraph about Kabul.\n\n\n\n   \n\nSecond paragraph.\n",
        "First paragraph about Kabul.\n\nSecond paragraph.",
    ),
    "curly-quotes": (
        "The minister said “we will talk” and ‘soon’.",
        "The minister said “we will talk” and ‘soon’.",
    ),
    "crlf": (
        "Line one of a paragraph\r\ncontinues here.\r\n\r\nNext one.\r\n",
        "Line one of a paragraph continues here.\n\nNext one.",
    ),
    "bom": ("\ufeffA text that starts with a BOM.", "A text that starts with a BOM."),
    "html-entities": (
        "Trade &amp; transit at Torkham&nbsp;crossing &ndash; "
        "&quot;closed&quot; &lt;b&gt;",
        'Trade & transit at Torkham crossing – "closed" <b>',
    ),
    "html-tags": (
        "On 30<sup>th</sup> December <u>he</u> left.<br>Then <i>this</i>.",
        "On 30th December he left. Then this.",
    ),
    "markdown-emphasis": (
        "**Bold** and *italic* and _under_ with a [link](http://x.org) and Taliban\\*.",
        "Bold and italic and under with a link and Taliban*.",
    ),
    "script-injection": (
        "Before.<script>alert('x')</script> After <img src=x onerror=alert(1)>end.",
        "Before. After end.",
    ),
}
