"""The point features: which places, where their coordinates come from."""

from __future__ import annotations

from geo.place_spec import (
    GEONAMES_LICENCE,
    GEONAMES_SOURCE,
    MANUAL_LICENCE,
    WIKI,
    PlaceSpec,
    RouteSpec,
    make_geonames_spec,
    make_manual_spec,
)
from geo.towns import TOWNS

__all__ = [
    "CPEC_NOTE",
    "CPEC_WAYPOINTS",
    "GEONAMES_LICENCE",
    "GEONAMES_SOURCE",
    "KKH_NOTE",
    "KKH_WAYPOINTS",
    "MANUAL_LICENCE",
    "PLACES",
    "ROUTES",
    "PlaceSpec",
    "RouteSpec",
    "list_city_ids",
]

_g = make_geonames_spec
_m = make_manual_spec

#: Capitals, provincial capitals, the places the seed articles name, crossings, passes.
_CORE: tuple[PlaceSpec, ...] = (
    # national capitals of the region
    _g("kabul", "Kabul", "city", "kabul-province", 1138958),
    _g("islamabad", "Islamabad", "city", "islamabad-capital-territory", 1176615),
    _g("dushanbe", "Dushanbe", "city", "tajikistan", 1221874),
    _g("beijing", "Beijing", "city", "china", 1816670),
    _g("new-delhi", "New Delhi", "city", "india", 1261481),
    _g("tehran", "Tehran", "city", "iran", 112931),
    _g("tashkent", "Tashkent", "city", "uzbekistan", 1512569),
    _g("ashgabat", "Ashgabat", "city", "turkmenistan", 162183),
    _g("bishkek", "Bishkek", "city", "kyrgyzstan", 1528675),
    # cities outside the region named by the seed articles
    _g("moscow", "Moscow", "city", "russia", 524901),
    _g("doha", "Doha", "city", None, 290030),
    # countries outside the region, as points at their capitals
    _g("russia", "Russia", "country", None, 524901),
    _g("united-states", "United States", "country", None, 4140963),
    _g("uae", "United Arab Emirates", "country", None, 292968),
    _g("sri-lanka", "Sri Lanka", "country", None, 1238992),
    _g("bangladesh", "Bangladesh", "country", None, 1185241),
    _g("maldives", "Maldives", "country", None, 1282027),
    _g("bhutan", "Bhutan", "country", None, 1252416),
    _g("laos", "Laos", "country", None, 1651944),
    PlaceSpec(
        "israel",
        "Israel",
        "country",
        None,
        geonameid=281184,
        note="Point at Jerusalem, which Israel designates as its capital; "
        "its status is disputed internationally.",
    ),
    # provincial capitals, Afghanistan
    _g("qala-i-naw", "Qala-i-Naw", "city", "badghis", 1129867),
    _g("herat", "Herat", "city", "herat-province", 1140026),
    _g("bamyan", "Bamyan", "city", "bamyan-province", 1147242),
    _g("mazar-i-sharif", "Mazar-i-Sharif", "city", "balkh", 1133616),
    _g("maymana", "Maymana", "city", "faryab", 1133453),
    _g("sheberghan", "Sheberghan", "city", "jawzjan", 1125444),
    _g("chaghcharan", "Chaghcharan", "city", "ghor", 1145904),
    _g("sar-e-pol", "Sar-e Pol", "city", "sar-e-pol-province", 1127110),
    _g("farah", "Farah", "city", "farah-province", 1142264),
    _g("lashkar-gah", "Lashkar Gah", "city", "helmand", 1134720),
    _g("zaranj", "Zaranj", "city", "nimroz", 1120985),
    _g("tarinkot", "Tarinkot", "city", "uruzgan", 1122747),
    _g("nili", "Nili", "city", "daykundi", 1131833),
    _g("kandahar", "Kandahar", "city", "kandahar-province", 1138336),
    _g("qalat", "Qalat", "city", "zabul", 1130131),
    _g("ghazni", "Ghazni", "city", "ghazni-province", 1141269),
    _g("khost", "Khost", "city", "khost-province", 1136469),
    _g("sharana", "Sharana", "city", "paktika", 8534261),
    _g("fayzabad", "Fayzabad", "city", "badakhshan", 1142170),
    _g("parun", "Parun", "city", "nuristan", 1130469),
    _g("asadabad", "Asadabad", "city", "kunar", 1148311),
    _g("kunduz", "Kunduz", "city", "kunduz-province", 1135689),
    _g("jalalabad", "Jalalabad", "city", "nangarhar", 1139715),
    _g("taloqan", "Taloqan", "city", "takhar", 1123004),
    _g("pul-i-khumri", "Pul-i-Khumri", "city", "baghlan", 1130490),
    _m(
        "mahmud-i-raqi",
        "Mahmud-i-Raqi",
        "city",
        "kapisa",
        (35.0167, 69.3333),
        WIKI + "'Mahmud-i-Raqi' (35°01′N 69°20′E)",
    ),
    _g("bazarak", "Bazarak", "city", "panjshir", 1429434),
    _g("mehtarlam", "Mehtarlam", "city", "laghman", 1133574),
    _g("pul-i-alam", "Pul-i-Alam", "city", "logar", 1130497),
    _g("charikar", "Charikar", "city", "parwan", 1145352),
    _g("aybak", "Aybak", "city", "samangan", 1127768),
    _g("maidan-shahr", "Maidan Shahr", "city", "wardak", 1456960),
    _g("gardez", "Gardez", "city", "paktia", 1141857),
    # provincial capitals, Pakistan
    _g("quetta", "Quetta", "city", "balochistan", 1167528),
    _g("muzaffarabad", "Muzaffarabad", "city", "azad-jammu-and-kashmir", 1169607),
    _g("gilgit", "Gilgit", "city", "gilgit-baltistan", 1178338),
    _g("peshawar", "Peshawar", "city", "khyber-pakhtunkhwa", 1168197),
    _g("lahore", "Lahore", "city", "punjab", 1172451),
    _g("karachi", "Karachi", "city", "sindh", 1174872),
    # other towns (CPEC waypoints, the Wakhan)
    _g("gwadar", "Gwadar", "city", "balochistan", 1177446),
    _g("multan", "Multan", "city", "punjab", 1169825),
    _g("sukkur", "Sukkur", "city", "sindh", 1164408),
    _g("kashgar", "Kashgar", "city", "china", 1280849),
    _m(
        "ishkashim",
        "Ishkashim",
        "city",
        "badakhshan",
        (36.7, 71.5667),
        WIKI + "'Ishkashim, Afghanistan' (36°42′N 71°34′E); GeoNames 1148268 "
        "(Ashkasham, 36.683 N 71.533 E) lies about 3.5 km south-west",
        "Afghan Ishkashim, at the western entrance of the Wakhan (Tajik Ishkoshim is "
        "across the Panj).",
    ),
    # sites
    _m(
        "crocus-city-hall",
        "Crocus City Hall",
        "site",
        "russia",
        (55.8256, 37.3886),
        WIKI + "'Crocus City Hall' (55°49′32″N 37°23′19″E)",
        "Concert hall in Krasnogorsk, Moscow Oblast; attacked by ISKP, March 2024.",
    ),
    # border crossings on the Durand Line
    _m(
        "torkham",
        "Torkham",
        "crossing",
        "khyber-pakhtunkhwa",
        (34.1, 71.0833),
        WIKI + "'Torkham' (34°06′N 71°05′E)",
    ),
    _g("chaman", "Chaman", "crossing", "balochistan", 1181611),
    PlaceSpec(
        "ghulam-khan",
        "Ghulam Khan",
        "crossing",
        "khyber-pakhtunkhwa",
        source="derived: point of the durand-line nearest to Miran Shah "
        "(GeoNames 1170367)",
        note="Approximate position (crossing on the Miran Shah-Khost road).",
    ),
    _m(
        "angoor-adda",
        "Angoor Adda",
        "crossing",
        "khyber-pakhtunkhwa",
        (32.5156, 69.2825),
        WIKI + "'Angur Ada' (32°30′56″N 69°16′57″E)",
    ),
    # passes
    _m(
        "khyber-pass",
        "Khyber Pass",
        "pass",
        "khyber-pakhtunkhwa",
        (34.0744, 71.2047),
        WIKI + "'Khyber Pass' (34°04′28″N 71°12′17″E)",
    ),
    _m(
        "khunjerab-pass",
        "Khunjerab Pass",
        "pass",
        "gilgit-baltistan",
        (36.8503, 75.4281),
        WIKI + "'Khunjerab Pass' (36°51′01″N 75°25′41″E)",
    ),
    _m(
        "wakhjir-pass",
        "Wakhjir Pass",
        "pass",
        "badakhshan",
        (37.0833, 74.4833),
        WIKI + "'Wakhjir Pass' (37°05′N 74°29′E)",
    ),
    _m(
        "baroghil-pass",
        "Baroghil Pass",
        "pass",
        "badakhshan",
        (36.8833, 73.3),
        WIKI + "'Baroghil Pass' (36°53′N 73°18′E)",
    ),
    _m(
        "kilik-pass",
        "Kilik Pass",
        "pass",
        "gilgit-baltistan",
        (37.09, 74.675),
        WIKI + "'Kilik Pass' (37°05′24″N 74°40′30″E)",
    ),
)
#: Every point: the core above, then districts, towns and regions (geo/towns.py).
PLACES: tuple[PlaceSpec, ...] = (*_CORE, *TOWNS)

