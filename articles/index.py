"""The SQLite index (FTS5): derived from the corpus, rebuilt incrementally by hash.

Deleting the index loses nothing: ``sync_index`` rebuilds it from the corpus. An
article is re-linked only when its file changed or when the linker's fingerprint
(gazetteer, registry, pipeline code) changed. Each sync is one transaction; readers
use WAL mode, so the dashboard can read while a sync writes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from articles.corpus import CorpusError, parse_article, read_corpus_files
from articles.model import Mention
from articles.process import (
    Linker,
    Processed,
    group_mentions,
    load_linker,
    process_article,
)
from articles.schema import SCHEMA, SCHEMA_VERSION
from articles.split import find_footnotes

INDEX_ENV = "ARTICLES_INDEX_PATH"
DEFAULT_INDEX = Path(__file__).resolve().parent / "index.sqlite"
_TABLES = ("articles", "passages", "links", "dates")


class SyncError(RuntimeError):
    """A corpus file could not be indexed when the caller required it."""


@dataclass(frozen=True)
class SyncReport:
    """What a sync did: article ids added, updated, removed; files it could not read."""

    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    unchanged: int = 0
    errors: tuple[str, ...] = ()
    seconds: float = 0.0


def index_path() -> Path:
    """Return the index path (env ``ARTICLES_INDEX_PATH``, else the package's)."""
    return Path(os.environ.get(INDEX_ENV) or DEFAULT_INDEX)


def connect(index: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open the index with WAL and a busy timeout (explicit transactions)."""
    if readonly:
        uri = f"file:{index.resolve()}?mode=ro"
        con = sqlite3.connect(uri, uri=True, timeout=30, isolation_level=None)
    else:
        con = sqlite3.connect(index, timeout=30, isolation_level=None)
    con.execute("PRAGMA busy_timeout = 30000")
    if not readonly:
        con.execute("PRAGMA journal_mode = WAL")
    return con


@contextlib.contextmanager
def open_index(index: Path) -> Iterator[sqlite3.Connection]:
    """Open the index for writing, creating or rebuilding it when missing or invalid."""
    index.parent.mkdir(parents=True, exist_ok=True)
    con = _open_valid(index)
    try:
        yield con
    finally:
        con.close()


def _open_valid(index: Path) -> sqlite3.Connection:
    try:
        con = connect(index)
        version = _schema_version(con)
        if version == SCHEMA_VERSION:
            return con
        con.close()
    except sqlite3.DatabaseError:
        pass
    for suffix in ("", "-wal", "-shm"):
        Path(f"{index}{suffix}").unlink(missing_ok=True)
    con = connect(index)
    con.executescript(f"BEGIN;{SCHEMA}COMMIT;")
    con.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
    return con


def _schema_version(con: sqlite3.Connection) -> str | None:
    has_meta = con.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'"
    ).fetchone()
    if not has_meta:
        return None
    row = con.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
    return str(row[0]) if row else None


def sync_index(
    corpus: Path,
    index: Path,
    linker: Linker | None = None,
    *,
    require: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> SyncReport:
    """Bring the index in line with the corpus, re-linking only what changed.

    Parameters
    ----------
    corpus : Path
        Directory of article Markdown files.
    index : Path
        SQLite file; created (or rebuilt, if unreadable) when needed.
    linker : Linker, optional
        Defaults to ``process.load_linker()``.
    require : Path, optional
        A corpus file that must index cleanly; if it cannot, the whole transaction
        is rolled back and ``SyncError`` raised.
    progress : callable, optional
        Called as ``progress(done, total)`` after each article that is (re)linked.

    Returns
    -------
    SyncReport
        Ids added, updated and removed, and per-file errors.
    """
    began = time.perf_counter()
    linker = linker or load_linker()
    read, refused = read_corpus_files(corpus)
    if require is not None and require not in read:
        raise SyncError(f"{require.name}: {', '.join(refused) or 'not in the corpus'}")
    files = {p.name: p for p in read}
    data = {p.name: raw for p, raw in read.items()}
    with open_index(index) as con:
        con.execute("BEGIN IMMEDIATE")
        try:
            report = _apply(con, files, data, linker, (require, progress))
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
    return SyncReport(
        **{
            **report.__dict__,
            "errors": (*refused, *report.errors),
            "seconds": time.perf_counter() - began,
        }
    )


def _apply(
    con: sqlite3.Connection,
    files: dict[str, Path],
    data: dict[str, bytes],
    linker: Linker,
    options: tuple[Path | None, Callable[[int, int], None] | None],
) -> SyncReport:
    require, progress = options
    hashes = {name: hashlib.sha256(raw).hexdigest() for name, raw in data.items()}
    row = con.execute("SELECT value FROM meta WHERE key='fingerprint'").fetchone()
    stored = {
        f: (i, h) for i, f, h in con.execute("SELECT id, file, file_hash FROM articles")
    }
    if row is None or row[0] != linker.fingerprint:
        for table in (*_TABLES, "passages_fts"):
            con.execute(f"DELETE FROM {table}")
        con.execute(
            "INSERT OR REPLACE INTO meta VALUES ('fingerprint', ?)",
            (linker.fingerprint,),
        )
        stored = {}
    removed = [i for f, (i, _) in stored.items() if f not in files]
    changed = [f for f in sorted(files) if stored.get(f, ("", ""))[1] != hashes[f]]
    for name in changed:
        if name in stored:
            removed.append(stored[name][0])
    for article_id in removed:
        _delete_article(con, article_id)
    added: list[str] = []
    updated: list[str] = []
    errors: list[str] = []
    for done, name in enumerate(changed, start=1):
        if progress is not None:
            progress(done, len(changed))
        try:
            processed = _index_file(con, name, data[name], hashes[name], linker)
        except SyncError as exc:
            if require is not None and files[name] == require:
                raise
            errors.append(str(exc))
            continue
        (updated if name in stored else added).append(processed.article.id)
    gone = [i for i in removed if i not in updated]
    return SyncReport(
        tuple(added),
        tuple(updated),
        tuple(gone),
        len(files) - len(changed),
        tuple(errors),
    )


def _index_file(
    con: sqlite3.Connection, name: str, raw: bytes, file_hash: str, linker: Linker
) -> Processed:
    """Parse, link and insert one file inside a savepoint (all of it or nothing)."""
    try:
        article = parse_article(raw.decode("utf-8"), Path(name).stem)
    except UnicodeDecodeError:
        raise SyncError(f"{name}: not UTF-8") from None
    except CorpusError as exc:
        raise SyncError(f"{name}: {exc}") from None
    processed = process_article(article, linker)
    con.execute("SAVEPOINT article")
    try:
        _insert(con, name, file_hash, processed)
    except sqlite3.IntegrityError:
        con.execute("ROLLBACK TO article")
        con.execute("RELEASE article")
        raise SyncError(f"{name}: duplicate article id {article.id!r}") from None
    con.execute("RELEASE article")
    return processed


def _delete_article(con: sqlite3.Connection, article_id: str) -> None:
    con.execute(
        "DELETE FROM passages_fts WHERE rowid IN "
        "(SELECT rowid FROM passages WHERE article_id = ?)",
        (article_id,),
    )
    con.execute("DELETE FROM passages WHERE article_id = ?", (article_id,))
    con.execute("DELETE FROM links WHERE article_id = ?", (article_id,))
    con.execute("DELETE FROM dates WHERE article_id = ?", (article_id,))
    con.execute("DELETE FROM articles WHERE id = ?", (article_id,))


def _insert(
    con: sqlite3.Connection, name: str, file_hash: str, done: Processed
) -> None:
    a = done.article
    con.execute(
        "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            a.id, name, file_hash, a.content_hash, a.title, a.author,
            a.published.isoformat(), a.posted.isoformat() if a.posted else None,
            a.source, a.language, a.body, json.dumps(find_footnotes(a.body)),
        ),
    )  # fmt: skip
    for p in done.passages:
        cur = con.execute(
            "INSERT INTO passages VALUES (?,?,?,?,?,?,?,?)",
            (p.id, a.id, p.n, p.heading, p.text, p.start, p.end, p.kind),
        )
        con.execute(
            "INSERT INTO passages_fts(rowid, text, heading) VALUES (?,?,?)",
            (cur.lastrowid, p.text, p.heading or ""),
        )
    by_passage: dict[str, list[Mention]] = {}
    for m in done.mentions:
        by_passage.setdefault(m.passage_id, []).append(m)
    con.executemany(
        "INSERT INTO links VALUES (?,?,?,?,?,?,?)",
        [
            (pid, a.id, kind, target, how, json.dumps(spans), n)
            for pid, found in by_passage.items()
            for n, (kind, target, how, spans) in enumerate(group_mentions(found))
        ],
    )
    rows = []
    for d in done.dates:
        try:
            first, last = d.bounds()
        except ValueError:
            continue  # a malformed value from the linker is not stored
        rows.append((d.passage_id, a.id, d.start, d.end, d.text, d.value, d.precision,
                     first.isoformat(), last.isoformat()))  # fmt: skip
    con.executemany("INSERT INTO dates VALUES (?,?,?,?,?,?,?,?,?)", rows)
