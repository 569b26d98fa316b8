"""Coordinated demonyms: "Indian and Pakistani troops" names both states."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from articles.patterns import Target

#: What may stand between two coordinated demonyms ("Indian and Pakistani").
_JOINERS = frozenset({"and", "or", ",", ", and", "&", "as well as"})


class _Span(Protocol):
    @property
    def start(self) -> int: ...  # pragma: no cover

    @property
    def end(self) -> int: ...  # pragma: no cover

    @property
    def targets(self) -> tuple[Target, ...]: ...  # pragma: no cover


def _lone_demonym(targets: Sequence[Target]) -> str | None:
    """Return the country of a match that is only a demonym ("Indian"), else None."""
    if len(targets) == 1 and targets[0].how == "demonym":
        return targets[0].target if targets[0].target_type == "feature" else None
    return None


def _names_state(targets: Sequence[Target]) -> bool:
    """Whether a match is "<demonym> <role>" ("Pakistani troops")."""
    return any(t.target_type == "actor" and t.how == "demonym" for t in targets)


def coordinate_states(
    text: str, spans: Sequence[_Span], feature_state: Mapping[str, str]
) -> list[tuple[Target, ...]]:
    """Targets of each span, with states added to coordinated demonyms.

    In "Indian and Pakistani troops" the role ("troops") follows the last demonym
    only, but it applies to each: "Indian" then names the Indian state too. Works
    right to left so that "Indian, Afghan and Pakistani officials" chains.

    Parameters
    ----------
    text : str
        Passage text.
    spans : sequence
        Chosen matches in reading order (``start``, ``end``, ``targets``).
    feature_state : mapping
        Country feature id -> id of its state actor.

    Returns
    -------
    list of tuple of Target
        One per span, in the same order.
    """
    result = [tuple(span.targets) for span in spans]
    for i in range(len(spans) - 2, -1, -1):
        country = _lone_demonym(result[i])
        if country is None or country not in feature_state:
            continue
        gap = " ".join(text[spans[i].end : spans[i + 1].start].split())
        if gap.replace(" ,", ",") not in _JOINERS or not _names_state(result[i + 1]):
            continue
        state = Target("actor", feature_state[country], "demonym")
        result[i] = (*result[i], state)
    return result
