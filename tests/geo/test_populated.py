"""populated: GeoNames names folded, towns kept, left out and parented (no fetching)."""

from __future__ import annotations

import geopandas as gpd
from shapely.geometry import box

from geo.populated import build_towns, fold_name, name_variants, read_cities


def test_fold_name_drops_diacritics_and_straightens_apostrophes() -> None:
    assert fold_name("Spīn Bōldak") == "Spin Boldak"
    assert fold_name("Yangī Qal‘ah") == "Yangi Qal'ah"
    assert fold_name("S̲h̲ēwah") == "Shewah"


def test_name_variants_drop_an_administrative_prefix() -> None:
    assert "Bihsud" in name_variants("Wulêswālī Bihsūd")
    assert name_variants("Mardan") == ()
    assert name_variants("New Mirpur City") == ("Mirpur",)
    assert name_variants("Zindah Jān") == ("Zindah Jan", "Zinda Jan", "Zindajan")


def _cities() -> list[dict[str, object]]:
    return [
        {
            "name": "Mardan",
            "lat": "0.5",
            "lng": "0.5",
            "country": "PK",
            "home": "pakistan",
        },
        {
            "name": "Bannu",
            "lat": "0.5",
            "lng": "0.6",
            "country": "PK",
            "home": "pakistan",
        },
        {
            "name": "Qarah Bāgh",
            "lat": "0.2",
            "lng": "0.2",
            "country": "AF",
            "home": "afghanistan",
        },
        {
            "name": "Qarah Bāgh",
            "lat": "0.2",
            "lng": "1.5",
            "country": "AF",
            "home": "afghanistan",
        },
    ]


def test_build_towns_leaves_out_curated_names_and_splits_shared_ones() -> None:
    provinces = gpd.GeoDataFrame(
        {"feature_id": ["kp", "herat-province"]},
        geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1)],
        crs="EPSG:4326",
    )
    towns = build_towns(_cities(), provinces, {"bannu"}, {"kp"}).set_index("feature_id")
    assert list(towns.index) == ["mardan", "qarah-bagh-kp", "qarah-bagh-herat"]
    assert towns.loc["mardan", "parent"] == "kp"
    assert towns.loc["qarah-bagh-kp", "aliases"] == "Qarah Bagh; Qara Bagh; Qarabagh"
    assert (towns["kind"] == "town").all()


def test_read_cities_keeps_the_region_and_its_borderlands(tmp_path) -> None:
    rows = [
        {"name": "A", "lat": "1", "lng": "70", "country": "AF", "admin1": "01"},
        {"name": "B", "lat": "1", "lng": "70", "country": "TJ", "admin1": "01"},
        {"name": "C", "lat": "1", "lng": "70", "country": "TJ", "admin1": "03"},
        {"name": "D", "lat": "1", "lng": "85", "country": "CN", "admin1": "13"},
        {"name": "E", "lat": "1", "lng": "75", "country": "CN", "admin1": "13"},
    ]
    (tmp_path / "cities.json").write_text(__import__("json").dumps(rows))
    assert [(c["name"], c["home"]) for c in read_cities(tmp_path)] == [
        ("A", "afghanistan"),
        ("B", "gorno-badakhshan"),
        ("E", "xinjiang"),
    ]
