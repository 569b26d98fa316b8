"""Draw a view frame's features for the static map, styled exactly as the web map."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from matplotlib.axes import Axes
from matplotlib.patheffects import withStroke

import geopandas as gpd
import shapely

from components.briefing.draw import draw_geometry
from components.map.style import style_feature

#: Drawing order by geometry: areas under lines under points.
_Z = {"Polygon": 2, "MultiPolygon": 2, "LineString": 4, "MultiLineString": 4}


def style_row(
    row: Any, counts: Mapping[str, int], selected: str | None
) -> dict[str, Any]:
    """Return the web map's Leaflet style of a frame row (`style_feature`)."""
    props = {
        "feature_id": row.feature_id,
        "kind": row.kind,
        "disputed": bool(row.disputed),
    }
    return style_feature({"properties": props}, selected=selected, counts=counts)


def draw_features(ax: Axes, frame: gpd.GeoDataFrame, selected: str | None) -> int:
    """Draw every feature of a view frame (EPSG:3857), shaded by evidence.

    Each feature is one artist with gid ``feature-<id>``; the selected feature is
    drawn last, on top.

    Returns
    -------
    int
        The number of artists drawn.
    """
    counts = {str(r.feature_id): int(r.evidence) for r in frame.itertuples()}
    drawn = 0
    for row in frame.itertuples(index=False):
        style = style_row(row, counts, selected)
        is_selected = row.feature_id == selected
        zorder = _Z.get(row.geometry.geom_type, 6) + (3 if is_selected else 0)
        prefix = "selected" if is_selected else "feature"
        gid = f"{prefix}-{row.layer}-{row.feature_id}"
        if draw_geometry(ax, row.geometry, style, gid=gid, zorder=zorder) is not None:
            drawn += 1
    return drawn


def draw_labels(
    ax: Axes, frame: gpd.GeoDataFrame, extent: tuple[float, float, float, float]
) -> None:
    """Label the selected feature and features with evidence, most cited first."""
    rows = frame[(frame["evidence"] > 0) | frame["selected"]]
    rows = rows.sort_values(["selected", "evidence"], ascending=False)
    rows = rows.drop_duplicates("feature_id")
    halo = [withStroke(linewidth=3, foreground="white")]
    dx, dy = (extent[2] - extent[0]) * 0.09, (extent[3] - extent[1]) * 0.04
    placed: list[tuple[float, float]] = []
    inner = shapely.box(
        extent[0] + dx / 3, extent[1] + dy, extent[2] - dx, extent[3] - dy
    )
    for row in rows.head(40).itertuples(index=False):
        shown = row.geometry.intersection(inner)
        if shown.is_empty:
            continue
        point = shown.representative_point()
        crowded = any(
            abs(point.x - x) < dx and abs(point.y - y) < dy for x, y in placed
        )
        if crowded:
            continue
        placed.append((point.x, point.y))
        ax.annotate(
            f"{row.name} ({row.evidence})".replace("$", r"\$"),
            (point.x, point.y),
            xytext=(5, 5),
            textcoords="offset points",
            fontsize=11 if row.selected else 9.5,
            fontweight="bold" if row.selected else "normal",
            path_effects=halo,
            zorder=12,
            annotation_clip=True,
        )
