"""Sync in team mode: an article stored by another process during a sync stays."""

from __future__ import annotations

from pathlib import Path

import pytest

from articles.ingest import ingest_bytes
from articles.query import list_article_ids
from articles.team import store
from articles.team import sync as team_sync
from articles.team.folder import load_folder
from articles.team.sync import sync_shared
from tests.articles.conftest import REAL_CORPUS, FakeLinker
from tests.articles.team.test_concurrency import ARTICLE


def test_an_article_stored_during_a_sync_is_put_back(
    team_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    con = store.connect(team_url)
    load_folder(con, REAL_CORPUS)
    mine, theirs, index = tmp_path / "mine", tmp_path / "theirs", tmp_path / "i"
    sync_shared(mine, index, FakeLinker())
    other = ingest_bytes("talks.md", ARTICLE, theirs, index, linker=FakeLinker())
    calls: list[Path] = []
    real = team_sync.sync_mirror

    def late(corpus: Path) -> bool:  # the first refresh ran just before the ingest
        calls.append(corpus)
        return False if len(calls) == 1 else real(corpus)

    monkeypatch.setattr(team_sync, "sync_mirror", late)
    report = sync_shared(mine, index, FakeLinker())
    assert len(calls) == 2
    assert other.article_id in list_article_ids(index)
    assert (mine / f"{other.article_id}.md").exists()
    assert report.removed == ()
