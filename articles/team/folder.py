"""The database's corpus as a folder and back: ``dump``, ``load`` and the mirror.

A dump is the embedded mode's corpus exactly: one ``<id>.md`` per article (the
document byte for byte as stored) and ``.review/decisions.jsonl`` (one JSON line
per decision, in the order they were made). ``load`` reads such a folder (or the
embedded corpus) into the database and is idempotent: an article whose content
hash is stored already, and a decision whose id is, are skipped, so loading twice
gives one copy. The mirror is a dump kept up to date in each process's corpus
folder, so the file-based sync can index what the database holds.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from articles.corpus import (
    CorpusError,
    list_article_files,
    parse_article,
    split_front_matter,
)
from articles.limits import MAX_CORPUS_FILE_BYTES
from articles.review.model import DecisionError
from articles.review.store import DECISIONS, read_decisions
from articles.safe_read import FileRefused, read_limited
from articles.team import store

#: In the mirror folder: the database and version it was last brought up to.
MIRROR_STAMP = ".team-version"
#: In the mirror folder: article files found there that the database does not hold.
SET_ASIDE = ".set-aside"
log = logging.getLogger(__name__)


@dataclass
class LoadReport:
    """What ``load_folder`` did, file by file."""

    added: list[str] = field(default_factory=list)
    present: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    decisions_added: int = 0
    decisions_present: int = 0


def load_folder(con: Any, folder: Path, by: str = "load") -> LoadReport:
    """Load a corpus folder's articles and decisions into the database.

    Returns
    -------
    LoadReport
        Added, already present, duplicates (``(file, stored id)``) and refused
        files (one line each: unreadable, not UTF-8, not an article, or an id
        that holds another text in the database).
    """
    report = LoadReport()
    for path in list_article_files(folder):
        try:
            text = read_limited(path, MAX_CORPUS_FILE_BYTES).decode("utf-8")
            article = parse_article(text, path.stem)
            meta, _ = split_front_matter(text)
        except (FileRefused, CorpusError, UnicodeDecodeError) as exc:
            report.refused.append(f"{path.name}: {exc}")
            continue
        status, found = store.add_article(
            con, article.id, article.content_hash, text,
            {**meta, "title": article.title, "published": article.published}, by,
        )  # fmt: skip
        if status == "added":
            report.added.append(article.id)
        elif status == "present":
            report.present.append(article.id)
        elif status == "duplicate":
            report.duplicates.append((path.name, found))
        else:
            report.refused.append(
                f"{path.name}: id {article.id} holds another text in the database"
            )
    try:
        decisions = read_decisions(folder)
    except DecisionError as exc:
        report.refused.append(f"{DECISIONS}: {exc}")
        decisions = ()
    for decision in decisions:
        if store.add_decision(con, decision):
            report.decisions_added += 1
        else:
            report.decisions_present += 1
    return report


def dump_folder(con: Any, folder: Path) -> tuple[int, int]:
    """Write every article and the decisions file into ``folder``.

    Returns
    -------
    tuple of int
        ``(articles, decisions)`` written.
    """
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    for stored in store.iter_articles(con):
        _write_article(folder, stored)
        n += 1
    decisions = store.read_decisions(con)
    _write_decisions(folder, decisions)
    return n, len(decisions)


def refresh_mirror(con: Any, folder: Path) -> bool:
    """Bring a mirror folder up to the database; return whether anything changed.

    Cheap when nothing changed (one query against a stamp in the folder); then
    only the articles stored since the last refresh are written, and the
    decisions file when decisions came. An empty database leaves a folder as it
    is (no stamp either).

    A folder that was the mirror of another database, or of a later state of
    this one (a backup restored since), is brought up to it whole: every
    article written, and any article file the database does not hold moved into
    ``.set-aside/`` (never deleted), so the index, synced from the folder, holds
    no article the database lacks. A folder never stamped keeps its files.
    """
    now = store.version(con)
    stamp = folder / MIRROR_STAMP
    seen = _read_stamp(stamp)
    if seen == now or (seen is None and now[1:] == (0, 0)):
        return False
    folder.mkdir(parents=True, exist_ok=True)
    stale = seen is not None and (
        seen[0] not in (None, now[0]) or now[1] < seen[1] or now[2] < seen[2]
    )
    after = seen[1] if seen is not None and not stale else 0
    held = set()
    for stored in store.iter_articles(con, after=after):
        _write_article(folder, stored)
        held.add(stored.id)
    if stale:
        _set_aside(folder, held)
    if stale or seen is None or seen[2] != now[2]:
        _write_decisions(folder, store.read_decisions(con))
    _replace(stamp, " ".join(map(str, now)).encode() + b"\n")
    return True


def _read_stamp(stamp: Path) -> tuple[str | None, int, int] | None:
    """Return the database and version a mirror was last brought up to (or None).

    A stamp of an older release (two numbers) names no database.
    """
    try:
        fields = stamp.read_text(encoding="ascii").split()
        ident = fields.pop(0) if len(fields) == 3 else None
        articles, decisions = map(int, fields)
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    return ident, articles, decisions


def _set_aside(folder: Path, held: set[str]) -> None:
    """Move what the database does not hold into ``SET_ASIDE``: never delete it.

    The article files it lacks, and the decisions file (rewritten from the
    database next), which may hold decisions made after a restored backup.
    """
    strays = [p for p in list_article_files(folder) if p.stem not in held]
    decisions = folder / DECISIONS
    if decisions.is_file() and decisions.stat().st_size:
        strays.append(decisions)
    if not strays:
        return
    aside = folder / SET_ASIDE
    for path in strays:
        target = aside / path.relative_to(folder)
        target.parent.mkdir(parents=True, exist_ok=True)
        n = 1
        while target.exists():  # an earlier set-aside file of that name stays too
            target = target.with_name(f"{path.stem}.{n}{path.suffix}")
            n += 1
        os.replace(path, target)
    log.warning(
        "%s: %d file(s) the database may not hold moved to %s "
        "(if they belong in it: python -m articles load %s)",
        folder,
        len(strays),
        aside,
        aside,
    )


def _write_article(folder: Path, stored: store.StoredArticle) -> None:
    """Write one article's file, dated when it was stored.

    Every process's mirror then holds the same file with the same size and
    modification time, so a sync into the shared index from any of them finds
    it unchanged (the index compares size and mtime before reading a file).
    """
    path = folder / f"{stored.id}.md"
    _write_if_changed(path, stored.document.encode("utf-8"))
    when = stored.added_us * 1000
    if stored.added_us and path.stat().st_mtime_ns != when:
        os.utime(path, ns=(when, when))


def _write_decisions(folder: Path, decisions: Any) -> None:
    lines = "".join(d.to_json() + "\n" for d in decisions)
    path = folder / DECISIONS
    if lines or path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_if_changed(path, lines.encode("utf-8"))


def _write_if_changed(path: Path, data: bytes) -> None:
    try:
        if path.read_bytes() == data:
            return
    except OSError:
        pass
    _replace(path, data)


def _replace(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it over."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temp.write_bytes(data)
    os.replace(temp, path)
