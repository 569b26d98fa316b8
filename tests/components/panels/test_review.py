"""Review chips: states from the decisions, one-click confirm/reject/undo in the app."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from articles.model import DateMention
from articles.query import Filters, Hit, count_features, query_page
from articles.query.hits import Link
from articles.review.model import new_decision
from articles.review.state import build_review
from articles.review.store import append_decision, read_decisions
from components.panels.review import (
    AUTOMATIC,
    CONFIRMED,
    REJECTED,
    TO_REVIEW,
    build_chip_html,
    build_chips,
    build_trust_line,
)
from tests.test_dashboard import DASHBOARD, map_args, passages_html

SEED_2 = "2025-05-shifting-alliances-rising-tensions"
P2 = f"{SEED_2}#p2"  # "Soon after the Taliban's takeover of Kabul, ..."
TEXT = "Shelling on the <Durand> border near Kabul in May."


def _hit() -> Hit:
    return Hit(
        "a#p1", "a", 1, None, TEXT, "T", "", dt.date(2025, 1, 1), "s",
        features=(Link("kabul", "name", ((39, 44),)),
                  Link("durand-line", "implied", ((25, 31),))),
        actors=(),
        dates=(DateMention("a#p1", 45, 51, "in May", "2025-05", "month"),),
    )  # fmt: skip


def test_chips_say_state_from_the_decisions() -> None:
    reject = new_decision("reject", "a#p1", "iran", "feature", "alice")
    review = build_review(
        [new_decision("confirm", "a#p1", "kabul", "feature", "alice"), reject]
    )
    chips = {c.target: c for c in build_chips(_hit(), review, {"kabul": "Kabul"})}
    assert chips["kabul"].state == CONFIRMED
    assert chips["kabul"].label == "Kabul"
    assert chips["durand-line"].state == TO_REVIEW
    assert chips["2025-05"].state == TO_REVIEW  # no year in "in May"
    assert chips["iran"].state == REJECTED
    assert chips["iran"].decision == reject  # what "Undo" withdraws


def test_undecided_named_link_is_automatic() -> None:
    chips = build_chips(_hit(), build_review([]), {})
    assert next(c for c in chips if c.target == "kabul").state == AUTOMATIC


def test_chip_html_escapes_labels() -> None:
    chip = build_chips(_hit(), build_review([]), {"kabul": "<b>Kabul</b>"})[0]
    assert "&lt;b&gt;Kabul" in build_chip_html(chip)
    assert "<b>" not in build_chip_html(chip)


def test_trust_line_counts_reviewed_links() -> None:
    trust = {"kabul": (41, 44), "*": (50, 60)}
    assert build_trust_line("kabul", "Kabul", trust) == (
        "41 of 44 reviewed links to Kabul were right (50 of 60 overall)"
    )
    assert build_trust_line("iran", "Iran", trust) is None


def _open(feature: str) -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.query_params["feature"] = feature
    return at.run()


def _kabul_shading(index: Path) -> int:
    return count_features(Filters(), index).get("kabul", 0)


def test_reject_and_confirm_chips_change_counts_and_shading(
    corpus_copy: tuple[Path, Path],
) -> None:
    _, index = corpus_copy
    at = _open("kabul")
    assert not at.exception
    assert "1-5 of 5 passages" in " ".join(c.value for c in at.caption)
    shaded, script = _kabul_shading(index), map_args(at)["feature_group"]
    at.button(key=f"review.{P2}.feature.kabul.reject").click().run()
    assert not at.exception
    assert "1-4 of 4 passages" in " ".join(c.value for c in at.caption)
    assert _kabul_shading(index) == shaded - 1
    assert map_args(at)["feature_group"] != script  # the map re-shaded
    other = f"{SEED_2}#p5"
    at.button(key=f"review.{other}.feature.kabul.confirm").click().run()
    assert not at.exception
    assert "1-4 of 4 passages" in " ".join(c.value for c in at.caption)
    assert "1 of 2 reviewed links to Kabul were right" in " ".join(
        c.value for c in at.caption
    )
    assert "confirmed by" in passages_html(at)
    at.button(key=f"review.{other}.feature.kabul.undo").click().run()
    assert "confirmed by" not in passages_html(at)


@pytest.mark.usefixtures("corpus_copy")
def test_rejected_link_is_undone_in_one_click_from_the_list() -> None:
    at = _open("kabul")
    at.button(key=f"review.{P2}.feature.kabul.reject").click().run()
    assert "1-4 of 4 passages" in " ".join(c.value for c in at.caption)
    at.button(key="review.last.undo").click().run()
    assert not at.exception
    assert "1-5 of 5 passages" in " ".join(c.value for c in at.caption)


def test_add_a_place_from_the_card_links_it(corpus_copy: tuple[Path, Path]) -> None:
    corpus, index = corpus_copy
    at = _open("kabul")
    at.toggle(key=f"review.open.{P2}").set_value(True).run()
    assert at.button(key=f"review.{P2}.actor.taliban.reject")  # every link's chip
    at.selectbox(key=f"review.{P2}.add.target").set_value("tajikistan").run()
    at.text_input(key=f"review.{P2}.add.words").set_value("cross-border").run()
    at.button(key=f"review.{P2}.add.go").click().run()
    assert not at.exception
    (added,) = read_decisions(corpus)
    assert (added.action, added.target, added.kind) == ("add", "tajikistan", "feature")
    assert count_features(Filters(), index).get("tajikistan", 0) >= 1
    page = query_page(Filters(feature="tajikistan"), limit=100, index=index)
    hit = next(h for h in page.hits if h.passage_id == P2)
    assert [k.how for k in hit.features if k.id == "tajikistan"] == ["added"]


def test_decisions_pulled_from_elsewhere_apply_on_the_next_run(
    corpus_copy: tuple[Path, Path],
) -> None:
    corpus, _ = corpus_copy
    at = _open("kabul")
    assert "1-5 of 5 passages" in " ".join(c.value for c in at.caption)
    append_decision(corpus, new_decision("reject", P2, "kabul", "feature", "bob"))
    at.run()  # e.g. a colleague's decisions arrived with a version-control pull
    assert "1-4 of 4 passages" in " ".join(c.value for c in at.caption)
