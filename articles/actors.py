"""The actor registry: load `articles/data/actors.yaml` and roll members up."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from articles.model import Actor

#: Kinds an actor may have (DESIGN.md).
ACTOR_KINDS: tuple[str, ...] = (
    "state",
    "government",
    "armed-group",
    "agency",
    "military",
    "person",
    "organisation",
)

_REGISTRY = Path(__file__).parent / "data" / "actors.yaml"
#: Long forms of "Islamic State" that news writes before a branch's name.
_IS_FORMS = (
    "Islamic State",
    "Islamic State of Iraq and the Levant",
    "Islamic State of Iraq and Syria",
    "ISIL",
    "ISIS",
)
_IS_BRANCH = re.compile(r"^Islamic State(?: in| of)?[- ](?P<branch>Khorasan.*)$")
_IS_ABBREVIATION = re.compile(r"^(?:IS|ISIS|ISIL)-(?P<branch>K|KP)$")
#: Transliterations of the Urdu/Pashto words in group names ("Tehreek-e" ~ "Tehrik-i").
_TEHREEK = re.compile(r"\b(?:Tehreek|Tehrik|Tahreek|Tahrik)\b")
_IZAFAT = re.compile(r"-[ei]-")


def name_variants(names: Iterable[str]) -> tuple[str, ...]:
    """Return spellings of an organisation's names made by rule, not listed.

    Parameters
    ----------
    names : iterable of str
        The name and aliases of one actor.

    Returns
    -------
    tuple of str
        New spellings: an Islamic State branch under each long form of "Islamic
        State", with a space, a hyphen or a dash before the branch ("Islamic State of
        Iraq and the Levant – Khorasan Province"); "Tehreek"/"Tehrik"/"Tahreek" and
        "-e-"/"-i-" transliterations ("Tehrik-i-Taliban Pakistan").
    """
    given = list(names)
    found: list[str] = []
    for name in given:
        branch = _IS_BRANCH.match(name)
        if branch:
            for form in _IS_FORMS:
                for sep in (" ", "-", " – "):
                    found.append(f"{form}{sep}{branch['branch']}")
        if _TEHREEK.search(name) or _IZAFAT.search(name):
            for word in ("Tehreek", "Tehrik", "Tahreek", "Tahrik"):
                for izafat in ("-e-", "-i-"):
                    found.append(_IZAFAT.sub(izafat, _TEHREEK.sub(word, name)))
    seen = {n.casefold() for n in given}
    return tuple(n for n in dict.fromkeys(found) if n.casefold() not in seen)


def abbreviation_variants(abbreviations: Iterable[str]) -> tuple[str, ...]:
    """Return the other prefixes of an Islamic State branch's abbreviation.

    Parameters
    ----------
    abbreviations : iterable of str
        Case-sensitive abbreviations of one actor ("IS-K", "IS-KP").

    Returns
    -------
    tuple of str
        ``IS-``, ``ISIS-`` and ``ISIL-`` forms of each branch abbreviation not given.
    """
    given = list(abbreviations)
    found = [
        f"{prefix}-{m['branch']}"
        for a in given
        if (m := _IS_ABBREVIATION.match(a))
        for prefix in ("IS", "ISIS", "ISIL")
    ]
    return tuple(a for a in dict.fromkeys(found) if a not in given)


class RegistryError(ValueError):
    """The actor registry file is malformed."""


def _as_strings(entry: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = entry.get(key) or ()
    if isinstance(value, str) or not all(isinstance(v, str) for v in value):
        msg = f"actor {entry.get('id')!r}: {key} must be a list of strings"
        raise RegistryError(msg)
    return tuple(value)


def _parse_actor(entry: Mapping[str, Any]) -> Actor:
    for key in ("id", "name", "kind"):
        if not isinstance(entry.get(key), str) or not entry[key]:
            msg = f"actor entry {dict(entry)!r} lacks a string {key!r}"
            raise RegistryError(msg)
    if entry["kind"] not in ACTOR_KINDS:
        msg = f"actor {entry['id']!r}: unknown kind {entry['kind']!r}"
        raise RegistryError(msg)
    note = entry.get("note")
    home = entry.get("home")
    aliases = _as_strings(entry, "aliases")
    abbreviations = _as_strings(entry, "abbreviations")
    return Actor(
        id=entry["id"],
        name=entry["name"],
        kind=entry["kind"],
        aliases=aliases + name_variants((entry["name"], *aliases)),
        case_sensitive=abbreviations + abbreviation_variants(abbreviations),
        member_of=_as_strings(entry, "member_of"),
        home=str(home) if home else None,
        note=str(note).strip() if note else None,
    )


def parse_actors(text: str) -> tuple[Actor, ...]:
    """Parse and check a registry document (the YAML of `actors.yaml`).

    Parameters
    ----------
    text : str
        YAML with a top-level ``actors`` list.

    Returns
    -------
    tuple of Actor
        In file order.

    Raises
    ------
    RegistryError
        On a missing field, an unknown kind, a duplicate id or a ``member_of`` that
        names no actor.
    """
    data = yaml.safe_load(text)
    if not isinstance(data, dict) or not isinstance(data.get("actors"), list):
        msg = "actor registry must have a top-level 'actors' list"
        raise RegistryError(msg)
    actors = tuple(_parse_actor(entry) for entry in data["actors"])
    ids = [actor.id for actor in actors]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        msg = f"duplicate actor ids: {', '.join(duplicates)}"
        raise RegistryError(msg)
    for actor in actors:
        unknown = [m for m in actor.member_of if m not in ids]
        if unknown:
            msg = f"actor {actor.id!r}: member_of names unknown {unknown}"
            raise RegistryError(msg)
    return actors


@lru_cache(maxsize=1)
def load_actors() -> tuple[Actor, ...]:
    """Every actor of the registry `articles/data/actors.yaml` (cached).

    Returns
    -------
    tuple of Actor
        States, governments, armed groups, agencies, militaries, people and
        organisations, in file order.
    """
    return parse_actors(_REGISTRY.read_text(encoding="utf-8"))


def expand_members(
    ids: Iterable[str], actors: Iterable[Actor] | None = None
) -> frozenset[str]:
    """Expand actor ids with every actor that rolls up to them, transitively.

    Parameters
    ----------
    ids : iterable of str
        Actor ids (unknown ids are kept as they are).
    actors : iterable of Actor, optional
        The registry; defaults to `load_actors()`.

    Returns
    -------
    frozenset of str
        E.g. ``{"isi"} -> {"isi", "asim-malik", "faiz-hameed"}``; ``{"pakistan"}``
        adds ``isi``, ``pakistan-army``, ``ishaq-dar`` and their members.
    """
    members: dict[str, list[str]] = {}
    for actor in load_actors() if actors is None else actors:
        for parent in actor.member_of:
            members.setdefault(parent, []).append(actor.id)
    found = set(ids)
    stack = list(found)
    while stack:
        for child in members.get(stack.pop(), ()):
            if child not in found:
                found.add(child)
                stack.append(child)
    return frozenset(found)
