"""Compound phrases link their parts: the states a border names, a body's country."""

# The longest match wins a span, so "the border between Pakistan and Afghanistan" first
# links only the Durand Line; here the states named inside it get their own spans too,
# as do the administering state of "Pakistan-administered Kashmir" and the country of
# a state body ("Pakistan Army engineers"). An armed group or a party named after a
# country ("Tehreek-e-Taliban Pakistan", "Pakistan Tehreek-e-Insaf") says nothing
# about the place and is not a compound.

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from articles.link.distribute import Span
from articles.link.match import select_longest
from articles.link.patterns import Target
from articles.model import Actor
from geo.model import Feature

#: Feature kinds whose names may hold a state's name ("India-Pakistan border",
#: "Pakistan-administered Kashmir").
HOST_KINDS = frozenset({"province", "area", "boundary"})
#: Actor kinds that are bodies of their home state ("Pakistan Army"): inside their
#: name the country is the place.
ORGAN_KINDS = frozenset({"military", "agency"})
#: A government's name holds its country as a place only when it ends in an office
#: ("Afghan interim government"): "the Afghan Taliban" names the group
#: (tests/articles/test_unseen_eval.py trap-two-talibans).
GOVERNMENT_ENDINGS = frozenset(
    {"government", "administration", "authorities", "regime", "cabinet", "ministry"}
)


@dataclass(frozen=True)
class CompoundIndex:
    """Which spans are compounds and which parts they may link."""

    hosts: frozenset[str]
    organs: Mapping[str, str]
    countries: frozenset[str]
    states: frozenset[str]
    governments: Mapping[str, str]
    parts: frozenset[tuple[str, str]]


def build_compound_index(
    features: Iterable[Feature], actors: Iterable[Actor]
) -> CompoundIndex:
    """Return the compound hosts, state bodies, countries and states.

    Parameters
    ----------
    features : iterable of Feature
        The gazetteer.
    actors : iterable of Actor
        The registry.

    Returns
    -------
    CompoundIndex
        For `compound_parts`.
    """
    features, actors = tuple(features), tuple(actors)
    countries = frozenset(f.id for f in features if f.kind == "country")
    states = frozenset(a.id for a in actors if a.kind == "state")
    return CompoundIndex(
        frozenset(f.id for f in features if f.kind in HOST_KINDS),
        {a.id: a.home for a in actors if a.kind in ORGAN_KINDS and a.home},
        countries,
        states,
        {a.id: a.home for a in actors if a.kind == "government" and a.home},
        frozenset(("feature", c) for c in countries)
        | frozenset(("actor", a) for a in states),
    )


def _keep(
    host: Span, index: CompoundIndex, text: str
) -> frozenset[tuple[str, str]] | None:
    """(type, id) an inner span of `host` may link (None: not a compound)."""
    homes: set[str] = set()
    for t in host.targets:
        if t.how == "implied" or (
            t.target_type == "feature" and t.target in index.hosts
        ):
            return index.parts
        if t.target in index.organs:
            homes.add(index.organs[t.target])
        elif t.target in index.governments:
            last = text[host.start : host.end].rsplit(" ", 1)[-1].casefold()
            if last in GOVERNMENT_ENDINGS:
                homes.add(index.governments[t.target])
    return frozenset(("feature", h) for h in homes) if homes else None


def compound_parts(
    chosen: Sequence[Span], plain: Sequence[Span], index: CompoundIndex, text: str
) -> list[Span]:
    """Return the parts of compound spans, each with its own span.

    Parameters
    ----------
    chosen : sequence of Span
        Spans chosen longest first.
    plain : sequence of Span
        Every plain match, chosen or not.
    index : CompoundIndex
        From `build_compound_index`.
    text : str
        The passage.

    Returns
    -------
    list of Span
        Inner spans of compounds, targets limited to states (and, inside a state
        body's name, the body's country), without targets the host already links.
    """
    inner: list[Span] = []
    for host in chosen:
        keep = _keep(host, index, text)
        if keep is None:
            continue
        named = {(t.target_type, t.target) for t in host.targets}
        for span in plain:
            if host.start <= span.start and span.end <= host.end and span != host:
                targets = tuple(
                    t
                    for t in span.targets
                    if _allowed(t, keep) and (t.target_type, t.target) not in named
                )
                if targets:
                    inner.append(span._replace(targets=targets))
    # hosts do not overlap, so one choice over all their parts is each host's own
    return select_longest(inner, len(text)) if inner else []


def _allowed(target: Target, keep: frozenset[tuple[str, str]]) -> bool:
    return (target.target_type, target.target) in keep
