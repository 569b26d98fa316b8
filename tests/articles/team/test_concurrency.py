"""Many writers: two processes ingesting one file store one article; an ingest in
one process is seen by another connection after its refresh."""

from __future__ import annotations

import multiprocessing as mp
from pathlib import Path
from typing import Any

import pytest

from articles.auth.roles import User
from articles.index import sync_index
from articles.ingest import ingest_bytes
from articles.query import Filters, query_page
from articles.team import store
from articles.team.writes import sync_mirror
from tests.articles.conftest import FakeLinker

ARTICLE = (
    b"---\ntitle: Talks at the Durand Line\npublished: 2025-03-03\n---\n\n"
    b"Officials from Kabul met envoys at the Durand Line on 3 March 2025.\n"
)


def _ingest_in_child(
    url: str, corpus: str, index: str, start: Any, out: Any
) -> None:  # a separate process: another dashboard or machine
    import os

    os.environ["ARTICLES_DATABASE_URL"] = url
    start.wait(timeout=60)
    result = ingest_bytes("talks.md", ARTICLE, Path(corpus), Path(index),
                          linker=FakeLinker())  # fmt: skip
    out.put((result.status, result.article_id))


def test_two_concurrent_ingests_of_one_file_give_one_article(
    team_url: str, tmp_path: Path
) -> None:
    ctx = mp.get_context("spawn")
    start, out = ctx.Barrier(2), ctx.Queue()
    children = [
        ctx.Process(target=_ingest_in_child, args=(
            team_url, str(tmp_path / f"mirror{i}"), str(tmp_path / f"i{i}.sqlite"),
            start, out))
        for i in (1, 2)
    ]  # fmt: skip
    for child in children:
        child.start()
    results = sorted(out.get(timeout=120) for _ in children)
    for child in children:
        child.join(timeout=60)
        assert child.exitcode == 0
    assert [status for status, _ in results] == ["added", "duplicate"]
    assert results[0][1] == results[1][1]
    con = store.connect(team_url)
    (n,) = con.execute("SELECT count(*) FROM corpus_articles").fetchone()
    assert n == 1


def test_an_ingest_in_one_process_shows_in_another_after_refresh(
    team_url: str, tmp_path: Path
) -> None:
    ctx = mp.get_context("spawn")
    start, out = ctx.Barrier(1), ctx.Queue()
    where = (str(tmp_path / "mirror-a"), str(tmp_path / "a.sqlite"))
    child = ctx.Process(target=_ingest_in_child, args=(team_url, *where, start, out))
    child.start()
    status, article_id = out.get(timeout=120)
    child.join(timeout=60)
    assert status == "added"
    mine = tmp_path / "mirror-b"
    assert sync_mirror(mine)  # the refresh (what the dashboard does on a rerun)
    assert (
        (mine / f"{article_id}.md").read_bytes().endswith(ARTICLE.split(b"---\n\n")[1])
    )
    sync_index(mine, tmp_path / "b.sqlite", FakeLinker())
    page = query_page(Filters(articles=(article_id,)), index=tmp_path / "b.sqlite")
    assert page.total >= 1


def test_an_ingest_records_who_added_it(
    team_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARTICLES_ANALYST", "nadia")  # the command line's operator
    first = ingest_bytes("talks.md", ARTICLE, tmp_path / "m", tmp_path / "i.sqlite",
                         linker=FakeLinker())  # fmt: skip
    other = ARTICLE.replace(b"met envoys", b"turned back trucks")
    second = ingest_bytes(
        "other.md", other, tmp_path / "m", tmp_path / "i.sqlite",
        linker=FakeLinker(), user=User("rita", "editor"),
    )  # fmt: skip
    con = store.connect(team_url)
    try:
        rows = dict(con.execute("SELECT id, added_by FROM corpus_articles").fetchall())
    finally:
        con.close()
    assert (first.status, second.status) == ("added", "added")
    assert rows[first.article_id] == "nadia"
    assert rows[second.article_id] == "rita"
