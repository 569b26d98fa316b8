"""Map legend drawn by Streamlit (no branca): evidence shading and line styles."""

from __future__ import annotations

import html
import math
from dataclasses import dataclass
from typing import Any

import streamlit as st

from components.map.legend_kinds import build_kinds_legend_html
from components.map.style import (
    CLIP_EDGE_STYLE,
    KIND_STYLES,
    PROVINCE_EVIDENCE,
    style_feature,
)

#: The kind whose fill the evidence ramp describes (countries drawn whole).
_POLYGON = "country"
#: The basemap's land colour (`components.basemap.render.LAND`), under every fill.
PAPER = (246, 243, 235)
#: Layout of the legend's parts: side by side, wrapping on narrow columns.
_GRID = (
    "display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));"
    "gap:2px 18px;font-size:.8rem;line-height:1.55"
)


def _style(fid: str, kind: str, **extra: Any) -> dict[str, Any]:
    """Ask the map for the style it gives a feature (single source of truth)."""
    counts = extra.pop("counts", None)
    props = {"feature_id": fid, "kind": kind, **extra}
    return style_feature({"properties": props}, counts=counts)


def _blend(colour: str, opacity: float) -> str:
    """Blend ``colour`` (#rrggbb) at ``opacity`` over the land, as the map shows it."""
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    alpha = max(0.0, min(1.0, opacity))
    out = [round(p + (c - p) * alpha) for c, p in zip(rgb, PAPER, strict=True)]
    return "#" + "".join(f"{c:02x}" for c in out)


def evidence_colour(count: int, max_count: int) -> str:
    """Return the fill of a polygon with ``count`` passages (the most: ``max_count``).

    Derived from `components.map.style.style_feature` (the map's own shading: a
    colour ramp on a log scale, drawn half transparent, or the muted grey for
    zero), blended over the basemap's land colour `PAPER`.

    Parameters
    ----------
    count : int
        Passages linked to the feature under the current filters.
    max_count : int
        Largest count over the features shown.

    Returns
    -------
    str
        Hex colour ``#rrggbb``.
    """
    counts = {"legend-x": max(0, count), "legend-top": max(0, max_count)}
    style = _style("legend-x", _POLYGON, counts=counts)
    return _blend(str(style["fillColor"]), float(style.get("fillOpacity", 1.0)))


def build_evidence_bins(max_count: int, steps: int = 4) -> list[tuple[int, int, str]]:
    """Return legend rows ``(low, high, colour)``: zero, then up to ``steps`` ranges.

    The first row is always ``(0, 0, muted colour)``; ranges split ``1..max_count``
    on a log scale as the map does, each coloured at its upper end.
    """
    bins: list[tuple[int, int, str]] = [(0, 0, evidence_colour(0, max_count))]
    top = max(0, max_count)
    low = 1
    for step in range(1, steps + 1):
        high = min(top, max(low, round(math.expm1(math.log1p(top) * step / steps))))
        if low > top:
            break
        if high >= low:
            bins.append((low, high, evidence_colour(high, top)))
            low = high + 1
    return bins


@dataclass(frozen=True)
class LineStyle:
    """A line sample in the legend."""

    label: str
    color: str
    weight: float
    dash_array: str | None = None


def build_line_styles() -> list[LineStyle]:
    """Return the line samples, styled by the map's own style function."""
    samples = [
        ("Durand Line (not recognised by Afghanistan)", "durand-line", "boundary", {}),
        ("Other international borders", "legend-border", "boundary", {}),
        ("Disputed (dashed)", "legend-disputed", "boundary", {"disputed": True}),
        ("Schematic route (CPEC)", "cpec", "route", {}),
    ]
    out = []
    for label, fid, kind, extra in samples:
        style = _style(fid, kind, **extra)
        dash = style.get("dashArray")
        out.append(
            LineStyle(label, str(style["color"]), float(style.get("weight", 1.0)),
                      str(dash) if dash else None)
        )  # fmt: skip
    return out


def _swatch(colour: str) -> str:
    """Return a filled square swatch."""
    return (
        f'<span style="display:inline-block;width:14px;height:14px;'
        f"background:{colour};border:1px solid #999;vertical-align:middle;"
        'margin-right:6px"></span>'
    )


def build_css_border(style: LineStyle) -> str:
    """Return a CSS ``border-top`` drawing a line style (st.html strips inline SVG).

    A Leaflet dash array whose dashes are shorter than its gaps reads as dotted,
    any other dash array as dashed.
    """
    kind = "solid"
    if style.dash_array:
        numbers = [float(n) for n in style.dash_array.replace(",", " ").split()]
        dash, gap = (numbers + numbers)[:2] if numbers else (1.0, 1.0)
        kind = "dotted" if dash < gap else "dashed"
    return f"border-top:{max(1, round(style.weight))}px {kind} {style.color}"


def _line(style: LineStyle) -> str:
    """Return a line sample drawn with a CSS border."""
    return (
        '<span style="display:inline-block;width:34px;height:0;'
        f'vertical-align:middle;margin-right:6px;{build_css_border(style)}"></span>'
    )


def _section(title: str, rows: list[str]) -> str:
    return f"<div><strong>{html.escape(title)}</strong>{''.join(rows)}</div>"


def build_legend_html(
    max_count: int, *, title: str = "Evidence", symbols: bool = True
) -> str:
    """Build the legend: passage-count swatches, line styles and map symbols.

    Parameters
    ----------
    max_count : int
        Largest passage count of any feature under the current filters.
    title : str
        Heading of the shading part.
    symbols : bool
        Add the areas and place kinds (`components.map.legend_kinds`) as a third part.

    Returns
    -------
    str
        HTML fragment for ``st.html``: the parts side by side (a CSS grid).
    """
    rows = []
    for low, high, colour in build_evidence_bins(max_count):
        if high == 0:
            label = "no passages (muted grey)"
        elif low == high:
            label = f"{low} passage{'s' if low != 1 else ''}"
        else:
            label = f"{low}-{high} passages"
        rows.append(f"<div>{_swatch(colour)}{html.escape(label)}</div>")
    province = LineStyle("", str(PROVINCE_EVIDENCE["color"]), 2.0)
    rows.append(f"<div>{_line(province)}province with passages</div>")
    country = KIND_STYLES["country"]
    outline = LineStyle("", str(country["color"]), float(country["weight"]))
    rows.append(f"<div>{_line(outline)}country outline (tells neighbours apart)</div>")
    edge = LineStyle(
        "", str(CLIP_EDGE_STYLE["color"]), float(CLIP_EDGE_STYLE["weight"]),
        str(CLIP_EDGE_STYLE["dashArray"]),
    )  # fmt: skip
    rows.append(
        f"<div>{_line(edge)}edge of the map: the country goes on (China, India)</div>"
    )
    lines = [
        f"<div>{_line(style)}{html.escape(style.label)}</div>"
        for style in build_line_styles()
    ]
    parts = [
        _section(f"{title} (country fill)", rows),
        _section("Lines", lines),
    ]
    if symbols:
        parts.append(build_kinds_legend_html())
    return f'<div class="legend" style="{_GRID}">{"".join(parts)}</div>'


def render(max_count: int, *, key: str = "legend") -> None:
    """Draw the whole legend, its parts side by side, in an expander "Legend"."""
    with st.expander("Legend", expanded=True, key=f"{key}.expander"):
        st.html(build_legend_html(max_count))
