"""Shared fixtures: tiny hand-made layers shaped like the geo catalog's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import geopandas as gpd
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box

MALICIOUS = '<img src=x onerror="alert(1)">Evil & <b>bold</b>'


def _layer(rows: list[dict[str, object]]) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def _row(
    fid: str, name: str, kind: str, geom: object, **extra: object
) -> dict[str, object]:
    return {
        "feature_id": fid,
        "name": name,
        "kind": kind,
        "note": extra.pop("note", None),
        "disputed": extra.pop("disputed", False),
        "geometry": geom,
        **extra,
    }


@pytest.fixture
def toy_layers() -> dict[str, gpd.GeoDataFrame]:
    """Six catalog-shaped layers around the Wakhan, in EPSG:4326 (degrees)."""
    afg = MultiPolygon([box(61.0, 29.5, 71.0, 38.4), box(71.0, 36.5, 74.9, 37.3)])
    return {
        "countries": _layer(
            [
                _row("afghanistan", "Afghanistan", "country", afg),
                _row("pakistan", "Pakistan", "country", box(61.0, 24.0, 75.0, 29.5)),
            ]
        ),
        "provinces": _layer(
            [_row("badakhshan", "Badakhshan", "province", box(69.0, 35.5, 74.9, 38.4))]
        ),
        "borders": _layer(
            [
                _row(
                    "durand-line",
                    "Durand Line",
                    "boundary",
                    LineString([(61.0, 29.5), (69.0, 33.0), (71.5, 36.0)]),
                    disputed=True,
                    note="Afghanistan does not recognise the Durand Line.",
                )
            ]
        ),
        "areas": _layer(
            [
                _row(
                    "wakhan-corridor",
                    "Wakhan Corridor",
                    "corridor",
                    Polygon([(71.6, 36.4), (74.9, 36.9), (74.9, 37.3), (71.6, 37.1)]),
                ),
                _row(
                    "siachen",
                    "Siachen area",
                    "area",
                    box(76.8, 35.2, 77.6, 35.7),
                    disputed=True,
                    note="Disputed between India and Pakistan.",
                ),
            ]
        ),
        "routes": _layer(
            [
                _row(
                    "cpec",
                    "CPEC",
                    "route",
                    LineString([(75.4, 39.5), (74.5, 36.8), (62.3, 25.1)]),
                    note="Schematic.",
                )
            ]
        ),
        "places": _layer(
            [
                _row("kabul", "Kabul", "city", Point(69.17, 34.53)),
                _row("torkham", "Torkham", "crossing", Point(71.09, 34.10)),
                _row("evil", MALICIOUS, "site", Point(70.0, 30.0), note=MALICIOUS),
            ]
        ),
    }


CORPUS = Path(__file__).resolve().parents[1] / "articles" / "corpus"


@pytest.fixture
def corpus_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A copy of the committed corpus and a fresh index path, set in the env vars.

    The app, the CLIs and the loaders read ``ARTICLES_CORPUS_DIR`` and
    ``ARTICLES_INDEX_PATH``, so a test never touches the real corpus.
    """
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    index = tmp_path / "index.sqlite"
    monkeypatch.setenv("ARTICLES_CORPUS_DIR", str(corpus))
    monkeypatch.setenv("ARTICLES_INDEX_PATH", str(index))
    return corpus, index
