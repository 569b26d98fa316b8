"""The view's interactive map as one self-contained HTML page (no network needed)."""

from __future__ import annotations

from components.briefing.inline import inline_assets
from components.briefing.model import Briefing
from components.briefing.tiles import embed_tiles, fit_zoom
from components.map.builder import build_map

#: Widths (px) the map is shown at: the printed A4 frame up to a wide screen.
_PRINT_WIDTH, _SCREEN_WIDTH = 680, 1000


def build_map_html(briefing: Briefing) -> str:
    """Build the dashboard's map of the view with every asset and tile inlined.

    Parameters
    ----------
    briefing : Briefing
        The exported view; the map is `components.map.builder.build_map` of its layers,
        shaded by its evidence counts, with the selected feature outlined, fitted to
        ``bounds`` (EPSG:4326).

    Returns
    -------
    str
        A complete HTML page that renders from ``file://`` with the network off.
    """
    selected = briefing.selected
    fmap = build_map(
        briefing.layers,
        selected=selected,
        counts=briefing.counts,
        fit_highlight=False,
    )
    west, south, east, north = briefing.bounds
    fmap.fit_bounds([[south, west], [north, east]])
    html = inline_assets(fmap.get_root().render())
    zooms = range(
        fit_zoom(briefing.bounds, _PRINT_WIDTH) - 1,
        fit_zoom(briefing.bounds, _SCREEN_WIDTH) + 2,
    )
    return embed_tiles(html, _pad(briefing.bounds), zooms)


def _pad(
    bounds: tuple[float, float, float, float], share: float = 0.5
) -> tuple[float, float, float, float]:
    """Widen bounds (the frame may be wider or taller than the view)."""
    west, south, east, north = bounds
    dx, dy = (east - west) * share, (north - south) * share
    return (west - dx, max(-85.0, south - dy), east + dx, min(85.0, north + dy))
