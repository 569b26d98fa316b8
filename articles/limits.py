"""Size and length limits of the article gate, shared by the CLI, the page and sync."""

from __future__ import annotations

#: Largest file accepted for ingestion (CLI ``ingest``/``link`` and the page upload).
MAX_FILE_BYTES = 2_000_000
#: Largest front matter (the YAML between the ``---`` lines), in UTF-8 bytes.
MAX_FRONT_MATTER_BYTES = 16_384
#: Largest corpus file that sync reads: an accepted file plus its front matter.
MAX_CORPUS_FILE_BYTES = MAX_FILE_BYTES + MAX_FRONT_MATTER_BYTES
#: Deepest nesting of lists and mappings in front matter (the top mapping is 1).
MAX_FRONT_MATTER_DEPTH = 3
#: Most fields in one front matter.
MAX_FIELDS = 32
#: Longest value, in characters, of each known field; other fields get
#: ``MAX_OTHER_CHARS``.
MAX_FIELD_CHARS = {
    "id": 255,
    "title": 300,
    "author": 200,
    "source": 500,
    "language": 35,
    "received_as": 255,
}
MAX_OTHER_CHARS = 1000


def too_large(limit: int) -> str:
    """Return the one-line reason for a file over ``limit`` bytes (CLI, page, sync)."""
    return f"file too large: the limit is {limit:,} bytes"


#: Longest article id, so ``<id>.md`` fits every file system's 255-byte name limit.
#: A longer ``id`` in front matter is replaced by one made from the date and title.
MAX_ID_CHARS = 80
#: Wall-clock budget for reading, cleaning, splitting and linking one received file
#: in a worker process (``articles.sandbox``); a file that needs more is refused.
MAX_CHECK_SECONDS = 30.0
#: Address-space limit of that worker: a file that needs more memory is refused.
MAX_CHECK_MEMORY_BYTES = 3 * 1024**3
