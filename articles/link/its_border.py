"""Link "its western border" to the lines on that side of the sentence's country."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from articles.model import Mention

# "its <direction> border(s)/frontier", optionally "with <B>" (the A-B line then).
_ITS = re.compile(
    r"\b[Ii]ts\s+(?P<dir>[a-z]+(?:-[a-z]+)?)\s+(?:borders?|frontier)\b(?P<with>\s+with\s+)?"
)


def _find_its(text: str) -> list[re.Match[str]]:
    """Return the matches of `_ITS`, tried only at a word "its" (`str.find`)."""
    found = []
    for word in ("its", "Its"):
        at = text.find(word)
        while at != -1:
            if (
                (at == 0 or not text[at - 1].isalnum())
                and text[at + 3 : at + 4].isspace()
                and (match := _ITS.match(text, at)) is not None
            ):
                found.append(match)
            at = text.find(word, at + 3)
    return sorted(found, key=lambda m: m.start())


# A sentence ends at . ! or ? followed by a space (abbreviations such as "U.S." are
# rare enough before "its ... border" to accept a wrong cut, which only falls back to
# the nearest country before the phrase).
_SENTENCE_END = re.compile(r"[.!?]\s")


@dataclass(frozen=True)
class ItsBorderRules:
    """What "its <direction> border" can mean, from the boundary phrase data.

    Attributes
    ----------
    directions : mapping
        (country feature id, direction word) -> boundary feature ids.
    pairs : mapping
        Frozen pair of country feature ids -> the boundary between them.
    countries : collection
        Country feature ids (possible antecedents of "its").
    """

    directions: Mapping[tuple[str, str], tuple[str, ...]]
    pairs: Mapping[frozenset[str], str]
    countries: Collection[str]


def _antecedent(text: str, at: int, named: Sequence[Mention]) -> str | None:
    """Return the country "its" refers to: the sentence's first, else the last.

    English puts the subject first ("Afghanistan's eastern border with Pakistan is
    the Durand Line, while its western border ..." is Afghanistan's), so the first
    country of the sentence wins over the nearest one.
    """
    before = [m for m in named if m.end <= at]
    if not before:
        return None
    cuts = [m.end() for m in _SENTENCE_END.finditer(text, 0, at)]
    sentence_start = cuts[-1] if cuts else 0
    in_sentence = [m for m in before if m.start >= sentence_start]
    return (in_sentence[0] if in_sentence else before[-1]).target


def link_its_border(
    text: str, passage_id: str, mentions: Sequence[Mention], rules: ItsBorderRules
) -> list[Mention]:
    """Link "its <direction> border" to the lines of the country it refers to.

    Parameters
    ----------
    text : str
        Passage text.
    passage_id : str
        Id of the passage (for the new mentions).
    mentions : sequence of Mention
        The passage's links so far; country features named by name or alias are the
        possible antecedents.
    rules : ItsBorderRules
        Directions and boundary pairs.

    Returns
    -------
    list of Mention
        New mentions (how ``implied``) spanning "its ... border"; none where the
        antecedent has no line on that side.
    """
    matches = _find_its(text)
    if not matches:
        return []
    named = sorted(
        (
            m
            for m in mentions
            if m.target_type == "feature"
            and m.target in rules.countries
            and m.how in ("name", "alias")
        ),
        key=lambda m: m.start,
    )
    found: list[Mention] = []
    for match in matches:
        country = _antecedent(text, match.start(), named)
        if country is None:
            continue
        lines: tuple[str, ...] = ()
        if match.group("with"):
            after = [m for m in named if m.start == match.end()]
            if after:
                line = rules.pairs.get(frozenset((country, after[0].target)))
                lines = (line,) if line else ()
        if not lines:
            lines = rules.directions.get((country, match.group("dir")), ())
        start = match.start()
        end = match.start("with") if match.group("with") else match.end()
        found += [
            Mention(passage_id, line, "feature", start, end, "implied", text[start:end])
            for line in lines
        ]
    return found
