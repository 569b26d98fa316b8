"""Validation of layers: CRS, schema, ids, geometry."""

from __future__ import annotations

import pandas as pd
import pytest

import geopandas as gpd
from shapely.geometry import Point, box

from geo.catalog import LayerSpec
from geo.validate import check_geometry, check_schema, validate_layer
from tests.geo.conftest import BOWTIE, EMPTY, MULTI

_SPEC = LayerSpec(
    "t",
    "Test",
    "t.geojson",
    "Polygon",
    1,
    ("area",),
    "PD",
    "me",
    "u",
    "1:10m",
    "by hand",
)


def _frame(geom, fid: str = "a-b", crs: str | None = "EPSG:4326", kind: str = "area"):  # type: ignore[no-untyped-def]
    return gpd.GeoDataFrame(
        {
            "feature_id": [fid],
            "name": ["A"],
            "kind": [kind],
            "note": [None],
            "disputed": [False],
        },
        geometry=[geom],
        crs=crs,
    )


def test_valid_polygon_and_multipolygon_pass() -> None:
    assert validate_layer(_frame(box(0, 0, 1, 1)), _SPEC) == []
    assert validate_layer(_frame(MULTI), _SPEC) == []


@pytest.mark.parametrize(
    ("geom", "message"),
    [
        (EMPTY, "empty"),
        (BOWTIE, "Self-intersection"),
        (Point(0, 0), "Point not in"),
        (box(170, 0, 190, 1), "outside"),
    ],
)
def test_bad_geometry_is_reported(geom, message: str) -> None:  # type: ignore[no-untyped-def]
    problems = check_geometry(_frame(geom), _SPEC)
    assert len(problems) == 1
    assert message in problems[0]


@pytest.mark.parametrize(
    ("frame", "message"),
    [
        (_frame(box(0, 0, 1, 1), crs="EPSG:3857"), "CRS"),
        (_frame(box(0, 0, 1, 1), fid="Bad Id"), "slug"),
        (_frame(box(0, 0, 1, 1), kind="city"), "kinds"),
    ],
)
def test_schema_problem_is_reported(frame, message: str) -> None:  # type: ignore[no-untyped-def]
    assert any(message in p for p in check_schema(frame, _SPEC))


def test_missing_columns_and_count_are_reported() -> None:
    frame = _frame(box(0, 0, 1, 1)).drop(columns=["note"])
    assert check_schema(frame, _SPEC) == ["t: missing columns ['note']"]
    two = gpd.GeoDataFrame(
        pd.concat([_frame(box(0, 0, 1, 1)), _frame(box(1, 0, 2, 1))]), crs=4326
    )
    problems = check_schema(two, _SPEC)
    assert any("2 features, expected 1" in p for p in problems)
    assert any("duplicate" in p for p in problems)
