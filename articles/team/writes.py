"""Where writes go in team mode: the article claim, decisions, the mirror refresh.

Each function does the embedded mode's thing (or nothing) without a database URL,
so the callers (``articles.ingest``, ``articles.decide``, the sync entry points)
stay free of ``if team:``. In team mode the database is written first and the
process's mirror folder (its corpus folder) follows.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

from articles.auth.roles import team_mode
from articles.corpus import split_front_matter
from articles.prepare import IngestError
from articles.review.model import Decision
from articles.review.store import append_decision
from articles.team import store
from articles.team.folder import refresh_mirror


def sync_mirror(corpus: Path) -> bool:
    """Team mode: bring the corpus folder up to the database (else do nothing).

    Returns whether a file changed (the caller's sync then has work).
    """
    if not team_mode():
        return False
    con = store.connect()
    try:
        return refresh_mirror(con, corpus)
    finally:
        con.close()


@contextlib.contextmanager
def claim_article(
    article_id: str, content_hash: str, document: str, by: str
) -> Iterator[str | None]:
    """Team mode: store the article first; yield the id it duplicates, or None.

    The database's unique content hash decides between two ingests of one text
    on any machines: one gets None and goes on to write and index; the other
    gets the winner's id (a duplicate). If the block then fails, the row is
    removed again (all or nothing). Outside team mode, yields None.

    Raises
    ------
    IngestError
        The id holds another text in the database (added meanwhile elsewhere).
    """
    if not team_mode():
        yield None
        return
    con = store.connect()
    try:
        meta, _ = split_front_matter(document)
        status, found = store.add_article(con, article_id, content_hash, document,
                                          meta, by)  # fmt: skip
        if status == "conflict":
            raise IngestError(f"id {article_id} was just taken elsewhere: try again")
        if status != "added":
            yield found
            return
        try:
            yield None
        except BaseException:
            store.remove_article(con, article_id)
            raise
    finally:
        con.close()


def append(
    corpus: Path,
    decision: Decision,
    check: Callable[[tuple[Decision, ...]], None] | None = None,
) -> None:
    """Append a decision: to the database in team mode (then the mirror), else file.

    ``check`` sees every earlier decision and may raise to refuse this one.
    """
    if not team_mode():
        append_decision(corpus, decision, check)
        return
    con = store.connect()
    try:
        store.add_decision(con, decision, check)
        refresh_mirror(con, corpus)
    finally:
        con.close()
