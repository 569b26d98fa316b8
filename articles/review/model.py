"""A decision on one link (confirm, reject, add) or on a phrase everywhere (a rule)."""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
from dataclasses import dataclass
from typing import Any

#: What a decision does; ``undo`` withdraws an earlier decision (kept in history).
ACTIONS = ("confirm", "reject", "add", "undo")
#: What a decision's target is.
KINDS = ("feature", "actor", "date")
_ISO = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")


class DecisionError(ValueError):
    """A decision line that cannot be read, or bad input for a new decision."""


@dataclass(frozen=True)
class Decision:
    """One decision, as one JSON line of the decisions file.

    ``target`` is a feature id, an actor id or an ISO date (``kind`` says which);
    for ``undo`` it is the id of the decision withdrawn. ``phrase`` is set for a
    rule ("apply to every occurrence"): the decision holds wherever the target is
    linked inside that phrase, in every present and future article.
    """

    id: str
    action: str
    passage: str
    target: str
    kind: str
    by: str
    when: str
    note: str = ""
    span: tuple[int, int] | None = None
    phrase: str | None = None

    @property
    def article(self) -> str:
        """The id of the article the decision was made on."""
        return self.passage.rpartition("#")[0]

    def to_json(self) -> str:
        """One line of JSON (keys sorted, so the file diffs well)."""
        data: dict[str, Any] = {
            "id": self.id, "action": self.action, "passage": self.passage,
            "target": self.target, "kind": self.kind, "by": self.by,
            "when": self.when, "note": self.note,
        }  # fmt: skip
        if self.span is not None:
            data["span"] = list(self.span)
        if self.phrase is not None:
            data["phrase"] = self.phrase
        return json.dumps(data, ensure_ascii=False, sort_keys=True)


def decision_from_json(line: str) -> Decision:
    """Read one line of the decisions file.

    Raises
    ------
    DecisionError
        Not a decision.
    """
    try:
        data = json.loads(line)
        span = data.get("span")
        decision = Decision(
            id=str(data["id"]), action=str(data["action"]),
            passage=str(data["passage"]), target=str(data["target"]),
            kind=str(data["kind"]), by=str(data["by"]), when=str(data["when"]),
            note=str(data.get("note", "")),
            span=(int(span[0]), int(span[1])) if span else None,
            phrase=str(data["phrase"]) if data.get("phrase") else None,
        )  # fmt: skip
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        raise DecisionError(f"not a decision: {line[:60]!r}") from exc
    if decision.action not in ACTIONS or decision.kind not in (*KINDS, "decision"):
        raise DecisionError(f"not a decision: {line[:60]!r}")
    return decision


def new_decision(
    action: str, passage: str, target: str, kind: str, by: str, **extra: Any
) -> Decision:
    """Return a new decision with a fresh id, stamped now (UTC, seconds)."""
    when = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    when = when.replace("+00:00", "Z")
    return Decision(f"d-{secrets.token_hex(5)}", action, passage, target, kind, by,
                    when, **extra)  # fmt: skip


def is_iso_date(text: str) -> bool:
    """Return whether ``text`` is a valid ISO date: YYYY, YYYY-MM or YYYY-MM-DD."""
    if not _ISO.fullmatch(text):
        return False
    parts = [int(p) for p in text.split("-")]
    try:
        dt.date(*[*parts, 1, 1][:3])
    except ValueError:
        return False
    return True
