"""map_frame mounts a cached render exactly as st_folium would mount the map."""

from __future__ import annotations

import json
import pickle

from streamlit.testing.v1 import AppTest


def _component_args(use_frame: bool) -> dict:
    def script(use_frame: bool) -> None:
        import geopandas as gpd
        from shapely.geometry import box

        from components.map import builder as map_view
        from components.map import frame as map_frame

        layers = {
            "countries": gpd.GeoDataFrame(
                {
                    "feature_id": ["afghanistan"],
                    "name": ["Afghanistan"],
                    "kind": ["country"],
                    "note": [None],
                    "disputed": [False],
                },
                geometry=[box(61.0, 29.5, 74.9, 38.4)],
                crs="EPSG:4326",
            )
        }
        m = map_view.build_base_map("Toy data")
        groups = map_view.build_layer_groups(layers, counts={"afghanistan": 2})
        overlay = map_view.build_overlay(layers, selected="afghanistan")
        if use_frame:
            map_frame.render_frame(
                map_frame.build_frame(m),
                map_frame.build_layers(groups),
                overlay,
                key="map.view",
                returned_objects=map_view.RETURNED_OBJECTS,
                height=620,
            )
        else:
            from streamlit_folium import st_folium

            import folium

            from components.map.compact import compact_json

            with compact_json():
                st_folium(
                    m,
                    key="map.view",
                    height=620,
                    use_container_width=True,
                    returned_objects=map_view.RETURNED_OBJECTS,
                    feature_group_to_add=[*groups, overlay],
                    layer_control=folium.LayerControl(collapsed=True),
                )

    at = AppTest.from_function(script, args=(use_frame,), default_timeout=30).run()
    assert not at.exception
    (element,) = [e for e in at.main.children.values() if "json_args" in dir(e.proto)]
    return json.loads(element.proto.json_args)


_LINKS = ("css_links", "js_links")


def _split_overlay(script: str) -> tuple[str, str]:
    """Split st_folium's feature groups into the data layers and the last (overlay)."""
    last = script.count("window.feature_group.push(") - 1  # the overlay's index
    end = f"window.feature_group.push(feature_group_feature_group_{last - 1});\n"
    at = script.index(end) + len(end)
    return script[:at], script[at:]


def test_frame_sends_what_st_folium_sends_without_unused_assets() -> None:
    from components.map import frame as map_frame
    from components.map.assets import is_unused

    ours, theirs = _component_args(True), _component_args(False)
    assert ours.keys() == theirs.keys()
    for name in set(theirs) - {*_LINKS, "feature_group"}:
        assert ours[name] == theirs[name], name
    # the data layers are the same script, kept in the mounted map (`MapLayers.kept`)
    data, overlay = _split_overlay(theirs["feature_group"])
    layers = map_frame.MapLayers(data, theirs["layer_control"], data.count(".push("))
    assert ours["feature_group"] == layers.kept + overlay
    code = theirs["script"] + theirs["html"] + theirs["header"]
    for name in _LINKS:  # the same assets in the same order, less the unused ones
        assert ours[name] == [u for u in theirs[name] if not is_unused(u, code)]
    assert [u.rsplit("/", 1)[1] for u in ours["js_links"]] == [
        "leaflet.js",
        "icon-default.js",
    ]
    assert [u.rsplit("/", 1)[1] for u in ours["css_links"]] == ["leaflet.css"]


def test_data_layers_and_overlay_use_no_left_out_asset(toy_layers) -> None:
    import re

    from components.map import builder as map_view
    from components.map import frame as map_frame
    from components.map.assets import OPTIONAL
    from components.map.popup import TopPassage

    tops = {"afghanistan": TopPassage("A title", "2025-01-02", "Text")}
    groups = map_view.build_layer_groups(
        toy_layers, counts={"afghanistan": 3, "kabul": 1}, tops=tops, compact=True
    )
    layers = map_frame.build_layers(groups)
    overlay = map_view.build_overlay(toy_layers, selected="afghanistan")
    code = layers.script + layers.control + map_frame.build_layers([overlay]).script
    assert [f for f, pattern in OPTIONAL if re.search(pattern, code)] == []


def test_frame_is_picklable_for_cache_data(toy_layers) -> None:
    from components.map import builder as map_view
    from components.map import frame as map_frame

    frame = map_frame.build_frame(map_view.build_base_map())
    layers = map_frame.build_layers(map_view.build_layer_groups(toy_layers))
    assert pickle.loads(pickle.dumps(frame)) == frame
    assert pickle.loads(pickle.dumps(layers)) == layers
    assert frame.script
    assert frame.js_links
    assert all(not u.startswith(("http", "//")) for u in frame.js_links)


def test_base_script_does_not_change_with_data(toy_layers) -> None:
    """The component key hashes the base script: same script, no remount."""
    from components.map import builder as map_view
    from components.map import frame as map_frame

    scripts = {map_frame.build_frame(map_view.build_base_map()).script for _ in "ab"}
    assert len(scripts) == 1
    shaded = map_view.build_layer_groups(toy_layers, counts={"afghanistan": 5})
    plain = map_view.build_layer_groups(toy_layers)
    first = map_frame.build_layers(shaded)
    assert first.script != map_frame.build_layers(plain).script
    assert '"Countries"' in first.control
    assert first.count == len(shaded)
