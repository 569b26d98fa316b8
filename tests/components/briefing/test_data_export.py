"""GeoJSON of the features in view and CSV of the passages round-trip with pandas."""

import io
import json

import pandas as pd

import geopandas as gpd

from components.briefing.data_export import CSV_COLUMNS, build_csv, build_geojson
from tests.components.briefing.fixtures import PAYLOAD, make_briefing


def test_geojson_round_trips_through_geopandas():
    frame = gpd.read_file(io.BytesIO(build_geojson(make_briefing())))
    assert frame.crs.to_epsg() == 4326
    assert list(frame["feature_id"]) == [
        "afghanistan", "pakistan", "tajikistan", "china",
        "wakhan-corridor", "durand-line", "cpec",
    ]  # fmt: skip
    evidence = dict(zip(frame["feature_id"], frame["evidence"], strict=True))
    assert evidence["wakhan-corridor"] == 2
    assert evidence["china"] == 1
    assert evidence["pakistan"] == 0
    row = frame.set_index("feature_id").loc["wakhan-corridor"]
    assert bool(row["selected"])
    assert row["licence"] == "CC0"
    assert row["scale"] == "1:10m"
    assert row.geometry.bounds == (71.5, 36.5, 74.9, 37.3)


def test_geojson_leaves_out_features_outside_the_view():
    frame = gpd.read_file(io.BytesIO(build_geojson(make_briefing())))
    assert "moscow" not in set(frame["feature_id"])
    assert "kabul" not in set(frame["feature_id"])


def test_geojson_states_the_filters():
    data = json.loads(build_geojson(make_briefing(date_from=None, q="pass")))
    assert data["briefing"]["filters"]["feature"] == "wakhan-corridor"
    assert data["briefing"]["filters"]["q"] == "pass"
    assert data["briefing"]["as_of"] == "2026-11-20"
    assert data["type"] == "FeatureCollection"


def test_csv_round_trips_through_pandas():
    data = io.BytesIO(build_csv(make_briefing()))
    frame = pd.read_csv(data, encoding="utf-8-sig", dtype={"dates": str})
    assert tuple(frame.columns) == CSV_COLUMNS
    assert list(frame["passage_id"]) == ["a-one#p1", "a-one#p3", "b-two#p2"]
    assert list(frame["citation"]) == [1, 2, 3]
    assert list(frame["paragraph"]) == [1, 3, 2]
    assert frame.loc[0, "features"] == "wakhan-corridor;china"
    assert frame.loc[1, "actors"] == "taliban"
    assert frame.loc[1, "dates"] == "1893"
    assert frame.loc[1, "published"] == "2024-03-01"


def test_csv_keeps_article_text_verbatim():
    frame = pd.read_csv(io.BytesIO(build_csv(make_briefing())), encoding="utf-8-sig")
    assert frame.loc[0, "text"].endswith(PAYLOAD)
    assert frame.loc[0, "title"] == "On the <b>Roof</b> of the World"


def test_csv_defuses_formula_cells():
    import dataclasses

    briefing = make_briefing()
    evil = dataclasses.replace(briefing.hits[0], text='=HYPERLINK("http://x","y")')
    briefing = dataclasses.replace(briefing, hits=(evil, *briefing.hits[1:]))
    frame = pd.read_csv(io.BytesIO(build_csv(briefing)), encoding="utf-8-sig")
    assert frame.loc[0, "text"] == '\'=HYPERLINK("http://x","y")'
    assert frame.loc[1, "text"].startswith("From Kabul")
