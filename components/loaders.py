"""The only Streamlit caches: layers, features, facts, evidence; keyed by values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import streamlit as st

import geopandas as gpd

from articles.actors import expand_members, load_actors
from articles.corpus import corpus_dir, list_article_files
from articles.index import index_path, sync_index
from articles.model import Actor
from articles.query import Filters, Hit, evidence_counts, query_passages
from components.map.builder import build_base_map, build_layer_groups
from components.map.frame import MapFrame, MapLayers, build_frame, build_layers
from components.view import View
from geo.catalog import LAYERS
from geo.facts import measure_facts
from geo.gazetteer import load_features as read_features
from geo.io import read_layer
from geo.model import Feature

if TYPE_CHECKING:
    from collections.abc import Iterable


@st.cache_data(show_spinner=False)
def load_layer(layer_id: str) -> gpd.GeoDataFrame:
    """Return catalog layer `layer_id` (EPSG:4326, display-simplified)."""
    return read_layer(layer_id)


@st.cache_data(show_spinner=False)
def load_layer_ids() -> tuple[str, ...]:
    """Return the ids of every catalog layer, in catalog order."""
    return tuple(spec.id for spec in LAYERS)


@st.cache_data(show_spinner=False)
def load_attribution() -> str:
    """Return the data layers' attributions, deduplicated, for the map's credits."""
    return "; ".join(dict.fromkeys(spec.attribution for spec in LAYERS))


@st.cache_data(show_spinner=False, max_entries=64)
def load_kind_layer(layer_id: str, kinds: tuple[str, ...]) -> gpd.GeoDataFrame:
    """Return layer `layer_id` keeping only the features of `kinds`."""
    gdf = load_layer(layer_id)
    return gdf[gdf["kind"].isin(kinds)]


def load_map_layers(
    kinds: tuple[str, ...] | None = None,
) -> dict[str, gpd.GeoDataFrame]:
    """Return the catalog layers by id; with `kinds`, only features of those kinds.

    Layers left empty by the kind filter are dropped.
    """
    if kinds is None:
        return {layer_id: load_layer(layer_id) for layer_id in load_layer_ids()}
    layers = {
        lid: load_kind_layer(lid, tuple(sorted(kinds))) for lid in load_layer_ids()
    }
    return {lid: gdf for lid, gdf in layers.items() if len(gdf)}


@st.cache_data(show_spinner=False)
def load_base_frame() -> MapFrame:
    """Return the base map (tiles, panes, credits), rendered; it never changes."""
    return build_frame(build_base_map(load_attribution()))


@st.cache_data(show_spinner=False, max_entries=32)
def load_map_script(
    index: str, stamp: int, filters: Filters, kinds: tuple[str, ...] | None
) -> MapLayers:
    """Return the data layers (shaded by evidence under ``filters``), rendered."""
    counts = load_counts(index, stamp, filters)
    return build_layers(build_layer_groups(load_map_layers(kinds), counts=counts))


def load_view_layers(view: View) -> MapLayers:
    """Return the rendered data layers for ``view`` (its filters and layer kinds)."""
    kinds = tuple(sorted(view.kinds)) if view.kinds else None
    return load_map_script(*index_stamp(), view.overview, kinds)


def index_stamp(index: Path | None = None) -> tuple[str, int]:
    """Return ``(path, stamp)``: the index path and a number that changes with it.

    The stamp sums the modification times (ns) of the SQLite file and its WAL, so
    an ingestion or a sync invalidates every cached query at once.
    """
    path = index or index_path()
    stamp = 0
    for suffix in ("", "-wal"):
        candidate = Path(f"{path}{suffix}")
        if candidate.exists():
            stamp += candidate.stat().st_mtime_ns
    return str(path), stamp


def corpus_stamp() -> tuple[str, int]:
    """Return ``(corpus dir, stamp)``: a number that changes with any article file."""
    directory = corpus_dir()
    files = list_article_files(directory)
    return str(directory), hash(tuple((f.name, _mtime(f)) for f in files))


def _mtime(path: Path) -> int:
    """Modification time (ns); a broken link or a vanished file never raises."""
    for read in (path.stat, path.lstat):
        try:
            return read().st_mtime_ns
        except OSError:
            continue
    return 0


@st.cache_resource(show_spinner="Indexing the corpus ...", max_entries=4)
def sync_corpus(corpus: str, index: str, stamp: int) -> tuple[str, ...]:
    """Bring the index up to date with the corpus, once per corpus change.

    Returns the files that could not be read (one line each), for the page to show.
    """
    del stamp  # part of the cache key only
    return sync_index(Path(corpus), Path(index)).errors


def ensure_index() -> tuple[str, ...]:
    """Sync the index if the corpus changed since the last sync; return problems."""
    corpus, stamp = corpus_stamp()
    return sync_corpus(corpus, str(index_path()), stamp)


@st.cache_data(show_spinner=False)
def load_features() -> dict[str, Feature]:
    """Return every feature (no geometry) by id."""
    return {feature.id: feature for feature in read_features()}


@st.cache_data(show_spinner=False)
def load_facts() -> dict[str, dict[str, object]]:
    """Return the measured (and published) figures by feature id."""
    facts: dict[str, dict[str, object]] = measure_facts()
    return facts


@dataclass(frozen=True)
class CorpusSummary:
    """Date ranges (per date mode) and article titles of the indexed corpus."""

    bounds: dict[str, tuple[dt.date, dt.date]]
    articles: dict[str, str]


@st.cache_data(show_spinner=False, max_entries=256)
def load_hits(index: str, stamp: int, filters: Filters) -> list[Hit]:
    """Return the passages matching ``filters`` in the index at ``index``."""
    del stamp  # part of the cache key only
    return query_passages(filters, Path(index))


@st.cache_data(show_spinner=False, max_entries=256)
def load_counts(index: str, stamp: int, filters: Filters) -> dict[str, int]:
    """Return passages per feature id under ``filters`` (for map shading)."""
    return evidence_counts(load_hits(index, stamp, filters))


@st.cache_data(show_spinner=False, max_entries=8)
def load_corpus_summary(index: str, stamp: int) -> CorpusSummary:
    """Return the corpus date ranges (publication, events) and article titles."""
    hits = load_hits(index, stamp, Filters())
    today = dt.date.today()
    published = [h.published for h in hits] or [today]
    events = [d for h in hits for m in h.dates for d in _safe_bounds(m)] or published
    titles = {h.article_id: h.title for h in sorted(hits, key=lambda h: h.published)}
    return CorpusSummary(
        bounds={
            "published": (min(published), max(published)),
            "events": (min(events), max(events)),
        },
        articles=dict(sorted(titles.items(), key=lambda kv: kv[1].casefold())),
    )


def _safe_bounds(mention: object) -> tuple[dt.date, ...]:
    """Return a date mention's first and last day (nothing when malformed)."""
    try:
        first, last = mention.bounds()  # type: ignore[attr-defined]
    except (ValueError, AttributeError):
        return ()
    return (first, last)


