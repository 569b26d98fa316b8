"""Matching: automaton hits on word boundaries, longest-first choice, mentions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from articles.link.distribute import Span as _Candidate
from articles.link.patterns import Rule, Target, fold_text
from articles.link.script import is_prefixed, is_word
from articles.model import Mention, Passage


def accepts(rule: Rule, text: str, shape: str, start: int, end: int) -> bool:
    """Whether a rule accepts the match ``text[start:end]`` (case conditions).

    Parameters
    ----------
    rule : Rule
        One rule of the matched key.
    text, shape : str
        The passage and its folded shape (`fold_text`).
    start, end : int
        The match.

    Returns
    -------
    bool
        False where an exact form, a capital or a not-all-lowercase form is missing.
    """
    if rule.exact is not None and shape[start:end] != rule.exact:
        return False
    if rule.capital and not text[start].isupper():
        return False
    return rule.lower_ok or not text[start:end].islower()


#: When one span links a target in several ways, the first of these wins: a phrase
#: like "Pak-Afghan border" is "implied" even where the gazetteer lists it as an alias.
HOW_RANK = {"name": 0, "implied": 1, "alias": 2, "demonym": 3}


def unique_targets(targets: list[Target]) -> tuple[Target, ...]:
    """Return the targets once each, keeping the best way each is linked.

    Parameters
    ----------
    targets : list of Target
        Targets of one span, maybe repeated.

    Returns
    -------
    tuple of Target
        Sorted by type and id; `HOW_RANK` decides between two ways.
    """
    seen: dict[tuple[str, str], Target] = {}
    for target in targets:
        key = (target.target_type, target.target)
        if key not in seen or HOW_RANK[target.how] < HOW_RANK[seen[key].how]:
            seen[key] = target
    return tuple(sorted(seen.values(), key=lambda t: (t.target_type, t.target)))


def find_candidates(
    text: str, automaton: Any
) -> tuple[list[_Candidate], list[_Candidate]]:
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
            if accepts(rule, text, shape, start, end):
                found.setdefault(rule.context, []).append(rule)
        for flag, accepted in found.items():  # one rule: its targets are unique
            targets = accepted[0].targets
            if len(accepted) > 1:
                targets = unique_targets([t for rule in accepted for t in rule.targets])
            (context if flag else plain).append(_Candidate(start, end, targets))
    return plain, context


def select_longest(candidates: list[_Candidate], size: int) -> list[_Candidate]:
    """Choose spans longest first, then leftmost, dropping any that overlap.

    Parameters
    ----------
    candidates : list of Span
        Matches.
    size : int
        Length of the text.

    Returns
    -------
    list of Span
        The chosen spans (not in text order).
    """
    taken = bytearray(size)
    chosen: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        if taken.find(1, candidate.start, candidate.end) == -1:
            taken[candidate.start : candidate.end] = b"\x01" * (
                candidate.end - candidate.start
            )
            chosen.append(candidate)
    return chosen


def to_mentions(passage: Passage, candidates: Iterable[_Candidate]) -> list[Mention]:
    """Return one mention per span and target.

    Parameters
    ----------
    passage : Passage
        The passage the spans are offsets in.
    candidates : iterable of Span
        Chosen spans.

    Returns
    -------
    list of Mention
        In the order of the spans.
    """
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
