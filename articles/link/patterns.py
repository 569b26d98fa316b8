"""Text folding and the table of phrases the linker looks for, with their targets."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from articles.chars import char_pairs, replace_chars
from articles.link.phrases import ImpliedRule, Phrases
from articles.model import Actor
from geo.model import Feature

# Folding keeps every character in place (offsets in the folded text are offsets in
# the original) and makes equivalent spellings equal: hyphens, dashes, slashes and
# odd spaces become a space ("Tehreek-e-Taliban" == "Tehreek e Taliban"), curly
# apostrophes become straight, and Arabic Yeh/Kaf become the Persian/Urdu letters the
# gazetteer uses (ي -> ی, ك -> ک, ى -> ی); Arabic alef with hamza is plain alef
# (أفغانستان == افغانستان).
_SEPARATORS = "-\u2010\u2011\u2012\u2013\u2014\u2212/\u00a0\t\n\r\u2009\u202f\u200a"
_FOLD = str.maketrans(
    {
        **dict.fromkeys(_SEPARATORS, " "),
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u064a": "\u06cc",
        "\u0643": "\u06a9",
        "\u0649": "\u06cc",
        "\u0623": "\u0627",
        "\u0625": "\u0627",
        "\u0671": "\u0627",
    }
)


class Target(NamedTuple):
    """What a matched phrase links to."""

    target_type: str  # "feature" or "actor"
    target: str
    how: str


@dataclass(frozen=True, slots=True)
class Rule:
    """One way a folded key may match, and what it then links to.

    ``exact`` is the required case-preserving form for abbreviations ("US"); ``capital``
    requires an upper-case first letter (demonyms); ``lower_ok`` False rejects an
    all-lowercase occurrence (common words); ``context`` marks boundary phrases that
    need an Afghanistan-Pakistan context; no ``targets`` means a blocked phrase.
    """

    exact: str | None
    capital: bool
    lower_ok: bool
    context: bool
    targets: tuple[Target, ...]


_FOLD_PAIRS = char_pairs(_FOLD)  # `replace_chars`: a tenth of `translate`'s cost


def fold_text(text: str) -> tuple[str, str]:
    """Fold text for matching without moving any character.

    Parameters
    ----------
    text : str
        Passage text.

    Returns
    -------
    tuple of str
        ``(shape, folded)``: separators and apostrophes normalised, then also
        lowercased; both have ``len(text)``.
    """
    shape = replace_chars(text, _FOLD_PAIRS)
    folded = shape.lower()
    if len(folded) != len(shape):  # e.g. "İ".lower() has two characters
        folded = "".join(c.lower() if len(c.lower()) == 1 else c for c in shape)
    return shape, folded


def _fold_phrase(phrase: str) -> str:
    # spaces collapse first, then separators fold in place: "Levant – Khorasan" keeps
    # three characters between its words, as the folded text does
    return " ".join(phrase.split()).translate(_FOLD).strip()


def is_abbreviation(phrase: str) -> bool:
    """Whether a gazetteer or registry name must match case-sensitively.

    One token of at most six characters with two or more capitals: "KP", "FATA",
    "PoK", "U.S.", "UAE".
    """
    return (
        " " not in phrase and len(phrase) <= 6 and sum(c.isupper() for c in phrase) >= 2
    )


def plural_forms(demonym: str) -> tuple[str, ...]:
    """Return a demonym and its plural ("Afghan" -> "Afghans"; "Chinese" has none)."""
    if demonym.endswith(("s", "x", "z", "sh", "ch", "ese")) or " " in demonym:
        return (demonym,)
    return (demonym, demonym + "s")


class _TableBuilder:
    """Collect rules per folded key; identical flags merge their targets."""

    def __init__(self, common: frozenset[str]) -> None:
        self._common = common
        self._rules: dict[str, dict[tuple[str | None, bool, bool, bool], list[Target]]]
        self._rules = {}

    def add(
        self,
        phrase: str,
        targets: Iterable[Target],
        *,
        capital: bool = False,
        context: bool = False,
        exact: bool | None = None,
    ) -> None:
        shape = _fold_phrase(phrase)
        key = shape.lower()
        if not key:
            return
        case_sensitive = is_abbreviation(shape) if exact is None else exact
        flags = (shape if case_sensitive else None, capital, key not in self._common)
        per_key = self._rules.setdefault(key, {})
        per_key.setdefault((*flags, context), []).extend(targets)

    def build(self) -> dict[str, tuple[Rule, ...]]:
        return {
            key: tuple(
                Rule(flags[0], flags[1], flags[2], flags[3], tuple(dict.fromkeys(ts)))
                for flags, ts in per_key.items()
            )
            for key, per_key in self._rules.items()
        }


def _state_of(feature: Feature, actors: Sequence[Actor]) -> Actor | None:
    if feature.kind != "country":
        return None
    for actor in actors:
        if actor.kind == "state" and (actor.home or actor.id) == feature.id:
            return actor
    return None


def _add_ethnic(table: _TableBuilder, demonym: str, phrases: Phrases) -> None:
    """Block the demonym where it names an ethnic group ("ethnic Tajiks")."""
    for form in plural_forms(demonym):
        for word in phrases.ethnic_before:
            table.add(f"{word} {form}", [])
        for word in phrases.ethnic_after:
            table.add(f"{form} {word}", [])


def _add_feature(
    table: _TableBuilder, feature: Feature, state: Actor | None, roles: Sequence[str]
) -> None:
    def both(how: str) -> list[Target]:
        found = [Target("feature", feature.id, how)]
        if state is not None:
            found.append(Target("actor", state.id, how))
        return found

    table.add(feature.name, both("name"))
    for alias in feature.aliases:
        table.add(alias, both("alias"))
    # getattr: the field is newer than some Feature fixtures
    for alias in getattr(feature, "case_sensitive_aliases", ()):
        table.add(alias, both("alias"), exact=True)
    for demonym in feature.demonyms:
        for form in plural_forms(demonym):
            table.add(form, [Target("feature", feature.id, "demonym")], capital=True)
        if state is not None:
            for role in roles:
                table.add(f"{demonym} {role}", both("demonym"), capital=True)


def _add_actor(table: _TableBuilder, actor: Actor) -> None:
    table.add(actor.name, [Target("actor", actor.id, "name")])
    for alias in actor.aliases:
        table.add(alias, [Target("actor", actor.id, "alias")])
    for abbreviation in actor.case_sensitive:
        table.add(abbreviation, [Target("actor", actor.id, "alias")], exact=True)


def _is_arabic_script(phrase: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in phrase)


def _side_words(feature: Feature | None, extra: tuple[str, ...]) -> list[str]:
    if feature is None:
        return list(extra)
    return [feature.name, *feature.demonyms, *extra]


def _script_side_words(feature: Feature | None) -> list[str]:
    """Return a side's Arabic-script names, for the Arabic, Urdu and Dari templates."""
    if feature is None:
        return []
    return [a for a in feature.aliases if _is_arabic_script(a)]


