"""Tests for components.briefing.static_layers: a view frame drawn as the web map."""

import pytest
from matplotlib.figure import Figure

from components.briefing.frame import build_view_frame
from components.briefing.static_layers import draw_features, draw_labels, style_row
from components.map.style import SELECTED
from tests.components.briefing.fixtures import make_briefing


@pytest.fixture(scope="module")
def frame():
    return build_view_frame(make_briefing()).to_crs(3857)


@pytest.fixture
def ax():
    return Figure().add_subplot()


def test_style_row_outlines_the_selected_feature(frame):
    row = next(r for r in frame.itertuples() if r.feature_id == "wakhan-corridor")
    counts = {"wakhan-corridor": 2}
    assert style_row(row, counts, "wakhan-corridor")["color"] == SELECTED["color"]
    assert style_row(row, counts, None)["color"] != SELECTED["color"]


def test_draw_features_draws_one_artist_per_feature(frame, ax):
    assert draw_features(ax, frame, "wakhan-corridor") == len(frame)
    gids = {a.get_gid() for a in ax.get_children() if a.get_gid()}
    assert "selected-areas-wakhan-corridor" in gids
    assert "feature-borders-durand-line" in gids


def test_draw_features_puts_the_selected_feature_on_top(frame, ax):
    draw_features(ax, frame, "wakhan-corridor")
    by_gid = {a.get_gid(): a.get_zorder() for a in ax.get_children() if a.get_gid()}
    selected = by_gid.pop("selected-areas-wakhan-corridor")
    assert all(selected > z for gid, z in by_gid.items() if "-areas-" in gid)
    assert selected > by_gid["feature-countries-afghanistan"]


def test_draw_labels_names_cited_and_selected_features(frame, ax):
    draw_labels(ax, frame, tuple(frame.total_bounds))
    labels = [t.get_text() for t in ax.texts]
    assert labels[0] == "Wakhan Corridor (2)"
    assert "Pakistan (0)" not in labels
    assert all(not label.endswith("(0)") for label in labels)
