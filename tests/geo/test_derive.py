"""Pure derivations on tiny hand-made coverages."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import geopandas as gpd
import shapely
from shapely.geometry import box

from geo.derive import (
    clip_display,
    dissolve_by,
    dissolve_countries,
    name_provinces,
    select_provinces,
    simplify_coverage,
    slugify,
    snap_coverage,
)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Sar-e Pol", "sar-e-pol"),
        ("Azad Jammu and Kashmir", "azad-jammu-and-kashmir"),
        ("Herāt", "herat"),
        ("F.A.T.A.", "f-a-t-a"),
    ],
)
def test_slugify_gives_ascii_slug(text: str, slug: str) -> None:
    assert slugify(text) == slug


@pytest.fixture
def admin1() -> gpd.GeoDataFrame:
    """N.W.F.P., F.A.T.A. (PAK), Kabul and Parwan-labelled Panjshir (AFG), a CHN row."""
    return gpd.GeoDataFrame(
        {
            "adm1_code": ["PAK-1123", "PAK-1112", "AFG-1767", "AFG-1769", "CHN-1"],
            "name": ["N.W.F.P.", "F.A.T.A.", "Kabul", "Parwan", None],
            "adm0_a3": ["PAK", "PAK", "AFG", "AFG", "CHN"],
        },
        geometry=[
            box(1, 0, 2, 1),
            box(1, 1, 2, 2),
            box(0, 0, 1, 1),
            box(0, 1, 1, 2),
            box(0, 2, 2, 3),
        ],
        crs="EPSG:4326",
    )


def test_name_provinces_applies_notes_renames(admin1: gpd.GeoDataFrame) -> None:
    named = name_provinces(admin1, frozenset({"kabul"}))
    assert list(named["feature_id"]) == [
        "khyber-pakhtunkhwa",
        "khyber-pakhtunkhwa",
        "kabul-province",
        "panjshir",
        "chn-1",
    ]
    assert named.loc[2, "name"] == "Kabul Province"
    assert named.loc[3, "ne_name"] == "Parwan"


def test_select_provinces_merges_fata_into_kp(admin1: gpd.GeoDataFrame) -> None:
    provinces = select_provinces(snap_coverage(name_provinces(admin1, frozenset())))
    kp = provinces.set_index("feature_id").loc["khyber-pakhtunkhwa"]
    assert kp.geometry.equals(box(1, 0, 2, 2))
    assert kp["ne_name"] == "N.W.F.P. + F.A.T.A."
    assert kp["parent"] == "pakistan"
    assert len(provinces) == 3


def test_dissolve_countries_unions_provinces(admin1: gpd.GeoDataFrame) -> None:
    countries = dissolve_countries(name_provinces(admin1, frozenset()))
    assert list(countries["feature_id"]) == ["pakistan", "afghanistan", "china"]
    assert countries.geometry[1].equals(box(0, 0, 1, 2))


def test_simplify_coverage_keeps_shared_edges_shared() -> None:
    wiggle = [(1 + 0.001 * (i % 2), i / 10) for i in range(11)]
    left = shapely.Polygon([(0, 0), *wiggle, (0, 1)])
    right = shapely.Polygon([(2, 0), (2, 1), *reversed(wiggle)])
    cov = gpd.GeoDataFrame({"k": ["a", "b"]}, geometry=[left, right], crs=4326)
    out = simplify_coverage(cov, 0.05)
    assert shapely.coverage_is_valid(out.geometry.values)
    assert out.union_all().area == pytest.approx(2.0, rel=1e-3)
    assert shapely.get_num_coordinates(out.geometry[0]) < 13


def test_simplify_coverage_zero_is_identity(two_squares: gpd.GeoDataFrame) -> None:
    out = simplify_coverage(two_squares, 0)
    assert out.geometry.geom_equals(two_squares.geometry).all()


def test_dissolve_by_keeps_first_row(two_squares: gpd.GeoDataFrame) -> None:
    out = dissolve_by(two_squares, "country")
    assert len(out) == 1
    assert out.loc[0, "feature_id"] == "a"
    assert out.geometry[0].equals(box(0, 0, 2, 1))


def test_clip_display_cuts_to_window() -> None:
    gdf = gpd.GeoDataFrame(geometry=[box(40, 10, 90, 50)], crs=4326)
    assert clip_display(gdf).geometry[0].bounds == (44.0, 20.0, 82.0, 46.0)


@given(st.text(max_size=40))
def test_slugify_always_returns_a_slug_or_nothing(text: str) -> None:
    slug = slugify(text)
    assert slug == "" or re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)
