"""The analyst's decisions, cached by the decisions file's stamp (issue 14)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from articles.corpus import corpus_dir
from articles.review.model import DecisionError
from articles.review.state import Review, build_review
from articles.review.store import decisions_path, read_decisions
from articles.review.trust import measure_trust


def review_stamp() -> tuple[str, int]:
    """Return ``(corpus dir, stamp)``: the stamp changes with every decision."""
    corpus = corpus_dir()
    try:
        return str(corpus), decisions_path(corpus).stat().st_mtime_ns
    except OSError:
        return str(corpus), 0


@st.cache_data(show_spinner=False, max_entries=4)
def load_review_state(corpus: str, stamp: int) -> Review:
    """Return the live decisions (none when the file cannot be read)."""
    del stamp  # part of the cache key only
    try:
        return build_review(read_decisions(Path(corpus)))
    except DecisionError:
        return Review()


@st.cache_data(show_spinner=False, max_entries=4)
def load_trust(corpus: str, stamp: int) -> dict[str, tuple[int, int]]:
    """Return (confirmed, reviewed) automatic links per target and overall ("*")."""
    del stamp  # part of the cache key only
    try:
        return measure_trust(read_decisions(Path(corpus)))
    except DecisionError:
        return {}


def current_review() -> Review:
    """Return the decisions as they stand now."""
    return load_review_state(*review_stamp())


def current_trust() -> dict[str, tuple[int, int]]:
    """Return the measured trust as it stands now."""
    return load_trust(*review_stamp())
