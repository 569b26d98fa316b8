"""The index's layout token and its log of removed articles.

A process that holds the index's links in memory (``query.link_matrix``) takes a
newer version's changes into what it holds instead of reading every link again
(``query.matrix_patch``): the articles added since, and the articles removed
since, which it learns from here. ``meta.layout`` is a random token that the
first write transaction of an index sets (``Backend.begin``); ``meta.removed``
lists, in order, the articles that writes under that token removed
(``write.delete_article``: a changed or deleted file, a review decision
applied; a rewritten article is removed, then added again). A refill of
``link_rank``, an emptied index, or more than `MOST_REMOVED` removals replace
the token and clear the log: a holder that finds its token changed reads
everything again.
"""

from __future__ import annotations

import uuid

from articles.backends import Connection
from articles.backends.base import LAYOUT_KEY

#: The log's key in ``meta``: article keys, comma-separated, oldest first.
REMOVED_KEY = "removed"
#: Removals logged under one token; one more, and the token is replaced (each
#: holder then reads everything: a patch looks each article up, a build scans).
MOST_REMOVED = 2000


def reshaped(con: Connection) -> None:
    """Record that links changed wholesale (inside a write transaction)."""
    con.execute(
        "INSERT INTO meta VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (LAYOUT_KEY, uuid.uuid4().hex),
    )
    con.execute("DELETE FROM meta WHERE key = ?", (REMOVED_KEY,))


def removing(con: Connection, key: int) -> None:
    """Log that the article ``key`` is being removed (inside a write transaction)."""
    logged = con.backend.meta(con, REMOVED_KEY)
    if logged and logged.count(",") + 1 >= MOST_REMOVED:
        reshaped(con)
        return
    # the log is a string the row grows by each removal: the meta table, not a
    # table of its own, so that an index of an older version need not be rebuilt
    con.execute(
        "INSERT INTO meta VALUES (?, ?) ON CONFLICT(key) DO UPDATE "
        "SET value = meta.value || ',' || excluded.value",
        (REMOVED_KEY, str(int(key))),
    )


def removals(con: Connection) -> list[int]:
    """Return the articles removed under the current token, oldest first."""
    value = con.backend.meta(con, REMOVED_KEY)
    return [int(k) for k in value.split(",")] if value else []


def layout(con: Connection) -> str | None:
    """Return the layout token as ``con`` sees it (None: no write since created)."""
    return con.backend.meta(con, LAYOUT_KEY)
