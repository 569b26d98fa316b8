"""Export menu: one deferred download per format, built only on click, from the view."""

import datetime as dt
import io
import json

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from articles.query import Filters
from components.briefing.exports import FORMATS
from components.panels.export import build_download
from tests.components.briefing.fixtures import (
    make_features,
    make_hits,
    make_layers,
)

CONTEXT = {"features": make_features(), "actors": {"taliban": "Taliban"}, "facts": {}}


def _app():
    from articles.query import Filters
    from components.panels import export as export_menu
    from components.view import View
    from tests.components.briefing.fixtures import make_features, make_hits, make_layers

    export_menu.render(
        View(Filters(feature="wakhan-corridor", actors=("taliban",))),
        len(make_hits()),
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


@pytest.mark.parametrize("fmt", ["csv", "geojson", "svg"])
def test_build_download_builds_the_format_when_called(fmt):
    filters = Filters(feature="wakhan-corridor")
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
    filters = Filters()
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
        from components.view import View
        from tests.components.briefing.fixtures import make_hits

        with mock.patch("components.loaders.load_map_layers") as load:
            load.return_value = {}
            export_menu.render(
                View(kinds=("city", "pass")), len(make_hits()),
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
    from components.panels import export as export_menu
    from components.view import View

    corpus, index = corpus_copy
    sync_index(corpus, index)
    loaders.clear_evidence_caches()
    as_of = dt.date(2026, 11, 20)
    cli_csv = tmp_path / "cli.csv"
    argv = ["--feature", "wakhan-corridor", "--as-of", as_of.isoformat()]
    argv += ["--q", q] if q else []
    assert (
        main([*argv, "--out", str(tmp_path / "cli.html"), "--csv", str(cli_csv)]) == 0
    )
    view = View(Filters(feature="wakhan-corridor", q=q))
    page = build_download(  # as the export menu: None = read the view's best
        "csv", view.evidence, None, loaders.load_map_layers(),
        export_menu.load_context(), as_of,
    )()  # fmt: skip
    hits = loaders.fetch_export_page(view.evidence).hits
    everything = loaders.fetch_export_page(Filters(feature="wakhan-corridor")).hits
    loaders.clear_evidence_caches()
    assert page == cli_csv.read_bytes()
    cited = pd.read_csv(io.BytesIO(page), encoding="utf-8-sig")["passage_id"]
    if q:
        assert 0 < len(cited) < len(everything)
        assert all(q.casefold() in h.text.casefold() for h in hits)
