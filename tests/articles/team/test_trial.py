"""make run-team's preparation: create, migrate, load the seeds; twice is harmless."""

from __future__ import annotations

from typing import Any

from articles.backends.local_server import LocalServer
from articles.team import store
from articles.team.trial import prepare_database
from tests.articles.conftest import REAL_CORPUS


def test_prepare_creates_migrates_and_loads_the_seeds_once(
    pg_server: tuple[LocalServer, Any],
) -> None:
    url = pg_server[0].url("trial_db")
    seeds = len(list(REAL_CORPUS.glob("*.md")))
    assert f"{seeds} added, 0 already there" in prepare_database(url)
    assert f"0 added, {seeds} already there" in prepare_database(url)
    con = store.connect(url)
    assert len(store.article_ids(con)) == seeds
    con.close()
