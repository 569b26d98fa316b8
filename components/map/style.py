"""Leaflet styles of map features: kind, disputed, evidence, highlight, selection."""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from typing import Any

from branca.colormap import LinearColormap

#: Human labels for feature kinds (tooltips, legend, details panel).
KIND_LABELS: dict[str, str] = {
    "country": "country",
    "province": "province",
    "boundary": "border line",
    "corridor": "corridor",
    "route": "route (schematic)",
    "city": "city",
    "crossing": "border crossing",
    "pass": "mountain pass",
    "site": "site",
    "area": "area",
}

#: Base style per kind (Leaflet path options).
KIND_STYLES: dict[str, dict[str, Any]] = {
    "country": {
        "stroke": False,
        "color": "#6b6b6b",
        "weight": 1.2,
        "fillColor": "#d9cfb8",
        "fillOpacity": 0.12,
    },
    "province": {
        "color": "#8d8d8d",
        "weight": 0.7,
        "fillColor": "#ffffff",
        "fillOpacity": 0.0,
    },
    "boundary": {"color": "#4d4d4d", "weight": 2.5, "opacity": 0.9},
    "corridor": {
        "color": "#b35806",
        "weight": 2.5,
        "fillColor": "#f1a340",
        "fillOpacity": 0.55,
    },
    "area": {
        "color": "#6a3d9a",
        "weight": 1.5,
        "fillColor": "#cab2d6",
        "fillOpacity": 0.45,
    },
    "route": {
        "color": "#1b7837",
        "weight": 3.0,
        "dashArray": "2 7",
        "lineCap": "round",
    },
    "city": {
        "fill": True,
        "color": "#ffffff",
        "weight": 1.2,
        "fillColor": "#2c3e50",
        "fillOpacity": 0.9,
        "radius": 4,
    },
    "crossing": {
        "fill": True,
        "color": "#ffffff",
        "weight": 1.2,
        "fillColor": "#c0392b",
        "fillOpacity": 0.9,
        "radius": 5,
    },
    "pass": {
        "fill": True,
        "color": "#ffffff",
        "weight": 1.2,
        "fillColor": "#7b5e2a",
        "fillOpacity": 0.9,
        "radius": 5,
    },
    "site": {
        "fill": True,
        "color": "#ffffff",
        "weight": 1.2,
        "fillColor": "#6c3483",
        "fillOpacity": 0.9,
        "radius": 4,
    },
}

#: Features drawn to stand out whatever their kind.
FEATURE_STYLES: dict[str, dict[str, Any]] = {
    "durand-line": {"color": "#c51b7d", "weight": 4.5, "opacity": 1.0},
    "wakhan-corridor": {"color": "#b35806", "weight": 3.0, "fillOpacity": 0.6},
    "line-of-control": {"color": "#b2182b", "weight": 3.5, "opacity": 0.95},
}
#: Lines that keep their own style without passages: the de facto Line of Control
#: must read as a boundary whatever the filters (issue 11), not a faint grey dash.
KEEP_STYLE = frozenset({"line-of-control"})

DISPUTED_DASH = "9 6"
#: Evidence ramp (ColorBrewer Blues, light to dark) for filled polygons, drawn
#: at `EVIDENCE_OPACITY` so the basemap's labels stay legible underneath.
EVIDENCE_RAMP = ("#c6dbef", "#6baed6", "#2171b5", "#08519c")
EVIDENCE_OPACITY = 0.5
#: Outline of a province with passages (provinces sit on shaded countries, so
#: a second fill would stack and read as more evidence than the country has).
PROVINCE_EVIDENCE = {"color": "#08306b", "opacity": 0.9}
MUTED = {"color": "#9a9a9a", "fillColor": "#bdbdbd"}
MUTED_FILL_OPACITY = 0.25
MUTED_POINT = {"fillColor": "#808080", "fillOpacity": 0.8, "color": "#f2f2f2"}
#: Leaflet pane of the place dots, above every line and polygon (selection
#: outlines included) and below the labels (`components.map.builder` creates it).
PLACES_PANE = "places"
HIGHLIGHT = {"color": "#ffb000", "weight_add": 2.5, "opacity": 1.0}
SELECTED = {"color": "#0050d0", "weight_add": 3.0, "opacity": 1.0}
HOVER_STYLE = {"stroke": True, "weight": 4, "color": "#0050d0"}
#: Property set on polygons cut by the layer's display window (e.g. China,
#: India): drawn invisible (no fill, no outline) so the cut never shows; the
#: basemap draws them, and they keep their tooltip and click.
CLIPPED = "clip"
_INVISIBLE = {"stroke": False, "fillOpacity": 0.0}
_RAMP = LinearColormap(list(EVIDENCE_RAMP), vmin=0.0, vmax=1.0)

