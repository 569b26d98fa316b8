"""The index behind the caches: its stamp, and syncing it when the corpus changes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import streamlit as st

from articles.corpus import corpus_dir
from articles.index import index_path
from articles.index.store import backend_for
from articles.query import hold_links
from articles.team.sync import sync_shared
from articles.team.writes import sync_mirror
from components.loaders.review import review_stamp

if TYPE_CHECKING:
    pass


def index_stamp(index: Path | None = None) -> tuple[str, int]:
    """Return ``(path, stamp)``: the index path and a number that changes with it.

    The stamp is the backend's: the modification times (ns) of the SQLite file and
    its WAL, or PostgreSQL's write counter, so an ingestion or a sync (by this or
    another process) invalidates every cached query at once.
    """
    path = index or index_path()
    return str(path), backend_for(path).stamp()


def corpus_stamp() -> tuple[str, int]:
    """Return ``(corpus dir, stamp)``: a number that changes when files come or go.

    The folder's modification time changes when an article is added, removed or
    replaced (ingest writes new files; editors save by rename). Listing and
    stat-ing 100,000 files on every rerun would cost more than the rerun itself; an
    article edited in place is picked up by ``python -m articles sync``.
    """
    directory = corpus_dir()
    try:
        return str(directory), directory.stat().st_mtime_ns
    except OSError:
        return str(directory), 0


@st.cache_resource(show_spinner="Indexing the corpus ...", max_entries=4)
def sync_corpus(corpus: str, index: str, stamp: int) -> tuple[str, ...]:
    """Bring the index up to date with the corpus, once per corpus change.

    Returns the files that could not be read (one line each), for the page to show.
    """
    del stamp  # part of the cache key only
    return sync_shared(Path(corpus), Path(index)).errors


def ensure_index() -> tuple[str, ...]:
    """Sync the index if the corpus or its decisions changed; return problems.

    The decisions file (issue 14) counts: one pulled from version control is
    applied on the next rerun (a decision made on the page syncs at once). In
    team mode the corpus folder first takes what the database gained (another
    dashboard's ingest or decision): one query when nothing changed.
    """
    sync_mirror(corpus_dir())
    corpus, stamp = corpus_stamp()
    problems = sync_corpus(corpus, str(index_path()), stamp + review_stamp()[1])
    hold_links(index_path())  # in the background, once per index version
    return problems
