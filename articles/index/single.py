"""Index one new corpus file in one transaction (ingest), without reading the corpus."""

from __future__ import annotations

from pathlib import Path

from articles.backends import Connection
from articles.index.file_stats import forget_stats
from articles.index.review_sync import load_review
from articles.index.store import open_writer
from articles.index.sync import SyncError, actor_parents, sync_index
from articles.index.texts import TextPacker, stored_dictionary
from articles.index.work import Failed, Prepared, Task, actor_ancestors, prepare_file
from articles.index.write import (
    DuplicateArticle,
    Targets,
    delete_article,
    insert_article,
)
from articles.process import Linker


def index_file(corpus: Path, index: Path, path: Path, linker: Linker) -> str:
    """Add (or replace) the article of one corpus file; return its id.

    When the index is missing, outdated or built with another linker, this falls
    back to a full ``sync_index`` (which must index ``path``).

    Raises
    ------
    SyncError
        The file cannot be indexed; the index is unchanged.
    """
    con, rebuilt = open_writer(index)
    try:
        row = con.execute("SELECT value FROM meta WHERE key='fingerprint'").fetchone()
        if rebuilt or row is None or row[0] != linker.fingerprint:
            con.close()
            sync_index(corpus, index, linker, require=path)
            return _slug_of(index, path)
        done = prepare_file(
            Task(str(path), None),
            linker,
            actor_ancestors(actor_parents()),
            load_review(corpus)[0],  # rules made earlier hold for a new article
            TextPacker(stored_dictionary(con)),
        )
        if isinstance(done, Failed):
            raise SyncError(done.reason)
        assert isinstance(done, Prepared)
        _write(con, done)
        return done.article.id
    finally:
        con.close()


def _write(con: Connection, done: Prepared) -> None:
    con.backend.begin(con)  # writers take turns: a concurrent one is seen below
    try:
        old = con.execute(
            "SELECT id FROM articles WHERE file = ?", (done.file,)
        ).fetchone()
        if old is not None:
            delete_article(con, int(old[0]))
        insert_article(con, done, Targets(con))
        forget_stats(con)  # the next sync reads the files' stats from the table
    except (con.backend.IntegrityError, DuplicateArticle):
        con.execute("ROLLBACK")
        raise SyncError(
            f"{done.file}: duplicate article id {done.article.id!r}"
        ) from None
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def _slug_of(index: Path, path: Path) -> str:
    con, _ = open_writer(index)
    try:
        row = con.execute(
            "SELECT slug FROM articles WHERE file = ?", (path.name,)
        ).fetchone()
    finally:
        con.close()
    return str(row[0]) if row else path.stem
