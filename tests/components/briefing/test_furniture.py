"""Tests for components.briefing.furniture: scale bar, north arrow and legend."""

import pytest
from matplotlib.figure import Figure

from components.briefing.furniture import (
    draw_legend,
    draw_north_arrow,
    draw_scale_bar,
    pick_scale_km,
)


@pytest.fixture
def ax():
    return Figure().add_subplot()


def test_pick_scale_km_is_round_and_at_most_a_fifth():
    assert pick_scale_km(1000.0) == 200.0
    assert pick_scale_km(60.0) == 10.0
    assert pick_scale_km(12.5) == 2.5


def test_scale_bar_is_true_at_the_centre_latitude(ax):
    extent = (0.0, 0.0, 1_000_000.0, 1_000_000.0)  # Web Mercator metres
    assert draw_scale_bar(ax, extent) == 200.0
    bars = [p for p in ax.patches if p.get_gid() == "scale-bar"]
    assert len(bars) == 4
    texts = [t.get_text() for t in ax.texts]
    assert any(t.startswith("200 km (true at 4.5\u00b0N)") for t in texts)


def test_north_arrow_points_up(ax):
    draw_north_arrow(ax)
    (arrow,) = ax.texts
    assert arrow.get_text() == "N"
    assert arrow.get_gid() == "north-arrow"
    assert arrow.xy[1] > arrow.get_position()[1]


def test_legend_labels_selection_bins_and_places(ax):
    bins = [(0, 0, "#eeeeee"), (1, 1, "#cccccc"), (2, 5, "#888888")]
    draw_legend(ax, bins, "Wakhan Corridor")
    legend = ax.get_legend()
    labels = [t.get_text() for t in legend.get_texts()]
    assert labels[:4] == [
        "Selected: Wakhan Corridor",
        "no matching passage",
        "1 passage",
        "2-5 passages",
    ]
    assert labels[-1] == "Place (size: passages)"
    assert legend.get_gid() == "legend"


def test_legend_without_selection_starts_with_the_bins(ax):
    draw_legend(ax, [(3, 3, "#888888")], None)
    assert ax.get_legend().get_texts()[0].get_text() == "3 passages"
