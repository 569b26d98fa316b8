"""Drawing into a supersampled tile: fonts, markers, labels on either side."""

from __future__ import annotations

import numpy as np
from PIL import Image

from components.basemap.draw import (
    MARKERS,
    SUPERSAMPLE,
    Label,
    draw_labels,
    load_font,
)


def _ink_columns(label: Label) -> np.ndarray:
    size = 256 * SUPERSAMPLE
    img = Image.new("RGB", (size, size), (255, 255, 255))
    draw_labels(img, [label], 0.0, 0.0)
    arr = np.asarray(img)
    return np.nonzero(np.all(arr == label.fill, axis=-1))[1] / SUPERSAMPLE


def test_fonts_regular_bold_italic() -> None:
    sizes = {
        (bold, italic): load_font(11, bold, 1, italic).getbbox("Panj")[2]
        for bold in (False, True)
        for italic in (False, True)
    }
    assert len(sizes) == 4
    assert sizes[(True, False)] > sizes[(False, False)]


def test_label_right_or_left_of_its_marker() -> None:
    right = Label(
        "Torkham", 128.0, 128.0, 11, (120, 30, 20), dot=True, marker="crossing"
    )
    left = Label("Torkham", 128.0, 128.0, 11, (120, 30, 20), dot=True, left=True)
    assert _ink_columns(right).min() > 128
    assert _ink_columns(left).max() < 128


def test_markers_drawn_in_their_colour() -> None:
    for marker, colour in MARKERS.items():
        img = Image.new("RGB", (512, 512), (255, 255, 255))
        label = Label("X", 128.0, 128.0, 11, (0, 0, 0), dot=True, marker=marker)
        draw_labels(img, [label], 0.0, 0.0)
        assert img.getpixel((256, 258)) == colour
