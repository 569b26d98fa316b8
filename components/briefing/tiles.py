"""Carry the few basemap tiles a view needs inside the page, as ``data:`` URIs."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

from components.briefing.inline import STATIC_ROOT, to_data_uri

_TILE_TEMPLATE = re.compile(r"""L\.tileLayer\(\s*(["'])([^"']+)\1""")
#: A transparent 1x1 GIF: what a tile outside the inlined set shows.
BLANK_TILE = (
    "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
)
#: Zoom levels of the vendored tile pyramid (components/map/tiles.py): world up to
#: WORLD_MAX, the region from WORLD_MAX + 1 to REGION_MAX.
WORLD_MAX, REGION_MAX = 4, 7


def embed_tiles(
    html: str,
    bounds: tuple[float, float, float, float],
    zooms: range,
    tile_root: Path | None = None,
) -> str:
    """Make every Leaflet tile layer of a page draw from inlined tiles only.

    Parameters
    ----------
    html : str
        A folium page whose tile layers use a local ``.../static/tiles/{z}/{x}/{y}.png``
        template (or any template: unmatched tiles are blank, never fetched).
    bounds : tuple of float
        (west, south, east, north) in degrees, EPSG:4326: the area to cover.
    zooms : range
        Display zoom levels to cover; tiles of each level's native zoom are inlined.
    tile_root : Path, optional
        Directory holding ``{z}/{x}/{y}.png``; default ``static/tiles``.

    Returns
    -------
    str
        The page with a script that serves tiles from a ``z/x/y -> data:`` table.
    """
    if not _TILE_TEMPLATE.search(html):
        return html
    root = tile_root or STATIC_ROOT / "tiles"
    table: dict[str, str] = {}
    for zoom in zooms:
        for native in _native_zooms(zoom):
            for x, y in list_tiles(bounds, native):
                path = root / str(native) / str(x) / f"{y}.png"
                if path.is_file():
                    table[f"{native}/{x}/{y}"] = to_data_uri(path)
    script = (
        "<script>(function(){var t="
        + json.dumps(table, separators=(",", ":"))
        + ";L.TileLayer.include({getTileUrl:function(c){"
        "var k=this._getZoomForUrl()+'/'+c.x+'/'+c.y;"
        f"return t[k]||'{BLANK_TILE}';}}}});}})();</script>"
    )
    return _insert_after_leaflet(html, script)


def list_tiles(
    bounds: tuple[float, float, float, float], zoom: int
) -> list[tuple[int, int]]:
    """Web Mercator tile (x, y) pairs that cover ``bounds`` at ``zoom``."""
    west, south, east, north = bounds
    n = 2**zoom
    x0, x1 = (_tile_x(west, n), _tile_x(east, n))
    y0, y1 = (_tile_y(north, n), _tile_y(south, n))
    return [(x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]


def fit_zoom(bounds: tuple[float, float, float, float], width_px: int) -> int:
    """Return the zoom at which ``bounds`` spans about ``width_px`` pixels east-west."""
    span = max(bounds[2] - bounds[0], 1e-6)
    return max(0, min(REGION_MAX, math.floor(math.log2(360.0 * width_px / 256 / span))))


def _native_zooms(zoom: int) -> set[int]:
    natives = {min(max(zoom, 0), WORLD_MAX)}
    if WORLD_MAX < zoom <= REGION_MAX:
        natives.add(zoom)
    elif zoom > REGION_MAX:
        natives.add(REGION_MAX)
    return natives


def _tile_x(lon: float, n: int) -> int:
    return min(n - 1, max(0, math.floor((lon + 180.0) / 360.0 * n)))


def _tile_y(lat: float, n: int) -> int:
    lat = max(-85.0511, min(85.0511, lat))
    rad = math.radians(lat)
    y = (1.0 - math.asinh(math.tan(rad)) / math.pi) / 2.0 * n
    return min(n - 1, max(0, math.floor(y)))


def _insert_after_leaflet(html: str, script: str) -> str:
    """Place ``script`` at the end of the head, after the (inlined) Leaflet."""
    if "</head>" not in html:
        return script + html
    return html.replace("</head>", script + "\n</head>", 1)
