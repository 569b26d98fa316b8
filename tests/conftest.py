"""Shared fixtures: tiny hand-made layers shaped like the geo catalog's; PostgreSQL."""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

import geopandas as gpd
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box

from articles.backends import DATABASE_ENV, local_server, pool
from articles.backends.local_server import LocalServer, ServerUnavailable
from articles.backends.postgres import migrate_url

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


#: The migrated database every PostgreSQL test database is copied from.
PG_TEMPLATE = "articles_template"
_PG_DATABASES = itertools.count()


@pytest.fixture(autouse=True)
def _no_database_url(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run on SQLite unless a fixture sets ``ARTICLES_DATABASE_URL``."""
    monkeypatch.delenv(DATABASE_ENV, raising=False)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[tuple[LocalServer, psycopg.Connection[Any]]]:
    """One throwaway PostgreSQL server for the session, with a migrated template.

    Debian's ``postgresql`` (``make postgres``); outside CI a machine without it
    skips the PostgreSQL cases.
    """
    try:
        server = local_server.start()
    except ServerUnavailable as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"no PostgreSQL: {exc}")
    try:
        admin = psycopg.connect(server.url(), autocommit=True)
        admin.execute(f"CREATE DATABASE {PG_TEMPLATE}")
        migrate_url(server.url(PG_TEMPLATE))
        yield server, admin
        admin.close()
    finally:
        server.stop()


@pytest.fixture
def pg_url(pg_server: tuple[LocalServer, psycopg.Connection[Any]]) -> Iterator[str]:
    """The URL of a fresh, migrated database of its own (dropped afterwards)."""
    server, admin = pg_server
    name = f"test_{next(_PG_DATABASES)}"
    admin.execute(f"CREATE DATABASE {name} TEMPLATE {PG_TEMPLATE}")
    yield server.url(name)
    pool.drop(server.url(name))
    admin.execute(f"DROP DATABASE {name} WITH (FORCE)")
