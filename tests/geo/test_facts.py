"""Facts: pinned to docs/notes.md section 7 and recomputed from the committed layers."""

from __future__ import annotations

import pytest

import geopandas as gpd

from geo.facts import measure_facts
from geo.measure import measure_area_km2, measure_length_km

#: docs/notes.md section 7, measured on Natural Earth 1:10m (km, km2).
NOTES_7 = [
    ("durand-line", "length_km", 2245),
    ("afghanistan-tajikistan-border", "length_km", 1170),
    ("afghanistan-china-border", "length_km", 84),
    ("pakistan-china-border", "length_km", 351),
    ("wakhan-corridor", "area_km2", 10972),
    ("wakhan-corridor", "min_width_km", 16.6),
    ("wakhan-corridor", "max_width_km", 66.5),
]


@pytest.mark.parametrize(("fid", "key", "expected"), NOTES_7)
def test_measured_fact_matches_notes(fid: str, key: str, expected: float) -> None:
    assert measure_facts()[fid][key] == pytest.approx(expected, rel=0.02)


def test_wakhan_figures_are_located_and_in_range() -> None:
    wakhan = measure_facts()["wakhan-corridor"]
    assert 320 <= float(wakhan["length_km"]) <= 351  # type: ignore[arg-type]
    assert wakhan["min_width_lon"] == pytest.approx(72.04, abs=0.15)
    assert wakhan["max_width_lon"] == pytest.approx(73.49, abs=0.05)


def test_durand_by_province_adds_up() -> None:
    durand = measure_facts()["durand-line"]
    by_province = durand["by_province_km"]
    assert by_province["balochistan"] == pytest.approx(1125, rel=0.02)  # type: ignore[index]
    assert sum(by_province.values()) == pytest.approx(durand["length_km"], rel=0.01)  # type: ignore[attr-defined]


def test_every_fact_is_labelled_with_scale_and_status() -> None:
    for fid, entry in measure_facts().items():
        assert entry["scale"] == "1:10m", fid
        assert entry["status"] == "measured", fid
        assert "geodesic" in str(entry["method"])


def test_published_figures_sit_beside_measured_ones() -> None:
    facts = measure_facts()
    assert facts["durand-line"]["published_length_km"] == 2640
    assert facts["durand-line"]["published_length_km_cia"] == 2670
    assert facts["wakhan-corridor"]["published_area_km2"] == 11422
    for entry in facts.values():
        if "published_length_km" in entry:
            assert entry["published_source"]


@pytest.mark.parametrize(
    ("fid", "expected", "rel"),
    [
        ("durand-line", 2245, 0.02),
        ("pakistan-china-border", 351, 0.02),
        ("afghanistan-china-border", 84, 0.04),
        # the Amu Darya/Panj border meanders; display simplification shortens it most
        ("afghanistan-tajikistan-border", 1170, 0.04),
    ],
)
def test_committed_border_length_recomputes(
    fid: str, expected: float, rel: float, geoms: dict[str, object]
) -> None:
    assert measure_length_km(geoms[fid]) == pytest.approx(expected, rel=rel)  # type: ignore[arg-type]


def test_committed_wakhan_area_recomputes(layers: dict[str, gpd.GeoDataFrame]) -> None:
    wakhan = layers["areas"].set_index("feature_id").geometry["wakhan-corridor"]
    assert measure_area_km2(wakhan) == pytest.approx(10972, rel=0.02)


def test_committed_siachen_area_recomputes(layers: dict[str, gpd.GeoDataFrame]) -> None:
    siachen = layers["areas"].set_index("feature_id").geometry["siachen"]
    assert measure_area_km2(siachen) == pytest.approx(2079, rel=0.02)
