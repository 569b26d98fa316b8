"""Which feature the user selected on the map: pure functions over st_folium events."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import shapely
from shapely.geometry.base import BaseGeometry

#: Session-state keys this module owns.
SELECTED_KEY = "map.selected"
SEEN_KEY = "map.event_seen"
PICKS_KEY = "map.picks"
#: A click this close (screen pixels) to a line or a point may have meant it.
PICK_TOLERANCE_PX = 8.0
#: Most features offered in a pick list.
PICK_LIMIT = 6
#: Leaflet's tile size: at zoom z the world is ``TILE_PX * 2**z`` pixels wide.
TILE_PX = 256
_RANKS = {"Point": 0, "MultiPoint": 0, "LineString": 1, "MultiLineString": 1}


class StateLike(Protocol):
    """What this module needs of ``st.session_state`` (a dict works too)."""

    def get(self, key: str, /) -> Any:
        """Return the value under `key`, or None."""

    def __setitem__(self, key: str, value: Any, /) -> None:
        """Store `value` under `key`."""


_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def selection_from_map_event(event: object) -> str | None:
    """Return the feature id of the clicked feature in an st_folium return value.

    Parameters
    ----------
    event : object
        What ``st_folium`` returned (or a fake in tests): a mapping whose
        ``last_active_drawing`` is the clicked GeoJSON feature, with the id in
        ``properties.feature_id``.

    Returns
    -------
    str or None
        The feature id, or None when nothing usable was clicked (no event, a
        drawing without properties, a malformed or non-slug id).
    """
    if not isinstance(event, Mapping):
        return None
    drawing = event.get("last_active_drawing")
    if not isinstance(drawing, Mapping):
        return None
    props = drawing.get("properties")
    if not isinstance(props, Mapping):
        return None
    fid = props.get("feature_id")
    if isinstance(fid, str) and _SLUG.match(fid):
        return fid
    return None


def _fingerprint(event: object) -> str | None:
    if not isinstance(event, Mapping):
        return None
    clicked = event.get("last_object_clicked")
    fid = selection_from_map_event(event)
    if fid is None:
        return None
    return json.dumps([fid, clicked], sort_keys=True, default=str)


@dataclass(frozen=True)
class Shape:
    """A map feature as picking needs it: id, name, kind, geometry (EPSG:4326)."""

    feature_id: str
    name: str
    kind: str
    geometry: BaseGeometry


@dataclass(frozen=True)
class Candidate:
    """A feature a click may have meant; ``rank`` 0 point, 1 line, 2 polygon."""

    feature_id: str
    name: str
    kind: str
    pixels: float
    rank: int


def click_from_event(event: object) -> tuple[float, float, int] | None:
    """Return (lat, lng, zoom) of the click in an st_folium event, or None."""
    if not isinstance(event, Mapping):
        return None
    clicked, zoom = event.get("last_object_clicked"), event.get("zoom")
    if not isinstance(clicked, Mapping) or not isinstance(zoom, int | float):
        return None
    lat, lng = clicked.get("lat"), clicked.get("lng")
    if not isinstance(lat, int | float) or not isinstance(lng, int | float):
        return None
    if not (math.isfinite(lat) and math.isfinite(lng) and abs(lat) < 85.0):
        return None
    return float(lat), float(lng), int(zoom)


def find_candidates(
    shapes: Sequence[Shape],
    click: tuple[float, float, int],
    clicked: str | None = None,
    *,
    tolerance_px: float = PICK_TOLERANCE_PX,
) -> tuple[Candidate, ...]:
    """Return the features a click may have meant: points and lines first.

    Distances are in screen pixels at the click's zoom (Web Mercator, measured
    locally: one degree of longitude is ``TILE_PX * 2**zoom / 360`` pixels, one
    degree of latitude that over ``cos(lat)``).

    Parameters
    ----------
    shapes : sequence of Shape
        The features drawn on the map.
    click : (float, float, int)
        ``(lat, lng, zoom)`` from `click_from_event`.
    clicked : str or None
        The feature Leaflet reported under the pointer (kept, whatever its kind).
    tolerance_px : float
        How near a point or a line must be.

    Returns
    -------
    tuple of Candidate
        Points, then lines, then the clicked polygon, nearest first, at most
        `PICK_LIMIT`; empty when fewer than two features qualify.
    """
    lat, lng, zoom = click
    x_scale = TILE_PX * 2.0**zoom / 360.0
    y_scale = x_scale / math.cos(math.radians(lat))
    geoms = [s.geometry for s in shapes]
    local = shapely.transform(geoms, lambda c: (c - (lng, lat)) * (x_scale, y_scale))
    pixels = shapely.distance(local, shapely.Point(0.0, 0.0))
    found = []
    for shape, geom, dist in zip(shapes, geoms, pixels, strict=True):
        rank = _RANKS.get(geom.geom_type, 2)
        near = rank < 2 and float(dist) <= tolerance_px
        if near or shape.feature_id == clicked:
            found.append(
                Candidate(shape.feature_id, shape.name, shape.kind, float(dist), rank)
            )
    found.sort(key=lambda c: (c.rank, round(c.pixels, 1), c.name))
    unique = list({c.feature_id: c for c in reversed(found)}.values())[::-1]
    return tuple(unique[:PICK_LIMIT]) if len(unique) > 1 else ()


def update_selection(
    state: StateLike, event: object, shapes: Sequence[Shape] = ()
) -> str | None:
    """Apply a map event to the selection held in `state`; return the selection.

    A click counts once: an event already applied (same feature, same click
    position) leaves the selection alone, so a selection made elsewhere (a
    button, the URL) survives reruns until the user clicks the map again.

    Parameters
    ----------
    state : mutable mapping
        ``st.session_state`` or a dict; keys `SELECTED_KEY` and `SEEN_KEY` are
        read and written.
    event : object
        The latest st_folium return value (None before any click).
    shapes : sequence of Shape
        The features drawn; a new click near several of them stores a pick
        list under `PICKS_KEY` (see `find_candidates`).

    Returns
    -------
    str or None
        The selected feature id after applying the event.
    """
    fingerprint = _fingerprint(event)
    if fingerprint is not None and fingerprint != state.get(SEEN_KEY):
        state[SEEN_KEY] = fingerprint
        state[SELECTED_KEY] = selection_from_map_event(event)
        click = click_from_event(event)
        state[PICKS_KEY] = (
            find_candidates(shapes, click, state.get(SELECTED_KEY)) if click else ()
        )
    selected = state.get(SELECTED_KEY)
    return selected if isinstance(selected, str) else None


def select_feature(state: StateLike, feature_id: str | None) -> None:
    """Select `feature_id` (or clear the selection) from outside the map.

    Any pick list offered by the last click is answered by this, so it goes.
    """
    state[SELECTED_KEY] = feature_id
    state[PICKS_KEY] = ()


def read_picks(state: StateLike) -> tuple[Candidate, ...]:
    """Return the pick list the last click left (empty when none)."""
    picks = state.get(PICKS_KEY)
    if isinstance(picks, tuple):
        return tuple(p for p in picks if isinstance(p, Candidate))
    return ()
