"""Link passages to the map features and actors they name, with exact spans."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from operator import attrgetter
from typing import Any, NamedTuple

import ahocorasick

from articles.link.abbreviations import AbbreviationRules, settle_abbreviations
from articles.link.capitals import CapitalRules, link_governments
from articles.link.compound import (
    CompoundIndex,
    build_compound_index,
    compound_parts,
)
from articles.link.coordination import coordinate_states
from articles.link.distribute import (
    Lookup,
    build_lookup,
    build_nouns,
    distribute_shared,
)
from articles.link.distribute import Span as _Candidate
from articles.link.elsewhere import drop_foreign_demonyms, drop_located_countries
from articles.link.implied import (
    count_countries,
    decide_context,
    map_countries,
    named_side,
    near_third_country,
    other_side_leads,
)
from articles.link.its_border import ItsBorderRules, link_its_border
from articles.link.match import (
    add_word_keys,
    find_candidates,
    is_word_key,
    select_longest,
    to_mentions,
    unique_targets,
)
from articles.link.patterns import Rule, build_table
from articles.link.phrases import Phrases, load_phrases
from articles.link.script import is_cjk
from articles.link.towns import (
    AmbiguousName,
    TownIndex,
    build_town_index,
    named_places,
    resolve_towns,
    split_towns,
)
from articles.model import Actor, Mention, Passage
from geo.model import Feature

# sort keys at C speed (a lambda per element cost a few percent of linking)
_START = attrgetter("start")
_READING_ORDER = attrgetter("start", "end", "target_type", "target")


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
    towns : TownIndex
        Country and parent of each town (linked only in context).
    parents : mapping
        Feature id -> parent feature id (the provinces an article names).
    compound : CompoundIndex
        Spans whose parts link too ("the border between Pakistan and Afghanistan").
    capitals : CapitalRules
        Capitals that act for their government; governments by date.
    its_border : ItsBorderRules
        What "its western border" can mean (the country the sentence is about).
    abbreviations : AbbreviationRules
        Abbreviations that link only where the article supports them ("IEA").
    """

    automaton: Any
    feature_country: Mapping[str, str]
    actor_country: Mapping[str, str]
    sides: Mapping[str, tuple[str, str]]
    feature_state: Mapping[str, str]
    lookup: Lookup
    nouns: re.Pattern[str] | None
    towns: TownIndex
    parents: Mapping[str, str]
    compound: CompoundIndex
    capitals: CapitalRules
    its_border: ItsBorderRules
    abbreviations: AbbreviationRules


class _Parts(NamedTuple):
    passage: Passage
    mentions: list[Mention]
    context: list[_Candidate]
    counts: Counter[str]
    towns: list[Mention]


@dataclass(frozen=True)
class ArticleLinks:
    """The links of one article's passages, and the names left ambiguous."""

    mentions: list[list[Mention]]
    ambiguous: list[AmbiguousName]


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
    town_ids = frozenset(f.id for f in features if f.kind == "town")
    words: dict[str, tuple[Rule, ...]] = {}
    for key, rules in build_table(features, actors, phrases).items():
        rules = tuple(
            replace(r, targets=unique_targets(list(r.targets))) for r in rules
        )
        if is_word_key(key, rules, town_ids):
            words[key] = rules  # matched as whole capitalised words only
            continue
        check_left = not is_cjk(key[0])
        check_right = not is_cjk(key[-1])
        automaton.add_word(key, (len(key), rules, check_left, check_right))
    add_word_keys(automaton, words)
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
        build_lookup(automaton, unique_targets),
        build_nouns(phrases.shared_nouns),
        build_town_index(features, feature_country),
        {f.id: f.parent for f in features if f.parent},
        build_compound_index(features, actors),
        phrases.capitals,
        ItsBorderRules(
            {
                (c, d): tuple(x for x in lines if x in ids)
                for c, d, lines in phrases.directions
            },
            {
                frozenset(rule.sides): rule.target
                for rule in phrases.implied
                if rule.target in ids
            },
            frozenset(f.id for f in features if f.kind == "country"),
        ),
        phrases.abbreviations,
    )


def _link_parts(
    passage: Passage, context: LinkContext, published: dt.date | None
) -> _Parts:
    plain, in_context = find_candidates(passage.text, context.automaton)
    size = len(passage.text)
    chosen = sorted(select_longest(plain, size), key=_START)
    chosen = distribute_shared(passage.text, chosen, context.lookup, context.nouns)
    targets = coordinate_states(passage.text, chosen, context.feature_state)
    chosen = [
        c if t is c.targets else c._replace(targets=t)  # most keep their targets
        for c, t in zip(chosen, targets, strict=True)
        if t
    ]
    chosen += compound_parts(chosen, plain, context.compound, passage.text)
    mentions, towns = split_towns(to_mentions(passage, chosen), context.towns)
    mentions = link_governments(passage.text, mentions, context.capitals, published)
    mentions += link_its_border(passage.text, passage.id, mentions, context.its_border)
    mentions = drop_located_countries(passage.text, mentions, context.feature_country)
    mentions = drop_foreign_demonyms(
        mentions, context.feature_country, context.actor_country
    )
    counts = count_countries(mentions, context.feature_country, context.actor_country)
    return _Parts(passage, mentions, select_longest(in_context, size), counts, towns)


