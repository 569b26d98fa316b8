"""Measured trust: how often the linker's links were right, from the decisions."""

from __future__ import annotations

from collections.abc import Iterable

from articles.review.model import Decision
from articles.review.state import live_decisions

#: The key of the overall figure in ``measure_trust``.
OVERALL = "*"


def measure_trust(decisions: Iterable[Decision]) -> dict[str, tuple[int, int]]:
    """Return, per target and overall (``"*"``), (confirmed, reviewed) automatic links.

    A reviewed link is an automatic link an analyst confirmed or rejected (the
    latest live decision on it counts; added links are not the linker's).
    """
    latest: dict[tuple[str, str, str], str] = {}
    for d in live_decisions(decisions):
        if d.action in ("confirm", "reject"):
            latest[(d.passage, d.kind, d.target)] = d.action
    out: dict[str, tuple[int, int]] = {}
    for (_, _, target), action in latest.items():
        for key in (target, OVERALL):
            right, n = out.get(key, (0, 0))
            out[key] = (right + (action == "confirm"), n + 1)
    return out
