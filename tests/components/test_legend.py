"""Legend: the evidence ramp (shared with the map) and its Streamlit drawing."""

import re

import pytest
from streamlit.testing.v1 import AppTest

from components.legend import (
    EVIDENCE_RAMP,
    LINE_STYLES,
    MUTED,
    build_evidence_bins,
    build_legend_html,
    evidence_colour,
)


@pytest.mark.parametrize("count", [0, -1])
def test_zero_evidence_is_muted(count):
    assert evidence_colour(count, 10) == MUTED


def test_max_count_gets_darkest():
    assert evidence_colour(40, 40) == EVIDENCE_RAMP[-1]
    assert evidence_colour(1, 1) == EVIDENCE_RAMP[-1]


def test_count_above_max_is_clamped():
    assert evidence_colour(99, 5) == EVIDENCE_RAMP[-1]


def test_ramp_is_monotonic():
    colours = [evidence_colour(c, 200) for c in range(1, 201)]
    indexes = [EVIDENCE_RAMP.index(c) for c in colours]
    assert indexes == sorted(indexes)
    assert set(colours) == set(EVIDENCE_RAMP)
    assert colours[0] == EVIDENCE_RAMP[0]


def test_colours_are_hex():
    for colour in (*EVIDENCE_RAMP, MUTED, *(s.color for s in LINE_STYLES.values())):
        assert re.fullmatch(r"#[0-9a-f]{6}", colour)


def test_bins_cover_every_count_once():
    bins = build_evidence_bins(37)
    assert bins[0] == (0, 0, MUTED)
    covered = [c for low, high, _ in bins[1:] for c in range(low, high + 1)]
    assert covered == list(range(1, 38))
    for low, high, colour in bins[1:]:
        assert evidence_colour(low, 37) == colour == evidence_colour(high, 37)


def test_bins_with_no_evidence():
    assert build_evidence_bins(0) == [(0, 0, MUTED)]


def test_legend_html_lists_swatches_and_lines():
    out = build_legend_html(3)
    assert "no passages (muted)" in out
    assert MUTED in out
    assert "Durand Line" in out
    assert 'stroke-dasharray="6 4"' in out  # disputed dashed
    assert "Schematic route" in out
    assert "branca" not in out
    assert "http" not in out


def _legend():
    from components import legend

    legend.render(12)


def test_app_draws_legend():
    at = AppTest.from_function(_legend, default_timeout=30).run()
    assert not at.exception
    assert at.expander[0].label == "Legend"
    assert "Durand Line" in at.html[0].value
