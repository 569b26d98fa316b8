"""Sync in team mode: the mirror first, then the index; repair a racing ingest.

Every process syncs the shared index from its own mirror folder. A sync drops
from the index the articles its folder lacks, so an article another process
stores between this mirror's refresh and the sync's scan could be dropped; then
the mirror is refreshed again and the sync repeated, which puts it back (its
row is in the database before its index entry, so the second refresh has it).
Outside team mode this is ``sync_index``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from articles.index import SyncReport, sync_index
from articles.team.writes import sync_mirror


def sync_shared(
    corpus: Path, index: Path, linker: Any = None, **options: Any
) -> SyncReport:
    """Refresh the mirror (team mode) and sync the index from it.

    Parameters and result are ``articles.index.sync_index``'s.
    """
    sync_mirror(corpus)
    report = sync_index(corpus, index, linker, **options)
    if report.removed and sync_mirror(corpus):
        report = sync_index(corpus, index, linker, **options)
    return report
