"""Send a click on a map feature to the app at once, not 250 ms later.

streamlit-folium 0.27.4's frontend sends every map event through one
``debounce(updateComponentValue, 250)``: a click on a feature reaches the app a
quarter of a second after it happened, on top of the rerun (``make bench-scale``,
"click to first passage", measures both). Panning and zooming need that
debounce; a click does not.

``SEND_CLICK_JS`` runs with the feature groups (``frame.render_frame``'s
``view_script``; ``map_div`` is the map) and hooks the map's ``click`` once.
Leaflet fires a click on a feature's layer first (the frontend's
``onLayerClick`` notes the feature), then on the map (its ``onMapClick``, then
this). The value is built as ``updateComponentValue`` builds it: the same
keys, in the same order, filtered by ``returned_objects`` (only when each of
those is built here; else the debounced call sends it); it is sent now and
kept as ``previous_data``, so the debounced call finds nothing new and sends
nothing. A click off every feature changes no returned value and sends nothing.
"""

from __future__ import annotations

SEND_CLICK_JS = """
(function (map) {
  if (map.__sendClickNow) { return; }
  map.__sendClickNow = true;
  map.on("click", function () {
    var data = window.__GLOBAL_DATA__;
    if (!data || !window.Streamlit) { return; }
    var every = {
      last_object_clicked: data.last_object_clicked,
      last_active_drawing: data.last_active_drawing,
      zoom: map.getZoom(),
      center: map.getCenter()
    };
    var wanted = data.returned_objects || [];
    for (var i = 0; i < wanted.length; i++) {
      if (!(wanted[i] in every)) { return; }  // a value not built here: wait
    }
    if (!wanted.length) { return; }
    var value = {};
    Object.keys(every).forEach(function (key) {
      if (wanted.indexOf(key) >= 0) { value[key] = every[key]; }
    });
    if (JSON.stringify(data.previous_data) !== JSON.stringify(value)) {
      data.previous_data = value;
      window.Streamlit.setComponentValue(value);
    }
  });
})(map_div);
"""
