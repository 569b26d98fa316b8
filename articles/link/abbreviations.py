"""Abbreviations with another common sense link only where the article supports them.

"IEA" is the Islamic Emirate of Afghanistan in a Taliban statement and the
International Energy Agency in an oil report; "PPP" is the Pakistan Peoples Party or
purchasing power parity; "ISK" is the Islamic State's Khorasan branch or the Icelandic
krona. Such an abbreviation links its actor only when the article also names that
actor another way (it defines the abbreviation: "the Islamic Emirate of Afghanistan
(IEA)"), or when its passage names a country of the region; and never in an article
that spells out another sense.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from articles.model import Mention


@dataclass(frozen=True)
class AbbreviationRules:
    """Ambiguous abbreviations and what supports or rules out the actor's sense.

    Attributes
    ----------
    senses : mapping
        Abbreviation (exact case) -> lowercased phrases of its other senses.
    region : frozenset of str
        Country feature ids whose naming in the passage supports the actor's sense.
    """

    senses: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    region: frozenset[str] = frozenset()


def parse_abbreviations(data: Mapping[str, Any]) -> AbbreviationRules:
    """Parse the ``ambiguous_abbreviations`` section of the link phrases.

    Parameters
    ----------
    data : mapping
        ``region`` (country feature ids) and ``senses`` (abbreviation -> phrases of
        its other senses).

    Returns
    -------
    AbbreviationRules
        Other-sense phrases lowercased, with hyphens as spaces (as text is folded).
    """
    senses = data.get("senses") or {}
    if not isinstance(senses, Mapping):
        msg = "link phrases: ambiguous_abbreviations.senses must be a mapping"
        raise ValueError(msg)
    return AbbreviationRules(
        {
            str(abbreviation): tuple(
                " ".join(str(p).replace("-", " ").split()).lower() for p in phrases
            )
            for abbreviation, phrases in senses.items()
        },
        frozenset(str(c) for c in data.get("region") or ()),
    )


def _is_ambiguous(mention: Mention, rules: AbbreviationRules) -> bool:
    return mention.target_type == "actor" and mention.matched in rules.senses


def _countries(
    mentions: Sequence[Mention],
    feature_country: Mapping[str, str],
    actor_country: Mapping[str, str],
) -> set[str]:
    return {
        country
        for m in mentions
        if (
            country := (
                feature_country if m.target_type == "feature" else actor_country
            ).get(m.target)
        )
    }


def settle_abbreviations(
    texts: Sequence[str],
    mentions: Sequence[list[Mention]],
    rules: AbbreviationRules,
    feature_country: Mapping[str, str],
    actor_country: Mapping[str, str],
) -> list[list[Mention]]:
    """Drop the ambiguous abbreviations the article does not support.

    Parameters
    ----------
    texts : sequence of str
        The article's passages.
    mentions : sequence of list of Mention
        Links per passage, in the same order.
    rules : AbbreviationRules
        The ambiguous abbreviations.
    feature_country, actor_country : mapping
        Feature or actor id -> country feature id.

    Returns
    -------
    list of list of Mention
        The same links, less each ambiguous abbreviation that neither the article
        (another name of the actor) nor its passage (a country of the region)
        supports, and every one whose other sense the article spells out.
    """
    senses = rules.senses
    unsure = {
        m.matched
        for found in mentions
        for m in found
        if m.matched in senses and m.target_type == "actor"
    }
    if not unsure:
        return [list(found) for found in mentions]
    # the article is read for other senses once, and only here
    article = "\n".join(" ".join(t.replace("-", " ").lower().split()) for t in texts)
    elsewhere = {a for a in unsure if any(sense in article for sense in senses[a])}
    named = {
        m.target
        for found in mentions
        for m in found
        if m.target_type == "actor" and not _is_ambiguous(m, rules)
    }
    settled = []
    for found in mentions:
        if not any(_is_ambiguous(m, rules) for m in found):
            settled.append(list(found))
            continue
        plain = [m for m in found if not _is_ambiguous(m, rules)]
        in_region = bool(
            _countries(plain, feature_country, actor_country) & rules.region
        )
        kept = [
            m
            for m in found
            if not _is_ambiguous(m, rules)
            or (m.matched not in elsewhere and (m.target in named or in_region))
        ]
        settled.append(kept)
    return settled
