"""Towns (GeoNames populated places) link only in context, one place per name."""

# A town's name is often also a person's name, a common word or another town's name,
# so a town links only where the text gives reason to read it as that place: written
# with a capital, not inside a longer proper name ("Bati Khan", "Blast In Mardan
# Kills"), and in an article that names the town's country. A name two towns share is
# resolved by the provinces the article names; otherwise it is left unlinked and
# reported.

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from articles.model import Mention
from geo.model import Feature

#: Words after a town's name that keep it a place ("Mardan District").
PLACE_NOUNS = frozenset(
    {
        "district",
        "districts",
        "division",
        "tehsil",
        "valley",
        "city",
        "town",
        "village",
        "bazaar",
        "bazar",
        "road",
        "province",
        "agency",
        "area",
        "region",
        "cantonment",
        "camp",
    }
)


@dataclass(frozen=True)
class AmbiguousName:
    """A town name left unlinked: several towns have it and the article names none.

    (None of them, or more than one, lies in a province or country the article names.)
    """

    passage_id: str
    start: int
    end: int
    matched: str
    candidates: tuple[str, ...]


@dataclass(frozen=True)
class TownIndex:
    """Towns (kind ``town``) and the curated features' in-context aliases.

    ``country`` and ``parent`` cover both; ``aliases`` are casefolded.
    """

    towns: frozenset[str]
    aliases: frozenset[str]
    country: Mapping[str, str]
    parent: Mapping[str, str]

    def is_town(self, mention: Mention) -> bool:
        """Whether a link is linked like a town (in context only)."""
        if mention.target in self.towns:
            return True
        return mention.target in self.country and _key(mention.matched) in self.aliases


def _key(text: str) -> str:
    return " ".join(text.replace("-", " ").split()).casefold()


def build_town_index(
    features: Iterable[Feature], feature_country: Mapping[str, str]
) -> TownIndex:
    """Return the country and parent of each town and in-context alias.

    Parameters
    ----------
    features : iterable of Feature
        The gazetteer.
    feature_country : mapping
        Feature id -> country id (`articles.link.implied.map_countries`).

    Returns
    -------
    TownIndex
        Towns without a known country are left out (they never link).
    """
    towns: set[str] = set()
    aliases: set[str] = set()
    country: dict[str, str] = {}
    parent: dict[str, str] = {}
    for feature in features:
        in_context = feature.context_aliases
        if (feature.kind == "town" or in_context) and feature.id in feature_country:
            if feature.kind == "town":
                towns.add(feature.id)
            aliases.update(_key(a) for a in in_context)
            country[feature.id] = feature_country[feature.id]
            parent[feature.id] = feature.parent or feature_country[feature.id]
    return TownIndex(frozenset(towns), frozenset(aliases), country, parent)


def _word_before(text: str, start: int) -> str:
    """Return the word ending one space before `start` ("" if there is none)."""
    if start < 2 or text[start - 1] != " " or text[start - 2].isspace():
        return ""
    return text[max(0, start - 60) : start - 1].rsplit(None, 1)[-1]


def _word_after(text: str, end: int) -> str:
    """Return the word one space after `end`, without trailing punctuation."""
    if end + 1 >= len(text) or text[end] != " " or text[end + 1].isspace():
        return ""
    return text[end + 1 : end + 60].split(None, 1)[0].rstrip(",.;:!?)")


def _proper_name_run(text: str, start: int, end: int) -> bool:
    """Whether the name is part of a longer run of capitalised words."""
    word = _word_before(text, start)
    possessive = word.endswith(("'s", "\u2019s"))  # "Nangarhar's Goshta"
    capital = word and word[0].isupper() and not word.isupper()
    if capital and word[-1].isalpha() and not possessive:
        return True
    word = _word_after(text, end)
    if word and word[0].isupper() and word.casefold() not in PLACE_NOUNS:
        return not word.isupper()
    return False


def split_towns(
    mentions: Sequence[Mention], towns: TownIndex
) -> tuple[list[Mention], list[Mention]]:
    """Separate the links made like towns from the others.

    A span that also links something else (a curated place, an actor) keeps only
    that.

    Parameters
    ----------
    mentions : sequence of Mention
        Links of one passage.
    towns : TownIndex
        From `build_town_index`.

    Returns
    -------
    tuple of list of Mention
        (other links, town links).
    """
    other: list[Mention] = []
    town: list[Mention] = []
    is_town = towns.is_town
    for m in mentions:
        (town if is_town(m) else other).append(m)
    if town:
        spans_other = {(m.start, m.end) for m in other}
        town = [m for m in town if (m.start, m.end) not in spans_other]
    return other, town


def resolve_towns(
    text: str,
    candidates: Sequence[Mention],
    towns: TownIndex,
    countries: Mapping[str, int],
    places: frozenset[str],
) -> tuple[list[Mention], list[AmbiguousName]]:
    """Keep the town links the context supports.

    Parameters
    ----------
    text : str
        The passage text.
    candidates : sequence of Mention
        Town links of the passage (`split_towns`).
    towns : TownIndex
        From `build_town_index`.
    countries : mapping
        Country id -> mentions in the article (curated places and actors only).
    places : frozenset of str
        Ids of the places the article names, and their parents.

    Returns
    -------
    tuple
        (kept links, names left unlinked because several towns fit).
    """
    by_span: dict[tuple[int, int], list[Mention]] = {}
    for mention in candidates:
        by_span.setdefault((mention.start, mention.end), []).append(mention)
    kept: list[Mention] = []
    ambiguous: list[AmbiguousName] = []
    for (start, end), group in by_span.items():
        if not text[start].isupper() or _proper_name_run(text, start, end):
            continue
        fits = [m for m in group if countries.get(towns.country[m.target], 0) > 0]
        if len(fits) > 1:
            fits = [m for m in fits if towns.parent[m.target] in places]
        if len(fits) == 1:
            kept.append(fits[0])
        elif len(group) > 1:
            first = group[0]
            ids = tuple(sorted(m.target for m in group))
            ambiguous.append(
                AmbiguousName(first.passage_id, start, end, first.matched, ids)
            )
    return kept, ambiguous


def named_places(mentions: Iterable[Mention], parents: Mapping[str, str]) -> set[str]:
    """Return the feature ids the links name, with their parents.

    Parameters
    ----------
    mentions : iterable of Mention
        Links (curated places and actors).
    parents : mapping
        Feature id -> parent feature id.

    Returns
    -------
    set of str
        Feature ids.
    """
    found: set[str] = set()
    for mention in mentions:
        if mention.target_type == "feature":
            found.add(mention.target)
            if mention.target in parents:
                found.add(parents[mention.target])
    return found
