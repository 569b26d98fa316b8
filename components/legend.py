"""Map legend drawn by Streamlit: evidence shading ramp and line styles (no branca)."""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

import streamlit as st

#: Sequential ramp (ColorBrewer OrRd, light to dark) for 1..max passages.
EVIDENCE_RAMP: tuple[str, ...] = ("#fdd49e", "#fdbb84", "#fc8d59", "#e34a33", "#b30000")
#: Fill for features with no evidence under the current filters (muted, not hidden).
MUTED = "#d9d9d9"


@dataclass(frozen=True)
class LineStyle:
    """How a line layer is drawn (Leaflet path options, also drawn in the legend)."""

    label: str
    color: str
    weight: float
    dash_array: str | None = None


#: Line styles keyed by role; the map can use ``color``/``weight``/``dash_array``
#: as Leaflet's ``color``/``weight``/``dashArray``.
LINE_STYLES: dict[str, LineStyle] = {
    "durand-line": LineStyle(
        "Durand Line (not recognised by Afghanistan)", "#7f1d1d", 3.5
    ),
    "border": LineStyle("Other international borders", "#4b5563", 1.5),
    "disputed": LineStyle("Disputed line or area edge", "#7f1d1d", 2.0, "6 4"),
    "route": LineStyle("Schematic route (CPEC)", "#1d4ed8", 3.0, "2 6"),
}


def evidence_colour(count: int, max_count: int) -> str:
    """Fill colour for a feature with ``count`` passages when the most is ``max_count``.

    Zero (or less) gives `MUTED`; otherwise a class of `EVIDENCE_RAMP` on a log
    scale, so one heavily discussed country does not wash out every other feature.

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
    if count <= 0:
        return MUTED
    top = max(count, max_count, 1)
    if top == 1:
        return EVIDENCE_RAMP[-1]
    share = math.log1p(count) / math.log1p(top)
    index = min(
        len(EVIDENCE_RAMP) - 1, max(0, math.ceil(share * len(EVIDENCE_RAMP)) - 1)
    )
    return EVIDENCE_RAMP[index]


def build_evidence_bins(max_count: int) -> list[tuple[int, int, str]]:
    """Return the count ranges ``(low, high, colour)`` of the ramp up to ``max_count``.

    The first bin is always ``(0, 0, MUTED)``.
    """
    bins: list[tuple[int, int, str]] = [(0, 0, MUTED)]
    for count in range(1, max(0, max_count) + 1):
        colour = evidence_colour(count, max_count)
        low, _, last = bins[-1]
        if last == colour:
            bins[-1] = (low, count, colour)
        else:
            bins.append((count, count, colour))
    return bins


def _swatch(colour: str) -> str:
    """Return a filled square swatch."""
    return (
        f'<span style="display:inline-block;width:14px;height:14px;'
        f"background:{colour};border:1px solid #999;vertical-align:middle;"
        'margin-right:6px"></span>'
    )


def _line(style: LineStyle) -> str:
    """Return an inline SVG sample of a line style."""
    dash = f' stroke-dasharray="{style.dash_array}"' if style.dash_array else ""
    return (
        '<svg width="34" height="10" style="vertical-align:middle;margin-right:6px">'
        f'<line x1="1" y1="5" x2="33" y2="5" stroke="{style.color}" '
        f'stroke-width="{style.weight}"{dash}/></svg>'
    )


def build_legend_html(max_count: int, *, title: str = "Evidence") -> str:
    """Build the legend: passage-count swatches and line-style samples.

    Parameters
    ----------
    max_count : int
        Largest passage count of any feature under the current filters.
    title : str
        Heading of the shading part.

    Returns
    -------
    str
        HTML fragment for ``st.html``.
    """
    rows = []
    for low, high, colour in build_evidence_bins(max_count):
        if high == 0:
            label = "no passages (muted)"
        elif low == high:
            label = f"{low} passage{'s' if low != 1 else ''}"
        else:
            label = f"{low}-{high} passages"
        rows.append(f"<div>{_swatch(colour)}{html.escape(label)}</div>")
    lines = [
        f"<div>{_line(style)}{html.escape(style.label)}</div>"
        for style in LINE_STYLES.values()
    ]
    return (
        '<div class="legend" style="font-size:.85rem;line-height:1.6">'
        f"<strong>{html.escape(title)}</strong>{''.join(rows)}"
        f"<strong>Lines</strong>{''.join(lines)}</div>"
    )


def render(max_count: int, *, key: str = "legend") -> None:
    """Draw the legend in the current container (an expander titled "Legend")."""
    with st.expander("Legend", expanded=True, key=f"{key}.expander"):
        st.html(build_legend_html(max_count))
