"""Cached reference data: features, facts, the actor registry and display names."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import streamlit as st

from articles.actors import expand_members, load_actors
from articles.model import Actor
from geo.facts import measure_facts
from geo.gazetteer import load_features as read_features
from geo.model import Feature

if TYPE_CHECKING:
    from collections.abc import Iterable


# Reference data is shared, never copied (cache_resource): read-only by contract.


@st.cache_resource(show_spinner=False)
def load_features() -> dict[str, Feature]:
    """Return every feature (no geometry) by id."""
    return {feature.id: feature for feature in read_features()}


@st.cache_resource(show_spinner=False)
def load_facts() -> dict[str, dict[str, object]]:
    """Return the measured (and published) figures by feature id."""
    facts: dict[str, dict[str, object]] = measure_facts()
    return facts


@st.cache_resource(show_spinner=False)
def load_actor_registry() -> tuple[Actor, ...]:
    """Return every actor of the registry (immutable: shared, not copied)."""
    return load_actors()


# A plain memo, not st.cache_resource: the filters call it once per actor on every
# rerun, and Streamlit's cache hashes its arguments on each call (measured: a
# tenth of a warm rerun); the registry is fixed for the process.
@functools.lru_cache(maxsize=512)
def _expand(ids: tuple[str, ...]) -> frozenset[str]:
    return expand_members(ids, load_actor_registry())


def load_actor_ids() -> frozenset[str]:
    """Return the ids of every actor of the registry."""
    return frozenset(a.id for a in load_actor_registry())


def build_names(features: Iterable[Feature], actors: Iterable[Actor]) -> dict[str, str]:
    """Return display names of feature and actor ids (a shared id names both)."""
    names = {a.id: a.name for a in actors}
    names.update((f.id, f.name) for f in features)
    return names


@st.cache_resource(show_spinner=False)
def load_names() -> dict[str, str]:
    """Return display names of feature and actor ids (a shared id names both)."""
    return build_names(load_features().values(), load_actor_registry())


def expand_actors(ids: Iterable[str]) -> frozenset[str]:
    """Return ``ids`` plus their members, transitively (ISI -> Asim Malik)."""
    return _expand(tuple(sorted(ids)))
