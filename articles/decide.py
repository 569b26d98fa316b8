"""``python -m articles review``: confirm, reject, add or undo a link; list decisions.

Each decision is appended to the corpus's decisions file, then the index is synced,
which re-writes only the articles the decision touches: the effect is immediate.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from articles.auth.roles import User, current_user, require
from articles.corpus import corpus_dir
from articles.index import index_path
from articles.process import Linker, load_linker
from articles.query import find_passage
from articles.query.hits import Hit
from articles.regress import build_fixture
from articles.review.model import Decision, DecisionError, is_iso_date, new_decision
from articles.review.store import read_decisions
from articles.review.trust import OVERALL, measure_trust
from articles.team.sync import sync_shared
from articles.team.writes import append as append_decision
from articles.team.writes import sync_mirror

_SPAN = re.compile(r"([0-9]+):([0-9]+)")


class ReviewError(Exception):
    """Bad input for a review command: reported on one line, exit status 2."""


def add_review_parser(sub: Any) -> None:
    """Add ``review confirm|reject|add|list|undo`` to the command line."""
    review = sub.add_parser("review", help="the analyst's decisions on links")
    verbs = review.add_subparsers(dest="verb", required=True, parser_class=type(review))
    for verb in ("confirm", "reject", "add"):
        p = verbs.add_parser(verb, help=f"{verb} a link of a passage")
        p.add_argument("passage", help="passage id, <article-id>#p<n>")
        p.add_argument("target", help="feature id, actor id or ISO date")
        p.add_argument("--note", default="", help="why")
        p.add_argument("--by", default=None, help="who decides (default: $USER)")
        p.add_argument("--kind", choices=("feature", "actor"), help="if both match")
        p.add_argument("--json", action="store_true", help="machine-readable output")
        if verb == "add":
            p.add_argument("--span", required=True, help="START:END in the passage")
        else:
            p.add_argument("--everywhere", action="store_true",
                           help="a rule: every occurrence of the phrase")  # fmt: skip
            p.add_argument("--phrase", help="the rule's phrase (default: matched text)")
    listing = verbs.add_parser("list", help="every decision, with measured trust")
    fixture = verbs.add_parser("fixture", help="reviewed links for the linker's tests")
    fixture.add_argument("--out", type=Path, help="write here instead of stdout")
    undo = verbs.add_parser("undo", help="withdraw a decision (kept in history)")
    undo.add_argument("decision", help="decision id, d-...")
    for p in (listing, undo):
        p.add_argument("--json", action="store_true", help="machine-readable output")


def record_decision(
    decision: Decision,
    corpus: Path | None = None,
    index: Path | None = None,
    linker: Linker | None = None,
    *,
    user: User | None = None,
) -> Decision:
    """Append one decision and sync the index, so its effect shows at once.

    An ``undo`` of an unknown or already undone decision raises ``ReviewError``
    and writes nothing. The sync re-writes only the articles the decision touches.
    With a ``user`` (the team dashboard's signed-in user), the decision is recorded
    as theirs (its ``by``), and a user who may not ``review`` (a reader) raises
    ``PermissionError`` before anything is written. Returns what was recorded.
    """
    require(user, "review")
    if user is not None:
        decision = dataclasses.replace(decision, by=user.name)
    corpus = corpus or corpus_dir()
    if decision.action == "undo":
        append_decision(corpus, decision, _undo_check(decision.target, []))
    else:
        append_decision(corpus, decision)
    sync_shared(corpus, index or index_path(), linker or load_linker())
    return decision


def run_review(args: argparse.Namespace, linker: Linker | None) -> int:
    """Record one decision (then sync its articles) or list the decisions."""
    corpus, linker = corpus_dir(), linker or load_linker()
    sync_mirror(corpus)  # team mode: the database's decisions into the folder
    if args.verb == "list":
        return _list(corpus, args.json)
    if args.verb == "fixture":
        return _fixture(corpus, args.out, linker)
    sync_shared(corpus, index_path(), linker)  # a passage id names what is indexed
    if args.verb == "undo":
        decisions = [_undo(corpus, args.decision)]
    else:
        decisions = _decide(corpus, args)
    sync_shared(corpus, index_path(), linker)
    out = [_as_dict(d) for d in decisions]
    if args.json:
        print(json.dumps({"decisions": out}, ensure_ascii=False, indent=2))
    else:
        print("\n".join(_line(d) for d in decisions))
    return 0


def _decide(corpus: Path, args: argparse.Namespace) -> list[Decision]:
    hit = find_passage(args.passage, index_path())
    if hit is None:
        raise ReviewError(f"unknown passage id {args.passage!r}")
    by = args.by or current_user()
    if args.verb == "add":
        span = _span(args.span, hit)
        kind = _kind(args.target, args.kind, hit, adding=True)[0]
        d = new_decision("add", hit.passage_id, args.target, kind, by,
                         note=args.note, span=span)  # fmt: skip
        append_decision(corpus, d)
        return [d]
    out = []
    for kind in _kind(args.target, args.kind, hit, adding=False):
        phrase = (
            _phrase(hit, kind, args.target, args.phrase) if args.everywhere else None
        )
        d = new_decision(args.verb, hit.passage_id, args.target, kind, by,
                         note=args.note, phrase=phrase)  # fmt: skip
        append_decision(corpus, d)
        out.append(d)
    return out


def _span(text: str, hit: Hit) -> tuple[int, int]:
    m = _SPAN.fullmatch(text)
    if m is None:
        raise ReviewError(f"span must be START:END, not {text!r}")
    start, end = int(m[1]), int(m[2])
    if not start < end <= len(hit.text):
        raise ReviewError(
            f"span {start}:{end} is outside passage {hit.passage_id} "
            f"(0:{len(hit.text)})"
        )
    return start, end


def _linked(hit: Hit, kind: str) -> dict[str, tuple[tuple[int, int], ...]]:
    if kind == "date":
        found: dict[str, tuple[tuple[int, int], ...]] = {}
        for d in hit.dates:
            found[d.value] = (*found.get(d.value, ()), (d.start, d.end))
        return found
    return {k.id: k.spans for k in getattr(hit, f"{kind}s")}


def _kind(target: str, wanted: str | None, hit: Hit, *, adding: bool) -> list[str]:
    """Return the kinds of link ``target`` names here (feature, actor or date)."""
    from articles.actors import load_actors
    from geo.gazetteer import load_features

    if is_iso_date(target):
        kinds = ["date"]
    else:
        kinds = [
            kind
            for kind, known in (
                ("feature", {f.id for f in load_features()}),
                ("actor", {a.id for a in load_actors()}),
            )
            if target in known and wanted in (None, kind)
        ]
    if not kinds:
        raise ReviewError(f"unknown target id {target!r} (feature, actor or ISO date)")
    if adding:
        return kinds[:1]
    linked = [k for k in kinds if target in _linked(hit, k)]
    if not linked:
        raise ReviewError(f"passage {hit.passage_id} has no link to {target!r}")
    return linked


def _phrase(hit: Hit, kind: str, target: str, phrase: str | None) -> str:
    spans = _linked(hit, kind)[target]
    if phrase is None:
        return hit.text[spans[0][0] : spans[0][1]]
    for m in re.finditer(re.escape(phrase), hit.text, re.IGNORECASE):
        if any(m.start() <= s and e <= m.end() for s, e in spans):
            return phrase
    raise ReviewError(f"phrase {phrase!r} does not contain the link to {target!r}")


def _undo_check(
    decision_id: str, found: list[Decision]
) -> Callable[[Sequence[Decision]], None]:
    def check(history: Sequence[Decision]) -> None:
        undone = {d.target for d in history if d.action == "undo"}
        match = [d for d in history if d.id == decision_id and d.action != "undo"]
        if not match:
            raise ReviewError(f"unknown decision id {decision_id!r}")
        if decision_id in undone:
            raise ReviewError(f"decision {decision_id} is already undone")
        found.append(match[0])

    return check


def _undo(corpus: Path, decision_id: str) -> Decision:
    found: list[Decision] = []
    d = new_decision("undo", "", decision_id, "decision", current_user())
    try:
        append_decision(corpus, d, _undo_check(decision_id, found))
    except DecisionError as exc:
        raise ReviewError(str(exc)) from None
    return dataclasses.replace(d, passage=found[0].passage)


def _list(corpus: Path, as_json: bool) -> int:
    try:
        history = read_decisions(corpus)
    except DecisionError as exc:
        raise ReviewError(str(exc)) from None
    undone = {d.target for d in history if d.action == "undo"}
    rows = [{**_as_dict(d), "undone": d.id in undone} for d in history]
    trust = measure_trust(history)
    if as_json:
        data = {"decisions": rows, "trust": {t: list(v) for t, v in trust.items()}}
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    lines = [_line(d) + (" [undone]" if d.id in undone else "") for d in history]
    lines += [
        f"{right} of {n} reviewed links to {'all targets' if t == OVERALL else t} "
        "were right"
        for t, (right, n) in sorted(trust.items())
    ]
    print("\n".join(lines) or "no decisions")
    return 0


def _fixture(corpus: Path, out: Path | None, linker: Linker) -> int:
    sync_shared(corpus, index_path(), linker)
    try:
        cases = build_fixture(read_decisions(corpus), index_path(), linker)
    except DecisionError as exc:
        raise ReviewError(str(exc)) from None
    text = json.dumps({"cases": cases}, ensure_ascii=False, indent=1) + "\n"
    if out is None:
        print(text, end="")
        return 0
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ReviewError(f"--out {out}: {exc.strerror}") from None
    print(f"{len(cases)} reviewed links written to {out}")
    return 0


def _as_dict(d: Decision) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(d.to_json())
    return data


def _line(d: Decision) -> str:
    if d.action == "undo":
        return f"{d.id}: undo {d.target} ({d.by}, {d.when})"
    rule = f" everywhere in {d.phrase!r}" if d.phrase else ""
    span = f" at {d.span[0]}:{d.span[1]}" if d.span else ""
    note = f": {d.note}" if d.note else ""
    return (
        f"{d.id}: {d.action} {d.kind} {d.target} in {d.passage}{span}{rule} "
        f"({d.by}, {d.when}){note}"
    )