_POINT_KINDS = frozenset({"city", "crossing", "pass", "site"})
_LINE_KINDS = frozenset({"boundary", "route"})


def _properties(feature: Mapping[str, Any]) -> Mapping[str, Any]:
    props = feature.get("properties") or {}
    return props if isinstance(props, Mapping) else {}


def _is_point(feature: Mapping[str, Any], kind: str) -> bool:
    geometry = feature.get("geometry")
    if isinstance(geometry, Mapping) and geometry.get("type") == "Point":
        return True
    return kind in _POINT_KINDS


def build_ramp_colour(share: float) -> str:
    """Return the `EVIDENCE_RAMP` colour at ``share`` (0 lightest, 1 darkest)."""
    return _RAMP.rgb_hex_str(max(0.0, min(1.0, share)))


def _mute(style: dict[str, Any], kind: str, point: bool) -> None:
    """No passages: grey, smaller and fainter, but still drawn and clickable."""
    if point:
        style.update(MUTED_POINT)
        style["radius"] = float(style.get("radius", 4)) - 1.5
        style["weight"] = 0.8
        return
    style.update(MUTED)
    style["opacity"] = 0.6
    if kind == "province":
        style["fillOpacity"] = 0.0
    elif kind not in _LINE_KINDS:
        style["fillOpacity"] = MUTED_FILL_OPACITY


def _evidence(style: dict[str, Any], kind: str, share: float, point: bool) -> None:
    """Passages: countries filled on the ramp, provinces outlined, dots grow.

    Corridors, areas and lines keep their own colours (they must stand out).
    """
    if point:
        style["radius"] = round(float(style.get("radius", 4)) + 4 * share, 1)
    elif kind == "province":
        style.update(PROVINCE_EVIDENCE)
        style["weight"] = round(1.2 + 1.3 * share, 1)
    elif kind == "country":
        style["fillColor"] = build_ramp_colour(share)
        style["fillOpacity"] = EVIDENCE_OPACITY


def _emphasise(style: dict[str, Any], emphasis: Mapping[str, Any], kind: str) -> None:
    if kind in _POINT_KINDS:
        style["color"] = emphasis["color"]
        style["weight"] = 3.0
        return
    style["stroke"] = True
    style["color"] = emphasis["color"]
    style["opacity"] = emphasis["opacity"]
    style["weight"] = round(float(style.get("weight", 1.0)) + emphasis["weight_add"], 1)


def style_feature(
    feature: Mapping[str, Any],
    *,
    selected: str | None = None,
    counts: Mapping[str, int] | None = None,
    highlight: Collection[str] = (),
) -> dict[str, Any]:
    """Return the Leaflet style of one GeoJSON feature.

    Parameters
    ----------
    feature : mapping
        A GeoJSON feature whose properties hold ``feature_id``, ``kind`` and
        ``disputed``.
    selected : str or None
        Id of the selected feature (drawn with a strong blue outline).
    counts : mapping of str to int or None
        Passages per feature id; None disables evidence shading, 0 mutes a feature.
    highlight : collection of str
        Ids drawn with an amber outline (e.g. the places a passage names).

    Returns
    -------
    dict
        Leaflet path options (a new dict each call).
    """
    props = _properties(feature)
    fid = str(props.get("feature_id", ""))
    kind = str(props.get("kind", ""))
    point = _is_point(feature, kind)
    base = KIND_STYLES["city"] if point and kind not in _POINT_KINDS else None
    style: dict[str, Any] = dict(base or KIND_STYLES.get(kind, KIND_STYLES["boundary"]))
    style.update(FEATURE_STYLES.get(fid, {}))
    if point:
        style["pane"] = PLACES_PANE
    if props.get("disputed"):
        style["dashArray"] = DISPUTED_DASH
    if props.get(CLIPPED):
        style.update(_INVISIBLE)
    elif counts is not None:
        count, top = int(counts.get(fid, 0)), max(counts.values(), default=0)
        if count <= 0:
            _mute(style, kind, point)
            style.update(FEATURE_STYLES[fid] if fid in KEEP_STYLE else {})
        else:
            share = math.log1p(count) / math.log1p(max(top, count))
            _evidence(style, kind, share, point)
    classes = []
    if fid in highlight:
        _emphasise(style, HIGHLIGHT, kind)
        classes.append("is-highlighted")
    if selected is not None and fid == selected:
        _emphasise(style, SELECTED, kind)
        classes.append("is-selected")
    if classes:
        style["className"] = " ".join(classes)
    return style


def style_hover(feature: Mapping[str, Any]) -> dict[str, Any]:
    """Return the style a feature takes while the pointer is over it.

    A clipped polygon stays invisible (its outline would trace the cut).
    """
    return {} if _properties(feature).get(CLIPPED) else dict(HOVER_STYLE)
