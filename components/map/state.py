"""The map's view across reruns: explicit view requests and the view the map reports.

The mounted map keeps its own view (pan, zoom) through filter and selection
changes. Python moves it only on an explicit request: the view a link carries
(once per session) or "Show on map" (fit to a passage's places). A request has
an id; the browser applies each id once (`build_view_script`), and a remounted map
restores the view it last had on this page. Pure functions over a state mapping
(``st.session_state`` or a dict), like `components.map.selection`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from components.map.selection import StateLike

#: Session-state keys this module owns.
REQUEST_KEY = "map.request"
LINK_VIEW_KEY = "map.link_view"
SHOWN_KEY = "map.fit_for"
#: The map's initial view (a link leaves it out).
DEFAULT_CENTER = (34.0, 69.5)
DEFAULT_ZOOM = 5
#: Degrees within which a reported centre is the initial one (Leaflet rounds the
#: centre to whole pixels: about 0.02 degrees at zoom 5).
DEFAULT_TOLERANCE = 0.05
#: Decimals of a reported centre (about 10 m): what a link carries.
CENTER_DECIMALS = 4
#: Fit to a passage's places: padding (px) and the closest zoom.
FIT_PADDING_PX = 30
FIT_MAX_ZOOM = 8

Bounds = tuple[tuple[float, float], tuple[float, float]]


@dataclass(frozen=True)
class ViewRequest:
    """Move the map once: to ``center``/``zoom``, or to fit ``bounds``.

    ``bounds`` is ((south, west), (north, east)) in degrees (EPSG:4326); a None
    ``zoom`` keeps the map's zoom.
    """

    id: int
    center: tuple[float, float] | None = None
    zoom: int | None = None
    bounds: Bounds | None = None


def _next_id(state: StateLike) -> int:
    last = state.get(REQUEST_KEY)
    return (last.id if isinstance(last, ViewRequest) else 0) + 1


def init_view(
    state: StateLike, center: tuple[float, float] | None, zoom: int | None
) -> None:
    """Request the view a link gave (``center``, ``zoom``), once per session."""
    if state.get(LINK_VIEW_KEY) is not None:
        return
    state[LINK_VIEW_KEY] = (center, zoom)
    if center is not None:
        state[REQUEST_KEY] = ViewRequest(id=_next_id(state), center=center, zoom=zoom)


def follow_shown(
    state: StateLike, shown: str | None, bounds: Sequence[Sequence[float]] | None
) -> None:
    """Fit the map to ``bounds`` when the shown passage changes to ``shown``.

    Showing a passage is an explicit request: it wins over the current view. The
    same passage shown again after clearing it fits again.
    """
    if shown == state.get(SHOWN_KEY):
        return
    state[SHOWN_KEY] = shown
    if shown and bounds is not None:
        (south, west), (north, east) = bounds
        box = ((float(south), float(west)), (float(north), float(east)))
        state[REQUEST_KEY] = ViewRequest(id=_next_id(state), bounds=box)


def read_reported(event: object) -> tuple[tuple[float, float], int] | None:
    """Return ``(center, zoom)`` a map event reports (None if absent or invalid)."""
    if not isinstance(event, Mapping):
        return None
    center, zoom = event.get("center"), event.get("zoom")
    if not isinstance(center, Mapping) or not isinstance(zoom, int | float):
        return None
    lat, lng = center.get("lat"), center.get("lng")
    if not isinstance(lat, int | float) or not isinstance(lng, int | float):
        return None
    if not all(math.isfinite(v) for v in (lat, lng, zoom)):
        return None
    lng = (lng + 180.0) % 360.0 - 180.0
    return (round(lat, CENTER_DECIMALS), round(lng, CENTER_DECIMALS)), round(zoom)


def read_view(
    state: StateLike, event: object
) -> tuple[tuple[float, float] | None, int | None]:
    """Return the map's current ``(center, zoom)`` for a link, or ``(None, None)``.

    The view the map last reported (None for the initial view); before it
    reports, the view the link gave.
    """
    reported = read_reported(event)
    if reported is not None:
        (lat, lng), zoom = reported
        off = max(abs(lat - DEFAULT_CENTER[0]), abs(lng - DEFAULT_CENTER[1]))
        return (
            (None, None)
            if zoom == DEFAULT_ZOOM and off < DEFAULT_TOLERANCE
            else reported
        )
    link = state.get(LINK_VIEW_KEY)
    return link if isinstance(link, tuple) else (None, None)


def build_view_script(request: ViewRequest | None) -> str:
    """Return the JavaScript that applies ``request`` once and keeps the view.

    It runs each time the mounted map's feature groups change (filters,
    selection). A request id is applied once. A freshly mounted map (the
    component iframe reloads when the URL changes) restores the view it last
    had on this page, kept on the parent window (same origin), unless a newer
    request is pending; a page reload (a new session) starts afresh.
    """
    payload: dict[str, Any] = {"id": 0}
    if request is not None:
        payload = {
            "id": request.id,
            "center": list(request.center) if request.center else None,
            "zoom": request.zoom,
            "bounds": [list(c) for c in request.bounds] if request.bounds else None,
        }
    options = {"padding": [FIT_PADDING_PX] * 2, "maxZoom": FIT_MAX_ZOOM}
    return _VIEW_JS % (json.dumps(payload), json.dumps(options))


_VIEW_JS = """
(function (map, request, fitOptions) {
  var store = window;
  try { if (window.parent.document) { store = window.parent; } } catch (e) {}
  var fresh = window.__mapViewId === undefined;
  var saved = fresh ? store.__wakhanMapView : null;
  var applied = fresh ? (saved ? saved.id : 0) : window.__mapViewId;
  var target = null;
  if (request.id && request.id !== applied) { target = request; }
  else if (saved) { target = saved; }
  window.__mapViewId = request.id;
  if (!map.__viewKeeper) {
    map.__viewKeeper = true;
    map.on("moveend", function () {
      var c = map.getCenter();
      store.__wakhanMapView = {
        id: window.__mapViewId, center: [c.lat, c.lng], zoom: map.getZoom()
      };
    });
  }
  if (!target) { return; }
  if (target.bounds) {
    map.fitBounds(target.bounds, Object.assign({animate: false}, fitOptions));
  } else {
    var zoom = target.zoom === null ? map.getZoom() : target.zoom;
    map.setView(target.center, zoom, {animate: false});
  }
})(map_div, %s, %s);
"""
