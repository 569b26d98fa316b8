"""Export menu: one deferred download per format, built only on click, from the view."""

import datetime as dt
import io
import json

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from components.briefing.exports import FORMATS
from components.panels import export as export_menu
from components.panels.export import build_download, build_view_filters
from components.url.state import ViewState
from tests.components.briefing.fixtures import (
    make_features,
    make_hits,
    make_layers,
)

CONTEXT = {"features": make_features(), "actors": {"taliban": "Taliban"}, "facts": {}}


def _app():
    from components.panels import export as export_menu
    from components.url.state import ViewState
    from tests.components.briefing.fixtures import make_features, make_hits, make_layers

    export_menu.render(
        ViewState(actors=("taliban",)),
        make_hits(),
        selected="wakhan-corridor",
        layers=make_layers(),
        context={"features": make_features(), "actors": {}, "facts": {}},
    )


def _buttons(at):
    return list(at.get("download_button"))


def test_export_menu_offers_every_format_without_building_it():
    at = AppTest.from_function(_app, default_timeout=30).run()
    assert not at.exception
    buttons = _buttons(at)
    labels = [b.proto.label for b in buttons]
    assert labels == [f.label for f in FORMATS.values()]
    assert all(b.proto.deferred_file_id for b in buttons)  # built on click only
    assert all(not b.proto.url for b in buttons)
    assert all(b.proto.ignore_rerun for b in buttons)


def test_build_view_filters_prefers_the_selection():
    view = ViewState(feature="kabul", actors=("isi",), q="pass", datemode="events")
    filters = build_view_filters(view, "wakhan-corridor")
    assert filters.feature == "wakhan-corridor"
    assert filters.actors == ("isi",)
    assert filters.q == "pass"
    assert filters.datemode == "events"
    assert build_view_filters(view).feature == "kabul"


@pytest.mark.parametrize("fmt", ["csv", "geojson", "svg"])
def test_build_download_builds_the_format_when_called(fmt):
    filters = build_view_filters(ViewState(), "wakhan-corridor")
    build = build_download(
        fmt, filters, make_hits(), make_layers(), CONTEXT, dt.date(2026, 11, 20)
    )
    data = build()
    if fmt == "csv":
        assert len(pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")) == 3
    elif fmt == "geojson":
        assert b'"wakhan-corridor"' in data
    else:
        assert data.startswith(b"<?xml")


def test_build_download_keeps_only_the_kinds_shown():
    filters = build_view_filters(ViewState(), None)
    build = build_download(
        "geojson", filters, make_hits(), make_layers(), CONTEXT,
        dt.date(2026, 11, 20), kinds=("corridor",),
    )  # fmt: skip
    data = json.loads(build())
    kinds = {f["properties"]["kind"] for f in data["features"]}
    assert kinds == {"corridor"}
    assert data["briefing"]["kinds"] == ["corridor"]
    svg = build_download(
        "svg", filters, make_hits(), make_layers(), CONTEXT,
        dt.date(2026, 11, 20), kinds=("corridor",),
    )().decode()  # fmt: skip
    assert "feature-areas-wakhan-corridor" in svg
    assert "feature-countries-" not in svg


def test_export_menu_passes_the_view_kinds():
    def app():
        from unittest import mock

        from components.panels import export as export_menu
        from components.url.state import ViewState
        from tests.components.briefing.fixtures import make_hits

        with mock.patch("components.loaders.load_map_layers") as load:
            load.return_value = {}
            export_menu.render(
                ViewState(kinds=("city", "pass")), make_hits(),
                context={"features": {}, "actors": {}, "facts": {}},
            )  # fmt: skip
            import streamlit as st

            st.session_state["called_with"] = load.call_args.args

    at = AppTest.from_function(app, default_timeout=30).run()
    assert not at.exception
    assert at.session_state["called_with"] == (("city", "pass"),)


@pytest.mark.parametrize("q", ["Tajik", "markets", None])
def test_page_export_cites_what_the_cli_cites(corpus_copy, tmp_path, q):
    """The page's CSV (dashboard query + export menu) equals the CLI's, q included."""
    from articles.index import sync_index
    from components import loaders
    from components.briefing.__main__ import main

    corpus, index = corpus_copy
    sync_index(corpus, index)
    loaders.clear_evidence_caches()
    as_of = dt.date(2026, 11, 20)
    out = tmp_path / "cli.html"
    argv = ["--feature", "wakhan-corridor", "--as-of", as_of.isoformat()]
    argv += [
        *(["--q", q] if q else []),
        "--out",
        str(out),
        "--csv",
        str(csv_path := tmp_path / "cli.csv"),
    ]
    assert main(argv) == 0
    view = ViewState(feature="wakhan-corridor", q=q)
    hits = loaders.load_view_hits(view, view.feature)  # as dashboard.render_evidence
    page = build_download(
        "csv", build_view_filters(view), hits, loaders.load_map_layers(),
        export_menu.load_context(), as_of,
    )()  # fmt: skip
    loaders.clear_evidence_caches()
    assert page == csv_path.read_bytes()
    cited = pd.read_csv(io.BytesIO(page), encoding="utf-8-sig")["passage_id"]
    everything = loaders.load_view_hits(
        ViewState(feature="wakhan-corridor"), "wakhan-corridor"
    )
    if q:
        assert 0 < len(cited) < len(everything)
        assert all(q.casefold() in h.text.casefold() for h in hits)