def _add_implied(
    table: _TableBuilder, rule: ImpliedRule, by_id: Mapping[str, Feature]
) -> None:
    target = [Target("feature", rule.target, "implied")]
    first = _side_words(by_id.get(rule.sides[0]), rule.extra_words[0])
    second = _side_words(by_id.get(rule.sides[1]), rule.extra_words[1])
    latin = [t for t in rule.templates if not _is_arabic_script(t)]
    script = [t for t in rule.templates if _is_arabic_script(t)]
    for a, b in itertools.chain(
        itertools.product(first, second), itertools.product(second, first)
    ):
        for tail in rule.tails:
            table.add(f"{a} {b} {tail}", target)
        for template in latin:
            table.add(template.format(a=a, b=b), target)
    sides = [by_id.get(side) for side in rule.sides]
    first_script, second_script = (_script_side_words(f) for f in sides)
    for a, b in itertools.chain(
        itertools.product(first_script, second_script),
        itertools.product(second_script, first_script),
    ):
        for template in script:
            table.add(template.format(a=a, b=b), target)
    for phrase in rule.in_context:
        table.add(phrase, target, context=True)
    for word in first + second:  # "the Afghan border", "Pakistan's frontier"
        for tail in ("border", "frontier"):
            table.add(f"{word} {tail}", target, context=True)
            table.add(f"{word}'s {tail}", target, context=True)


def _add_directions(
    table: _TableBuilder,
    phrases: Phrases,
    by_id: Mapping[str, Feature],
    states: Mapping[str, str],
) -> None:
    """Add "Pakistan's western border": the lines on that side, and the country."""

    def _named(feature: Feature) -> list[Target]:  # the country, named in the phrase
        found = [Target("feature", feature.id, "name")]
        if feature.id in states:
            found.append(Target("actor", states[feature.id], "name"))
        return found

    words = sorted({direction for _, direction, _ in phrases.directions})
    for country, direction, lines in phrases.directions:
        feature = by_id.get(country)
        targets = [
            Target("feature", line, "implied") for line in lines if line in by_id
        ]
        if feature is not None and targets:
            for tail in ("border", "borders", "frontier"):
                phrase = f"{feature.name}'s {direction} {tail}"
                table.add(phrase, targets + _named(feature))
    for rule in phrases.implied:  # "Pakistan's western border with Iran"
        first, second = (by_id.get(side) for side in rule.sides)
        if rule.target not in by_id or first is None or second is None:
            continue
        target = [Target("feature", rule.target, "implied")]
        for a, b in ((first, second), (second, first)):
            for direction in words:
                phrase = f"{a.name}'s {direction} border with {b.name}"
                table.add(phrase, target + _named(a) + _named(b))


def build_table(
    features: Sequence[Feature], actors: Sequence[Actor], phrases: Phrases
) -> dict[str, tuple[Rule, ...]]:
    """Every phrase to look for, folded, with the rules that decide its targets.

    Parameters
    ----------
    features : sequence of Feature
        The gazetteer (names, aliases, demonyms).
    actors : sequence of Actor
        The actor registry.
    phrases : Phrases
        Blocked phrases, state roles, common words and implied-boundary rules.

    Returns
    -------
    dict
        Folded key -> rules. A country's name and aliases also link its state actor;
        a demonym in an ethnic phrase ("ethnic Tajiks", "Uzbek-majority") links nothing;
        "<demonym> <role>" ("Pakistani officials") links the country (demonym) and
        its state; implied rules whose boundary is not a feature are left out.
    """
    table = _TableBuilder(phrases.common_words)
    states: dict[str, str] = {}
    for feature in features:
        state = _state_of(feature, actors)
        if state is not None:
            states[feature.id] = state.id
        _add_feature(table, feature, state, phrases.state_roles)
        for demonym in feature.demonyms:
            _add_ethnic(table, demonym, phrases)
    for actor in actors:
        _add_actor(table, actor)
    for phrase in phrases.blocked:
        table.add(phrase, [])
    by_id = {feature.id: feature for feature in features}
    for rule in phrases.implied:
        if rule.target in by_id:
            _add_implied(table, rule, by_id)
    _add_directions(table, phrases, by_id, states)
    return table.build()