#: CPEC, drawn schematically as straight segments through these places (in order).
CPEC_WAYPOINTS: tuple[str, ...] = (
    "kashgar",
    "khunjerab-pass",
    "gilgit",
    "islamabad",
    "lahore",
    "multan",
    "sukkur",
    "karachi",
    "gwadar",
)
CPEC_NOTE = (
    "Schematic: straight segments through named waypoints (Kashgar, Khunjerab Pass, "
    "Gilgit, Islamabad, Lahore, Multan, Sukkur, Karachi, Gwadar), not the road or "
    "rail alignment."
)
#: The Karakoram Highway (N-35 in Pakistan, G314 in China), schematic.
KKH_WAYPOINTS: tuple[str, ...] = (
    "kashgar",
    "tashkurgan",
    "khunjerab-pass",
    "gilgit",
    "dasu",
    "abbottabad",
)
KKH_NOTE = (
    "Schematic: straight segments through named waypoints (Kashgar, Tashkurgan, "
    "Khunjerab Pass, Gilgit, Dasu, Abbottabad), not the road alignment; the road "
    "runs on about 60 km from Abbottabad to Hasan Abdal, which is not drawn."
)
#: Every schematic route of the routes layer.
ROUTES: tuple[RouteSpec, ...] = (
    RouteSpec("cpec", "China-Pakistan Economic Corridor", CPEC_WAYPOINTS, CPEC_NOTE),
    RouteSpec("karakoram-highway", "Karakoram Highway", KKH_WAYPOINTS, KKH_NOTE),
)


def list_city_ids() -> frozenset[str]:
    """Return the ids of the city points (provinces with the same slug are renamed).

    Returns
    -------
    frozenset of str
        Feature ids of kind ``city``.
    """
    return frozenset(p.feature_id for p in PLACES if p.kind == "city")
