"""Tests for components.briefing.model: the briefing value and its lookups."""

import dataclasses

import pytest

from components.briefing.model import LAYER_ORDER
from tests.components.briefing.fixtures import make_briefing


def test_selected_is_the_filtered_feature():
    assert make_briefing().selected == "wakhan-corridor"
    assert make_briefing(feature=None).selected is None


def test_feature_name_falls_back_to_the_id():
    briefing = make_briefing()
    assert briefing.feature_name("durand-line") == "Durand Line"
    assert briefing.feature_name("atlantis") == "atlantis"


def test_layer_order_draws_polygons_before_lines_and_points():
    assert LAYER_ORDER.index("countries") < LAYER_ORDER.index("borders")
    assert LAYER_ORDER[-1] == "places"


def test_briefing_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        make_briefing().as_of = None  # type: ignore[misc]
