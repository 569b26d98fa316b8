"""Choose and place basemap labels (countries, cities) per zoom, without overlaps."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import NDArray

import geopandas as gpd

from components.basemap.draw import MARKER_GAP, Label, load_font
from components.basemap.mercator import project_point

#: Longitude/latitude box of the region drawn in full colour and labelled densely.
REGION_BBOX = (44.0, 20.0, 82.0, 46.0)
DARK = (60, 60, 60)
MUTED = (135, 135, 135)
CITY = (40, 40, 40)


@dataclass(frozen=True)
class City:
    """A populated place for the basemap (from GeoNames)."""

    name: str
    lon: float
    lat: float
    population: int
    capital: bool
    country: str = ""


#: Population a region city needs to be labelled, per zoom (z10: every city).
CITY_THRESHOLDS = {
    4: 3_000_000,
    5: 1_000_000,
    6: 300_000,
    7: 100_000,
    8: 50_000,
    9: 20_000,
    10: 0,
}


@dataclass(frozen=True)
class Candidate:
    """A label and its priority (lower is placed first)."""

    label: Label
    priority: float


def _in_region(lon: float, lat: float) -> bool:
    west, south, east, north = REGION_BBOX
    return west <= lon <= east and south <= lat <= north


def country_candidates(countries: gpd.GeoDataFrame, zoom: int) -> list[Candidate]:
    """Country name labels for `zoom` from Natural Earth ``NAME``/``LABEL_X/Y``.

    Region countries (``region`` True) are labelled from zoom 3, others when their
    Natural Earth ``MIN_LABEL`` allows it, in a muted colour.
    """
    out: list[Candidate] = []
    for row in countries.itertuples():
        region = bool(row.region)
        if region and zoom < 3:
            continue
        if not region and (zoom < 2 or float(row.MIN_LABEL) > zoom + 0.7):
            continue
        x, y = project_point(float(row.LABEL_X), float(row.LABEL_Y), zoom)
        size = (14 if zoom >= 5 else 12) if region else 11
        label = Label(str(row.NAME), x, y, size, DARK if region else MUTED, bold=region)
        priority = (0 if region else 100) + float(row.LABELRANK)
        out.append(Candidate(label, priority))
    return out


def _city_visible(city: City, zoom: int) -> bool:
    if not _in_region(city.lon, city.lat):
        return city.capital and zoom >= 4
    if zoom < 4:
        return False
    threshold = CITY_THRESHOLDS.get(zoom, 0)
    return city.capital or city.population >= threshold


def city_candidates(cities: Iterable[City], zoom: int) -> list[Candidate]:
    """City labels with a dot for `zoom` (capitals first, then by population)."""
    out: list[Candidate] = []
    for city in cities:
        if not _city_visible(city, zoom):
            continue
        x, y = project_point(city.lon, city.lat, zoom)
        region = _in_region(city.lon, city.lat)
        fill = CITY if region else MUTED
        label = Label(city.name, x, y, 11, fill, bold=city.capital and region, dot=True)
        priority = 200 + (0 if city.capital else 100) - city.population / 1e8
        out.append(Candidate(label, priority))
    return out


def label_bbox(label: Label) -> tuple[float, float, float, float]:
    """Return (left, top, right, bottom) of `label` in global pixels, with padding."""
    font = load_font(label.size, label.bold, 1, label.italic)
    left, top, right, bottom = font.getbbox(label.text)
    width, height = right - left, bottom - top
    pad = 3.0
    if label.dot:
        gap = MARKER_GAP.get(label.marker, 5.0)
        near, far = label.x - 5 - pad, label.x + gap + width + pad
        if label.left:
            near, far = label.x - gap - width - pad, label.x + 5 + pad
        return (near, label.y - height / 2 - pad, far, label.y + height / 2 + pad)
    return (
        label.x - width / 2 - pad,
        label.y - height / 2 - pad,
        label.x + width / 2 + pad,
        label.y + height / 2 + pad,
    )


def _markers_under(box: tuple[float, ...], marks: NDArray[np.float64]) -> int:
    """Count the markers inside `box` (a label's own marker counts on both sides)."""
    if not len(marks):
        return 0
    x, y = marks[:, 0], marks[:, 1]
    inside = (x > box[0]) & (x < box[2]) & (y > box[1]) & (y < box[3])
    return int(inside.sum())


def _overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(candidates: Sequence[Candidate]) -> tuple[Label, ...]:
    """Keep candidates in priority order, dropping any that overlaps a kept one.

    A label beside a marker that collides on the right is tried on the left.
    """
    marks = np.array([(c.label.x, c.label.y) for c in candidates if c.label.dot])
    kept: list[tuple[Label, tuple[float, float, float, float]]] = []
    for cand in sorted(candidates, key=lambda c: (c.priority, c.label.text)):
        options = [cand.label]
        if cand.label.dot:
            options.append(replace(cand.label, left=True))
            options.sort(key=lambda lab: _markers_under(label_bbox(lab), marks))
        for label in options:
            box = label_bbox(label)
            if not any(_overlaps(box, other) for _, other in kept):
                kept.append((label, box))
                break
    return tuple(label for label, _ in kept)


def labels_for_zoom(
    countries: gpd.GeoDataFrame,
    cities: Sequence[City],
    zoom: int,
    extra: Sequence[Candidate] = (),
) -> tuple[Label, ...]:
    """All labels drawn at `zoom`, collision-free, in global pixels.

    `extra` adds candidates placed by the same rule (places, rivers).
    """
    return place_labels(
        [*country_candidates(countries, zoom), *city_candidates(cities, zoom), *extra]
    )
