"""Legend: shading and line samples taken from the map's own style function."""

import re

import pytest
from streamlit.testing.v1 import AppTest

from components.map.legend import (
    PAPER,
    build_evidence_bins,
    build_legend_html,
    build_line_styles,
    evidence_colour,
)
from components.map.style import MUTED, style_feature


def _lightness(colour):
    return sum(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def _blend(colour, alpha):
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(
        f"{round(p + (c - p) * alpha):02x}" for c, p in zip(rgb, PAPER, strict=True)
    )


@pytest.mark.parametrize("count", [0, -1])
def test_zero_evidence_is_the_maps_muted_fill(count):
    muted = style_feature(
        {"properties": {"feature_id": "x", "kind": "country"}}, counts={"x": 0, "y": 5}
    )
    assert muted["fillColor"] == MUTED["fillColor"]
    assert evidence_colour(count, 10) == _blend(
        muted["fillColor"], muted["fillOpacity"]
    )


def test_swatch_is_the_country_fill_over_the_land():
    style = style_feature(
        {"properties": {"feature_id": "x", "kind": "country"}}, counts={"x": 3, "y": 9}
    )
    assert evidence_colour(3, 9) == _blend(style["fillColor"], style["fillOpacity"])


def test_paper_is_the_basemaps_land():
    from components.basemap.render import LAND

    assert PAPER == LAND


def test_more_evidence_is_darker():
    colours = [evidence_colour(c, 50) for c in range(1, 51)]
    light = [_lightness(c) for c in colours]
    assert light == sorted(light, reverse=True)
    assert light[0] > light[-1]


def test_count_above_max_is_clamped():
    assert evidence_colour(99, 5) == evidence_colour(5, 5)


def test_colours_are_hex():
    for count in range(0, 12):
        assert re.fullmatch(r"#[0-9a-f]{6}", evidence_colour(count, 11))


@pytest.mark.parametrize("top", [1, 2, 5, 37, 200])
def test_bins_cover_every_count_once(top):
    bins = build_evidence_bins(top)
    assert bins[0][:2] == (0, 0)
    covered = [c for low, high, _ in bins[1:] for c in range(low, high + 1)]
    assert covered == list(range(1, top + 1))
    assert len(bins) <= 5


def test_bins_with_no_evidence():
    assert build_evidence_bins(0) == [(0, 0, evidence_colour(0, 0))]


def test_line_styles_follow_the_map():
    styles = {s.label.split(" (")[0]: s for s in build_line_styles()}
    durand = style_feature(
        {"properties": {"feature_id": "durand-line", "kind": "boundary"}}
    )
    assert styles["Durand Line"].color == durand["color"]
    assert styles["Disputed"].dash_array  # dashed
    assert styles["Schematic route"].dash_array
    assert styles["Other international borders"].dash_array is None


def test_legend_html_lists_swatches_and_lines():
    out = build_legend_html(3)
    assert "no passages (muted grey)" in out
    assert "province with passages" in out
    for _low, _high, colour in build_evidence_bins(3):
        assert f"background:{colour}" in out
    assert "Durand Line" in out
    assert "dotted #" in out  # schematic route
    assert "dashed #" in out  # disputed
    assert "<svg" not in out  # st.html strips inline SVG
    assert "Schematic route" in out
    assert "http" not in out
    assert "Mountain pass" in out  # the areas-and-places part is included
    assert "Mountain pass" not in build_legend_html(3, symbols=False)
    assert "display:grid" in out  # parts side by side


@pytest.mark.parametrize(
    ("dash", "expected"),
    [(None, "solid"), ("2 7", "dotted"), ("9 6", "dashed"), ("4", "dashed")],
)
def test_css_border_from_dash_array(dash, expected):
    from components.map.legend import LineStyle, build_css_border

    css = build_css_border(LineStyle("x", "#123456", 2.6, dash))
    assert css == f"border-top:3px {expected} #123456"


def _legend():
    from components.map import legend

    legend.render(12)


def test_app_draws_legend():
    at = AppTest.from_function(_legend, default_timeout=30).run()
    assert not at.exception
    assert [e.label for e in at.expander] == ["Legend"]
    (part,) = at.html
    assert "Durand Line" in part.value
    assert "7-12 passages" in part.value
    assert "Border crossing" in part.value


def test_legend_explains_country_outlines_and_the_map_edge() -> None:
    out = build_legend_html(10)
    assert "country outline" in out
    assert "edge of the map" in out
    assert "dotted" in out  # the clip edge's dash: short dashes, long gaps
