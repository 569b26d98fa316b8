"""Map styles: evidence shading, muting, clipped polygons, the places pane."""

from __future__ import annotations

import pytest

from components.map.style import (
    CLIPPED,
    DISPUTED_DASH,
    EVIDENCE_OPACITY,
    EVIDENCE_RAMP,
    FEATURE_STYLES,
    KIND_STYLES,
    MUTED,
    PLACES_PANE,
    PROVINCE_EVIDENCE,
    build_ramp_colour,
    style_feature,
    style_hover,
)


def _feature(fid: str, kind: str, point: bool = False, **props: object) -> dict:
    feature: dict = {"properties": {"feature_id": fid, "kind": kind, **props}}
    if point:
        feature["geometry"] = {"type": "Point", "coordinates": [0.0, 0.0]}
    return feature


def _lightness(colour: str) -> int:
    return sum(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def test_ramp_runs_from_light_to_dark() -> None:
    assert build_ramp_colour(0.0) == EVIDENCE_RAMP[0]
    assert build_ramp_colour(1.0) == EVIDENCE_RAMP[-1]
    assert build_ramp_colour(7.0) == EVIDENCE_RAMP[-1]
    light = [_lightness(build_ramp_colour(i / 20)) for i in range(21)]
    assert light == sorted(light, reverse=True)


def test_countries_filled_on_the_ramp_by_count() -> None:
    counts = {"afghanistan": 20, "iran": 2}
    top = style_feature(_feature("afghanistan", "country"), counts=counts)
    low = style_feature(_feature("iran", "country"), counts=counts)
    assert top["fillColor"] == EVIDENCE_RAMP[-1]
    assert _lightness(low["fillColor"]) > _lightness(top["fillColor"])
    assert top["fillOpacity"] == low["fillOpacity"] == EVIDENCE_OPACITY


def test_provinces_with_passages_outlined_not_filled() -> None:
    counts = {"badakhshan": 2, "afghanistan": 20}
    shown = style_feature(_feature("badakhshan", "province"), counts=counts)
    none = style_feature(_feature("herat", "province"), counts=counts)
    assert shown["color"] == PROVINCE_EVIDENCE["color"]
    assert shown["fillOpacity"] == none["fillOpacity"] == 0.0  # never stacks
    assert shown["weight"] > none["weight"]
    assert none["color"] == MUTED["color"]


def test_corridor_keeps_its_colour_with_passages_and_greys_without() -> None:
    wakhan = _feature("wakhan-corridor", "corridor")
    shown = style_feature(wakhan, counts={"wakhan-corridor": 1})
    none = style_feature(wakhan, counts={"kabul": 3})
    assert shown["fillColor"] == KIND_STYLES["corridor"]["fillColor"]
    assert none["fillColor"] == MUTED["fillColor"]
    assert 0 < none["fillOpacity"] < shown["fillOpacity"]


def test_lines_muted_without_passages() -> None:
    durand = _feature("durand-line", "boundary")
    shown = style_feature(durand, counts={"durand-line": 3})
    none = style_feature(durand, counts={"kabul": 3})
    assert shown["color"] == style_feature(durand)["color"]
    assert none["color"] == MUTED["color"]
    assert none["opacity"] < 1


def test_dots_grow_with_passages_and_shrink_grey_without() -> None:
    counts = {"kabul": 5, "herat-city": 1}
    many = style_feature(_feature("kabul", "city", True), counts=counts)
    few = style_feature(_feature("herat-city", "city", True), counts=counts)
    none = style_feature(_feature("torkham", "crossing", True), counts=counts)
    assert many["radius"] > few["radius"] > KIND_STYLES["city"]["radius"]
    assert none["radius"] < KIND_STYLES["crossing"]["radius"]
    assert none["fillColor"] != KIND_STYLES["crossing"]["fillColor"]
    assert none["pane"] == PLACES_PANE


def test_country_point_is_drawn_as_a_dot() -> None:
    style = style_feature(_feature("russia", "country", True), counts={"russia": 2})
    assert style["radius"] > KIND_STYLES["city"]["radius"]
    assert style["pane"] == PLACES_PANE
    assert "pane" not in style_feature(_feature("russia", "country"))


@pytest.mark.parametrize("counts", [None, {"china": 8}, {"kabul": 1}])
def test_clipped_polygon_is_invisible_but_kept(counts) -> None:
    china = _feature("china", "country", **{CLIPPED: True})
    style = style_feature(china, counts=counts)
    assert style["stroke"] is False
    assert style["fillOpacity"] == 0.0
    assert style_hover(china) == {}
    assert style_hover(_feature("afghanistan", "country"))["stroke"] is True


def test_clipped_polygon_still_outlined_when_selected() -> None:
    china = _feature("china", "country", **{CLIPPED: True})
    style = style_feature(china, selected="china")
    assert style["stroke"] is True
    assert "is-selected" in style["className"]


def test_line_of_control_stays_visible_without_passages() -> None:
    loc = _feature("line-of-control", "boundary", disputed=True)
    other = _feature("afg-tjk", "boundary")
    shown = style_feature(loc, counts={"kabul": 3})
    assert shown["color"] == FEATURE_STYLES["line-of-control"]["color"]
    assert shown["color"] != style_feature(other, counts={"kabul": 3})["color"]
    assert shown["weight"] >= 3.0
    assert shown["opacity"] >= 0.9
    assert shown["dashArray"] == DISPUTED_DASH
    assert style_feature(loc)["color"] == shown["color"]
