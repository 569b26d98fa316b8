"""Context for implied boundary phrases: which countries a passage is about."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from articles.model import Mention
from geo.model import Feature

#: Characters either side of a context phrase in which a third country vetoes it
#: ("the Iran border", "border guards of Tajikistan").
THIRD_COUNTRY_WINDOW = 25


def count_countries(
    mentions: Iterable[Mention],
    feature_country: Mapping[str, str],
    actor_country: Mapping[str, str],
) -> Counter[str]:
    """How often each country is named, directly or through a place or an actor.

    Parameters
    ----------
    mentions : iterable of Mention
        Links of one passage.
    feature_country : mapping
        Feature id -> id of the country feature it lies in (a country maps to itself).
    actor_country : mapping
        Actor id -> country feature id of its home ("ttp" -> "pakistan").

    Returns
    -------
    Counter
        Country id -> number of mentions; a span linking a country feature and its
        state actor counts once.
    """
    counts: Counter[str] = Counter()
    seen: set[tuple[int, int, str]] = set()
    for mention in mentions:
        table = feature_country if mention.target_type == "feature" else actor_country
        country = table.get(mention.target)
        if country is not None and (mention.start, mention.end, country) not in seen:
            seen.add((mention.start, mention.end, country))
            counts[country] += 1
    return counts


def is_about(counts: Mapping[str, int], sides: tuple[str, str]) -> bool:
    """Whether the two sides are the countries the text is about.

    Both are named, and no other country is named as often as the lesser of them.
    """
    floor = min(counts.get(sides[0], 0), counts.get(sides[1], 0))
    if floor == 0:
        return False
    return all(n < floor for country, n in counts.items() if country not in sides)


def decide_context(
    passage_counts: Mapping[str, int],
    article_counts: Mapping[str, int] | None,
    sides: tuple[str, str],
) -> bool:
    """Whether a passage's context phrases ("their border") refer to these sides.

    A passage that names two or more countries decides by itself; one that names
    fewer defers to the whole article, provided what it names is one of the sides.
    """
    if sum(1 for n in passage_counts.values() if n) >= 2:
        return is_about(passage_counts, sides)
    if any(country not in sides for country in passage_counts):
        return False
    return article_counts is not None and is_about(article_counts, sides)


def named_side(
    span: tuple[int, int], mentions: Iterable[Mention], sides: tuple[str, str]
) -> str | None:
    """Return the side a context phrase names itself ("the Afghan border"), if any."""
    start, end = span
    for mention in mentions:
        if (
            mention.target_type == "feature"
            and mention.target in sides
            and start <= mention.start
            and mention.end <= end
        ):
            return mention.target
    return None


def other_side_leads(
    passage_counts: Mapping[str, int],
    article_counts: Mapping[str, int] | None,
    named: str,
    sides: tuple[str, str],
) -> bool:
    """Whether a phrase naming one side ("the Afghan frontier") means this line.

    The phrase gives one side; the other is the country the text is about besides
    it: named, and more often than any third country (the passage decides when it
    names two or more countries, else the article). "Islamabad moved troops from
    the Afghan frontier" after one mention of New Delhi is the Durand Line.
    """
    counts: Mapping[str, int] = passage_counts
    if sum(1 for n in passage_counts.values() if n) < 2:
        counts = article_counts or {}
    other = sides[1] if named == sides[0] else sides[0]
    floor = counts.get(other, 0)
    return floor > 0 and all(
        n < floor for country, n in counts.items() if country not in sides
    )


def near_third_country(
    span: tuple[int, int],
    mentions: Iterable[Mention],
    feature_country: Mapping[str, str],
    sides: tuple[str, str],
) -> bool:
    """Whether a country other than the sides is named right next to the span."""
    start, end = span
    for mention in mentions:
        if mention.target_type != "feature":
            continue
        country = feature_country.get(mention.target)
        if country is None or country in sides:
            continue
        if (
            start - THIRD_COUNTRY_WINDOW <= mention.end <= start
            or end <= mention.start <= end + THIRD_COUNTRY_WINDOW
        ):
            return True
    return False


def map_countries(features: Sequence[Feature]) -> dict[str, str]:
    """Map each feature id to the id of the country feature it lies in.

    Parameters
    ----------
    features : sequence of Feature
        The gazetteer; ``parent`` links a city to its province, a province to its
        country.

    Returns
    -------
    dict
        Feature id -> country feature id (a country maps to itself).
    """
    by_id = {feature.id: feature for feature in features}
    result: dict[str, str] = {}
    for feature in features:
        current: Feature | None = feature
        for _ in range(5):  # city -> province -> country, at most a few hops
            if current is None or current.kind == "country":
                break
            current = by_id.get(current.parent) if current.parent else None
        if current is not None and current.kind == "country":
            result[feature.id] = current.id
    return result
