"""Reviewed links as a regression fixture for the linker (issue 14).

``python -m articles review fixture --out FILE`` writes every confirmed and rejected
link with its passage text, and what the linker did with that text when the
fixture was made. The linker's tests replay it (``tests/articles/link/
test_reviewed_links.py``) as a ratchet: a link an analyst confirmed that the linker
made must stay made; a link an analyst rejected that the linker no longer made must
stay unmade; rejected links the linker still makes are its known errors, counted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from articles.model import Passage
from articles.process import Linker
from articles.query import find_passage
from articles.review.model import Decision
from articles.review.state import live_decisions

#: What a decision says of a link, in the fixture.
VERDICTS = {"confirm": "confirmed", "reject": "rejected"}


def build_fixture(
    decisions: Iterable[Decision], index: Path, linker: Linker
) -> list[dict[str, Any]]:
    """Return one case per reviewed link (latest live confirm or reject on it).

    Links on passages no longer in the index are left out; rules (phrases) are
    recorded with their own passage.
    """
    latest: dict[tuple[str, str, str], Decision] = {}
    for d in live_decisions(decisions):
        if d.action in VERDICTS:
            latest[(d.passage, d.kind, d.target)] = d
    cases = []
    for (pid, kind, target), d in sorted(latest.items()):
        hit = find_passage(pid, index)
        if hit is None:
            continue
        case: dict[str, Any] = {
            "passage": pid, "title": hit.title, "published": hit.published.isoformat(),
            "text": hit.text, "kind": kind, "target": target,
            "verdict": VERDICTS[d.action], "by": d.by, "note": d.note,
        }  # fmt: skip
        case["linked"] = links_case(case, linker)
        cases.append(case)
    return cases


def links_case(case: dict[str, Any], linker: Linker) -> bool:
    """Return whether ``linker`` links the case's passage text to its target.

    The passage is linked with its article's title (the context the linker uses
    for a passage that names no country), as a one-paragraph article.
    """
    article = str(case["passage"]).rpartition("#")[0]
    published = dt.date.fromisoformat(str(case["published"]))
    passages = [
        Passage(f"{article}#t", article, 0, str(case["title"]), 0, 0, kind="title"),
        Passage(f"{article}#p1", article, 1, str(case["text"]), 0, len(case["text"])),
    ]
    if case["kind"] == "date":
        found = linker.dates(passages, published)[1]
        return any(d.value == case["target"] for d in found)
    mentions = linker.link(passages, published)[1]
    return any(
        m.target == case["target"] and m.target_type == case["kind"] for m in mentions
    )
