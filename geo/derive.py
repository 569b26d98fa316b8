"""Pure derivations: Natural Earth admin-1 -> named provinces, coverage, countries."""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

import geopandas as gpd
import shapely
from shapely.geometry import box

#: Natural Earth ``adm0_a3`` -> (feature id, English name) of the nine region countries.
COUNTRIES: dict[str, tuple[str, str]] = {
    "AFG": ("afghanistan", "Afghanistan"),
    "PAK": ("pakistan", "Pakistan"),
    "TJK": ("tajikistan", "Tajikistan"),
    "CHN": ("china", "China"),
    "IND": ("india", "India"),
    "IRN": ("iran", "Iran"),
    "UZB": ("uzbekistan", "Uzbekistan"),
    "TKM": ("turkmenistan", "Turkmenistan"),
    "KGZ": ("kyrgyzstan", "Kyrgyzstan"),
}

#: Countries whose provinces go into the ``provinces`` layer.
PROVINCE_COUNTRIES: tuple[str, ...] = ("AFG", "PAK")

#: docs/notes.md section 6: today's names for the older Natural Earth release, by
#: ``adm1_code`` (N.W.F.P. and F.A.T.A. merge into Khyber Pakhtunkhwa, 2018).
RENAMES: dict[str, str] = {
    "PAK-1108": "Balochistan",
    "PAK-1109": "Azad Jammu and Kashmir",
    "PAK-1110": "Islamabad Capital Territory",
    "PAK-1111": "Gilgit-Baltistan",
    "PAK-1112": "Khyber Pakhtunkhwa",
    "PAK-1123": "Khyber Pakhtunkhwa",
    "PAK-1114": "Sindh",
    "AFG-1769": "Panjshir",
    "AFG-1753": "Daykundi",
    "AFG-1742": "Herat",
    "AFG-1748": "Sar-e Pol",
    "AFG-1750": "Helmand",
    "AFG-3413": "Paktia",
}

#: Provinces administered by Pakistan and claimed by India.
DISPUTED_PROVINCES: dict[str, str] = {
    "azad-jammu-and-kashmir": "Administered by Pakistan; claimed by India.",
    "gilgit-baltistan": "Administered by Pakistan; claimed by India.",
}

#: Display window for the countries layer (lon/lat degrees, EPSG:4326).
DISPLAY_BBOX: tuple[float, float, float, float] = (44.0, 20.0, 82.0, 46.0)

#: Grid the source coordinates are snapped to (degrees), docs/notes.md section 6.
PRECISION_DEG = 1e-6


def slugify(text: str) -> str:
    """Return a lowercase ASCII slug (``Sar-e Pol`` -> ``sar-e-pol``).

    Parameters
    ----------
    text : str
        Any name.

    Returns
    -------
    str
        Letters, digits and single hyphens.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def name_provinces(
    admin1: gpd.GeoDataFrame, city_ids: frozenset[str]
) -> gpd.GeoDataFrame:
    """Attach ``feature_id``, ``name``, ``country``, ``ne_name`` to admin-1 rows.

    Parameters
    ----------
    admin1 : geopandas.GeoDataFrame
        Natural Earth admin-1 polygons (EPSG:4326) with ``adm1_code``, ``name``,
        ``adm0_a3``.
    city_ids : frozenset of str
        Ids of city points; a province whose slug equals a city id gets the suffix
        ``-province`` and the name "<name> Province" (Kabul city vs Kabul Province).

    Returns
    -------
    geopandas.GeoDataFrame
        Same rows and geometry, renamed per `RENAMES`.
    """
    out = admin1.copy()
    names = [
        RENAMES.get(code, name if isinstance(name, str) else code)
        for code, name in zip(out["adm1_code"], out["name"], strict=True)
    ]
    ids, labels = [], []
    for name in names:
        slug = slugify(name)
        ids.append(f"{slug}-province" if slug in city_ids else slug)
        labels.append(f"{name} Province" if slug in city_ids else name)
    out["ne_name"] = out["name"]
    out["feature_id"] = ids
    out["name"] = labels
    out["country"] = [COUNTRIES[a3][0] for a3 in out["adm0_a3"]]
    return out


def snap_coverage(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Snap polygons to the `PRECISION_DEG` grid so neighbours share exact edges.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        Polygons in EPSG:4326 (degrees).

    Returns
    -------
    geopandas.GeoDataFrame
        A copy whose geometries form a valid coverage.
    """
    out = gdf.copy()
    out["geometry"] = shapely.set_precision(out.geometry.values, PRECISION_DEG)
    return out


