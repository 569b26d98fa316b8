"""Review chips on a passage card: confirm, reject, undo, add a link (issue 14).

Each link of the passage (features, actors, dates) is a chip saying how it was
made, how sure the linker is and what an analyst decided. Confirm and reject are
one click, and so is undo; the decision is appended to the corpus's decisions file
and the index re-syncs the article, so counts, shading and exports follow at once.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass

import streamlit as st

from articles.auth.roles import current_user
from articles.decide import ReviewError, record_decision
from articles.query import Hit
from articles.review.apply import standing_decision
from articles.review.confidence import date_confidence, link_confidence, needs_review
from articles.review.model import Decision, is_iso_date, new_decision
from articles.review.state import Review
from components import loaders
from components.panels import signin

KEY_EVERYWHERE = "review.everywhere"
KEY_ERROR = "review.error"
KEY_LAST = "review.last"  # the last decision made on this page (one-click undo)
#: Chip states, as shown.
CONFIRMED, ADDED, REJECTED, TO_REVIEW, AUTOMATIC = (
    "confirmed", "added by analyst", "rejected", "to review", "automatic",
)  # fmt: skip
CHIP_CSS = """<style>
.rv-chip{font-size:.8rem;padding:.05rem .45rem;border-radius:.7rem;background:#eef2f7}
.rv-chip.confirmed,.rv-chip.added{background:#dcfce7;color:#14532d}
.rv-chip.rejected{background:#fee2e2;color:#7f1d1d;text-decoration:line-through}
.rv-chip.to-review{background:#fef3c7;color:#78350f}
.rv-why{font-size:.72rem;color:#666}
</style>"""


@dataclass(frozen=True)
class Chip:
    """One link of a passage as the reviewer sees it."""

    kind: str  # feature, actor or date
    target: str  # feature or actor id, or ISO date
    label: str
    state: str
    confidence: float
    reason: str
    phrase: str  # the words of its first span (a rule's default phrase)
    decision: Decision | None = None  # the decision standing on it (undo)


def build_chips(hit: Hit, review: Review, names: Mapping[str, str]) -> list[Chip]:
    """Return the chips of a passage: its links, then the links rejected on it."""
    chips: list[Chip] = []
    for kind, links in (("feature", hit.features), ("actor", hit.actors)):
        for link in links:
            conf, reason = link_confidence(link.how)
            chips.append(_chip(hit, review, kind, link.id, names.get(link.id, link.id),
                               link.spans, conf, reason))  # fmt: skip
    dates: dict[str, list[tuple[int, int]]] = {}
    sure: dict[str, tuple[float, str]] = {}
    for d in hit.dates:
        dates.setdefault(d.value, []).append((d.start, d.end))
        sure.setdefault(d.value, date_confidence(d))
    for value, spans in dates.items():
        chips.append(_chip(hit, review, "date", value, value, tuple(spans),
                           *sure[value]))  # fmt: skip
    shown = {(c.kind, c.target) for c in chips}
    for (pid, kind, target), verdict in review.links.get(hit.article_id, {}).items():
        gone = pid == hit.passage_id and verdict.action == "reject"
        if gone and (kind, target) not in shown:
            chips.append(Chip(kind, target, names.get(target, target), REJECTED,
                              0.0, "rejected", "", verdict.decision))  # fmt: skip
    return chips


def _chip(
    hit: Hit, review: Review, kind: str, target: str, label: str,
    spans: tuple[tuple[int, int], ...], conf: float, reason: str,
) -> Chip:  # fmt: skip
    key = (hit.passage_id, kind, target)
    decided = [d for s in spans if (d := standing_decision(review, hit.text, key, s))]
    d = decided[0] if decided else None
    if d is not None and d.action != "reject":
        state = ADDED if d.action == "add" else CONFIRMED
    elif reason == "added by analyst":
        state = ADDED
    else:
        state = TO_REVIEW if needs_review(conf) else AUTOMATIC
    phrase = hit.text[spans[0][0] : spans[0][1]] if spans else ""
    return Chip(kind, target, label, state, conf, reason, phrase, d)


def build_chip_html(chip: Chip) -> str:
    """Return the chip's label, state and reason, escaped."""
    css = chip.state.split()[0].replace(" ", "-")
    if chip.state == TO_REVIEW:
        css = "to-review"
    who = f" by {chip.decision.by}" if chip.decision is not None else ""
    sure = round(chip.confidence * 100)
    why = f"{chip.reason}, {sure}% sure" if chip.confidence else ""
    return (
        f'<span class="rv-chip {css}">{html.escape(chip.label)} · '
        f"{html.escape(chip.state + who)}</span> "
        f'<span class="rv-why">{html.escape(why)}</span>'
    )


def decide(action: str, hit_id: str, chip: Chip, everywhere: bool) -> None:
    """Record one decision on a chip (a button callback) and sync the index."""
    try:
        if action == "undo" and chip.decision is not None:
            d = new_decision("undo", "", chip.decision.id, "decision", current_user())
        else:
            phrase = chip.phrase if everywhere and chip.phrase else None
            d = new_decision(action, hit_id, chip.target, chip.kind, current_user(),
                             phrase=phrase)  # fmt: skip
        d = record_decision(d, user=signin.acting_user())
    except (ReviewError, PermissionError) as exc:
        st.session_state[KEY_ERROR] = str(exc)
        return
    st.session_state[KEY_LAST] = None if d.action == "undo" else d


def undo_last() -> None:
    """Withdraw the last decision made on this page (a button callback)."""
    last = st.session_state.pop(KEY_LAST, None)
    if last is not None:
        try:
            record_decision(
                new_decision("undo", "", last.id, "decision", current_user()),
                user=signin.acting_user(),
            )
        except (ReviewError, PermissionError) as exc:
            st.session_state[KEY_ERROR] = str(exc)


def add_link(hit: Hit, target: str, kind: str, words: str) -> str | None:
    """Add a link at the first occurrence of ``words``; return a reason if not."""
    if kind == "date" and not is_iso_date(target):
        return f"{target!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"
    words = words.strip()
    found = re.search(re.escape(words), hit.text, re.IGNORECASE) if words else None
    if found is None:
        return f"{words!r} is not in the passage"
    d = new_decision("add", hit.passage_id, target, kind, current_user(),
                     span=(found.start(), found.end()))  # fmt: skip
    record_decision(d, user=signin.acting_user())
    return None


def _render_chip(hit: Hit, chip: Chip, key: str) -> None:
    text, first, second = st.columns([6, 1, 1], vertical_alignment="center")
    text.html(build_chip_html(chip))
    if not signin.allows("review"):
        return
    base = f"{key}.{hit.passage_id}.{chip.kind}.{chip.target}"
    everywhere = bool(st.session_state.get(f"{KEY_EVERYWHERE}.{hit.passage_id}"))
    if chip.decision is not None or chip.state == REJECTED:
        first.button("Undo", key=f"{base}.undo", type="tertiary", on_click=decide,
                     args=("undo", hit.passage_id, chip, False))  # fmt: skip
        return
    for column, action, mark in ((first, "confirm", "✓"), (second, "reject", "✗")):
        column.button(
            mark, key=f"{base}.{action}", help=f"{action.capitalize()} this link",
            on_click=decide, args=(action, hit.passage_id, chip, everywhere),
        )  # fmt: skip


def render_chips(
    hit: Hit, *, feature_id: str | None, names: Mapping[str, str], key: str = "review"
) -> None:
    """Draw the selected feature's chip; the other links behind a "Review links" switch.

    The other links' chips are built only while the switch is on: drawn for every
    passage they would double the cost of a rerun (0.31 s to 0.70 s for a page of
    ten passages, measured in AppTest).
    """
    chips = build_chips(hit, loaders.current_review(), names)
    main = [c for c in chips if c.kind == "feature" and c.target == feature_id]
    for chip in main:
        _render_chip(hit, chip, key)
    rest = [c for c in chips if c not in main]
    if not signin.allows("review"):
        return  # a reader sees the chip of the selected place, no controls
    doubt = sum(c.state == TO_REVIEW for c in rest)
    label = f"Review links ({doubt} to review)" if doubt else "Review links"
    if st.toggle(label, key=f"{key}.open.{hit.passage_id}"):
        with st.container(border=True):
            st.toggle("Apply to every occurrence of the phrase",
                      key=f"{KEY_EVERYWHERE}.{hit.passage_id}")  # fmt: skip
            for chip in rest:
                _render_chip(hit, chip, key)
            _render_add(hit, names, f"{key}.{hit.passage_id}.add")
    if error := st.session_state.pop(KEY_ERROR, None):
        st.error(error)


def _render_add(hit: Hit, names: Mapping[str, str], key: str) -> None:
    """Add a place, actor or date: a target, and the words of the passage naming it."""
    options = ["date", *sorted(names, key=lambda i: names[i].casefold())]
    target = st.selectbox(
        "Add a place, actor or date", options, index=None, key=f"{key}.target",
        format_func=lambda i: "a date (ISO)" if i == "date" else names.get(i, i),
    )  # fmt: skip
    words = st.text_input("Words in the passage that name it", key=f"{key}.words")
    iso = ""
    if target == "date":
        iso = st.text_input("Date (YYYY, YYYY-MM or YYYY-MM-DD)", key=f"{key}.iso")
    if st.button("Add link", key=f"{key}.go", disabled=target is None or not words):
        kind = "feature" if target in loaders.load_features() else "actor"
        kind = "date" if target == "date" else kind
        reason = add_link(hit, iso if target == "date" else str(target), kind, words)
        if reason:
            st.error(reason)
        else:
            st.rerun()


def build_trust_line(
    target: str, label: str, trust: Mapping[str, tuple[int, int]]
) -> str | None:
    """Say how often reviewed links to ``target`` were right, and overall."""
    if target not in trust:
        return None
    right, n = trust[target]
    line = f"{right} of {n} reviewed links to {label} were right"
    if "*" in trust:
        line += " ({} of {} overall)".format(*trust["*"])
    return line


def render_trust(target: str, label: str) -> None:
    """Draw the measured trust of the feature's links, and undo for the last decision.

    A rejected link leaves the list it was rejected from, so its undo is here.
    """
    if line := build_trust_line(target, label, loaders.current_trust()):
        st.caption(line)
    last = st.session_state.get(KEY_LAST)
    if last is not None and signin.allows("review"):
        st.button(
            f"Undo: {last.action} {last.target} in {last.passage}",
            key=KEY_LAST + ".undo", on_click=undo_last, type="tertiary",
            icon=":material/undo:",
        )  # fmt: skip
