"""Migrations: explicit, numbered, forward only; a newer database is refused."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import psycopg
import pytest

from articles.__main__ import main
from articles.backends import DATABASE_ENV, IndexUnavailable, SchemaTooNew
from articles.backends.local_server import LocalServer
from articles.backends.migrate import MIGRATIONS, latest_version, list_migrations
from articles.backends.postgres import PostgresBackend, migrate_url
from articles.corpus import CORPUS_ENV
from articles.index import sync_index
from articles.query import Filters, QueryError, query_page
from tests.articles.conftest import REAL_CORPUS, FakeLinker

EXTRA = "CREATE TABLE extra_notes(id bigint PRIMARY KEY, note text NOT NULL);\n"


_BLANK = itertools.count()


@pytest.fixture
def blank_url(pg_server: tuple[LocalServer, psycopg.Connection[object]]) -> str:
    """An empty database (never migrated) on the session's server."""
    server, admin = pg_server
    name = f"blank_{next(_BLANK)}"
    admin.execute(f"CREATE DATABASE {name}")
    return server.url(name)


@pytest.fixture
def seeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the seed corpus (``ARTICLES_CORPUS_DIR``), backend left alone."""
    target = tmp_path / "corpus"
    shutil.copytree(REAL_CORPUS, target)
    monkeypatch.setenv(CORPUS_ENV, str(target))
    return target


@pytest.fixture
def newer_code(tmp_path: Path) -> Path:
    """This code's migrations plus one more (what the next release would ship)."""
    folder = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, folder)
    (folder / f"{latest_version() + 1:04d}_extra_notes.sql").write_text(EXTRA)
    return folder


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(argv, linker=FakeLinker())  # type: ignore[arg-type]
    return code, capsys.readouterr().err


def test_migrations_are_numbered_in_order() -> None:
    found = list_migrations()
    assert found[0].name == "0001_index"
    assert [m.version for m in found] == sorted({m.version for m in found})


def test_unmigrated_database_says_to_migrate(
    blank_url: str,
    seeds: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    del seeds
    monkeypatch.setenv(DATABASE_ENV, blank_url)
    for argv in (["sync"], ["query", "--q", "Kabul"]):
        code, err = _run(argv, capsys)
        assert code != 0
        assert err.count("\n") == 1
        assert "run `python -m articles migrate`" in err
    code, _ = _run(["migrate"], capsys)
    assert code == 0
    assert _run(["sync"], capsys)[0] == 0
    assert query_page(Filters(q="Kabul")).total > 0


def test_old_schema_migrates_forward_keeping_its_data(
    pg_url: str, seeds: Path, tmp_path: Path, newer_code: Path
) -> None:
    backend = PostgresBackend(pg_url)
    with pytest.MonkeyPatch.context() as env:
        env.setenv(DATABASE_ENV, pg_url)
        sync_index(seeds, tmp_path / "unused.sqlite", FakeLinker())
        before = query_page(Filters(q="Kabul")).total
    applied = migrate_url(pg_url, newer_code)
    assert [m.name for m in applied] == [f"{latest_version() + 1:04d}_extra_notes"]
    assert migrate_url(pg_url, newer_code) == []  # once only
    con = backend.connect()
    try:
        assert con.execute("SELECT count(*) FROM extra_notes").fetchone()[0] == 0
        versions = [r[0] for r in con.execute("SELECT version FROM schema_migrations")]
        assert versions == list(range(1, latest_version() + 2))
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    finally:
        con.close()
    assert before > 0


def test_database_newer_than_code_is_refused(
    pg_url: str,
    newer_code: Path,
    seeds: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    del seeds
    migrate_url(pg_url, newer_code)
    with pytest.raises(SchemaTooNew, match="newer than this code"):
        migrate_url(pg_url)
    with pytest.raises(SchemaTooNew):
        PostgresBackend(pg_url).open_writer()
    monkeypatch.setenv(DATABASE_ENV, pg_url)
    for argv in (["migrate"], ["sync"]):
        code, err = _run(argv, capsys)
        assert code == 1
        assert err.count("\n") == 1
        assert "newer than this code" in err
    with pytest.raises(QueryError, match="newer than this code"):
        query_page(Filters())


def test_unreachable_database_is_one_line_without_password(
    pg_server: tuple[object, object],
) -> None:
    del pg_server
    url = "postgresql://someone:s3cret@127.0.0.1:1/nowhere"
    with pytest.raises(IndexUnavailable) as caught:
        migrate_url(url)
    assert "s3cret" not in str(caught.value)
    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith("cannot connect to postgresql://127.0.0.1:1/")
