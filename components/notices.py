"""Page notices: a heading and a short escaped list (URL problems, unreadable files)."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from components.highlight import escape_markdown

#: Heading of corpus files that sync could not read (never of URL parameters).
CORPUS_HEADING = "Some article files could not be read and are left out"
MAX_SHOWN = 10


def render_warning_list(heading: str, items: Sequence[str]) -> None:
    """Show ``items`` under ``heading`` as one warning (nothing when empty).

    Every item is escaped: URL values and file names are untrusted. At most
    ``MAX_SHOWN`` are listed, then a count of the rest.
    """
    if not items:
        return
    lines = "\n".join(f"- {escape_markdown(p)}" for p in items[:MAX_SHOWN])
    rest = len(items) - MAX_SHOWN
    more = f"\n- ... and {rest} more" if rest > 0 else ""
    st.warning(f"{heading}:\n{lines}{more}")


def render_corpus_problems(problems: Sequence[str]) -> None:
    """Show the corpus files the index left out (sync errors), under their heading."""
    render_warning_list(CORPUS_HEADING, problems)
