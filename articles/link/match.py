"""Matching: automaton hits on word boundaries, longest-first choice, mentions."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from operator import attrgetter, itemgetter
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
    # an uncased script (Arabic) has no capitals to ask for
    if rule.capital and text[start].islower():
        return False
    return rule.lower_ok or not text[start:end].islower()


#: When one span links a target in several ways, the first of these wins: a phrase
#: like "Pak-Afghan border" is "implied" even where the gazetteer lists it as an alias.
HOW_RANK = {"name": 0, "implied": 1, "alias": 2, "demonym": 3}
_BY_TARGET = attrgetter("target_type", "target")
_SPAN = itemgetter(0, 1)


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
    return tuple(sorted(seen.values(), key=_BY_TARGET))


_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def add_word_keys(automaton: Any, rules: Mapping[str, tuple[Rule, ...]]) -> None:
    """Add names matched only as whole capitalised words (towns) to an automaton.

    They share the one pass over the text with every other key (a second automaton
    for them cost a second pass); ``None`` in place of the boundary flags marks them
    for `_is_word_hit`.

    Parameters
    ----------
    automaton : ahocorasick.Automaton
        Not yet made (``make_automaton`` comes after).
    rules : mapping
        Folded key of one or more words -> its rules (`is_word_key`).
    """
    for key, found in rules.items():
        automaton.add_word(key, (len(key), found, None, None))


def is_word_key(key: str, rules: tuple[Rule, ...], towns: frozenset[str]) -> bool:
    """Whether a key only links towns, so it can be matched word by word.

    Parameters
    ----------
    key : str
        Folded phrase.
    rules : tuple of Rule
        Its rules.
    towns : frozenset of str
        Ids of the town features.

    Returns
    -------
    bool
        True when every target of every rule is a town and the key is made of
        whole words (a blocked phrase or anything else stays in the automaton).
    """
    targets = [t for rule in rules for t in rule.targets]
    return (
        bool(targets)
        and all(t.target_type == "feature" and t.target in towns for t in targets)
        and " ".join(_WORD.findall(key)) == key
    )


#: A word that starts with a capital: towns link only so (articles/link/towns.py).
_CAPITALISED = re.compile(r"(?<![^\W_])[^\W\d_a-z\u00df-\u00ff][^\W_]*(?:'[^\W_]+)*")


def _inside_a_word(shape: str, at: int) -> bool:
    """Whether a capitalised match at `at` lies inside a longer one ("O'Brien")."""
    if at < 2 or shape[at - 1] != "'" or not shape[at - 2].isalnum():
        return False
    start = at - 1
    while start > 0 and (shape[start - 1].isalnum() or shape[start - 1] in "'_"):
        start -= 1
    return all(m.start() != at for m in _CAPITALISED.finditer(shape, start, at + 1))


def _is_capital(char: str) -> bool:
    """Whether a word may start with `char` to be a name (`_CAPITALISED`'s first)."""
    return (
        char.isalnum()
        and not char.isdecimal()
        and not "a" <= char <= "z"
        and not "\u00df" <= char <= "\u00ff"
    )


def _is_word_hit(shape: str, folded: str, start: int, end: int) -> bool:
    """Whether a town key's match is made of whole words and starts a capitalised one.

    Whole words as `_WORD` cuts them ("Kot's" is one word, so "Kot" is no hit in
    it), a start where `_CAPITALISED` finds one: the hits a scan of every capitalised
    word finds (tests/articles/link/test_match.py).
    """
    if end < len(folded) and (
        folded[end].isalnum()
        or (folded[end] == "'" and end + 1 < len(folded) and folded[end + 1].isalnum())
    ):
        return False
    if (start and shape[start - 1].isalnum()) or not _is_capital(shape[start]):
        return False
    return not _inside_a_word(shape, start)


def find_candidates(
    text: str, automaton: Any
) -> tuple[list[_Candidate], list[_Candidate]]:
    """Return every match on word boundaries.

    Parameters
    ----------
    text : str
        Passage text.
    automaton : ahocorasick.Automaton
        From `articles.link.linker.build_context` (town keys by `add_word_keys`).

    Returns
    -------
    tuple of list
        (plain or blocked matches, matches that need a context).
    """
    shape, folded = fold_text(text)
    size = len(text)
    plain: list[_Candidate] = []
    context: list[_Candidate] = []
    words: list[tuple[int, int, tuple[Rule, ...]]] = []
    for last, (length, rules, check_left, check_right) in automaton.iter(folded):
        start, end = last - length + 1, last + 1
        if check_left is None:  # a town key (`add_word_keys`)
            if _is_word_hit(shape, folded, start, end):
                words.append((start, end, rules))
            continue
        # most rejected matches sit inside a longer word ("us" in "thus"): the
        # right boundary is the cheaper test, and an ASCII letter needs no table
        if check_right and end < size:
            after = folded[end]
            if after.isalnum() or (after > "\u02ff" and is_word(after)):
                continue
        if (
            check_left
            and start > 0
            and is_word(folded[start - 1])
            and (length < 3 or not is_prefixed(folded, start))
        ):
            continue
        if len(rules) == 1:  # the common case: one rule, no merging
            rule = rules[0]
            if accepts(rule, text, shape, start, end):
                (context if rule.context else plain).append(
                    _Candidate(start, end, rule.targets)
                )
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
    words.sort(key=_SPAN)  # in text order, as a scan of the words gives them
    for start, end, rules in words:
        accepted = [r for r in rules if accepts(r, text, shape, start, end)]
        if accepted:
            targets = unique_targets([t for r in accepted for t in r.targets])
            plain.append(_Candidate(start, end, targets))
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
    if len(candidates) < 2:  # most passages have no context phrase at all
        return list(candidates)
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
    pid, text = passage.id, passage.text
    return [  # fields by position: keywords double the cost of a named tuple
        Mention(pid, target, kind, start, end, how, text[start:end])
        for start, end, targets in candidates
        for kind, target, how in targets
    ]
