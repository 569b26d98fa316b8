"""Render a folium map once into the strings st_folium sends, and mount them.

`st_folium` renders the whole folium tree three times on every rerun (about 150 ms
for our map). `build_frame` does that work once for the base map (tiles, panes,
CSS) and `build_layers` for the data layers; both return plain strings (picklable,
so `st.cache_data` can keep them, keyed by primitives). `render_frame` mounts them
as `st_folium(base, feature_group_to_add=[*groups, overlay],
layer_control=...)` would, the data layers kept (below).

Why the data layers travel as dynamic feature groups: streamlit-folium 0.27.4
keys the component by a hash of the map script, and its frontend runs the script
only once per mount. Data layers inside the script (they change with every
filter) would remount the map on every filter change and reset the view;
feature groups are swapped inside the mounted map, so the view survives. The
frontend runs all of them again when any changes; `MapLayers.kept` builds the
data layers only when their own content changes, so a click (a new selection
overlay) rebuilds the overlay alone.
`tests/components/map/test_frame.py` checks that the component receives the same
arguments as from `st_folium` itself, the data layers' script wrapped (both with
compact JSON: the data layers travel on every view change, and folium's ", " and
": " add a tenth to them).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import streamlit as st
import streamlit_folium as sf

import folium

from components.map.assets import is_unused
from components.map.compact import compact_json


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
    """Render `m` into a `MapFrame` (the same steps and order as `st_folium`).

    JSON in the scripts is compact (`components.map.compact.compact_json`).
    """
    with compact_json():
        m.get_root().render()
        m.render()  # type: ignore[no-untyped-call]
        html = sf._get_html(m)
        header = sf._get_header(m)
        script = sf._get_map_string(m)
    (south, west), (north, east) = m.get_bounds()
    zoom = m.options.get("zoom")
    css, js = _links(m)
    # st_folium loads each script and stylesheet in turn before the map draws:
    # leave out what the map never uses (jQuery, Bootstrap, icon fonts: about
    # 2 MB of the 2.4 MB folium declares). The data layers and the overlay use
    # none of them either (tests/components/map/test_frame.py checks).
    code = script + header + html
    css = tuple(u for u in css if not is_unused(u, code))
    js = tuple(u for u in js if not is_unused(u, code))
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


@dataclass(frozen=True)
class MapLayers:
    """The data layers, rendered: feature-group script and its LayerControl."""

    script: str
    control: str
    count: int
    #: A hash of ``script``, taken once (the layers are cached, not each rerun).
    key: str = field(init=False)

    def __post_init__(self) -> None:
        digest = hashlib.sha1(self.script.encode()).hexdigest()[:16]
        object.__setattr__(self, "key", digest)

    @property
    def kept(self) -> str:
        """The script, run only when the mounted map does not show these layers.

        The frontend runs the feature groups' script whenever any of it
        changes, after taking every group off the map: a click (a new
        selection in the overlay) rebuilt every data layer (about 800 KB of
        script, each town's popup) in every session. Here the data layers
        are built once per content (``key``, a hash of the script) and stay
        on the map, out of ``window.feature_group``, which the frontend
        clears; only the overlay is rebuilt. The LayerControl finds the
        groups under the names st_folium gives them.
        """
        names = "".join(
            f"var feature_group_feature_group_{i} = kept.groups[{i}];\n"
            for i in range(self.count)
        )
        return _KEPT.replace("KEY", self.key).replace("SCRIPT", self.script) + names


#: See ``MapLayers.kept``: ``kept.built`` counts the builds (tests wait on it).
_KEPT = """
var kept = window.__keptLayers
  || (window.__keptLayers = {key: null, groups: [], built: 0});
window.feature_group = [];
if (kept.key !== "KEY") {
  kept.groups.forEach(function (g) { map_div.removeLayer(g); });
  kept.groups = (function () {
SCRIPT
    return window.feature_group.splice(0);
  })();
  kept.key = "KEY";
  kept.built += 1;
}
"""


def build_layers(groups: Sequence[folium.FeatureGroup]) -> MapLayers:
    """Render `groups` as st_folium renders ``feature_group_to_add`` (a list).

    The groups are consumed (st_folium renames them and adds them to a map).
    """
    host = _host_map()
    with compact_json():  # the data layers travel on every view change
        script = "".join(
            sf._get_feature_group_string(group, map=host, idx=idx)
            for idx, group in enumerate(groups)
        )
    control = sf._get_layer_control_string(folium.LayerControl(collapsed=True), host)
    return MapLayers(script=script, control=str(control), count=len(groups))


def _host_map() -> folium.Map:
    """Return a stand-in for the mounted map (st_folium names both ``map_div``)."""
    host = folium.Map(tiles=None)
    host._id = "div"
    return host


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


def render_frame(
    frame: MapFrame,
    layers: MapLayers | None = None,
    overlay: folium.FeatureGroup | None = None,
    *,
    key: str,
    returned_objects: Sequence[str],
    height: int,
    view_script: str = "",
) -> Any:
    """Mount `frame` with `layers`, then `overlay`, as `st_folium` would.

    `view_script` (JavaScript, ``map_div`` is the map) runs after them each time
    the feature groups change. Returns the map event.
    """
    count = layers.count if layers is not None else 0
    scripts = [layers.kept if layers is not None else ""]
    if overlay is not None:
        with compact_json():
            scripts.append(
                sf._get_feature_group_string(overlay, map=_host_map(), idx=count)
            )
    dynamic = "".join(scripts) + view_script
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
        zoom=None,
        center=None,
        feature_group=dynamic or None,
        return_on_hover=False,
        layer_control=layers.control if layers is not None else None,
        pixelated=False,
        css_links=list(frame.css_links),
        js_links=list(frame.js_links),
        on_change=_on_change,
        wrap_longitude=False,
    )
