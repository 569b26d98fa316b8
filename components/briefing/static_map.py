"""The view as a static PNG or SVG map, drawn with matplotlib (Agg), no browser."""

from __future__ import annotations

import io
import re
import textwrap

import matplotlib
from matplotlib.axes import Axes
from matplotlib.figure import Figure

import geopandas as gpd

from components.briefing.describe import describe_caption, describe_title
from components.briefing.document import DISPUTE_NOTES
from components.briefing.frame import build_view_frame
from components.briefing.furniture import (
    draw_legend,
    draw_north_arrow,
    draw_scale_bar,
)
from components.briefing.model import Briefing
from components.briefing.static_layers import draw_features, draw_labels
from components.map.legend import build_evidence_bins

#: Default output: 1600 x 1100 px (16 x 11 in at 100 dpi).
WIDTH_PX, HEIGHT_RATIO, DPI = 1600, 11 / 16, 100
_MAP_BOX = (0.02, 0.16, 0.96, 0.74)  # left, bottom, width, height (figure fraction)
_EDGE, _BACKGROUND, _POINT = "#7d7d7d", "#dde5ea", "#2c3e50"


def build_static_map(
    briefing: Briefing, fmt: str = "png", width_px: int = WIDTH_PX, dpi: int = DPI
) -> bytes:
    """Render the view's features, shaded by evidence, as a PNG or SVG image.

    Parameters
    ----------
    briefing : Briefing
        The exported view; drawn in Web Mercator (EPSG:3857) over ``bounds``.
    fmt : {"png", "svg"}
        Output format.
    width_px : int
        Width in pixels (the SVG declares the same size in px); height is 11/16 of it.
    dpi : int
        Resolution of the PNG (text sizes are in points).

    Returns
    -------
    bytes
        The image, with title, legend, scale bar, north arrow, attribution and the
        filters in the caption; the metadata ``Coverage`` states the extent.
    """
    if fmt not in {"png", "svg"}:
        raise ValueError(f"unknown image format {fmt!r} (use png or svg)")
    width_in = width_px / dpi
    fig = Figure(figsize=(width_in, width_in * HEIGHT_RATIO), dpi=dpi)
    ax = fig.add_axes(_MAP_BOX)
    frame = build_view_frame(briefing).to_crs(3857)
    extent = _fit_extent(
        briefing.bounds, width_px * _MAP_BOX[2], _MAP_BOX[3] * width_px * HEIGHT_RATIO
    )
    vmax = int(frame["evidence"].max()) if len(frame) else 0
    draw_features(ax, frame, briefing.selected)
    draw_labels(ax, frame, extent)
    _set_extent(ax, extent)
    draw_scale_bar(ax, extent)
    draw_north_arrow(ax)
    selected = briefing.feature_name(briefing.selected) if briefing.selected else None
    draw_legend(ax, build_evidence_bins(vmax), selected)
    _draw_texts(fig, briefing)
    return _save(fig, fmt, briefing, extent, width_px)


def _fit_extent(
    bounds: tuple[float, float, float, float], width: float, height: float
) -> tuple[float, float, float, float]:
    """Project ``bounds`` to EPSG:3857 and widen them to the axes' aspect ratio."""
    box = gpd.GeoSeries.from_xy(
        [bounds[0], bounds[2]], [bounds[1], bounds[3]], crs=4326
    )
    x0, y0, x1, y1 = box.to_crs(3857).total_bounds
    cx, cy, w, h = (x0 + x1) / 2, (y0 + y1) / 2, x1 - x0, y1 - y0
    if w / h < width / height:
        w = h * width / height
    else:
        h = w * height / width
    return (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


def _set_extent(ax: Axes, extent: tuple[float, float, float, float]) -> None:
    ax.set_xlim(extent[0], extent[2])
    ax.set_ylim(extent[1], extent[3])
    ax.set_aspect("equal", adjustable="box")
    ax.set_facecolor(_BACKGROUND)
    ax.set_xticks([])
    ax.set_yticks([])


def _draw_texts(fig: Figure, briefing: Briefing) -> None:
    fig.text(
        0.02,
        0.975,
        _plain(describe_title(briefing)),
        fontsize=22,
        weight="bold",
        va="top",
    )
    fig.text(
        0.02,
        0.935,
        _plain(
            f"As of {briefing.as_of.isoformat()} \u00b7 "
            f"{briefing.matching:,} matching passages"
        ),
        fontsize=12,
        va="top",
        color="#444",
    )
    caption = textwrap.fill(_plain(describe_caption(briefing)), 150)
    fig.text(0.02, 0.135, caption, fontsize=10.5, va="top", gid="caption")
    fig.text(
        0.02,
        0.055,
        textwrap.fill(_plain(_attribution(briefing)), 190),
        fontsize=8.5,
        va="top",
        color="#555",
        gid="attribution",
    )


def _attribution(briefing: Briefing) -> str:
    sources = dict.fromkeys(
        f"{i.source} ({i.licence})" for i in briefing.infos.values()
    )
    lines = [n for n, _ in DISPUTE_NOTES]
    return (
        "Sources: "
        + "; ".join(sources)
        + ". Web Mercator (EPSG:3857). Disputed: "
        + ", ".join(lines)
        + " (see the briefing). Lines shown imply no endorsement."
    )


def _plain(text: str) -> str:
    """Keep matplotlib from reading ``$...$`` in user text as mathtext."""
    return text.replace("$", r"\$")


def _save(
    fig: Figure, fmt: str, briefing: Briefing, extent: tuple[float, ...], width_px: int
) -> bytes:
    box = gpd.GeoSeries.from_xy(
        [extent[0], extent[2]], [extent[1], extent[3]], crs=3857
    )
    w, s, e, n = box.to_crs(4326).total_bounds
    coverage = f"EPSG:4326 bbox {w:.4f} {s:.4f} {e:.4f} {n:.4f} (west south east north)"
    meta = {
        "Title": describe_title(briefing),
        "Description": describe_caption(briefing),
        "Coverage": coverage,
    }
    buf = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "briefing"}):
        fig.savefig(buf, format=fmt, metadata=meta, dpi=fig.dpi)
    data = buf.getvalue()
    if fmt == "svg":
        size = f'width="{width_px}px" height="{round(width_px * HEIGHT_RATIO)}px"'
        data = re.sub(
            rb'width="[\d.]+pt" height="[\d.]+pt"', size.encode(), data, count=1
        )
    return data
