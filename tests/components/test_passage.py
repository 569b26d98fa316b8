"""One passage renderer: the page and the briefing highlight by the same rule."""

from __future__ import annotations

import datetime as dt

from articles.query import Filters
from components.briefing.collect import assemble_briefing
from components.briefing.passages import build_passages_html
from components.panels.passages import PANEL_CSS, build_passage_html
from components.passage import HIGHLIGHT, build_text_html, select_spans
from tests.components.briefing.fixtures import make_features, make_hits, make_layers

HIT = make_hits()[0]  # names wakhan-corridor (4, 19) and china (28, 33), actor china


def test_selected_feature_only_when_one_is_selected():
    assert select_spans(HIT, Filters(feature="wakhan-corridor")) == [(4, 19)]


def test_every_feature_when_none_is_selected():
    assert sorted(select_spans(HIT, Filters())) == [(4, 19), (28, 33)]


def test_only_the_filtered_actors_with_their_members():
    f = Filters(feature="wakhan-corridor", actors=("china",))
    assert (28, 33) in select_spans(HIT, f, frozenset({"china"}))
    assert (28, 33) not in select_spans(HIT, f, frozenset({"isi"}))


def test_search_words_are_highlighted():
    spans = select_spans(HIT, Filters(feature="kabul", q="touches"))
    assert [HIT.text[s:e] for s, e in spans] == ["touches"]


def test_text_is_escaped_around_marks():
    out = build_text_html(HIT, Filters(feature="wakhan-corridor"))
    assert "<mark>Wakhan Corridor</mark>" in out
    assert "<script" not in out


def test_page_and_briefing_mark_the_same_words_in_the_same_colour():
    filters = Filters(feature="wakhan-corridor", actors=("china",))
    page = build_passage_html(
        HIT, feature_id="wakhan-corridor", actor_ids=frozenset({"china"})
    )
    briefing = assemble_briefing(
        filters, (HIT,), make_layers(), features=make_features(),
        actors={"china": "China"}, as_of=dt.date(2026, 11, 29),
    )  # fmt: skip
    body = build_text_html(HIT, filters, frozenset({"china"}))
    assert body in page
    assert body in build_passages_html(briefing)
    assert HIGHLIGHT in PANEL_CSS
