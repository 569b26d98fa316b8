"""The kinds legend is built from the map's own styles."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from components.map_legend import build_kinds_legend_html
from components.map_style import KIND_STYLES


def test_legend_names_kinds_with_map_colours() -> None:
    html = build_kinds_legend_html()
    for label in ["Wakhan Corridor", "Disputed area", "Border crossing", "Site"]:
        assert label in html
    assert KIND_STYLES["crossing"]["fillColor"] in html
    assert KIND_STYLES["corridor"]["fillColor"] in html
    assert "dashed" in html  # the disputed area's outline
    assert "Durand Line" not in html  # lines are in components.legend only
    assert "<svg" not in html


def _legend_app() -> None:
    from components import map_legend

    map_legend.render()


def test_legend_renders() -> None:
    at = AppTest.from_function(_legend_app).run()
    assert not at.exception
    assert [e.label for e in at.expander] == ["Map symbols"]
    assert "Mountain pass" in at.html[0].value
