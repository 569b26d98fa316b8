"""Gathering a view: extent, layer provenance, id checks, assembly from loaded data."""

import datetime as dt

import pytest

from components.briefing.collect import (
    REGION_FALLBACK,
    BriefingError,
    assemble_briefing,
    check_ids,
    compute_bounds,
    describe_layer,
)
from geo.catalog import LAYERS
from tests.components.briefing.fixtures import (
    WAKHAN_BOUNDS,
    Filters,
    make_features,
    make_hits,
    make_layers,
)


def test_compute_bounds_pads_the_selected_feature():
    west, south, east, north = compute_bounds(make_layers(), "wakhan-corridor")
    w, s, e, n = WAKHAN_BOUNDS
    assert west < w - 1 < e + 1 < east
    assert south < s - 0.5 < n + 0.5 < north
    assert north - south >= 2


def test_compute_bounds_gives_a_point_an_area():
    west, south, east, north = compute_bounds(make_layers(), "kabul")
    assert west < 69.17 < east
    assert south < 34.53 < north
    assert east - west >= 2


def test_compute_bounds_without_selection_frames_afghanistan_and_pakistan():
    west, south, east, north = compute_bounds(make_layers(), None)
    assert (west, south) <= (60, 24)
    assert (east, north) >= (77, 38)
    assert east - west < 30


def test_compute_bounds_falls_back_when_no_geometry_matches():
    assert compute_bounds({}, None) == REGION_FALLBACK


def test_describe_layer_reads_every_catalog_entry():
    for spec in LAYERS:
        info = describe_layer(spec)
        assert info.title
        assert info.source
        assert info.licence
        assert info.scale
        assert info.derivation


def test_check_ids_rejects_unknown_feature_and_actor():
    features = make_features()
    with pytest.raises(BriefingError, match="unknown feature id 'atlantis'"):
        check_ids(Filters(feature="atlantis"), features, {})
    with pytest.raises(BriefingError, match="unknown actor id 'ttp'"):
        check_ids(Filters(actors=("ttp",)), features, {"isi": "ISI"})
    check_ids(Filters(feature="kabul", actors=("isi",)), features, {"isi": "ISI"})


def test_assemble_briefing_counts_evidence_and_keeps_citation_order():
    hits = make_hits()
    briefing = assemble_briefing(
        Filters(feature="wakhan-corridor"),
        hits,
        make_layers(),
        features=make_features(),
        actors={},
        as_of=dt.date(2026, 1, 2),
    )
    assert briefing.hits == hits
    assert briefing.counts["wakhan-corridor"] == 2
    assert briefing.counts["durand-line"] == 1
    assert set(briefing.infos) == set(make_layers())
    assert briefing.as_of == dt.date(2026, 1, 2)
    assert briefing.selected == "wakhan-corridor"
