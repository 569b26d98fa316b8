"""The features in a view as one frame: geometry, evidence counts and provenance."""

from __future__ import annotations

import pandas as pd

import geopandas as gpd
import shapely

from components.briefing.model import LAYER_ORDER, Briefing

#: Columns of the view frame, geometry last (EPSG:4326).
COLUMNS: tuple[str, ...] = (
    "feature_id",
    "name",
    "kind",
    "layer",
    "evidence",
    "selected",
    "disputed",
    "note",
    "source",
    "licence",
    "scale",
    "derivation",
    "geometry",
)


def build_view_frame(briefing: Briefing) -> gpd.GeoDataFrame:
    """Collect the features of every shown layer that intersect the view.

    Parameters
    ----------
    briefing : Briefing
        The exported view; ``bounds`` is (west, south, east, north), EPSG:4326.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per feature in view, layers in drawing order, EPSG:4326, with
        `COLUMNS`. ``evidence`` is the number of matching passages; provenance comes
        from the feature when it has its own, else from its layer.
    """
    box = shapely.box(*briefing.bounds)
    parts = []
    for layer_id in sorted(briefing.layers, key=_layer_rank):
        frame = briefing.layers[layer_id]
        if frame.crs is not None and frame.crs.to_epsg() != 4326:
            frame = frame.to_crs(4326)
        inside = frame[frame.geometry.intersects(box)]
        if len(inside):
            parts.append(_describe_rows(briefing, layer_id, inside))
    if not parts:
        return gpd.GeoDataFrame(
            {c: [] for c in COLUMNS[:-1]}, geometry=[], crs="EPSG:4326"
        )
    joined = pd.concat(parts, ignore_index=True)
    return gpd.GeoDataFrame(joined, geometry="geometry", crs="EPSG:4326")


def _layer_rank(layer_id: str) -> tuple[int, str]:
    order = LAYER_ORDER.index(layer_id) if layer_id in LAYER_ORDER else len(LAYER_ORDER)
    return order, layer_id


def _describe_rows(
    briefing: Briefing, layer_id: str, frame: gpd.GeoDataFrame
) -> pd.DataFrame:
    info = briefing.infos.get(layer_id)
    rows = []
    for row in frame.itertuples(index=False):
        fid = str(row.feature_id)
        feature = briefing.features.get(fid)
        note = getattr(row, "note", None) or getattr(feature, "note", None)
        rows.append(
            {
                "feature_id": fid,
                "name": str(getattr(row, "name", "") or briefing.feature_name(fid)),
                "kind": str(getattr(row, "kind", "") or getattr(feature, "kind", "")),
                "layer": layer_id,
                "evidence": int(briefing.counts.get(fid, 0)),
                "selected": fid == briefing.selected,
                "disputed": bool(getattr(row, "disputed", False)),
                "note": "" if note is None or pd.isna(note) else str(note),
                "source": _pick(feature, "source", info),
                "licence": _pick(feature, "licence", info),
                "scale": info.scale if info else "",
                "derivation": _pick(feature, "derivation", info),
                "geometry": row.geometry,
            }
        )
    return pd.DataFrame(rows, columns=list(COLUMNS))


def _pick(feature: object, attr: str, info: object) -> str:
    own = getattr(feature, attr, "") if feature is not None else ""
    return str(own or (getattr(info, attr, "") if info is not None else ""))
