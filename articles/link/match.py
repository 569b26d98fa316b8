"""Matching: automaton hits on word boundaries, longest-first choice, mentions."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
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


_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


@dataclass(frozen=True)
class WordTable:
    """Names matched as whole words (towns): folded key -> rules, longest key size."""

    rules: Mapping[str, tuple[Rule, ...]]
    first: Mapping[str, int]  # first word of a key -> most words of a key it starts

    @classmethod
    def build(cls, rules: Mapping[str, tuple[Rule, ...]]) -> WordTable:
        """Return the table of `rules` (folded keys of one or more words)."""
        first: dict[str, int] = {}
        for key in rules:
            parts = _WORD.findall(key)
            first[parts[0]] = max(first.get(parts[0], 0), len(parts))
        return cls(dict(rules), first)


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


def _key_starts(
    shape: str, folded: str, first: Mapping[str, int]
) -> list[tuple[int, int]]:
    """Capitalised words that begin a key: (start, most words of such a key).

    The same words `_CAPITALISED.finditer` gives, in reading order, but listed by
    one `findall` (C speed) and located by `str.find` only where they begin a key:
    most capitalised words begin none, and a Python loop over each of them took a
    tenth of the linking time.
    """
    # keys view & set walks the smaller side (`set.intersection(mapping)` would
    # walk every key of the mapping)
    starting = first.keys() & set(map(str.lower, _CAPITALISED.findall(shape)))
    starts = []
    for word in starting:
        at = folded.find(word)
        while at != -1:
            match = _CAPITALISED.match(shape, at)
            if (
                match is not None
                and match.end() - at == len(word)
                and not _inside_a_word(shape, at)
            ):
                starts.append((at, first[word]))
            at = folded.find(word, at + 1)
    starts.sort()
    return starts


def _word_hits(
    shape: str, folded: str, table: WordTable
) -> Iterable[tuple[int, int, tuple[Rule, ...]]]:
    """Spans of whole-word keys that start with a capitalised word."""
    for start, most in _key_starts(shape, folded, table.first):
        for count, word in enumerate(_WORD.finditer(folded, start)):
            if count == most:
                break
            end = word.end()
            rules = table.rules.get(folded[start:end])
            if rules is not None:
                yield start, end, rules


def find_candidates(
    text: str, automaton: Any, words: WordTable | None = None
) -> tuple[list[_Candidate], list[_Candidate]]:
    """Return every match on word boundaries.

    Parameters
    ----------
    text : str
        Passage text.
    automaton : ahocorasick.Automaton
        From `articles.link.linker.build_context`.
    words : WordTable, optional
        Names matched as whole words.

    Returns
    -------
    tuple of list
        (plain or blocked matches, matches that need a context).
    """
    shape, folded = fold_text(text)
    size = len(text)
    plain: list[_Candidate] = []
    context: list[_Candidate] = []
    for last, (length, rules, check_left, check_right) in automaton.iter(folded):
        start, end = last - length + 1, last + 1
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
    for start, end, rules in _word_hits(shape, folded, words) if words else ():
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
