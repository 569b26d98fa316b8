"""model: the Feature value and its kinds."""

from __future__ import annotations

import dataclasses

import pytest

from geo.gazetteer import load_features
from geo.model import FEATURE_KINDS, Feature


def test_feature_is_a_frozen_value() -> None:
    feature = Feature(id="x", name="X", kind="city")
    with pytest.raises(dataclasses.FrozenInstanceError):
        feature.name = "Y"  # type: ignore[misc]
    assert feature == Feature(id="x", name="X", kind="city")


def test_every_committed_feature_has_a_known_kind() -> None:
    assert {f.kind for f in load_features()} <= set(FEATURE_KINDS)
