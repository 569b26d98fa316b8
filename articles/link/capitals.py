"""A capital that acts is its government; a state's roles follow a change of power."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from articles.model import Mention

_WEEKDAY = r"(?:\s+on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?"


@dataclass(frozen=True)
class CapitalRules:
    """Capitals and the words that make them act, and governments by date."""

    cities: Mapping[str, str]
    after: re.Pattern[str] | None
    before: re.Pattern[str] | None
    governments: tuple[tuple[str, str, dt.date], ...]


def parse_capitals(data: Mapping[str, Any]) -> CapitalRules:
    """Parse the ``capitals`` section of the link phrases.

    Parameters
    ----------
    data : mapping
        ``cities`` (city id -> state actor id), ``acts``, ``acted_on`` (words) and
        ``governments`` (``state``, ``actor``, ``since``).

    Returns
    -------
    CapitalRules
        Compiled rules (no patterns when the word lists are empty).
    """
    acts = "|".join(re.escape(w) for w in data.get("acts") or ())
    acted = "|".join(re.escape(w) for w in data.get("acted_on") or ())
    governments = tuple(
        (str(g["state"]), str(g["actor"]), dt.date.fromisoformat(str(g["since"])))
        for g in data.get("governments") or ()
    )
    return CapitalRules(
        {str(k): str(v) for k, v in (data.get("cities") or {}).items()},
        re.compile(rf"{_WEEKDAY}\s+(?:{acts})\b") if acts else None,
        re.compile(rf"\b(?:{acted})\s+$", re.IGNORECASE) if acted else None,
        governments,
    )


def government_of(state: str, rules: CapitalRules, published: dt.date | None) -> str:
    """Return the actor that governs `state` on `published` (the state itself if none).

    Parameters
    ----------
    state : str
        State actor id.
    rules : CapitalRules
        From `parse_capitals`.
    published : datetime.date or None
        Publication date (None: the state).

    Returns
    -------
    str
        Actor id.
    """
    for name, actor, since in rules.governments:
        if name == state and published is not None and published >= since:
            return actor
    return state


def link_governments(
    text: str,
    mentions: Sequence[Mention],
    rules: CapitalRules,
    published: dt.date | None,
) -> list[Mention]:
    """Add the government a capital stands for; move state roles to new governments.

    Parameters
    ----------
    text : str
        The passage.
    mentions : sequence of Mention
        Its links.
    rules : CapitalRules
        From `parse_capitals`.
    published : datetime.date or None
        Publication date of the article.

    Returns
    -------
    list of Mention
        The links, a capital that acts with its government beside it (how
        ``implied``), and "<demonym> <role>" of a state after a change of power
        linked to the new government instead.
    """
    changed = {
        s for s, _, since in rules.governments if published and published >= since
    }
    out: list[Mention] = []
    for m in mentions:
        if m.target_type == "actor" and m.how == "demonym" and m.target in changed:
            m = m._replace(target=government_of(m.target, rules, published))
        out.append(m)
        state = rules.cities.get(m.target) if m.target_type == "feature" else None
        if state is not None and _acts(text, m, rules):
            actor = government_of(state, rules, published)
            out.append(m._replace(target=actor, target_type="actor", how="implied"))
    return out


def _acts(text: str, m: Mention, rules: CapitalRules) -> bool:
    if rules.after is not None and rules.after.match(text, m.end):
        return True
    window = max(0, m.start - 40)  # the words just before, not the whole passage
    return rules.before is not None and bool(rules.before.search(text, window, m.start))
