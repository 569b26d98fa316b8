"""The decisions file: JSON lines in ``<corpus>/.review/decisions.jsonl``, append-only.

Plain text inside the corpus folder, so decisions travel and diff with it; the
index never holds the only copy. Writers take an exclusive ``fcntl`` lock on the
file for the whole read-check-append, so two processes deciding at once lose
neither decision.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable
from pathlib import Path

from articles.review.model import Decision, DecisionError, decision_from_json

#: Where the decisions live, relative to the corpus folder (hidden: not an article).
DECISIONS = Path(".review") / "decisions.jsonl"


def decisions_path(corpus: Path) -> Path:
    """Return the decisions file of a corpus folder."""
    return corpus / DECISIONS


def read_decisions(corpus: Path) -> tuple[Decision, ...]:
    """Return every decision in file order (none when there is no file).

    Raises
    ------
    DecisionError
        A line is not a decision (its line number is given).
    """
    path = decisions_path(corpus)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ()
    return _parse(text, path)


def read_decisions_lenient(corpus: Path) -> tuple[tuple[Decision, ...], list[str]]:
    """Return the decisions that can be read, and one line per line that cannot.

    What sync uses: a line broken by a hand edit (or a merge conflict) loses only
    its own decision, never every decision of the corpus.
    """
    try:
        text = decisions_path(corpus).read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return (), []
    problems: list[str] = []
    found = _parse(text, decisions_path(corpus), problems)
    return found, problems


def _parse(
    text: str, path: Path, problems: list[str] | None = None
) -> tuple[Decision, ...]:
    out = []
    for n, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            try:
                out.append(decision_from_json(line))
            except DecisionError as exc:
                reason = f"{path.name} line {n}: {exc}"
                if problems is None:
                    raise DecisionError(reason) from None
                problems.append(reason)
    return tuple(out)


def append_decision(
    corpus: Path,
    decision: Decision,
    check: Callable[[tuple[Decision, ...]], None] | None = None,
) -> None:
    """Append one decision, under an exclusive lock.

    ``check`` sees every decision already in the file (read under the lock) and may
    raise to refuse the new one (an undo of an unknown id); then nothing is written.
    """
    path = decisions_path(corpus)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o644)
    with os.fdopen(fd, "r+", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            if check is not None:
                handle.seek(0)
                check(_parse(handle.read(), path))
            line = decision.to_json() + "\n"
            os.write(handle.fileno(), line.encode("utf-8"))  # one write, O_APPEND
            os.fsync(handle.fileno())
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
