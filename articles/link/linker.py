"""Link passages to the map features and actors they name, with exact spans."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

import ahocorasick

from articles.link.coordination import coordinate_states
from articles.link.distribute import (
    Lookup,
    build_lookup,
    build_nouns,
    distribute_shared,
)
from articles.link.distribute import Span as _Candidate
from articles.link.implied import (
    count_countries,
    decide_context,
    map_countries,
    near_third_country,
)
from articles.link.patterns import Rule, Target, build_table, fold_text
from articles.link.phrases import Phrases, load_phrases
from articles.link.script import is_cjk, is_prefixed, is_word
from articles.model import Actor, Mention, Passage
from geo.model import Feature


@dataclass(frozen=True)
class LinkContext:
    """Everything `link_passage` needs, built once by `build_context`.

    Attributes
    ----------
    automaton : ahocorasick.Automaton
        Folded phrase -> ``(length, rules, check_left, check_right)``.
    feature_country : mapping
        Feature id -> id of the country feature it lies in.
    actor_country : mapping
        Actor id -> country feature id of its home.
    sides : mapping
        Boundary feature id -> the two country ids it separates (implied rules).
    feature_state : mapping
        Country feature id -> id of its state actor (coordinated demonyms).
    lookup : callable
        Folded phrase -> targets (coordinations that share a word).
    nouns : re.Pattern or None
        Plural head nouns a coordination may share ("districts").
    """

    automaton: Any
    feature_country: Mapping[str, str]
    actor_country: Mapping[str, str]
    sides: Mapping[str, tuple[str, str]]
    feature_state: Mapping[str, str]
    lookup: Lookup
    nouns: re.Pattern[str] | None


class _Parts(NamedTuple):
    passage: Passage
    mentions: list[Mention]
    context: list[_Candidate]
    counts: Counter[str]


def build_context(
    features: Iterable[Feature],
    actors: Iterable[Actor],
    phrases: Phrases | None = None,
) -> LinkContext:
    """Compile the gazetteer and the actor registry into a matcher (do it once).

    Parameters
    ----------
    features : iterable of Feature
        From `geo.gazetteer.load_features()`.
    actors : iterable of Actor
        From `articles.actors.load_actors()`.
    phrases : Phrases, optional
        Blocked phrases, state roles, common words and implied rules; defaults to
        `articles.link.phrases.load_phrases()`.

    Returns
    -------
    LinkContext
        Reusable across passages and articles.
    """
    features = tuple(features)
    actors = tuple(actors)
    phrases = load_phrases() if phrases is None else phrases
    automaton = ahocorasick.Automaton()
    for key, rules in build_table(features, actors, phrases).items():
        check_left = not is_cjk(key[0])
        check_right = not is_cjk(key[-1])
        rules = tuple(replace(r, targets=_unique(list(r.targets))) for r in rules)
        automaton.add_word(key, (len(key), rules, check_left, check_right))
    automaton.make_automaton()
    feature_country = map_countries(features)
    actor_country = {
        actor.id: feature_country[actor.home]
        for actor in actors
        if actor.home is not None and actor.home in feature_country
    }
    ids = {feature.id for feature in features}
    sides = {rule.target: rule.sides for rule in phrases.implied if rule.target in ids}
    feature_state = {
        actor.home or actor.id: actor.id for actor in actors if actor.kind == "state"
    }
    return LinkContext(
        automaton,
        feature_country,
        actor_country,
        sides,
        feature_state,
        build_lookup(automaton, _unique),
        build_nouns(phrases.shared_nouns),
    )


def _accepts(rule: Rule, text: str, shape: str, start: int, end: int) -> bool:
    if rule.exact is not None and shape[start:end] != rule.exact:
        return False
    if rule.capital and not text[start].isupper():
        return False
    return rule.lower_ok or not text[start:end].islower()


#: When one span links a target in several ways, the first of these wins: a phrase
#: like "Pak-Afghan border" is "implied" even where the gazetteer lists it as an alias.
_HOW_RANK = {"name": 0, "implied": 1, "alias": 2, "demonym": 3}


def _unique(targets: list[Target]) -> tuple[Target, ...]:
    seen: dict[tuple[str, str], Target] = {}
    for target in targets:
        key = (target.target_type, target.target)
        if key not in seen or _HOW_RANK[target.how] < _HOW_RANK[seen[key].how]:
            seen[key] = target
    return tuple(sorted(seen.values(), key=lambda t: (t.target_type, t.target)))


def _find(text: str, automaton: Any) -> tuple[list[_Candidate], list[_Candidate]]:
    """All matches on word boundaries: (plain or blocked, context-implied)."""
    shape, folded = fold_text(text)
    size = len(text)
    plain: list[_Candidate] = []
    context: list[_Candidate] = []
    for last, (length, rules, check_left, check_right) in automaton.iter(folded):
        start, end = last - length + 1, last + 1
        if (
            check_left
            and start > 0
            and is_word(folded[start - 1])
            and (length < 3 or not is_prefixed(folded, start))
        ):
            continue
        if check_right and end < size and is_word(folded[end]):
            continue
        found: dict[bool, list[Rule]] = {}
        for rule in rules:
            if _accepts(rule, text, shape, start, end):
                found.setdefault(rule.context, []).append(rule)
        for flag, accepted in found.items():  # one rule: its targets are unique
            targets = accepted[0].targets
            if len(accepted) > 1:
                targets = _unique([t for rule in accepted for t in rule.targets])
            (context if flag else plain).append(_Candidate(start, end, targets))
    return plain, context


def _select(candidates: list[_Candidate], size: int) -> list[_Candidate]:
    """Longest first, then leftmost; drop anything overlapping a chosen span."""
    taken = bytearray(size)
    chosen: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        if taken.find(1, candidate.start, candidate.end) == -1:
            taken[candidate.start : candidate.end] = b"\x01" * (
                candidate.end - candidate.start
            )
            chosen.append(candidate)
    return chosen


def _mentions(passage: Passage, candidates: Iterable[_Candidate]) -> list[Mention]:
    return [
        Mention(
            passage_id=passage.id,
            target=target.target,
            target_type=target.target_type,
            start=candidate.start,
            end=candidate.end,
            how=target.how,
            matched=passage.text[candidate.start : candidate.end],
        )
        for candidate in candidates
        for target in candidate.targets
    ]


def _link_parts(passage: Passage, context: LinkContext) -> _Parts:
    plain, in_context = _find(passage.text, context.automaton)
    size = len(passage.text)
    chosen = sorted(_select(plain, size), key=lambda c: c.start)
    chosen = distribute_shared(passage.text, chosen, context.lookup, context.nouns)
    targets = coordinate_states(passage.text, chosen, context.feature_state)
    chosen = [c._replace(targets=t) for c, t in zip(chosen, targets, strict=True) if t]
    mentions = _mentions(passage, chosen)
    counts = count_countries(mentions, context.feature_country, context.actor_country)
    return _Parts(passage, mentions, _select(in_context, size), counts)


def _finish(
    parts: _Parts, context: LinkContext, article_counts: Mapping[str, int] | None
) -> list[Mention]:
    mentions = list(parts.mentions)
    if not parts.context:
        return mentions  # already in reading order
    named = [(m.target, m.start, m.end) for m in mentions if m.target in context.sides]
    for candidate in parts.context:
        if any(
            m.start <= candidate.start and candidate.end <= m.end
            for m in mentions
            if m.how in ("name", "alias") and m.target_type == "feature"
        ):
            continue  # inside a place's name: "Ghulam Khan border crossing"
        for target in candidate.targets:
            sides = context.sides[target.target]
            if any(
                t == target.target and s < candidate.end and candidate.start < e
                for t, s, e in named
            ):
                continue  # the same line is already linked by name here
            if not decide_context(parts.counts, article_counts, sides):
                continue
            span = (candidate.start, candidate.end)
            if near_third_country(span, parts.mentions, context.feature_country, sides):
                continue
            mentions.extend(
                _mentions(parts.passage, [candidate._replace(targets=(target,))])
            )
    return sorted(mentions, key=lambda m: (m.start, m.end, m.target_type, m.target))


def link_passage(
    passage: Passage,
    context: LinkContext,
    article_counts: Mapping[str, int] | None = None,
) -> list[Mention]:
    """Link one passage to the features and actors it names.

    Parameters
    ----------
    passage : Passage
        The passage; spans are offsets in ``passage.text``.
    context : LinkContext
        From `build_context`.
    article_counts : mapping, optional
        Country id -> mentions in the whole article, used when the passage itself
        does not say which countries "their border" belongs to (`link_passages`
        supplies it).

    Returns
    -------
    list of Mention
        Sorted by start; ``passage.text[m.start:m.end] == m.matched`` for each.
    """
    return _finish(_link_parts(passage, context), context, article_counts)


def link_passages(
    passages: Sequence[Passage], context: LinkContext
) -> list[list[Mention]]:
    """Link every passage of one article, using the article as context.

    Parameters
    ----------
    passages : sequence of Passage
        The passages of one article, in reading order.
    context : LinkContext
        From `build_context`.

    Returns
    -------
    list of list of Mention
        One list per passage, as `link_passage` returns.
    """
    parts = [_link_parts(passage, context) for passage in passages]
    article: Counter[str] = Counter()
    for part in parts:
        article.update(part.counts)
    return [_finish(part, context, article) for part in parts]
