"""Names that point away from their usual place: the passage says where they are.

- "a bridge at Bahrain in the Swat Valley": a country cannot lie at a spot inside
  another country's district, so "Bahrain" here is a homonymous village, not the
  kingdom (the country's feature and state are dropped).
- "Baloch militants in Iran": a people named after a province who live on both
  sides of a border ("Baloch", "Punjabi") are that province's only when the passage
  is not about another country: a passage naming another country more often than the
  province's own country drops the demonym's link.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from articles.model import Mention

_LOCATED_BEFORE = re.compile(r"\b(?:[Aa]t|[Nn]ear)\s+\Z")
_IN_AFTER = re.compile(r"\s+in\s+(?:the\s+)?")


def drop_located_countries(
    text: str, mentions: Sequence[Mention], feature_country: Mapping[str, str]
) -> list[Mention]:
    """Drop a country named as a spot inside another country ("at Bahrain in Swat").

    Parameters
    ----------
    text : str
        Passage text.
    mentions : sequence of Mention
        The passage's links.
    feature_country : mapping
        Feature id -> id of the country feature it lies in (a country maps to itself).

    Returns
    -------
    list of Mention
        The links less every one on a span "at/near <country> in (the) <place>",
        where the place lies in another country and is not a country itself.
    """
    located = [
        (m, after)
        for m in mentions
        if m.target_type == "feature"
        and feature_country.get(m.target) == m.target
        and (after := _IN_AFTER.match(text, m.end)) is not None
        and _LOCATED_BEFORE.search(text, max(0, m.start - 6), m.start)
    ]
    if not located:
        return list(mentions)
    starts: dict[int, list[str]] = {}
    for m in mentions:
        if m.target_type == "feature":
            starts.setdefault(m.start, []).append(m.target)
    dropped: set[tuple[int, int]] = set()
    for m, after in located:
        places = starts.get(after.end(), [])
        if any(feature_country.get(p) not in (None, m.target, p) for p in places):
            dropped.add((m.start, m.end))
    return [m for m in mentions if (m.start, m.end) not in dropped]


def drop_foreign_demonyms(
    mentions: Sequence[Mention],
    feature_country: Mapping[str, str],
    actor_country: Mapping[str, str],
) -> list[Mention]:
    """Drop a province's demonym in a passage about another country.

    Parameters
    ----------
    mentions : sequence of Mention
        The passage's links.
    feature_country, actor_country : mapping
        Feature or actor id -> country feature id.

    Returns
    -------
    list of Mention
        The links less each demonym of a place that is not a country ("Baloch")
        whose passage, apart from such demonyms, names some other country more
        often than the place's own country.
    """
    local = [
        m
        for m in mentions
        if m.how == "demonym"
        and m.target_type == "feature"
        and feature_country.get(m.target) not in (None, m.target)
    ]
    if not local:
        return list(mentions)
    counts: Counter[str] = Counter()
    seen: set[tuple[int, int, str]] = set()
    for m in mentions:
        if m in local:
            continue
        table = feature_country if m.target_type == "feature" else actor_country
        country = table.get(m.target)
        if country is not None and (m.start, m.end, country) not in seen:
            seen.add((m.start, m.end, country))
            counts[country] += 1
    foreign = [
        m
        for m in local
        if any(
            n > counts[feature_country[m.target]]
            for country, n in counts.items()
            if country != feature_country[m.target]
        )
    ]
    return [m for m in mentions if m not in foreign]
