"""The index's layout token: changed by every write that removes or rewrites links.

A process that holds the index's links in memory (``query.link_matrix``) may take
a newer version's *added* articles into what it holds instead of reading every
link again (``query.matrix_patch``), but only if nothing it holds was removed or
rewritten meanwhile. ``meta.layout`` says so: a random token that the first
write transaction of an index sets (``Backend.begin``), and that a removal
(``write.delete_article``: a changed or deleted file, a review decision
applied), a refill of ``link_rank`` and an emptied index replace. A holder that
finds the token it read changed reads everything again.
"""

from __future__ import annotations

import uuid

from articles.backends import Connection
from articles.backends.base import LAYOUT_KEY


def reshaped(con: Connection) -> None:
    """Record that links were removed or rewritten (inside a write transaction)."""
    con.execute(
        "INSERT INTO meta VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (LAYOUT_KEY, uuid.uuid4().hex),
    )


def layout(con: Connection) -> str | None:
    """Return the layout token as ``con`` sees it (None: no write since created)."""
    return con.backend.meta(con, LAYOUT_KEY)
