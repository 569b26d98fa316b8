"""Map furniture for the static map: scale bar, north arrow and legend."""

from __future__ import annotations

import math

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from pyproj import Transformer

from components.briefing.draw import PX, convert_dashes
from components.map.legend import build_line_styles
from components.map.style import SELECTED

#: Outline of the selected feature (as on the dashboard map).
SELECTED_COLOUR = str(SELECTED["color"])
_TO_LONLAT = Transformer.from_crs(3857, 4326, always_xy=True)
_NICE = (1, 2, 2.5, 5)


def pick_scale_km(ground_width_km: float) -> float:
    """Return a round bar length (1, 2, 2.5 or 5 x 10^n km) near a fifth of a width."""
    target = max(ground_width_km / 5.0, 1e-3)
    exponent = math.floor(math.log10(target))
    choices = [n * 10**exponent for n in _NICE] + [10 ** (exponent + 1)]
    return float(max(c for c in choices if c <= target * 1.01))


def draw_scale_bar(ax: Axes, extent: tuple[float, float, float, float]) -> float:
    """Draw a km scale bar at the lower left of a Web Mercator (EPSG:3857) axes.

    Web Mercator stretches distances by 1 / cos(latitude); the bar is true at the
    latitude of the map's centre, which the label states.

    Returns
    -------
    float
        The bar's length in km.
    """
    x0, y0, x1, y1 = extent
    _, lat = _TO_LONLAT.transform((x0 + x1) / 2, (y0 + y1) / 2)
    k = math.cos(math.radians(lat))
    km = pick_scale_km((x1 - x0) * k / 1000.0)
    length = km * 1000.0 / k
    left, base = x0 + (x1 - x0) * 0.03, y0 + (y1 - y0) * 0.04
    height = (y1 - y0) * 0.008
    for i in range(4):
        ax.add_patch(
            Rectangle(
                (left + i * length / 4, base),
                length / 4,
                height,
                facecolor="#222" if i % 2 == 0 else "white",
                edgecolor="#222",
                linewidth=0.8,
                zorder=20,
                gid="scale-bar",
            )
        )
    label = f"{km:g} km (true at {abs(lat):.1f}\u00b0{'N' if lat >= 0 else 'S'})"
    ax.text(left, base + height * 2.2, label, fontsize=11, zorder=20)
    ax.text(left, base - height * 0.8, "0", fontsize=9, va="top", ha="center")
    ax.text(left + length, base - height * 0.8, f"{km:g}", fontsize=9, va="top")
    return km


def draw_north_arrow(ax: Axes) -> None:
    """Draw a north arrow at the upper right (north is up in Web Mercator)."""
    ax.annotate(
        "N",
        xy=(0.955, 0.95),
        xytext=(0.955, 0.84),
        xycoords="axes fraction",
        ha="center",
        va="center",
        fontsize=16,
        fontweight="bold",
        arrowprops={
            "facecolor": "#222",
            "edgecolor": "#222",
            "width": 5,
            "headwidth": 15,
        },
        zorder=20,
        gid="north-arrow",
    )


def draw_legend(
    ax: Axes, bins: list[tuple[int, int, str]], selected: str | None
) -> None:
    """Draw the legend: evidence classes (the dashboard's ramp) and line styles."""
    handles: list[Artist] = []
    if selected:
        selected_patch = Patch(
            facecolor="none", edgecolor=SELECTED_COLOUR, linewidth=3,
            label=f"Selected: {selected}",
        )  # fmt: skip
        handles.append(selected_patch)
    for low, high, colour in bins:
        handles.append(
            Patch(facecolor=colour, edgecolor="#8a8a8a", label=_bin_label(low, high))
        )
    for style in build_line_styles():
        dashes = convert_dashes(style.dash_array, style.weight)
        handles.append(
            Line2D(
                [], [], color=style.color, linewidth=style.weight * PX,
                linestyle=dashes, label=style.label,  # type: ignore[arg-type]
            )
        )  # fmt: skip
    place = Line2D(
        [], [], marker="o", linestyle="", color="#2c3e50", markeredgecolor="white",
        label="Place (size: passages)",
    )  # fmt: skip
    handles.append(place)
    legend = ax.legend(
        handles=handles,
        loc="lower right",
        fontsize=10,
        framealpha=0.92,
        title="Evidence and lines",
        title_fontsize=11,
    )
    legend.set_gid("legend")
    legend.set_zorder(25)


def _bin_label(low: int, high: int) -> str:
    if high == 0:
        return "no matching passage"
    if low == high:
        return f"{low} passage{'s' if low != 1 else ''}"
    return f"{low}-{high} passages"