def _settle(parts: list[_Parts], context: LinkContext) -> list[_Parts]:
    """Drop the ambiguous abbreviations ("IEA") the article does not support."""
    settled = settle_abbreviations(
        [part.passage.text for part in parts],
        [part.mentions for part in parts],
        context.abbreviations,
        context.feature_country,
        context.actor_country,
    )
    return [
        part
        if len(kept) == len(part.mentions)
        else part._replace(
            mentions=kept,
            counts=count_countries(
                kept, context.feature_country, context.actor_country
            ),
        )
        for part, kept in zip(parts, settled, strict=True)
    ]


def _finish(
    parts: _Parts, context: LinkContext, article_counts: Mapping[str, int] | None
) -> list[Mention]:
    mentions = list(parts.mentions)
    if not parts.context:
        return sorted(mentions, key=_READING_ORDER)
    named = [(m.target, m.start, m.end) for m in mentions if m.target in context.sides]
    for candidate in parts.context:
        if any(
            m.start <= candidate.start and candidate.end <= m.end
            for m in mentions
            if m.how in ("name", "alias") and m.target_type == "feature"
        ):
            continue  # inside a place's name: "Ghulam Khan border crossing"
        span = (candidate.start, candidate.end)
        inside = [
            m
            for m in parts.mentions
            if m.target_type == "feature" and span[0] <= m.start and m.end <= span[1]
        ]
        for target in candidate.targets:
            sides = context.sides[target.target]
            if any(
                t == target.target and s < candidate.end and candidate.start < e
                for t, s, e in named
            ):
                continue  # the same line is already linked by name here
            side = named_side(span, inside, sides)
            if side is not None:
                if not other_side_leads(parts.counts, article_counts, side, sides):
                    continue
            elif not decide_context(parts.counts, article_counts, sides):
                continue
            if near_third_country(span, parts.mentions, context.feature_country, sides):
                continue
            mentions.extend(
                to_mentions(parts.passage, [candidate._replace(targets=(target,))])
            )
    return sorted(mentions, key=_READING_ORDER)


def link_passage(
    passage: Passage,
    context: LinkContext,
    article_counts: Mapping[str, int] | None = None,
    published: dt.date | None = None,
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
    published : datetime.date, optional
        Publication date: who governs a state then ("Kabul says" in 2024 is the
        Taliban government).

    Returns
    -------
    list of Mention
        Sorted by start; ``passage.text[m.start:m.end] == m.matched`` for each.
    """
    parts = _settle([_link_parts(passage, context, published)], context)[0]
    counts = parts.counts if article_counts is None else article_counts
    places = frozenset(named_places(parts.mentions, context.parents))
    towns, _ = resolve_towns(passage.text, parts.towns, context.towns, counts, places)
    return _finish(parts._replace(mentions=parts.mentions + towns), context, counts)


def link_passages(
    passages: Sequence[Passage],
    context: LinkContext,
    published: dt.date | None = None,
) -> list[list[Mention]]:
    """Link every passage of one article, using the article as context.

    Parameters
    ----------
    passages : sequence of Passage
        The passages of one article, in reading order.
    context : LinkContext
        From `build_context`.
    published : datetime.date, optional
        Publication date (see `link_passage`).

    Returns
    -------
    list of list of Mention
        One list per passage, as `link_passage` returns.
    """
    return link_article(passages, context, published).mentions


def link_article(
    passages: Sequence[Passage],
    context: LinkContext,
    published: dt.date | None = None,
) -> ArticleLinks:
    """Link every passage of one article and report the town names left ambiguous.

    Parameters
    ----------
    passages : sequence of Passage
        The passages of one article, in reading order.
    context : LinkContext
        From `build_context`.
    published : datetime.date, optional
        Publication date (see `link_passage`).

    Returns
    -------
    ArticleLinks
        Links per passage (as `link_passages`) and the ambiguous names.
    """
    parts = _settle(
        [_link_parts(passage, context, published) for passage in passages], context
    )
    article: Counter[str] = Counter()
    places: set[str] = set()
    for part in parts:
        article.update(part.counts)
        places |= named_places(part.mentions, context.parents)
    found, ambiguous = [], []
    for part in parts:
        towns, unsure = resolve_towns(
            part.passage.text, part.towns, context.towns, article, frozenset(places)
        )
        ambiguous += unsure
        found.append(
            _finish(part._replace(mentions=part.mentions + towns), context, article)
        )
    return ArticleLinks(found, ambiguous)
