"""Demonyms read together: "Indian and Pakistani troops", "Afghan Tajiks"."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from articles.link.patterns import Target

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
    right to left so that "Indian, Afghan and Pakistani officials" chains. A
    demonym right after a national one ("Afghan Tajiks", "Iranian Baloch") names an
    ethnic group and links nothing.

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
        One per span, in the same order (empty: the span links nothing).
    """
    result = [tuple(span.targets) for span in spans]
    # each pass reads a span's own targets before any change to it, so the lone
    # demonyms are read once per pass
    lone = [_lone_demonym(targets) for targets in result]
    for i in range(len(spans) - 1, 0, -1):  # "Afghan Tajiks": the second is ethnic
        first, second = lone[i - 1], lone[i]
        if (
            first in feature_state
            and second not in (None, first)
            and text[spans[i - 1].end : spans[i].start] == " "
        ):
            result[i] = ()
            lone[i] = None
    for i in range(len(spans) - 2, -1, -1):
        country = lone[i]
        if country is None or country not in feature_state:
            continue
        gap = " ".join(text[spans[i].end : spans[i + 1].start].split())
        if gap.replace(" ,", ",") not in _JOINERS or not _names_state(result[i + 1]):
            continue
        state = Target("actor", feature_state[country], "demonym")
        result[i] = (*result[i], state)
    return result
