"""Disk access for geo/: committed layers, names, facts (nothing else reads files)."""

from __future__ import annotations

import csv
import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from geo.catalog import get_layer
from geo.validate import validate_layer

if TYPE_CHECKING:
    import geopandas as gpd

#: Directory of the committed layers.
DATA_DIR = Path(__file__).resolve().parent / "data"

_COLUMNS = ("feature_id", "name", "kind", "note", "disputed")


class LayerError(ValueError):
    """A committed layer does not match its catalog spec (CRS, schema, geometry)."""


def read_layer(layer_id: str, data_dir: Path | None = None) -> gpd.GeoDataFrame:
    """Read a committed, display-simplified layer.

    Parameters
    ----------
    layer_id : str
        Catalog id (``countries``, ``provinces``, ``borders``, ``areas``,
        ``routes``, ``places``).
    data_dir : pathlib.Path, optional
        Directory to read from (default `DATA_DIR`).

    Returns
    -------
    geopandas.GeoDataFrame
        EPSG:4326, columns ``feature_id, name, kind, note, disputed, geometry``
        first, then layer extras.

    Raises
    ------
    LayerError
        If the file's CRS is not the catalog's, or the layer fails
        `geo.validate.validate_layer` (schema, count, kinds, ids, geometry).
    """
    import geopandas as gpd  # deferred: the gazetteer needs no geometry

    spec = get_layer(layer_id)
    path = (data_dir or DATA_DIR) / spec.path
    gdf = gpd.read_file(path, engine="pyogrio")
    problems = validate_layer(gdf, spec)
    if problems:
        raise LayerError(f"{path.name}: " + "; ".join(problems))
    for col in ("note", "parent"):
        if col in gdf.columns:
            gdf[col] = gdf[col].astype(object).where(gdf[col].notna(), None)
    gdf["disputed"] = gdf["disputed"].astype(bool)
    extras = [c for c in gdf.columns if c not in (*_COLUMNS, "geometry")]
    return gdf[[*_COLUMNS, "geometry", *extras]]


@lru_cache(maxsize=16)
def read_properties(layer_id: str) -> tuple[dict[str, Any], ...]:
    """Return the feature properties of a layer without parsing geometry.

    Parameters
    ----------
    layer_id : str
        Catalog id.

    Returns
    -------
    tuple of dict
        One dict per feature, in file order (cached; do not mutate).
    """
    text = (DATA_DIR / get_layer(layer_id).path).read_text(encoding="utf-8")
    return tuple(f["properties"] for f in json.loads(text)["features"])


@lru_cache(maxsize=1)
def read_names() -> dict[str, dict[str, Any]]:
    """Return ``geo/data/names.yaml``: feature id -> names, aliases, demonyms.

    Returns
    -------
    dict
        Parsed YAML (cached; do not mutate).
    """
    text = (DATA_DIR / "names.yaml").read_text(encoding="utf-8")
    data: dict[str, dict[str, Any]] = yaml.safe_load(text)
    return data


def read_facts() -> dict[str, Any]:
    """Return ``geo/data/facts.json`` (figures measured at build time).

    Returns
    -------
    dict
        Parsed JSON.
    """
    data: dict[str, Any] = json.loads((DATA_DIR / "facts.json").read_text("utf-8"))
    return data


@lru_cache(maxsize=1)
def read_places_table() -> tuple[dict[str, str], ...]:
    """Return ``geo/data/places.csv`` rows (coordinates with per-row attribution).

    Returns
    -------
    tuple of dict
        One dict of strings per place (cached; do not mutate).
    """
    with (DATA_DIR / "places.csv").open(encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(fh))
