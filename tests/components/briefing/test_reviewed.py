"""Which cited links an analyst confirmed: decisions, rules and added links count."""

from __future__ import annotations

import datetime as dt

from articles.query import Hit
from articles.query.hits import Link
from articles.review.model import new_decision
from articles.review.state import build_review
from components.briefing.reviewed import count_cited, find_confirmed

TEXT = "Talks in Kabul and near the Kabul River; Doha hosted."


def _hit() -> Hit:
    return Hit(
        "a#p1", "a", 1, None, TEXT, "T", "", dt.date(2025, 1, 1), "s",
        features=(Link("kabul", "name", ((9, 14), (28, 33))),
                  Link("doha", "added", ((41, 45),))),
        actors=(Link("taliban", "implied", ()),), dates=(),
    )  # fmt: skip


def test_confirmed_added_and_rule_confirmed_links_count() -> None:
    rule = new_decision("confirm", "b#p9", "kabul", "feature", "bob",
                        phrase="Kabul River")  # fmt: skip
    confirmed = find_confirmed([_hit()], build_review([rule]))
    assert confirmed == {("a#p1", "feature", "kabul"), ("a#p1", "feature", "doha")}
    assert count_cited([_hit()], confirmed) == (3, 2)


def test_rejected_decision_does_not_confirm() -> None:
    reject = new_decision("reject", "a#p1", "kabul", "feature", "bob")
    confirmed = find_confirmed([_hit()], build_review([reject]))
    assert confirmed == {("a#p1", "feature", "doha")}
