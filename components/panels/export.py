"""The dashboard's Export menu: the current view as HTML, PNG, SVG, GeoJSON or CSV."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import streamlit as st

import geopandas as gpd

from articles.query import Filters, Hit, Page
from components import loaders
from components.briefing.collect import EXPORT_LIMIT, assemble_briefing
from components.briefing.exports import FORMATS
from components.view import View


def build_download(
    fmt: str,
    filters: Filters,
    hits: Sequence[Hit] | Page | None,
    layers: Mapping[str, gpd.GeoDataFrame],
    context: Mapping[str, Any],
    as_of: dt.date,
    kinds: Sequence[str] | None = None,
) -> Callable[[], bytes]:
    """Return a no-argument function that builds one export when called.

    Streamlit calls it only when the user clicks the download button (on a thread
    of its own), so a rerun of the page never builds a file.

    Parameters
    ----------
    fmt : str
        A key of `components.briefing.exports.FORMATS`.
    filters : articles.query.Filters
        The view, with the selected feature.
    hits : sequence of Hit, Page or None
        The passages to cite; None: the best `EXPORT_LIMIT` of ``filters``, read
        from the index with exact totals when the file is built.
    layers : mapping of str to GeoDataFrame
        Catalog layers (EPSG:4326).
    context : mapping
        ``features`` (id -> Feature), ``actors`` (id -> name), ``facts``.
    as_of : datetime.date
        The briefing's date.
    kinds : sequence of str, optional
        The feature kinds the map shows; only these are exported (None = all).
    """

    def build() -> bytes:
        cited = hits if hits is not None else loaders.fetch_export_page(filters)
        briefing = assemble_briefing(
            filters,
            cited,
            layers,
            counts=loaders.fetch_feature_counts(filters) if hits is None else None,
            features=context["features"],
            actors=context["actors"],
            facts=context.get("facts"),
            as_of=as_of,
            kinds=kinds,
            review=loaders.current_review(),
        )
        return FORMATS[fmt].build(briefing)

    return build


def load_context() -> dict[str, Any]:
    """Return features, actor names and facts from the cached loaders."""
    return {
        "features": loaders.load_features(),
        "actors": {a.id: a.name for a in loaders.load_actor_registry()},
        "facts": loaders.load_facts(),
    }


def render(
    view: View,
    matching: int,
    *,
    layers: Mapping[str, gpd.GeoDataFrame] | None = None,
    context: Mapping[str, Any] | None = None,
    key: str = "export",
) -> None:
    """Draw the "Export" popover: one download button per format.

    Files are built only on click (deferred downloads): a rerun builds nothing.

    Parameters
    ----------
    view : components.view.View
        The current view: its evidence filters are the export's query, and
        ``view.kinds`` (the layer toggles) limits what is exported to the kinds
        the map shows.
    matching : int
        How many passages match ``view.evidence`` (the files cite the best
        `EXPORT_LIMIT`).
    layers : mapping of str to GeoDataFrame, optional
        The map's layers (default `components.loaders.load_map_layers`).
    context : mapping, optional
        As `load_context` returns (default: that).
    key : str
        Prefix of the widget keys.
    """
    filters = view.evidence
    kinds = tuple(sorted(view.kinds)) if view.kinds else None
    as_of = dt.date.today()
    with st.popover("Export", icon=":material/download:"):
        cited = min(matching, EXPORT_LIMIT)
        st.caption(
            f"The current view: {matching:,} passages; the files quote the best "
            f"{cited:,}. Each file is built when you click it and opens offline."
        )
        layers = layers if layers is not None else loaders.load_map_layers(kinds)
        context = context if context is not None else load_context()
        subject = filters.feature or "region"
        for fmt in FORMATS.values():
            st.download_button(
                fmt.label,
                data=build_download(
                    fmt.id, filters, None, layers, context, as_of, kinds
                ),
                file_name=f"briefing-{subject}-{as_of.isoformat()}{fmt.suffix}",
                mime=fmt.mime,
                key=f"{key}.{fmt.id}",
                on_click="ignore",
                width="stretch",
            )
