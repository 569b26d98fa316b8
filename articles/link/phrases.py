"""The linker's phrase data (`articles/data/link_phrases.yaml`) as frozen values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from articles.link.abbreviations import AbbreviationRules, parse_abbreviations
from articles.link.capitals import CapitalRules, parse_capitals

_PHRASES = Path(__file__).parents[1] / "data" / "link_phrases.yaml"


@dataclass(frozen=True)
class ImpliedRule:
    """Phrases that denote a boundary feature without naming it.

    Attributes
    ----------
    target : str
        Feature id of the boundary (``durand-line``).
    sides : tuple of str
        The two country feature ids the boundary separates.
    extra_words : tuple of tuple of str
        For each side, in the order of `sides`, words that name it besides the
        country's gazetteer name and demonyms ("Pak", "Af").
    tails : tuple of str
        Nouns completing "<side> <other side> <tail>" ("border", "frontier").
    templates : tuple of str
        Phrases with ``{a}`` and ``{b}`` standing for side words, both orders.
    in_context : tuple of str
        Phrases that denote the boundary only in a passage about the two sides.
    """

    target: str
    sides: tuple[str, str]
    extra_words: tuple[tuple[str, ...], tuple[str, ...]]
    tails: tuple[str, ...]
    templates: tuple[str, ...]
    in_context: tuple[str, ...]


@dataclass(frozen=True)
class Phrases:
    """Everything the linker matches besides gazetteer names and actor aliases."""

    blocked: tuple[str, ...]
    state_roles: tuple[str, ...]
    common_words: frozenset[str]
    implied: tuple[ImpliedRule, ...]
    ethnic_before: tuple[str, ...] = ()
    ethnic_after: tuple[str, ...] = ()
    shared_nouns: tuple[str, ...] = ()
    #: (country id, direction word, boundary ids): "Pakistan's western border".
    directions: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    #: Capitals that act for their government, governments by date.
    capitals: CapitalRules = field(default_factory=lambda: parse_capitals({}))
    #: Abbreviations with another common sense ("IEA", "PPP", "ISK").
    abbreviations: AbbreviationRules = field(default_factory=AbbreviationRules)


def _strings(data: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key) or ()
    if isinstance(value, str) or not all(isinstance(v, str) for v in value):
        msg = f"link phrases: {key} must be a list of strings"
        raise ValueError(msg)
    return tuple(value)


def _parse_rules(data: Mapping[str, Any]) -> tuple[ImpliedRule, ...]:
    rules = []
    for line in data.get("lines") or ():
        sides = _strings(line, "sides")
        if len(sides) != 2:
            msg = f"boundary {line.get('target')!r} needs exactly two sides"
            raise ValueError(msg)
        extra = line.get("extra_words") or {}
        rules.append(
            ImpliedRule(
                target=str(line["target"]),
                sides=(sides[0], sides[1]),
                extra_words=(_strings(extra, sides[0]), _strings(extra, sides[1])),
                tails=_strings(data, "tails"),
                templates=_strings(data, "templates"),
                in_context=_strings(data, "in_context"),
            )
        )
    return tuple(rules)


def _parse_directions(
    data: Mapping[str, Any],
) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    return tuple(
        (str(country), str(direction), _strings(lines, direction))
        for country, lines in (data.get("directions") or {}).items()
        for direction in lines
    )


def parse_phrases(text: str) -> Phrases:
    """Parse a link-phrases YAML document.

    Parameters
    ----------
    text : str
        YAML with ``blocked``, ``state_roles``, ``common_words``,
        ``boundaries``, ``ethnic`` (``before`` and ``after`` word lists) and
        ``shared_nouns``.

    Returns
    -------
    Phrases
        The parsed data; common words lowercased.
    """
    data = yaml.safe_load(text) or {}
    return Phrases(
        blocked=_strings(data, "blocked"),
        state_roles=_strings(data, "state_roles"),
        common_words=frozenset(w.lower() for w in _strings(data, "common_words")),
        implied=_parse_rules(data.get("boundaries") or {}),
        ethnic_before=_strings(data.get("ethnic") or {}, "before"),
        ethnic_after=_strings(data.get("ethnic") or {}, "after"),
        shared_nouns=_strings(data, "shared_nouns"),
        directions=_parse_directions(data.get("boundaries") or {}),
        capitals=parse_capitals(data.get("capitals") or {}),
        abbreviations=parse_abbreviations(data.get("ambiguous_abbreviations") or {}),
    )


@lru_cache(maxsize=1)
def load_phrases() -> Phrases:
    """Load the linker's phrase data, `articles/data/link_phrases.yaml` (cached).

    Returns
    -------
    Phrases
        Blocked phrases, state roles, common words and implied-boundary rules.
    """
    return parse_phrases(_PHRASES.read_text(encoding="utf-8"))
