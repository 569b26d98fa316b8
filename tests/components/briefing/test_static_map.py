"""Static map: PNG and SVG of the view, sized for slides, with the region in them."""

import io
import re
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PIL import Image

from components.briefing.furniture import pick_scale_km
from components.briefing.static_map import build_static_map
from tests.components.briefing.fixtures import WAKHAN_BOUNDS, make_briefing

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def png():
    return build_static_map(make_briefing(), "png")


@pytest.fixture(scope="module")
def svg():
    return build_static_map(make_briefing(), "svg")


def _coverage(text):
    found = re.search(r"bbox (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+)", text)
    return tuple(float(v) for v in found.groups())


def test_png_is_1600_px_wide_and_not_blank(png):
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert image.size == (1600, 1100)
    pixels = np.asarray(image.convert("L"), dtype=float)
    assert pixels.std() > 20


def test_png_draws_the_selected_feature_outline(png):
    rgb = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).reshape(-1, 3)
    selected_blue = np.all(np.abs(rgb.astype(int) - (0, 80, 208)) < 12, axis=1)
    assert selected_blue.sum() > 1000


def test_png_metadata_states_title_and_extent(png):
    info = Image.open(io.BytesIO(png)).info
    assert info["Title"] == "Briefing: Wakhan Corridor"
    west, south, east, north = _coverage(info["Coverage"])
    w, s, e, n = WAKHAN_BOUNDS
    assert west < w < e < east
    assert south < s < n < north


def test_svg_declares_its_size_and_viewbox(svg):
    root = ET.fromstring(svg)
    assert root.get("width") == "1600px"
    assert root.get("height") == "1100px"
    assert root.get("viewBox") == "0 0 1152 792"


def test_svg_covers_the_region_and_names_its_features(svg):
    text = svg.decode()
    west, south, east, north = _coverage(text)
    assert west < WAKHAN_BOUNDS[0] < WAKHAN_BOUNDS[2] < east
    assert south < WAKHAN_BOUNDS[1] < WAKHAN_BOUNDS[3] < north
    root = ET.fromstring(svg)
    ids = {el.get("id") for el in root.iter() if el.get("id")}
    assert "selected-areas-wakhan-corridor" in ids
    assert "feature-borders-durand-line" in ids
    assert "feature-countries-china" in ids
    assert {"legend", "north-arrow", "caption", "attribution"} <= ids
    assert not any(i and i.endswith("-moscow") for i in ids)


def test_svg_keeps_title_caption_and_scale_as_text(svg):
    texts = "".join(t.text or "" for t in ET.fromstring(svg).iter(f"{SVG}text"))
    assert "Briefing: Wakhan Corridor" in texts
    assert "Selected feature: Wakhan Corridor" in texts
    assert "km (true at" in texts
    assert "N" in texts
    assert "Natural Earth" in texts


def test_static_map_keeps_dollar_signs_in_user_text_literal():
    data = build_static_map(make_briefing(q="$x$ cost"), "svg")
    assert "$x$ cost" in data.decode()


def test_static_map_width_follows_the_setting():
    image = Image.open(io.BytesIO(build_static_map(make_briefing(), "png", 2000)))
    assert image.size == (2000, 1375)


def test_static_map_refuses_unknown_format():
    with pytest.raises(ValueError, match="unknown image format"):
        build_static_map(make_briefing(), "gif")


@pytest.mark.parametrize(
    ("width_km", "bar_km"), [(600, 100), (2300, 250), (9, 1), (51, 10), (3000, 500)]
)
def test_scale_bar_length_is_round_and_near_a_fifth(width_km, bar_km):
    assert pick_scale_km(width_km) == bar_km
