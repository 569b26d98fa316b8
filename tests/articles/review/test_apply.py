"""Applying decisions to a linked article: reject drops, add adds, rules everywhere."""

from __future__ import annotations

import datetime as dt

from articles.model import Article, DateMention, Mention, Passage
from articles.process import Processed
from articles.review.apply import ADDED, CONFIRMED, TO_REVIEW, apply_review
from articles.review.model import Decision, is_iso_date, new_decision
from articles.review.state import build_review
from articles.review.trust import OVERALL, measure_trust

TEXT = "Fighting near the Kabul River and in Kabul. On 3 May the border was shut."
P = Passage("a#p1", "a", 1, TEXT, 0, len(TEXT))


def _done() -> Processed:
    article = Article("a", "T", "", dt.date(2025, 1, 1), "s", "en", TEXT, "h")
    river = TEXT.index("Kabul")
    city = TEXT.index("Kabul", river + 1)
    border = TEXT.index("border")
    return Processed(
        article,
        (P,),
        (
            Mention(P.id, "kabul", "feature", river, river + 5, "name", "Kabul"),
            Mention(P.id, "kabul", "feature", city, city + 5, "name", "Kabul"),
            Mention(
                P.id, "durand-line", "feature", border, border + 6, "implied", "border"
            ),
        ),
        (DateMention(P.id, 47, 54, "3 May", "2025-05-03", "day"),),
    )


def _d(action: str, target: str, kind: str = "feature", **kw: object) -> Decision:
    return new_decision(action, P.id, target, kind, "alice", **kw)


def test_no_decisions_flags_doubtful_links_to_review() -> None:
    out = apply_review(_done(), build_review([]))
    assert out.done.mentions == _done().mentions
    assert out.states == {(P.id, "feature", "durand-line"): TO_REVIEW}


def test_reject_drops_every_span_of_the_link() -> None:
    out = apply_review(_done(), build_review([_d("reject", "kabul")]))
    assert {m.target for m in out.done.mentions} == {"durand-line"}


def test_rule_rejects_only_inside_its_phrase() -> None:
    rule = _d("reject", "kabul", phrase="kabul river")
    out = apply_review(_done(), build_review([rule]))
    kept = [m for m in out.done.mentions if m.target == "kabul"]
    assert [m.start for m in kept] == [TEXT.index("in Kabul") + 3]


def test_confirm_marks_the_link_and_clears_to_review() -> None:
    out = apply_review(_done(), build_review([_d("confirm", "durand-line")]))
    assert out.states[(P.id, "feature", "durand-line")] == CONFIRMED


def test_add_writes_an_analyst_link() -> None:
    span = (TEXT.index("Fighting"), TEXT.index("Fighting") + 8)
    out = apply_review(_done(), build_review([_d("add", "tajikistan", span=span)]))
    added = [m for m in out.done.mentions if m.target == "tajikistan"]
    assert [(m.how, m.matched) for m in added] == [("added", "Fighting")]
    assert out.states[(P.id, "feature", "tajikistan")] == ADDED


def test_undo_restores_the_link() -> None:
    reject = _d("reject", "kabul")
    undo = new_decision("undo", "", reject.id, "decision", "bob")
    out = apply_review(_done(), build_review([reject, undo]))
    assert [m.target for m in out.done.mentions].count("kabul") == 2


def test_latest_decision_on_a_link_stands() -> None:
    out = apply_review(
        _done(), build_review([_d("reject", "kabul"), _d("confirm", "kabul")])
    )
    assert out.states[(P.id, "feature", "kabul")] == CONFIRMED


def test_dates_are_rejected_and_added_by_iso_value() -> None:
    review = build_review(
        [_d("reject", "2025-05-03", "date"), _d("add", "2025-06", "date", span=(0, 8))]
    )
    out = apply_review(_done(), review)
    assert [(d.value, d.precision, d.text) for d in out.done.dates] == [
        ("2025-06", "month", "Fighting")
    ]


def test_trust_counts_confirmed_of_reviewed_per_target_and_overall() -> None:
    decisions = [_d("confirm", "kabul"), _d("reject", "durand-line")]
    decisions.append(new_decision("confirm", "a#p2", "kabul", "feature", "bob"))
    trust = measure_trust(decisions)
    assert trust["kabul"] == (2, 2)
    assert trust["durand-line"] == (0, 1)
    assert trust[OVERALL] == (2, 3)


def test_iso_dates_are_checked() -> None:
    assert is_iso_date("2024")
    assert is_iso_date("2024-02")
    assert is_iso_date("2024-02-29")
    assert not is_iso_date("2023-02-29")
    assert not is_iso_date("kabul")
