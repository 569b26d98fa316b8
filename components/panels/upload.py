"""Add an article: a file, pasted text or a URL; preview what it links; then add.

The form pre-fills title, date, author, source and URL with what the file says
(``articles.preview``); the preview lists each passage with the features, actors
and dates it would link, before anything is written. "Add to corpus" goes through
the same ingestion as the CLI (all or nothing); only fields the user changed are
passed on. A date is asked for only when none was found.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import streamlit as st

from articles.corpus import corpus_dir
from articles.feeds import fetch_url
from articles.index import index_path
from articles.ingest import IngestError, ingest_bytes
from articles.limits import MAX_FILE_BYTES, too_large
from articles.preview import Preview, build_preview
from components import loaders
from components.highlight import escape_markdown
from components.panels import signin

KEY_FILE = "upload.file"
KEY_OUTCOME = "upload.outcome"
TYPES = ["md", "txt", "html", "htm", "pdf"]
MODES = ("File", "Paste text", "URL")
FIELDS = ("title", "published", "author", "source", "url")
KEY_MODE = "upload.mode"
KEY_TEXT = "upload.text"
KEY_URL = "upload.url_in"
KEY_PREVIEW = "upload.preview"
KEY_PREVIEW_OF = "upload.preview_of"
KEY_FETCHED = "upload.fetched"
MAX_BYTES = MAX_FILE_BYTES  # the CLI's limit too (articles.limits)

Ingest = Callable[..., Any]
MakePreview = Callable[[str, bytes], Preview]


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
    near = getattr(result, "near_duplicate_of", None)
    if status == "duplicate":
        message = f"Already in the corpus as {article_id}."
    else:
        message = f"Added {title!s} as {article_id}; its links are on the map now."
        if near:
            message += f" Marked as a near-duplicate of {near}."
    return UploadOutcome(status, filename, article_id, title, message)


def run_ingest(
    filename: str,
    data: bytes,
    ingest: Ingest,
    overrides: dict[str, Any] | None = None,
) -> UploadOutcome:
    """Ingest one file; a bad file gives an ``error`` outcome, never an exception.

    Parameters
    ----------
    filename, data : str, bytes
        The uploaded file.
    ingest : callable
        ``articles.ingest.ingest_bytes`` (all or nothing; raises ``IngestError``).
    overrides : dict, optional
        Fields the user set (title, published, author, source, url).

    Returns
    -------
    UploadOutcome
    """
    if len(data) > MAX_BYTES:
        return UploadOutcome("error", filename, message=too_large(MAX_BYTES))
    try:
        result = (
            ingest(filename, data, **overrides) if overrides else ingest(filename, data)
        )
    except (IngestError, PermissionError) as exc:
        return UploadOutcome("error", filename, message=str(exc) or "Ingestion failed.")
    return build_outcome(filename, result)


def _default_ingest(filename: str, data: bytes, **overrides: Any) -> Any:
    """Ingest into the configured corpus and index as the signed-in user."""
    return ingest_bytes(filename, data, user=signin.acting_user(), **overrides)


def _default_preview(filename: str, data: bytes) -> Preview:
    """Preview against the configured corpus and index with the cached linker."""
    return build_preview(
        filename, data, {}, linker=loaders.load_linker(), index=index_path(),
        corpus=corpus_dir(),
    )  # fmt: skip


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
    *,
    ingest: Ingest | None = None,
    preview: MakePreview | None = None,
    key: str = "upload",
) -> UploadOutcome | None:
    """Draw the form; add on the button; return the outcome in that run only.

    When the returned outcome has status ``added`` the caller clears its evidence
    caches (``loaders.clear_evidence_caches()``), widens the filters to the new
    article (``filters.include_new_article``) and calls ``st.rerun()``; the outcome
    message stays on screen after the rerun.
    """
    mode = st.radio("Source", MODES, key=KEY_MODE, horizontal=True)
    received = _read_input(str(mode))
    found = _update_preview(received, preview or _default_preview)
    values = _fields(found)
    if found is not None:
        show_preview(found)
    clicked = st.button(
        "Add to corpus", key=f"{key}.submit", disabled=received is None,
        icon=":material/upload_file:",
    )  # fmt: skip
    outcome = None
    if clicked and received is not None:
        outcome = _add(received, _changed(values, found), ingest or _default_ingest)
        st.session_state[KEY_OUTCOME] = outcome
        st.session_state[KEY_PREVIEW_OF] = None  # the next preview says "already in"
    shown = st.session_state.get(KEY_OUTCOME)
    if isinstance(shown, UploadOutcome):
        show_outcome(shown)
    return outcome


def _read_input(mode: str) -> tuple[str, bytes] | None:
    """Return ``(filename, data)`` from the chosen source, or None if empty."""
    if mode == "Paste text":
        text = st.text_area("Article text", key=KEY_TEXT, height=160)
        return ("pasted.txt", text.encode("utf-8")) if text.strip() else None
    if mode == "URL":
        url = st.text_input("Page URL", key=KEY_URL, placeholder="https://...")
        return _fetch(url.strip()) if url.strip() else None
    uploaded = st.file_uploader(
        "Add an article", type=TYPES, key=KEY_FILE,
        help="Markdown (with or without front matter), plain text, HTML or PDF.",
    )  # fmt: skip
    return (uploaded.name, uploaded.getvalue()) if uploaded is not None else None


def _fetch(url: str) -> tuple[str, bytes] | None:
    """Fetch a page once per URL (kept in the session); say so when unreachable."""
    fetched = st.session_state.get(KEY_FETCHED)
    if not (isinstance(fetched, tuple) and fetched[0] == url):
        try:
            fetched = (url, fetch_url(url))
        except OSError as exc:
            st.error(escape_markdown(f"Cannot fetch {url}: {exc}"))
            return None
        st.session_state[KEY_FETCHED] = fetched
    return "page.html", fetched[1]


def _update_preview(
    received: tuple[str, bytes] | None, make: MakePreview
) -> Preview | None:
    """Preview a new input once and pre-fill the fields with what it says."""
    if received is None:
        return None
    name, data = received
    stamp = f"{name}:{hashlib.sha256(data).hexdigest()}"
    if st.session_state.get(KEY_PREVIEW_OF) != stamp:
        if len(data) > MAX_BYTES:
            found = Preview(error=too_large(MAX_BYTES))
        else:
            with st.spinner("Reading, splitting and linking ..."):
                found = make(name, data)
        st.session_state[KEY_PREVIEW] = found
        st.session_state[KEY_PREVIEW_OF] = stamp
        for field in FIELDS:
            st.session_state[f"upload.{field}"] = getattr(found, field) or (
                None if field == "published" else ""
            )
        if received[0] == "page.html" and not found.url:
            st.session_state["upload.url"] = str(st.session_state.get(KEY_URL, ""))
    shown = st.session_state.get(KEY_PREVIEW)
    return shown if isinstance(shown, Preview) else None


def _fields(found: Preview | None) -> dict[str, Any]:
    """Draw the metadata fields; return their values."""
    if found is None or found.error:
        return {}
    out: dict[str, Any] = {"title": st.text_input("Title", key="upload.title")}
    st.session_state.setdefault("upload.published", None)
    out["published"] = st.date_input(
        "Publication date", key="upload.published", format="YYYY-MM-DD",
        help="Found in the file when it states one; give it when it does not.",
    )  # fmt: skip
    for field in ("author", "source", "url"):
        out[field] = st.text_input(field.capitalize(), key=f"upload.{field}")
    if found.needs_date and out["published"] is None:
        st.warning("No publication date found in the text: give one above.")
    return out


def _changed(values: dict[str, Any], found: Preview | None) -> dict[str, Any]:
    """Return the fields the user set or changed (the file gives the rest)."""
    if found is None:
        return {}
    return {
        k: v
        for k, v in values.items()
        if v not in (None, "") and v != getattr(found, k)
    }


def _add(
    received: tuple[str, bytes], overrides: dict[str, Any], ingest: Ingest
) -> UploadOutcome:
    name, data = received
    label = escape_markdown(f"Adding {name}")
    with st.status(label, expanded=True) as status:
        st.write("Cleaning, splitting into passages, linking places and actors...")
        outcome = run_ingest(name, data, ingest, overrides)
        status.update(
            label=escape_markdown(f"{name}: {outcome.status}"),
            state="error" if outcome.status == "error" else "complete",
            expanded=False,
        )
    return outcome


def show_preview(found: Preview) -> None:
    """Show what would be added; every piece of text is escaped (untrusted)."""
    if found.error:
        st.warning(escape_markdown(f"Cannot add this: {found.error}"))
        return
    if found.duplicate_of:
        st.info(escape_markdown(f"Already in the corpus as {found.duplicate_of}."))
    if found.near_duplicate_of:
        st.warning(
            escape_markdown(
                f"Nearly the same as {found.near_duplicate_of}: it will be added "
                "marked as a near-duplicate, and the evidence counts the story once."
            )
        )
    if found.place:
        st.caption(escape_markdown(f"Filed from {found.place}"))
    with st.container(key="upload.preview_box", height=260):
        for p in found.passages:
            st.markdown(escape_markdown(p.text))
            st.caption(escape_markdown(_links_line(p)))


def _links_line(p: Any) -> str:
    parts = [
        f"places: {', '.join(p.features) or '-'}",
        f"actors: {', '.join(p.actors) or '-'}",
        f"dates: {', '.join(p.dates) or '-'}",
    ]
    return " · ".join(parts)