def load_evidence(view: View) -> list[Hit]:
    """Return the passages of the evidence panel and exports (`View.evidence`)."""
    return load_hits(*index_stamp(), view.evidence)


def load_overview_hits(view: View) -> list[Hit]:
    """Return the passages under ``view``'s filters for any feature (timeline)."""
    return load_hits(*index_stamp(), view.overview)


def load_view_counts(view: View) -> dict[str, int]:
    """Return passages per feature id under ``view``'s filters (map shading)."""
    return load_counts(*index_stamp(), view.overview)


def load_summary() -> CorpusSummary:
    """Return the summary of the current index (date ranges, article titles)."""
    return load_corpus_summary(*index_stamp())


def search_passages(q: str, limit: int = 20) -> list[Hit]:
    """Return up to ``limit`` passages matching the full-text query ``q``."""
    return load_hits(*index_stamp(), Filters(q=q))[:limit]


@st.cache_resource(show_spinner=False)
def load_actor_registry() -> tuple[Actor, ...]:
    """Return every actor of the registry (immutable: shared, not copied)."""
    return load_actors()


@st.cache_resource(show_spinner=False, max_entries=512)
def _expand(ids: tuple[str, ...]) -> frozenset[str]:
    return expand_members(ids, load_actor_registry())


def load_actor_ids() -> frozenset[str]:
    """Return the ids of every actor of the registry."""
    return frozenset(a.id for a in load_actor_registry())


def build_names(features: Iterable[Feature], actors: Iterable[Actor]) -> dict[str, str]:
    """Return display names of feature and actor ids (a shared id names both)."""
    names = {a.id: a.name for a in actors}
    names.update((f.id, f.name) for f in features)
    return names


@st.cache_data(show_spinner=False)
def load_names() -> dict[str, str]:
    """Return display names of feature and actor ids (a shared id names both)."""
    return build_names(load_features().values(), load_actor_registry())


def expand_actors(ids: Iterable[str]) -> frozenset[str]:
    """Return ``ids`` plus their members, transitively (ISI -> Asim Malik)."""
    return _expand(tuple(sorted(ids)))


def load_passage_links(passage_id: str | None) -> tuple[str, ...]:
    """Return the feature ids a passage links (empty for None or an unknown id)."""
    if not passage_id:
        return ()
    for hit in load_hits(*index_stamp(), Filters()):
        if hit.passage_id == passage_id:
            return tuple(link.id for link in hit.features)
    return ()


def clear_evidence_caches() -> None:
    """Drop every cached evidence query (after an ingestion, say)."""
    for loader in (load_hits, load_counts, load_corpus_summary, load_map_script):
        loader.clear()
