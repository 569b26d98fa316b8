"""Legend of the map's areas and place kinds, drawn from the map's own styles."""

from __future__ import annotations

import html

from components.map.style import KIND_LABELS, style_feature

#: (label, feature id, kind, disputed) samples shown as fills.
_FILL_SAMPLES = (
    ("Wakhan Corridor", "wakhan-corridor", "corridor", False),
    ("Disputed area (dashed outline)", "legend-area", "area", True),
)
_POINT_KINDS = ("city", "crossing", "pass", "site")


def _style(fid: str, kind: str, disputed: bool = False) -> dict[str, object]:
    props = {"feature_id": fid, "kind": kind, "disputed": disputed}
    return style_feature({"properties": props})


def _fill_swatch(style: dict[str, object]) -> str:
    dash = "dashed" if style.get("dashArray") else "solid"
    return (
        '<span style="display:inline-block;width:16px;height:12px;'
        f"background:{style.get('fillColor')};opacity:.9;"
        f"border:2px {dash} {style.get('color')};vertical-align:middle;"
        'margin-right:6px"></span>'
    )


def _dot(style: dict[str, object]) -> str:
    return (
        '<span style="display:inline-block;width:10px;height:10px;border-radius:50%;'
        f"background:{style.get('fillColor')};border:1px solid #fff;"
        'box-shadow:0 0 0 1px #999;vertical-align:middle;margin:0 9px 0 3px"></span>'
    )


def build_kinds_legend_html() -> str:
    """Return the legend part for areas and place kinds, as the map draws them.

    Line styles are in `components.map.legend` (the full legend includes this part).
    """
    rows = [
        f"<div>{_fill_swatch(_style(fid, kind, disputed))}{html.escape(label)}</div>"
        for label, fid, kind, disputed in _FILL_SAMPLES
    ]
    rows += [
        f"<div>{_dot(_style('legend-' + kind, kind))}"
        f"{html.escape(KIND_LABELS[kind].capitalize())}</div>"
        for kind in _POINT_KINDS
    ]
    note = "<div><small>Bigger dot: more passages; grey: none</small></div>"
    return (
        '<div class="map-legend"><strong>Areas and places</strong>'
        + "".join(rows)
        + note
        + "</div>"
    )