def simplify_coverage(gdf: gpd.GeoDataFrame, tolerance: float) -> gpd.GeoDataFrame:
    """Simplify a polygon coverage as a whole, keeping shared edges shared.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        A valid polygon coverage in EPSG:4326.
    tolerance : float
        Visvalingam-Whyatt tolerance in degrees; 0 returns a copy.

    Returns
    -------
    geopandas.GeoDataFrame
        Simplified copy.
    """
    out = gdf.copy()
    if tolerance > 0:
        out["geometry"] = shapely.coverage_simplify(out.geometry.values, tolerance)
    return out


def dissolve_by(gdf: gpd.GeoDataFrame, column: str) -> gpd.GeoDataFrame:
    """Union coverage polygons sharing a value of `column` (first row's attributes).

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        A valid polygon coverage in EPSG:4326.
    column : str
        Grouping column.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per value, in first-seen order.
    """
    rows = []
    for _, group in gdf.groupby(column, sort=False):
        row = group.iloc[0].copy()
        row["geometry"] = shapely.coverage_union_all(group.geometry.values)
        rows.append(row)
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=gdf.crs).reset_index(
        drop=True
    )


def dissolve_countries(provinces: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Dissolve all admin-1 polygons into the nine countries.

    Parameters
    ----------
    provinces : geopandas.GeoDataFrame
        Named admin-1 coverage (see `name_provinces`), EPSG:4326.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``feature_id, name, kind, geometry``, one row per country.
    """
    countries = dissolve_by(provinces, "country")
    countries["feature_id"] = countries["country"]
    lookup = dict(COUNTRIES.values())
    countries["name"] = [lookup[fid] for fid in countries["feature_id"]]
    countries["kind"] = "country"
    return countries[["feature_id", "name", "kind", "geometry"]]


def select_provinces(named: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Return the provinces of Afghanistan and Pakistan, one row per feature id.

    Parameters
    ----------
    named : geopandas.GeoDataFrame
        Named admin-1 coverage, EPSG:4326.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``feature_id, name, kind, parent, ne_name, disputed, note, geometry``.
    """
    keep = named[named["adm0_a3"].isin(PROVINCE_COUNTRIES)]
    merged = dissolve_by(keep, "feature_id")
    joined = keep.groupby("feature_id", sort=False)["ne_name"].agg(" + ".join)
    merged["ne_name"] = [joined[fid] for fid in merged["feature_id"]]
    merged["kind"] = "province"
    merged["parent"] = merged["country"]
    merged["disputed"] = merged["feature_id"].isin(list(DISPUTED_PROVINCES))
    merged["note"] = [DISPUTED_PROVINCES.get(f) for f in merged["feature_id"]]
    cols = ["feature_id", "name", "kind", "parent", "ne_name", "disputed", "note"]
    return merged[[*cols, "geometry"]]


def clip_display(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Clip polygons to `DISPLAY_BBOX` (EPSG:4326) for the default map view.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        Polygons in EPSG:4326.

    Returns
    -------
    geopandas.GeoDataFrame
        Copy with clipped geometries.
    """
    out = gdf.copy()
    out["geometry"] = shapely.intersection(out.geometry.values, box(*DISPLAY_BBOX))
    return out


def concat_frames(frames: list[gpd.GeoDataFrame]) -> gpd.GeoDataFrame:
    """Concatenate frames that share a CRS into one GeoDataFrame.

    Parameters
    ----------
    frames : list of geopandas.GeoDataFrame
        Frames in the same CRS.

    Returns
    -------
    geopandas.GeoDataFrame
        Rows in order, fresh index.
    """
    merged = pd.concat(frames, ignore_index=True)
    return gpd.GeoDataFrame(merged, geometry="geometry", crs=frames[0].crs)
