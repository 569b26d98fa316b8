"""Tests for components.briefing.map_html: the view's map as one offline page."""

import pytest

from components.briefing.inline import find_external
from components.briefing.map_html import build_map_html
from tests.components.briefing.fixtures import make_briefing


@pytest.fixture(scope="module")
def page():
    return build_map_html(make_briefing())


def test_map_html_fetches_nothing(page):
    assert find_external(page) == []
    assert "<script src=" not in page


def test_map_html_draws_the_view_layers(page):
    assert "wakhan-corridor" in page
    assert "durand-line" in page


def test_map_html_fits_the_view_bounds(page):
    assert "[[35.0, 69.8], [38.8, 76.6]]" in page


def test_map_html_serves_tiles_from_an_inlined_table(page):
    assert "L.TileLayer.include" in page
