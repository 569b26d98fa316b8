"""Upload an article (.md, .txt, .html) through the same ingestion as the CLI."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import streamlit as st

from articles.ingest import IngestError, ingest_bytes
from articles.limits import MAX_FILE_BYTES, too_large
from components.highlight import escape_markdown

KEY_FILE = "upload.file"
KEY_OUTCOME = "upload.outcome"
TYPES = ["md", "txt", "html", "htm"]
MAX_BYTES = MAX_FILE_BYTES  # the CLI's limit too (articles.limits)

Ingest = Callable[[str, bytes], Any]


@dataclass(frozen=True)
class UploadOutcome:
    """What happened to an upload: ``added``, ``duplicate`` or ``error``."""

    status: str
    filename: str
    article_id: str | None = None
    title: str | None = None
    message: str = ""


def build_outcome(filename: str, result: Any) -> UploadOutcome:
    """Turn an ``articles.ingest.IngestResult`` into an outcome to show."""
    status = str(getattr(result, "status", "added"))
    article_id = getattr(result, "article_id", None)
    title = getattr(result, "title", None)
    if status == "duplicate":
        message = f"Already in the corpus as {article_id}."
    else:
        message = f"Added {title!s} as {article_id}; its links are on the map now."
    return UploadOutcome(status, filename, article_id, title, message)


def run_ingest(filename: str, data: bytes, ingest: Ingest) -> UploadOutcome:
    """Ingest one file; a bad file gives an ``error`` outcome, never an exception.

    Parameters
    ----------
    filename, data : str, bytes
        The uploaded file.
    ingest : callable
        ``articles.ingest.ingest_bytes`` (all or nothing; raises ``IngestError``).

    Returns
    -------
    UploadOutcome
    """
    if len(data) > MAX_BYTES:
        return UploadOutcome("error", filename, message=too_large(MAX_BYTES))
    try:
        result = ingest(filename, data)
    except IngestError as exc:
        return UploadOutcome("error", filename, message=str(exc) or "Ingestion failed.")
    return build_outcome(filename, result)


def _default_ingest(filename: str, data: bytes) -> Any:
    """Ingest into the configured corpus and index (``articles.ingest``)."""
    return ingest_bytes(filename, data)


def show_outcome(outcome: UploadOutcome) -> None:
    """Show an outcome; every piece of text is escaped (file names are untrusted)."""
    text = escape_markdown(f"{outcome.filename}: {outcome.message}")
    if outcome.status == "error":
        st.error(f"Not added. {text}", icon=":material/error:")
    elif outcome.status == "duplicate":
        st.info(text, icon=":material/content_copy:")
    else:
        st.success(text, icon=":material/check_circle:")


def render(
    *, ingest: Ingest | None = None, key: str = "upload"
) -> UploadOutcome | None:
    """Offer an upload; ingest on the button; return the outcome in that run only.

    When the returned outcome has status ``added`` the caller clears its evidence
    caches (``loaders.clear_evidence_caches()``) and
    calls ``st.rerun()`` so the new article's links appear at once; the outcome
    message stays on screen after the rerun.
    """
    uploaded = st.file_uploader(
        "Add an article", type=TYPES, key=KEY_FILE,
        help="Markdown (with or without front matter), plain text or an HTML page.",
    )  # fmt: skip
    clicked = st.button(
        "Add to corpus", key=f"{key}.submit", disabled=uploaded is None,
        icon=":material/upload_file:",
    )  # fmt: skip
    outcome = None
    if clicked and uploaded is not None:
        label = escape_markdown(f"Adding {uploaded.name}")
        with st.status(label, expanded=True) as status:
            st.write("Cleaning, splitting into passages, linking places and actors...")
            outcome = run_ingest(
                uploaded.name, uploaded.getvalue(), ingest or _default_ingest
            )
            status.update(
                label=escape_markdown(f"{uploaded.name}: {outcome.status}"),
                state="error" if outcome.status == "error" else "complete",
                expanded=False,
            )
        st.session_state[KEY_OUTCOME] = outcome
    shown = st.session_state.get(KEY_OUTCOME)
    if isinstance(shown, UploadOutcome):
        show_outcome(shown)
    return outcome
