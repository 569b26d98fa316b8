"""GeoJSON of the features in view and CSV of the passages round-trip with pandas."""

import codecs
import csv
import dataclasses
import io
import json
import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import geopandas as gpd

from components.briefing.data_export import (
    CSV_COLUMNS,
    build_csv,
    build_geojson,
    defuse_cell,
)
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


# --- CSV injection: every field quoted, every line of every cell defused -----------

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
_LINE_TRIGGERS = ("=", "+", "-", "@", "\t")
_BREAKS = re.compile(rb"\r\n|\r|\n")


def _briefing_with(author: str, text: str):
    briefing = make_briefing()
    hit = dataclasses.replace(briefing.hits[0], author=author, text=text)
    return dataclasses.replace(briefing, hits=(hit,))


def _read_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def _assert_inert(cell: str) -> None:
    assert not cell.startswith(_TRIGGERS), repr(cell)
    for line in cell.splitlines():
        assert not line.startswith(_LINE_TRIGGERS), repr(cell)


@pytest.mark.parametrize(
    "value", ["A. Writer\r@SUM(1+1)", "\r=SOURCE()", "x\n+1", "ok\r\n-2\r\n\r\n=3"]
)
def test_csv_defuses_formulas_after_any_line_break(value: str) -> None:
    data = build_csv(_briefing_with(value, value))
    rows = _read_rows(data)
    assert len(rows) == 2
    assert rows[1][CSV_COLUMNS.index("author")] == defuse_cell(value)
    for cell in rows[1]:
        _assert_inert(cell)
    for line in _BREAKS.split(data.removeprefix(codecs.BOM_UTF8)):
        assert not line.startswith((b"=", b"+", b"-", b"@", b"\t")), line


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_string_is_one_inert_cell(value: str) -> None:
    data = build_csv(_briefing_with(value, value))
    rows = _read_rows(data)
    assert len(rows) == 2, "a value split the row"
    assert len(rows[1]) == len(CSV_COLUMNS)
    assert rows[1][CSV_COLUMNS.index("text")] == defuse_cell(value)
    for cell in rows[1]:
        _assert_inert(cell)
    raw = data.removeprefix(codecs.BOM_UTF8)
    assert all(line.startswith(b'"') for line in raw.split(b"\n")[:1])
    for line in _BREAKS.split(raw):
        assert not line.startswith((b"=", b"+", b"-", b"@", b"\t")), line


@given(st.text())
def test_defuse_cell_only_adds_apostrophes(value: str) -> None:
    out = defuse_cell(value)
    assert out.replace("'", "") == value.replace("'", "")
    _assert_inert(out)


def test_csv_lists_the_confirmed_links_of_each_passage():
    briefing = dataclasses.replace(
        make_briefing(), confirmed=frozenset({("a-one#p1", "feature", "china")})
    )
    frame = pd.read_csv(io.BytesIO(build_csv(briefing)), encoding="utf-8-sig",
                        dtype={"confirmed": str}, keep_default_na=False)  # fmt: skip
    assert list(frame["confirmed"]) == ["china", "", ""]
