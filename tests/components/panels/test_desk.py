"""The desk: the embed's "Open full view" link, the top bar, the layout CSS."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from components.panels.desk import (
    DESK_CSS,
    MAP_KEY,
    build_corpus_line,
    build_full_view_url,
)
from tests.components.views import make_view


def test_full_view_url_is_the_same_view_without_embed():
    view = make_view(feature="wakhan-corridor", actors=("ttp",))
    url = build_full_view_url("http://host:8501/?embed=true&feature=x", view)
    assert url == "http://host:8501/?feature=wakhan-corridor&actor=ttp"


def test_css_pins_the_map_column():
    assert f".st-key-{MAP_KEY}" in DESK_CSS
    assert "position:sticky" in DESK_CSS


def _bar(embedded):
    from components.panels import desk
    from tests.components.views import make_view

    desk.render_top_bar(make_view(feature="kabul"), 3, embedded=embedded)


def test_app_top_bar_has_share_and_export():
    at = AppTest.from_function(_bar, kwargs={"embedded": False}, default_timeout=30)
    at.run()
    assert not at.exception
    assert [b.label for b in at.button] == ["Copy link"]
    assert at.get("popover")  # Export


def test_app_embed_top_bar_links_the_full_view():
    at = AppTest.from_function(_bar, kwargs={"embedded": True}, default_timeout=30)
    at.run()
    assert not at.exception
    (link,) = at.get("link_button")
    assert link.proto.label == "Open full view"
    assert "feature=kabul" in link.proto.url
    assert "embed" not in link.proto.url


@pytest.mark.parametrize(
    ("articles", "passages", "published", "expected"),
    [
        (2, 131, (dt.date(2025, 1, 24), dt.date(2025, 5, 3)),
         "2 articles, 131 passages, published Jan 2025 to May 2025"),
        (12_345, 160_000, (dt.date(2025, 3, 1), dt.date(2025, 3, 30)),
         "12,345 articles, 160,000 passages, published Mar 2025"),
        (0, 0, (dt.date(2026, 11, 30), dt.date(2026, 11, 30)),
         "0 articles, 0 passages"),
    ],
)  # fmt: skip
def test_corpus_line_says_what_the_index_holds(articles, passages, published, expected):
    assert build_corpus_line(articles, passages, published) == expected
