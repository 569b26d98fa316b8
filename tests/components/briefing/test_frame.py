"""Tests for components.briefing.frame: the features in view as one frame."""

import dataclasses

from components.briefing.frame import COLUMNS, build_view_frame
from tests.components.briefing.fixtures import make_briefing


def test_view_frame_keeps_features_that_intersect_the_view():
    frame = build_view_frame(make_briefing())
    assert list(frame.columns) == list(COLUMNS)
    assert str(frame.crs) == "EPSG:4326"
    ids = set(frame["feature_id"])
    assert {"wakhan-corridor", "durand-line", "cpec", "china"} <= ids
    assert not {"kabul", "islamabad", "moscow"} & ids


def test_view_frame_orders_layers_for_drawing():
    layers = list(dict.fromkeys(build_view_frame(make_briefing())["layer"]))
    assert layers == ["countries", "areas", "borders", "routes"]


def test_view_frame_carries_evidence_selection_and_provenance():
    frame = build_view_frame(make_briefing()).set_index("feature_id")
    assert frame.loc["wakhan-corridor", "evidence"] == 2
    assert frame.loc["pakistan", "evidence"] == 0
    assert frame.loc["wakhan-corridor", "selected"]
    assert not frame.loc["china", "selected"]
    assert frame.loc["durand-line", "disputed"]
    assert frame.loc["cpec", "note"] == "Schematic."
    assert frame.loc["cpec", "source"] == "test source"
    assert frame.loc["cpec", "scale"] == "1:10m"


def test_view_frame_reprojects_layers_to_degrees():
    briefing = make_briefing()
    layers = {**briefing.layers, "areas": briefing.layers["areas"].to_crs(3857)}
    frame = build_view_frame(dataclasses.replace(briefing, layers=layers))
    row = frame.set_index("feature_id").loc["wakhan-corridor"]
    assert round(row.geometry.bounds[0], 6) == 71.5


def test_view_frame_empty_when_nothing_is_in_view():
    briefing = dataclasses.replace(make_briefing(), bounds=(-10.0, -10.0, -5.0, -5.0))
    frame = build_view_frame(briefing)
    assert len(frame) == 0
    assert list(frame.columns) == list(COLUMNS)
