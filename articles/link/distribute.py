"""Coordinated names sharing a word: "North and South Waziristan", "Kurram districts".

In "North and South Waziristan" the noun is written once, after the last item, and in
"Khyber and Kurram districts" the head noun once, in the plural; "ethnic Uzbeks and
Tajiks" shares its modifier to the right. Each item then means "<item> <shared word>"
and links what that full phrase links in the gazetteer, the registry or the blocked
phrases ("Kabul and Swat rivers" -> "Kabul River", "Swat River": blocked). Only
phrases that are real keys count, so a coordination that forms no known name changes
nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple

from articles.link.patterns import Target, fold_text

#: A folded phrase -> its targets (empty: a blocked phrase), None if not a key.
Lookup = Callable[[str], "tuple[Target, ...] | None"]

_ITEM = r"[A-Z][\w'.\-]*(?: [A-Z][\w'.\-]*){0,2}"
_JOIN = r"(?:, and |, or |, | and | or | & )"
#: Items then a joiner, ending where the shared phrase starts ("North and ").
_LIST_BEFORE = re.compile(rf"(?:{_ITEM}{_JOIN})+\Z")
#: A joiner then items, right after the shared phrase ("... and Tajiks").
_LIST_AFTER = re.compile(rf"(?:{_JOIN}{_ITEM})+")
#: Items joined, ending with the last item, where a shared noun follows.
_LIST_ENDING = re.compile(rf"(?:{_ITEM}{_JOIN})+(?P<last>{_ITEM})\Z")
_ITEM_RE = re.compile(_ITEM)


class Span(NamedTuple):
    """A chosen match: offsets and what it links (empty: blocked)."""

    start: int
    end: int
    targets: tuple[Target, ...]


def build_lookup(
    automaton: Any, unique: Callable[[list[Target]], tuple[Target, ...]]
) -> Lookup:
    """Exact-key lookups in the linker's automaton (plain, case-free rules only).

    Parameters
    ----------
    automaton : ahocorasick.Automaton
        Folded phrase -> ``(length, rules, check_left, check_right)``; the flags
        are None for town names, which this lookup leaves out.
    unique : callable
        Merges the targets of several rules (the linker's ranking by ``how``).

    Returns
    -------
    callable
        Folded phrase -> targets, ``()`` for a blocked phrase, None for no key.
    """

    def lookup(key: str) -> tuple[Target, ...] | None:
        value = automaton.get(key, None)
        if value is None or value[2] is None:  # no key, or a town's (`add_word_keys`)
            return None
        rules = [r for r in value[1] if not r.context and r.exact is None]
        if not rules:
            return None
        return unique([t for rule in rules for t in rule.targets])

    return lookup


def build_nouns(nouns: Iterable[str]) -> re.Pattern[str] | None:
    """Compile the plural head nouns a coordination may share ("districts").

    Parameters
    ----------
    nouns : iterable of str
        Singular nouns ("district", "pass", "agency").

    Returns
    -------
    re.Pattern or None
        Matches "<item> <plural>" (groups ``item`` and ``noun``); None if no nouns.
    """
    plurals: dict[str, str] = {}
    for noun in nouns:
        if noun.endswith("y"):
            plurals[noun[:-1] + "ies"] = noun
        elif noun.endswith(("s", "sh", "ch", "x")):
            plurals[noun + "es"] = noun
        else:
            plurals[noun + "s"] = noun
    if not plurals:
        return None
    words = "|".join(sorted(plurals, key=len, reverse=True))
    return re.compile(rf"(?P<item>{_ITEM})[ \-](?P<noun>{words})(?![\w])")


def _singular(plural: str) -> str:
    if plural.endswith("ies"):
        return plural[:-3] + "y"
    if plural.endswith(("sses", "shes", "ches", "xes")):
        return plural[:-2]
    return plural[:-1]


def _items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets of the coordinated items in ``text[start:end]`` ("Uzbek-": "Uzbek")."""
    return [
        (m.start(), m.start() + len(m.group().rstrip("-")))
        for m in _ITEM_RE.finditer(text, start, end)
    ]


def _longest(
    text: str, item: tuple[int, int], make_key: Callable[[str], str], lookup: Lookup
) -> Span | None:
    """Find the item (or its tail words) that makes a known key, longest first."""
    start, end = item
    while start < end:
        targets = lookup(make_key(text[start:end].lower()))
        if targets is not None:
            return Span(start, end, targets)
        space = text.find(" ", start, end)
        if space == -1:
            return None
        start = space + 1
    return None


def _fold(phrase: str) -> str:
    return " ".join(fold_text(phrase)[1].split())


def _sites(text: str) -> list[tuple[int, int]]:
    """Joiners between a word and a capitalised word: (joiner start, next item)."""
    sites = []
    for joiner in (" and ", " or ", " & "):
        at = text.find(joiner)
        while at != -1:
            after = at + len(joiner)
            if text[after : after + 1].isupper() and at and text[at - 1] != " ":
                sites.append((at - 1 if text[at - 1] == "," else at, after))
            at = text.find(joiner, after)
    return sites


def _multiword(text: str, span: Span) -> bool:
    start, end = span.start, span.end
    return text.find(" ", start, end) != -1 or text.find("-", start, end) != -1


def _shared_tail(text: str, span: Span, lookup: Lookup) -> list[Span]:
    """Give the items before the span its tail words ("North and South Waziristan")."""
    words = _fold(text[span.start : span.end].lower()).split(" ", 1)
    if len(words) < 2:
        return []
    found = _LIST_BEFORE.search(text, max(0, span.start - 80), span.start)
    if found is None:
        return []
    tail = words[1]
    items = _items(text, found.start(), found.end())
    spans = [_longest(text, i, lambda w: _fold(f"{w} {tail}"), lookup) for i in items]
    return [s for s in spans if s is not None]


def _shared_head(text: str, span: Span, lookup: Lookup) -> list[Span]:
    """Give the items after the span its first words ("ethnic Uzbeks and Tajiks")."""
    words = _fold(text[span.start : span.end].lower()).rsplit(" ", 1)
    if len(words) < 2:
        return []
    found = _LIST_AFTER.match(text, span.end)
    if found is None:
        return []
    head = words[0]
    spans = []
    for start, end in _items(text, found.start(), found.end()):
        for stop in range(end, start, -1):  # longest first: drop trailing words
            if stop < end and text[stop] != " ":
                continue
            targets = lookup(_fold(f"{head} {text[start:stop].lower()}"))
            if targets is not None:
                spans.append(Span(start, stop, targets))
                break
    return spans


def _shared_noun(
    text: str, site: tuple[int, int], nouns: re.Pattern[str], lookup: Lookup
) -> list[Span]:
    """Give every item the plural noun after it ("Khyber and Kurram districts")."""
    last = nouns.match(text, site[1])
    if last is None:
        return []
    found = _LIST_ENDING.search(text, max(0, site[1] - 80), last.end("item"))
    if found is None:
        return []
    noun = _singular(last.group("noun"))
    items = [*_items(text, found.start(), found.start("last")), found.span("last")]
    spans = [_longest(text, i, lambda w: _fold(f"{w} {noun}"), lookup) for i in items]
    return [s for s in spans if s is not None]


def distribute_shared(
    text: str,
    spans: Sequence[Span],
    lookup: Lookup,
    nouns: re.Pattern[str] | None,
) -> list[Span]:
    """Chosen matches with the items of coordinations relinked or added.

    Parameters
    ----------
    text : str
        Passage text.
    spans : sequence of Span
        Chosen matches in reading order, blocked ones (no targets) included.
    lookup : callable
        From `build_lookup`.
    nouns : re.Pattern or None
        From `build_nouns`.

    Returns
    -------
    list of Span
        In reading order. An item whose full phrase is a key links that phrase's
        targets (none if blocked); its span covers the item's own words only.
    """
    sites = _sites(text)
    if not sites:
        return list(spans)
    starts, ends = {s for s, _ in sites}, {e for _, e in sites}
    extra: list[Span] = []
    for span in spans:
        if span.start in ends and _multiword(text, span):
            extra += _shared_tail(text, span, lookup)
        if span.end in starts and _multiword(text, span):
            extra += _shared_head(text, span, lookup)
    if nouns is not None:
        for site in sites:
            extra += _shared_noun(text, site, nouns, lookup)
    if not extra:
        return list(spans)
    by_span = {(s.start, s.end): s for s in spans}
    taken = bytearray(len(text))
    for s in spans:
        taken[s.start : s.end] = b"\x01" * (s.end - s.start)
    for s in extra:
        if (s.start, s.end) in by_span:
            by_span[s.start, s.end] = s
        elif taken.find(1, s.start, s.end) == -1:
            taken[s.start : s.end] = b"\x01" * (s.end - s.start)
            by_span[s.start, s.end] = s
    return sorted(by_span.values())
