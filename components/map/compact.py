"""Polyline-encoded GeoJSON coordinates: the map's lines and polygons in few bytes.

The data layers travel to the browser as GeoJSON on every view change; their
coordinates are most of it (issue 11: the default view's map data at most 200 KB).
Each ring or line is sent as one string in the encoded-polyline format (signed
deltas in thousandths of a degree, what `components.map.layers.COORD_DECIMALS`
keeps anyway, in 5-bit chunks), x before y. Leaflet's GeoJSON layer calls its
``filter`` option with each feature before drawing it; `DECODE_FILTER` turns the
strings back into positions there and keeps every feature.

Hand-written: no polyline package is in the environment, and the browser's
decoder (below) has to mirror the encoder exactly anyway; `decode_line` is the
same algorithm in Python, for the tests.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import numpy as np

import folium
from folium.utilities import JsCode

#: Integer units per degree (3 decimals).
SCALE = 1000
#: How deep the lines sit in each geometry type's coordinates (1: one line).
DEPTH = {"LineString": 1, "MultiLineString": 2, "Polygon": 2, "MultiPolygon": 3}
#: Leaflet's ``filter``: decode a feature's strings in place, keep the feature.
DECODE_FILTER = JsCode(
    """function(f) {
    var SCALE = SCALE_VALUE;
    var depth = {LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3};
    function line(s) {
        if (typeof s !== 'string') { return s; }
        var out = [], i = 0, x = 0, y = 0;
        while (i < s.length) {
            var v = [0, 0];
            for (var k = 0; k < 2; k++) {
                var b, shift = 0, r = 0;
                do { b = s.charCodeAt(i++) - 63; r |= (b & 31) << shift; shift += 5; }
                while (b >= 32);
                v[k] = (r & 1) ? ~(r >> 1) : (r >> 1);
            }
            x += v[0]; y += v[1];
            out.push([x / SCALE, y / SCALE]);
        }
        return out;
    }
    function walk(c, d) {
        return d === 1 ? line(c) : c.map(function(p) { return walk(p, d - 1); });
    }
    var g = f.geometry;
    if (g && depth[g.type]) { g.coordinates = walk(g.coordinates, depth[g.type]); }
    return true;
}""".replace("SCALE_VALUE", str(SCALE))
)


def _encode_value(value: int, out: list[str]) -> None:
    bits = ~(value << 1) if value < 0 else value << 1
    while bits >= 0x20:
        out.append(chr((0x20 | (bits & 0x1F)) + 63))
        bits >>= 5
    out.append(chr(bits + 63))


def encode_line(positions: Any) -> str:
    """Encode one ring or line (``[[x, y], ...]`` in degrees) as a polyline string."""
    ints = np.rint(np.asarray(positions, dtype=float)[:, :2] * SCALE).astype(np.int64)
    out: list[str] = []
    previous = np.zeros(2, dtype=np.int64)
    for position in ints:
        for delta in (position - previous).tolist():
            _encode_value(int(delta), out)
        previous = position
    return "".join(out)


def decode_line(text: str) -> list[tuple[float, float]]:
    """Invert `encode_line` (what `DECODE_FILTER` does in the browser)."""
    values: list[int] = []
    i = 0
    while i < len(text):
        shift = result = 0
        while True:
            chunk = ord(text[i]) - 63
            i += 1
            result |= (chunk & 0x1F) << shift
            shift += 5
            if chunk < 0x20:
                break
        values.append(~(result >> 1) if result & 1 else result >> 1)
    xs = np.cumsum(values[0::2]) / SCALE
    ys = np.cumsum(values[1::2]) / SCALE
    return [(float(x), float(y)) for x, y in zip(xs, ys, strict=True)]


def _encode(coords: Any, depth: int) -> Any:
    if depth == 1:
        return encode_line(coords)
    return [_encode(part, depth - 1) for part in coords]


def encode_collection(data: dict[str, Any]) -> dict[str, Any]:
    """Return ``data`` with its lines and polygons as polyline strings.

    Parameters
    ----------
    data : dict
        A GeoJSON FeatureCollection (EPSG:4326).

    Returns
    -------
    dict
        A new FeatureCollection; draw it with ``filter=DECODE_FILTER``. Points
        are left as they are (the filter passes them through).
    """
    features = []
    for feature in data["features"]:
        geometry = feature["geometry"]
        depth = DEPTH.get(geometry["type"])
        if depth is not None:
            coords = _encode(geometry["coordinates"], depth)
            geometry = {"type": geometry["type"], "coordinates": coords}
        features.append({**feature, "geometry": geometry})
    return {**data, "features": features}


@contextlib.contextmanager
def compact_json() -> Iterator[None]:
    """Render folium templates with compact JSON (``,`` and ``:``) inside the block.

    folium serialises GeoJSON with ``json.dumps``' default ", " and ": " through
    its templates' shared Jinja environment, whose ``tojson`` policy sets them;
    folium has no option of its own. Scoped, so other renders (the exports) keep
    folium's own output.
    """
    policies = folium.features.GeoJson._template.environment.policies
    saved = policies.get("json.dumps_kwargs")
    policies["json.dumps_kwargs"] = {"sort_keys": True, "separators": (",", ":")}
    try:
        yield
    finally:
        policies["json.dumps_kwargs"] = saved
