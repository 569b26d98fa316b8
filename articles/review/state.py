"""What the decisions add up to: the verdict on each link, and the live rules."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from articles.review.model import Decision

#: A link as decisions name it: (passage id, kind, target).
LinkKey = tuple[str, str, str]
#: A rule as the index remembers it: (phrase, kind, target, action).
RuleKey = tuple[str, str, str, str]


@dataclass(frozen=True)
class Verdict:
    """The standing decision on one link: confirm, reject or add (with spans)."""

    action: str
    decision: Decision
    spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Review:
    """The live decisions (undone ones left out), by article, and the rules.

    Picklable, so sync workers receive it whole: decisions number in the
    hundreds, not the hundreds of thousands.
    """

    links: Mapping[str, Mapping[LinkKey, Verdict]] = field(default_factory=dict)
    rules: tuple[Decision, ...] = ()
    #: The rules by (kind, target), in decision order: a link meets only its own.
    by_target: Mapping[tuple[str, str], tuple[Decision, ...]] = field(
        default_factory=dict
    )

    def verdict(self, key: LinkKey) -> Verdict | None:
        """Return the standing decision on one link, if any."""
        return self.links.get(key[0].rpartition("#")[0], {}).get(key)

    def article_digests(self) -> dict[str, str]:
        """Return a digest of each article's live decisions (what sync compares)."""
        out = {}
        for article, verdicts in self.links.items():
            digest = hashlib.sha256()
            for key in sorted(verdicts):
                v = verdicts[key]
                digest.update(repr((key, v.action, v.spans)).encode())
            out[article] = digest.hexdigest()[:16]
        return out

    def rule_keys(self) -> list[RuleKey]:
        """Return the live rules as (phrase, kind, target, action), sorted."""
        return sorted(
            {(r.phrase or "", r.kind, r.target, r.action) for r in self.rules}
        )


def build_review(decisions: Iterable[Decision]) -> Review:
    """Replay the decisions in order: the latest live decision on a link stands."""
    live = live_decisions(decisions)
    links: dict[str, dict[LinkKey, Verdict]] = {}
    rules: dict[tuple[str, str, str], Decision] = {}
    for d in live:
        if d.phrase:  # a rule acts through its phrase, in its own passage too
            rules[(d.phrase.casefold(), d.kind, d.target)] = d
            continue
        key = (d.passage, d.kind, d.target)
        verdicts = links.setdefault(d.article, {})
        old = verdicts.get(key)
        if d.action == "add" and d.span is not None:
            spans = old.spans if old is not None and old.action != "reject" else ()
            verdicts[key] = Verdict("add", d, (*spans, d.span))
        elif d.action == "confirm" and old is not None and old.action == "add":
            verdicts[key] = Verdict("add", d, old.spans)
        else:
            verdicts[key] = Verdict(d.action, d)
    by_target: dict[tuple[str, str], tuple[Decision, ...]] = {}
    for rule in rules.values():
        by_target[(rule.kind, rule.target)] = (
            *by_target.get((rule.kind, rule.target), ()),
            rule,
        )
    return Review(links, tuple(rules.values()), by_target)


def live_decisions(decisions: Iterable[Decision]) -> list[Decision]:
    """Every decision not undone (the undo lines themselves left out), in order."""
    history = list(decisions)
    undone = {d.target for d in history if d.action == "undo"}
    return [d for d in history if d.action != "undo" and d.id not in undone]
