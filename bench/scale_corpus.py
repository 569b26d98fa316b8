"""The cached synthetic corpus of ``make bench-scale``: generated once per size."""

from __future__ import annotations

import shutil
from pathlib import Path

from bench.synthetic import iter_corpus

CACHE = Path(__file__).resolve().parent.parent / "build" / "bench-scale"
_DONE = ".complete"  # written last: a directory without it is an interrupted run


class CacheError(RuntimeError):
    """The cache directory holds files this benchmark did not write."""


def ensure_corpus(count: int, root: Path = CACHE) -> Path:
    """Return the corpus directory of ``count`` synthetic articles (written if needed).

    The directory ``root/<count>/corpus`` belongs to the benchmark: it is only
    (re)written when it lacks the completion marker, and only if every file in it is
    one the generator names (``bench-*.md``), so nothing a user put there is lost.

    Raises
    ------
    CacheError
        The directory holds a file the generator would not write.
    """
    corpus = root / str(count) / "corpus"
    if (corpus / _DONE).exists():
        return corpus
    if corpus.exists():
        strangers = [p.name for p in corpus.iterdir() if not _ours(p.name)]
        if strangers:
            raise CacheError(f"{corpus} holds files bench-scale did not write: "
                             f"{', '.join(sorted(strangers)[:3])}")  # fmt: skip
        shutil.rmtree(corpus)
    corpus.mkdir(parents=True)
    for name, text in iter_corpus(count):
        (corpus / name).write_text(text, encoding="utf-8")
    (corpus / _DONE).write_text(f"{count}\n", encoding="utf-8")
    return corpus


def _ours(name: str) -> bool:
    return name == _DONE or (name.startswith("bench-") and name.endswith(".md"))


def text_bytes(corpus: Path) -> int:
    """Total size of the corpus's article files, in bytes."""
    return sum(p.stat().st_size for p in corpus.glob("*.md"))
