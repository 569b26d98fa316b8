"""The kinds legend is built from the map's own styles."""

from __future__ import annotations

from components.map.legend_kinds import build_kinds_legend_html
from components.map.style import KIND_STYLES


def test_legend_names_kinds_with_map_colours() -> None:
    html = build_kinds_legend_html()
    for label in ["Wakhan Corridor", "Disputed area", "Border crossing", "Site"]:
        assert label in html
    assert KIND_STYLES["crossing"]["fillColor"] in html
    assert KIND_STYLES["corridor"]["fillColor"] in html
    assert "dashed" in html  # the disputed area's outline
    assert "Durand Line" not in html  # lines are in components.map.legend only
    assert "<svg" not in html
