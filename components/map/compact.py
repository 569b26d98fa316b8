"""Delta-encoded GeoJSON coordinates: the map's lines and polygons in fewer bytes.

The data layers travel to the browser as GeoJSON on every view change; their
coordinates are most of it (issue 11: the default view's map data at most 200 KB).
Each ring or line is sent as integers in thousandths of a degree (what
`components.map.layers.COORD_DECIMALS` keeps anyway): its first position
absolute, marked by a third value, then differences from the previous one. Leaflet
decodes them through the GeoJSON layer's ``coordsToLatLng`` option
(`DECODE_COORDS`), which it calls for every position in order.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from folium.utilities import JsCode

#: Integer units per degree (3 decimals).
SCALE = 1000
#: Leaflet's ``coordsToLatLng``: a position with a third value is absolute.
DECODE_COORDS = JsCode(
    f"""(function() {{
    var x = 0, y = 0;
    return function(c) {{
        if (c.length > 2) {{ x = c[0]; y = c[1]; }} else {{ x += c[0]; y += c[1]; }}
        return L.latLng(y / {SCALE}, x / {SCALE});
    }};
}})()"""
)
#: How deep the positions of each geometry type sit (1: a list of positions).
_DEPTH = {"LineString": 1, "MultiLineString": 2, "Polygon": 2, "MultiPolygon": 3}


def encode_positions(positions: Any) -> list[list[int]]:
    """Encode one ring or line: ``[[x, y, 0], [dx, dy], ...]`` in `SCALE` units."""
    ints = np.rint(np.asarray(positions, dtype=float)[:, :2] * SCALE).astype(np.int64)
    if not len(ints):
        return []
    deltas = np.diff(ints, axis=0).tolist()
    return [[int(ints[0, 0]), int(ints[0, 1]), 0], *deltas]


def _encode(coords: Any, depth: int) -> Any:
    if depth == 1:
        return encode_positions(coords)
    return [_encode(part, depth - 1) for part in coords]


def decode_positions(encoded: list[list[int]]) -> list[tuple[float, float]]:
    """Invert `encode_positions` (what `DECODE_COORDS` does in the browser)."""
    out, x, y = [], 0, 0
    for position in encoded:
        if len(position) > 2:
            x, y = position[0], position[1]
        else:
            x, y = x + position[0], y + position[1]
        out.append((x / SCALE, y / SCALE))
    return out


def encode_collection(data: dict[str, Any]) -> dict[str, Any]:
    """Return ``data`` with its lines and polygons delta-encoded (points as they are).

    Parameters
    ----------
    data : dict
        A GeoJSON FeatureCollection (EPSG:4326).

    Returns
    -------
    dict
        A new FeatureCollection; draw it with ``coordsToLatLng=DECODE_COORDS``.
        A collection holding points must not be encoded (its layer would decode
        them too): it comes back unchanged.
    """
    features = data["features"]
    if any(f["geometry"]["type"] not in _DEPTH for f in features):
        return data
    encoded = [
        {
            **f,
            "geometry": {
                "type": f["geometry"]["type"],
                "coordinates": _encode(
                    f["geometry"]["coordinates"], _DEPTH[f["geometry"]["type"]]
                ),
            },
        }
        for f in features
    ]
    return {**data, "features": encoded}
