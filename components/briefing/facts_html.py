"""Measured and published figures of the view's main features, labelled as such."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

import geopandas as gpd

from components.briefing.model import Briefing

_UNITS = {"_km2": "km\u00b2", "_km": "km"}


def build_facts_html(briefing: Briefing, frame: gpd.GeoDataFrame) -> str:
    """Tabulate figures for the selected feature and the cited features in view.

    Each row gives the figure measured on the map data next to the published one;
    a caption states the scale, method and source of the published figure.
    """
    cited = frame.loc[frame["evidence"] > 0, "feature_id"].astype(str)
    ids = dict.fromkeys([*([briefing.selected] if briefing.selected else []), *cited])
    blocks = [
        _render_feature(briefing.feature_name(fid), briefing.facts[fid])
        for fid in ids
        if fid in briefing.facts
    ]
    if not blocks:
        return '<p class="empty">No measured figures for the features in view.</p>'
    return "\n".join(blocks)


def _render_feature(name: str, facts: Mapping[str, object]) -> str:
    rows = []
    for key, value in facts.items():
        if key.startswith("published") or key.endswith("_lon"):
            continue
        if isinstance(value, int | float) and not isinstance(value, bool):
            published = facts.get(f"published_{key}")
            rows.append(_row(key, _format(key, value), _format(key, published)))
        elif isinstance(value, Mapping):
            parts = ", ".join(f"{k}: {_format(key, v)}" for k, v in value.items())
            rows.append(_row(key, parts, ""))
    notes = [
        f"Measured at {facts['scale']}" if facts.get("scale") else "",
        str(facts.get("method", "")),
        f"Published: {facts['published_source']}"
        if facts.get("published_source")
        else "",
    ]
    caption = escape(". ".join(n for n in notes if n))
    head = (
        "<tr><th>Figure</th><th class='num'>Measured (map data)</th>"
        "<th class='num'>Published</th></tr>"
    )
    return (
        f"<table class='facts'><caption>{escape(name)}</caption><thead>{head}</thead>"
        f"<tbody>{''.join(rows)}</tbody></table><p class='links'>{caption}</p>"
    )


def _row(key: str, measured: str, published: str) -> str:
    label = key.replace("_km2", "").replace("_km", "").replace("_", " ")
    published = published or "\u2014"
    return (
        f"<tr><td>{escape(label)}</td><td class='num'>{escape(measured)}</td>"
        f"<td class='num'>{escape(published)}</td></tr>"
    )


def _format(key: str, value: object) -> str:
    if value is None:
        return ""
    unit = next((u for suffix, u in _UNITS.items() if key.endswith(suffix)), "")
    if isinstance(value, float):
        return f"{value:,.1f} {unit}".strip()
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,} {unit}".strip()
    return str(value)
