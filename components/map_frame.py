"""Render a folium map once into the strings st_folium sends, and mount them.

`st_folium` renders the whole folium tree three times on every rerun (about 150 ms
for our map), although the base map only changes with the filters. `build_frame`
does that work once and returns plain strings (picklable, so `st.cache_data` can
keep them, keyed by primitives); `render_frame` mounts them exactly as `st_folium`
would, plus a per-rerun overlay. Hand-written against streamlit-folium 0.27.4
(pinned): `tests/components/test_map_frame.py` checks that the component receives
the same arguments as from `st_folium` itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import streamlit as st
import streamlit_folium as sf

import folium


@dataclass(frozen=True)
class MapFrame:
    """The rendered base map: what the st_folium component needs, as strings."""

    script: str
    header: str
    html: str
    map_id: str
    zoom: int | None
    bounds: tuple[tuple[float, float], tuple[float, float]]
    css_links: tuple[str, ...]
    js_links: tuple[str, ...]


def _links(m: folium.Map) -> tuple[tuple[str, ...], tuple[str, ...]]:
    css: list[str] = []
    js: list[str] = []
    stack: list[Any] = [m]
    while stack:  # depth-first, children in order, as st_folium walks them
        elem = stack.pop(0)
        css.extend(href for _, href in getattr(elem, "default_css", []))
        js.extend(src for _, src in getattr(elem, "default_js", []))
        stack[0:0] = list(getattr(elem, "_children", {}).values())
    return tuple(dict.fromkeys(css)), tuple(dict.fromkeys(js))


def build_frame(m: folium.Map) -> MapFrame:
    """Render `m` into a `MapFrame` (the same steps and order as `st_folium`)."""
    m.get_root().render()
    m.render()  # type: ignore[no-untyped-call]
    html = sf._get_html(m)
    header = sf._get_header(m)
    script = sf._get_map_string(m)
    (south, west), (north, east) = m.get_bounds()
    zoom = m.options.get("zoom")
    css, js = _links(m)
    return MapFrame(
        script=script,
        header=header,
        html=html,
        map_id=sf.get_full_id(m),
        zoom=int(zoom) if isinstance(zoom, int | float) else None,
        bounds=(
            (float(south or 0.0), float(west or 0.0)),
            (float(north or 0.0), float(east or 0.0)),
        ),
        css_links=css,
        js_links=js,
    )


def _defaults(frame: MapFrame, returned: Sequence[str]) -> dict[str, Any]:
    (south, west), (north, east) = frame.bounds
    every: dict[str, Any] = {
        "last_clicked": None,
        "last_object_clicked": None,
        "last_object_clicked_count": None,
        "last_object_clicked_tooltip": None,
        "last_object_clicked_popup": None,
        "all_drawings": None,
        "last_active_drawing": None,
        "bounds": {
            "_southWest": {"lat": south, "lng": west},
            "_northEast": {"lat": north, "lng": east},
        },
        "zoom": frame.zoom,
        "last_circle_radius": None,
        "last_circle_polygon": None,
        "selected_layers": None,
        "selected_tags": None,
        "last_geocoder_result": None,
    }
    return {k: v for k, v in every.items() if k in returned}


def _overlay_script(frame: MapFrame, overlay: folium.FeatureGroup) -> str:
    host = folium.Map(tiles=None)  # stands in for the cached map: same id
    host._id = frame.map_id.removeprefix("map_")
    return str(sf._get_feature_group_string(overlay, map=host, idx=0))


def render_frame(
    frame: MapFrame,
    overlay: folium.FeatureGroup | None = None,
    *,
    key: str,
    returned_objects: Sequence[str],
    height: int,
    center: tuple[float, float] | None = None,
    zoom: int | None = None,
) -> Any:
    """Mount `frame` (plus `overlay`) as `st_folium` would; return the map event."""
    hash_key = sf.generate_js_hash(frame.script, key, False)

    def _on_change() -> None:
        st.session_state[key] = st.session_state.get(hash_key, {})

    return sf._component_func(
        script=frame.script,
        header=frame.header,
        html=frame.html,
        id=frame.map_id,
        key=hash_key,
        height=height,
        width=None,
        returned_objects=list(returned_objects),
        default=_defaults(frame, returned_objects),
        zoom=zoom,
        center=center,
        feature_group=_overlay_script(frame, overlay) if overlay is not None else None,
        return_on_hover=False,
        layer_control=None,
        pixelated=False,
        css_links=list(frame.css_links),
        js_links=list(frame.js_links),
        on_change=_on_change,
        wrap_longitude=False,
    )
