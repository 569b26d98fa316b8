"""Tests for components.briefing.draw: shapely geometries as matplotlib artists."""

import numpy as np
import pytest
from matplotlib.collections import LineCollection, PatchCollection
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure

from shapely.geometry import MultiLineString, Point, Polygon, box

from components.briefing.draw import (
    PX,
    convert_dashes,
    draw_geometry,
    line_segments,
    polygon_path,
)


def signed_area(ring):
    x, y = ring[:, 0], ring[:, 1]
    return float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))) / 2


@pytest.fixture
def ax():
    return Figure().add_subplot()


def test_polygon_path_leaves_holes_empty_whatever_their_winding():
    # the hole is wound like the exterior (counter-clockwise), as shapely allows
    holed = Polygon(box(0, 0, 4, 4).exterior.coords, [box(1, 1, 2, 2).exterior.coords])
    path = polygon_path(holed)
    assert path is not None
    assert len(path.vertices) == 10
    outer, hole = (signed_area(ring) for ring in path.to_polygons())
    assert outer * hole < 0  # opposite windings: the non-zero fill leaves the hole


def test_polygon_path_of_a_point_is_none():
    assert polygon_path(Point(0, 0)) is None


def test_line_segments_split_parts_and_outline_polygons():
    lines = MultiLineString([[(0, 0), (1, 1)], [(2, 2), (3, 3), (4, 2)]])
    assert [len(s) for s in line_segments(lines)] == [2, 3]
    assert [len(s) for s in line_segments(box(0, 0, 1, 1))] == [5]


def test_convert_dashes_scales_pixels_by_weight():
    assert convert_dashes("6, 4", 2.0) == (0.0, (3.0, 2.0))
    assert convert_dashes(None, 2.0) == "solid"


def test_draw_geometry_polygon_has_fill_outline_and_gid(ax):
    style = {
        "color": "#ff0000",
        "weight": 2,
        "fillColor": "#00ff00",
        "fillOpacity": 0.5,
    }
    artist = draw_geometry(ax, box(0, 0, 1, 1), style, gid="feature-x", zorder=3)
    assert isinstance(artist, PatchCollection)
    assert artist.get_gid() == "feature-x"
    assert artist.get_zorder() == 3
    assert tuple(artist.get_facecolor()[0]) == to_rgba("#00ff00", 0.5)
    assert artist.get_linewidth()[0] == 2 * PX


def test_draw_geometry_line_is_a_stroke(ax):
    line = MultiLineString([[(0, 0), (1, 1)]])
    artist = draw_geometry(ax, line, {"color": "#0000ff"}, gid="line", zorder=4)
    assert isinstance(artist, LineCollection)
    assert tuple(artist.get_color()[0]) == to_rgba("#0000ff")


def test_draw_geometry_point_is_a_circle_of_radius_px(ax):
    artist = draw_geometry(ax, Point(1, 2), {"radius": 4}, gid="pt", zorder=6)
    assert artist is not None
    assert artist.get_sizes()[0] == pytest.approx((8 * PX) ** 2)
    assert artist.get_offsets().tolist() == [[1.0, 2.0]]


def test_draw_geometry_empty_draws_nothing(ax):
    assert draw_geometry(ax, Point(), {}, gid="none", zorder=1) is None
