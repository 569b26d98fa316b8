"""Leaflet styles of map features: kind, disputed, evidence, highlight, selection."""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from typing import Any

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
}

DISPUTED_DASH = "9 6"
EVIDENCE_FILL = "#2166ac"
MUTED = {"color": "#a0a0a0", "fillColor": "#cfcfcf"}
HIGHLIGHT = {"color": "#ffb000", "weight_add": 2.5, "opacity": 1.0}
SELECTED = {"color": "#0050d0", "weight_add": 3.0, "opacity": 1.0}
HOVER_STYLE = {"stroke": True, "weight": 4, "color": "#0050d0"}

_POINT_KINDS = frozenset({"city", "crossing", "pass", "site"})


def _properties(feature: Mapping[str, Any]) -> Mapping[str, Any]:
    props = feature.get("properties") or {}
    return props if isinstance(props, Mapping) else {}


def _evidence(style: dict[str, Any], kind: str, count: int, top: int) -> None:
    """Shade by passage count: muted when none, bluer fill with more passages."""
    if count <= 0:
        style.update(MUTED)
        if "fillOpacity" in style:
            style["fillOpacity"] = min(float(style["fillOpacity"]), 0.15)
        style["opacity"] = 0.6
        return
    share = math.log1p(count) / math.log1p(max(top, count))
    if kind in _POINT_KINDS:
        style["radius"] = round(float(style.get("radius", 4)) + 4 * share, 1)
    elif kind not in {"boundary", "route"}:
        style["fillColor"] = EVIDENCE_FILL
        style["fillOpacity"] = round(0.15 + 0.5 * share, 2)


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
    style: dict[str, Any] = dict(KIND_STYLES.get(kind, KIND_STYLES["boundary"]))
    style.update(FEATURE_STYLES.get(fid, {}))
    if props.get("disputed"):
        style["dashArray"] = DISPUTED_DASH
    if counts is not None:
        top = max(counts.values(), default=0)
        _evidence(style, kind, int(counts.get(fid, 0)), top)
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


def style_hover(_feature: Mapping[str, Any]) -> dict[str, Any]:
    """Return the style a feature takes while the pointer is over it."""
    return dict(HOVER_STYLE)
