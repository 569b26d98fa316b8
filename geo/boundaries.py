"""Pure derivations of boundary lines and areas from a polygon coverage."""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import shapely
from shapely.geometry import box
from shapely.geometry.base import BaseGeometry


@dataclass(frozen=True)
class BorderSpec:
    """A boundary line derived as the edge two sets of coverage polygons share."""

    feature_id: str
    name: str
    side_a: tuple[str, ...]
    side_b: tuple[str, ...]
    disputed: bool = False
    note: str | None = None


_DURAND_NOTE = (
    "Afghanistan does not recognise the Durand Line as an international border; "
    "Pakistan treats it as one."
)

#: Every shared border of Afghanistan and Pakistan (side ids are country or
#: province feature ids of the same coverage).
BORDERS: tuple[BorderSpec, ...] = (
    BorderSpec(
        "durand-line",
        "Durand Line",
        ("afghanistan",),
        ("pakistan",),
        True,
        _DURAND_NOTE,
    ),
    BorderSpec(
        "afghanistan-tajikistan-border",
        "Afghanistan-Tajikistan border",
        ("afghanistan",),
        ("tajikistan",),
    ),
    BorderSpec(
        "afghanistan-china-border",
        "Afghanistan-China border",
        ("afghanistan",),
        ("china",),
    ),
    BorderSpec(
        "afghanistan-iran-border",
        "Afghanistan-Iran border",
        ("afghanistan",),
        ("iran",),
    ),
    BorderSpec(
        "afghanistan-uzbekistan-border",
        "Afghanistan-Uzbekistan border",
        ("afghanistan",),
        ("uzbekistan",),
    ),
    BorderSpec(
        "afghanistan-turkmenistan-border",
        "Afghanistan-Turkmenistan border",
        ("afghanistan",),
        ("turkmenistan",),
    ),
    BorderSpec(
        "pakistan-china-border",
        "Pakistan-China border",
        ("pakistan",),
        ("china",),
        True,
        "Set by the 1963 China-Pakistan boundary agreement; India, which "
        "claims Gilgit-Baltistan, does not recognise it.",
    ),
    BorderSpec(
        "pakistan-india-border",
        "Pakistan-India border",
        ("punjab", "sindh"),
        ("india",),
        False,
        "International border; the stretch between Pakistani Punjab and Jammu "
        "(the Working Boundary) is not accepted as international by Pakistan.",
    ),
    BorderSpec(
        "line-of-control",
        "Line of Control",
        ("azad-jammu-and-kashmir", "gilgit-baltistan"),
        ("india",),
        True,
        "De facto line between Pakistani- and Indian-administered Kashmir "
        "(1972 Simla Agreement), not an international border.",
    ),
    BorderSpec(
        "pakistan-iran-border", "Pakistan-Iran border", ("pakistan",), ("iran",)
    ),
)

#: docs/notes.md section 7: the Wakhan Corridor is Afghanistan east of this meridian ...
WAKHAN_MIN_LON = 71.65
#: ... and north of this parallel (degrees, EPSG:4326).
WAKHAN_MIN_LAT = 36.4
WAKHAN_DERIVATION = (
    f"Afghanistan (dissolved Natural Earth 1:10m admin-1) east of {WAKHAN_MIN_LON} E "
    f"and north of {WAKHAN_MIN_LAT} N (docs/notes.md section 7)."
)
#: Window where the Siachen gap (land in no country of the coverage) lies.
SIACHEN_BBOX: tuple[float, float, float, float] = (76.0, 34.8, 78.0, 36.2)
SIACHEN_DERIVATION = (
    "The gap between Pakistan, India and China in Natural Earth 1:10m admin-1 "
    f"(interior ring of the union of the nine countries inside {SIACHEN_BBOX})."
)


def shared_edge(a: BaseGeometry, b: BaseGeometry) -> BaseGeometry:
    """Return the boundary two coverage polygons share, as merged lines.

    Parameters
    ----------
    a, b : shapely geometry
        Polygons of one valid coverage (EPSG:4326), so shared edges have identical
        vertices.

    Returns
    -------
    shapely geometry
        LineString or MultiLineString (empty if they do not touch).
    """
    common = shapely.intersection(a.boundary, b.boundary)
    parts = shapely.get_parts(common)
    lines = [p for p in parts if p.geom_type in ("LineString", "MultiLineString")]
    return shapely.line_merge(shapely.union_all(lines))


def derive_borders(polygons: dict[str, BaseGeometry]) -> gpd.GeoDataFrame:
    """Derive the `BORDERS` lines from country and province polygons.

    Parameters
    ----------
    polygons : dict of str to shapely geometry
        Feature id -> polygon, all from one coverage in EPSG:4326.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``feature_id, name, kind, disputed, note, geometry`` (EPSG:4326).
    """
    rows = []
    for spec in BORDERS:
        a = shapely.union_all([polygons[i] for i in spec.side_a])
        b = shapely.union_all([polygons[i] for i in spec.side_b])
        rows.append(
            {
                "feature_id": spec.feature_id,
                "name": spec.name,
                "kind": "boundary",
                "disputed": spec.disputed,
                "note": spec.note,
                "geometry": shared_edge(a, b),
            }
        )
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def derive_wakhan(afghanistan: BaseGeometry) -> BaseGeometry:
    """Cut the Wakhan Corridor out of Afghanistan (see `WAKHAN_DERIVATION`).

    Parameters
    ----------
    afghanistan : shapely geometry
        Afghanistan polygon, EPSG:4326.

    Returns
    -------
    shapely geometry
        The corridor polygon, EPSG:4326.
    """
    return shapely.intersection(
        afghanistan, box(WAKHAN_MIN_LON, WAKHAN_MIN_LAT, 90, 90)
    )


def derive_siachen(countries: list[BaseGeometry]) -> BaseGeometry:
    """Return the land in no country near the Siachen glacier (see `SIACHEN_BBOX`).

    Parameters
    ----------
    countries : list of shapely geometry
        Country polygons of one valid coverage, EPSG:4326.

    Returns
    -------
    shapely geometry
        Polygon (or MultiPolygon) of the gap, EPSG:4326.
    """
    union = shapely.coverage_union_all(countries)
    window = box(*SIACHEN_BBOX)
    holes = [
        shapely.Polygon(ring)
        for poly in shapely.get_parts(union)
        for ring in poly.interiors
        if shapely.intersects(shapely.Polygon(ring), window)
    ]
    return shapely.union_all(holes)
