"""Label choice per zoom and collision-free placement."""

from __future__ import annotations

import geopandas as gpd
from shapely.geometry import box

from components.basemap.draw import Label
from components.basemap.labels import (
    CITY_THRESHOLDS,
    Candidate,
    City,
    city_candidates,
    country_candidates,
    label_bbox,
    labels_for_zoom,
    place_labels,
)


def _countries() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "NAME": ["Afghanistan", "Faraway"],
            "region": [True, False],
            "MIN_LABEL": [3.0, 5.0],
            "LABELRANK": [3, 5],
            "LABEL_X": [66.0, 10.0],
            "LABEL_Y": [34.0, 50.0],
        },
        geometry=[box(61, 29, 71, 38), box(5, 45, 15, 55)],
        crs="EPSG:4326",
    )


CITIES = [
    City("Kabul", 69.17, 34.53, 3_000_000, True),
    City("Town", 69.3, 34.6, 150_000, False),
    City("Berlin", 13.4, 52.5, 3_400_000, True),
]


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_country_labels_region_from_zoom_3_others_by_min_label() -> None:
    assert country_candidates(_countries(), 2) == []
    names3 = {c.label.text for c in country_candidates(_countries(), 3)}
    assert names3 == {"Afghanistan"}
    names5 = {c.label.text for c in country_candidates(_countries(), 5)}
    assert names5 == {"Afghanistan", "Faraway"}


def test_city_labels_by_zoom() -> None:
    assert city_candidates(CITIES, 3) == []
    z4 = {c.label.text for c in city_candidates(CITIES, 4)}
    assert z4 == {"Kabul", "Berlin"}
    z7 = {c.label.text for c in city_candidates(CITIES, 7)}
    assert z7 == {"Kabul", "Town", "Berlin"}


def test_placed_labels_never_overlap() -> None:
    for zoom in range(3, 8):
        labels = labels_for_zoom(_countries(), CITIES, zoom)
        boxes = [label_bbox(label) for label in labels]
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                assert not _overlap(a, b)


def test_place_labels_keeps_higher_priority() -> None:
    cands = city_candidates(CITIES, 5)
    kept = {label.text for label in place_labels(cands)}
    assert "Kabul" in kept


def test_more_cities_each_zoom_up_to_every_city_at_10() -> None:
    small = City("Village", 69.3, 34.6, 16_000, False)
    shown = [z for z in range(4, 11) if city_candidates([small], z)]
    assert shown == [10]
    assert CITY_THRESHOLDS[8] > CITY_THRESHOLDS[9] > CITY_THRESHOLDS[10]


def test_label_moves_left_when_the_right_is_taken() -> None:
    first = Candidate(Label("Torkham", 1000.0, 500.0, 11, (0, 0, 0), dot=True), 0.0)
    second = Candidate(
        Label("Landi Kotal", 1030.0, 500.0, 11, (0, 0, 0), dot=True), 1.0
    )
    placed = {label.text: label for label in place_labels([first, second])}
    assert set(placed) == {"Torkham", "Landi Kotal"}
    assert placed["Torkham"].left  # its right side holds Landi Kotal's marker
    assert not placed["Landi Kotal"].left
    boxes = [label_bbox(label) for label in placed.values()]
    assert not _overlap(boxes[0], boxes[1])
