"""Districts, towns and regions the news names: the places layer's second tier."""

from __future__ import annotations

from geo.place_spec import (
    GEONAMES_LICENCE,
    GEONAMES_SOURCE,
    WIKI,
    PlaceSpec,
    make_geonames_spec,
    make_manual_spec,
)

_g = make_geonames_spec
_m = make_manual_spec
_KP = "khyber-pakhtunkhwa"


def _at(seat: str, gid: int, what: str = "the district headquarters") -> str:
    """Return the derivation of a district or region drawn at its seat."""
    return (
        f"Point at {seat}, {what} (GeoNames {gid}); the extent of the district or "
        "region is not drawn."
    )


#: A district or region is kind ``area`` drawn at its seat (see `_at`); towns that
#: are also district seats are their own ``city`` features at the same point
#: (Khar and Saidu Sharif are not features yet).
TOWNS: tuple[PlaceSpec, ...] = (
    # Khyber Pakhtunkhwa, incl. the former tribal agencies (districts since 2018)
    _g("bannu", "Bannu", "city", _KP, 1183460),
    _g("dera-ismail-khan", "Dera Ismail Khan", "city", _KP, 1180281),
    _g("lakki-marwat", "Lakki Marwat", "city", _KP, 1172339),
    _g(
        "north-waziristan",
        "North Waziristan",
        "area",
        _KP,
        1170367,
        _at("Miran Shah", 1170367),
    ),
    _g("miran-shah", "Miran Shah", "city", _KP, 1170367),
    _g(
        "south-waziristan",
        "South Waziristan",
        "area",
        _KP,
        1162634,
        _at("Wana", 1162634),
    ),
    _g("wana", "Wana", "city", _KP, 1162634),
    PlaceSpec(
        "waziristan",
        "Waziristan",
        "area",
        _KP,
        lat=32.6497,
        lon=69.8218,
        source=f"{GEONAMES_SOURCE}, ids 1170367 (Miran Shah) and 1162634 (Wana): "
        "midpoint",
        licence=GEONAMES_LICENCE + "; derived",
        note="The region of North and South Waziristan; the point is schematic.",
        derivation="Point midway between Miran Shah and Wana, the seats of North "
        "and South Waziristan (GeoNames 1170367, 1162634); the region is not drawn.",
    ),
    _g("bajaur", "Bajaur", "area", _KP, 1174089, _at("Khar", 1174089)),
    _g(
        "khyber-district",
        "Khyber District",
        "area",
        _KP,
        1172208,
        _at("Landi Kotal", 1172208),
    ),
    _g("landi-kotal", "Landi Kotal", "city", _KP, 1172208),
    _g("kurram", "Kurram", "area", _KP, 1168394, _at("Parachinar", 1168394)),
    _g("parachinar", "Parachinar", "city", _KP, 1168394),
    _g("chitral", "Chitral", "city", _KP, 1181065),
    _g("swat", "Swat", "area", _KP, 1166475, _at("Saidu Sharif", 1166475)),
    _g("mingora", "Mingora", "city", _KP, 1170395),
    _g("dasu", "Dasu", "city", _KP, 7427390),
    _g("abbottabad", "Abbottabad", "city", _KP, 1185056),
    _g("nowshera", "Nowshera", "city", _KP, 1168864),
    # Punjab
    _g("rawalpindi", "Rawalpindi", "city", "punjab", 1166993),
    _g("mianwali", "Mianwali", "city", "punjab", 1170425),
    _g("attock", "Attock", "city", "punjab", 1184249),
    _m(
        "wagah",
        "Wagah",
        "crossing",
        "punjab",
        (31.6047, 74.5731),
        WIKI + "'Wagah' (31°36′17″N 74°34′23″E)",
        "Wagah (Pakistan) - Attari (India) border crossing; the point is the "
        "village, 600 m west of the border.",
    ),
    _m(
        "kartarpur",
        "Kartarpur Corridor",
        "crossing",
        "punjab",
        (32.0874, 75.0166),
        WIKI + "'Gurdwara Darbar Sahib Kartarpur' (32°05′14″N 75°01′00″E)",
        "Visa-free corridor (2019) for Indian pilgrims from Dera Baba Nanak; the "
        "point is the gurdwara at its Pakistani end, about 4 km from the border.",
    ),
    # Balochistan
    _g("turbat", "Turbat", "city", "balochistan", 1163054),
    _g("panjgur", "Panjgur", "city", "balochistan", 1168446),
    _g("mastung", "Mastung", "city", "balochistan", 1170706),
    # Gilgit-Baltistan
    _g("skardu", "Skardu", "city", "gilgit-baltistan", 1164709),
    # Afghanistan
    PlaceSpec(
        "spin-boldak",
        "Spin Boldak",
        "city",
        "kandahar-province",
        geonameid=1123906,
        note="Afghan side of the Chaman crossing.",
    ),
    # Tajikistan
    _g("khorog", "Khorog", "city", "tajikistan", 1221328),
    _g(
        "gorno-badakhshan",
        "Gorno-Badakhshan",
        "area",
        "tajikistan",
        1221328,
        _at("Khorog", 1221328, "the region's capital"),
    ),
    _g("ishkoshim", "Ishkoshim", "city", "tajikistan", 1221614),
    # Iran
    _g("zahedan", "Zahedan", "city", "iran", 1159301),
    _g(
        "sistan-and-baluchestan",
        "Sistan and Baluchestan",
        "area",
        "iran",
        1159301,
        _at("Zahedan", 1159301, "the province's capital"),
    ),
    _g("chabahar", "Chabahar", "city", "iran", 1161724),
    _g("saravan", "Saravan", "city", "iran", 1159713),
    _g("kerman", "Kerman", "city", "iran", 128234),
    # China
    _g("urumqi", "Urumqi", "city", "china", 1529102),
    _g(
        "xinjiang",
        "Xinjiang",
        "area",
        "china",
        1529102,
        _at("Urumqi", 1529102, "the region's capital"),
    ),
    _g("tashkurgan", "Tashkurgan", "city", "china", 1279901),
)
