"""Gather one view's data for a briefing: layers, passages, counts, provenance."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

import geopandas as gpd

from articles.actors import expand_members, load_actors
from articles.corpus import corpus_dir
from articles.query import (
    Filters,
    Hit,
    Page,
    count_features,
    evidence_counts,
    query_page,
)
from articles.review.state import Review, build_review
from articles.review.store import read_decisions
from components.briefing.model import Briefing, LayerInfo
from components.briefing.reviewed import find_confirmed
from geo.catalog import LAYERS, LayerSpec
from geo.facts import measure_facts
from geo.gazetteer import load_features
from geo.io import read_layer
from geo.model import FEATURE_KINDS, Feature

#: Most passages a briefing quotes (the best first); it states how many match.
EXPORT_LIMIT = 200
#: Default extent with no selection: Afghanistan, Pakistan and their borders.
REGION_IDS: tuple[str, ...] = ("afghanistan", "pakistan")
REGION_FALLBACK: tuple[float, float, float, float] = (59.0, 22.0, 79.0, 40.0)


class BriefingError(ValueError):
    """The view cannot be briefed (unknown feature or actor, bad filter)."""


def collect_briefing(
    filters: Filters,
    *,
    index: Path | None = None,
    as_of: dt.date | None = None,
    kinds: Sequence[str] | None = None,
) -> Briefing:
    """Load everything a briefing of `filters` needs and assemble it.

    Parameters
    ----------
    filters : articles.query.Filters
        The view (feature, actors, dates, datemode, q, articles).
    index : Path, optional
        The SQLite index to query (default `articles.index.index_path`).
    as_of : datetime.date, optional
        The briefing's date (default today).
    kinds : sequence of str, optional
        Feature kinds to show (``geo.model.FEATURE_KINDS``); None or empty = all.

    Returns
    -------
    Briefing

    Raises
    ------
    BriefingError
        The selected feature, an actor or a kind is unknown.
    """
    features = {f.id: f for f in load_features()}
    actors = {a.id: a.name for a in load_actors()}
    check_ids(filters, features, actors)
    check_kinds(kinds)
    page = query_page(filters, limit=EXPORT_LIMIT, index=index)
    return assemble_briefing(
        filters,
        page,
        {spec.id: read_layer(spec.id) for spec in LAYERS},
        counts=count_features(filters, index),
        features=features,
        actors=actors,
        facts=measure_facts(),
        as_of=as_of,
        kinds=kinds,
        review=build_review(read_decisions(corpus_dir())),
    )


def assemble_briefing(
    filters: Filters,
    hits: Sequence[Hit] | Page,
    layers: Mapping[str, gpd.GeoDataFrame],
    *,
    counts: Mapping[str, int] | None = None,
    features: Mapping[str, Feature],
    actors: Mapping[str, str],
    facts: Mapping[str, dict[str, object]] | None = None,
    as_of: dt.date | None = None,
    kinds: Sequence[str] | None = None,
    review: Review | None = None,
) -> Briefing:
    """Assemble a briefing from data already loaded (no I/O but the catalog).

    Parameters
    ----------
    filters : articles.query.Filters
        The view.
    hits : sequence of articles.query.Hit, or Page
        The passages matching `filters`, in citation order; a `Page` also gives
        the exact totals (its hits are the best of them).
    layers : mapping of str to GeoDataFrame
        Catalog layers by id (EPSG:4326).
    counts : mapping of str to int, optional
        Matching passages per feature (``count_features``); default: counted
        over ``hits``.
    features : mapping
        Feature id -> `geo.model.Feature`.
    actors : mapping of str to str
        Actor id -> name.
    facts : mapping, optional
        ``geo.facts.measure_facts()``.
    as_of : datetime.date, optional
        The briefing's date (default today).
    kinds : sequence of str, optional
        Feature kinds shown on the map; None or empty = all. Only these are
        drawn and exported (`select_kinds`).
    review : articles.review.state.Review, optional
        The analyst's decisions: which cited links are confirmed.

    Returns
    -------
    Briefing
    """
    page = hits if isinstance(hits, Page) else None
    cited = hits.hits if isinstance(hits, Page) else tuple(hits)
    shown = tuple(sorted(set(kinds))) if kinds else None
    layers = select_kinds(layers, shown)
    return Briefing(
        filters=filters,
        hits=cited,
        counts=dict(counts if counts is not None else evidence_counts(cited)),
        layers=dict(layers),
        infos={spec.id: describe_layer(spec) for spec in LAYERS if spec.id in layers},
        features=dict(features),
        actors=dict(actors),
        bounds=compute_bounds(layers, filters.feature),
        as_of=as_of or dt.date.today(),
        facts=dict(facts or {}),
        kinds=shown,
        actor_ids=expand_members(filters.actors) if filters.actors else frozenset(),
        total=page.total if page else None,
        articles=page.articles if page else None,
        confirmed=find_confirmed(cited, review) if review else frozenset(),
    )


def select_kinds(
    layers: Mapping[str, gpd.GeoDataFrame], kinds: Sequence[str] | None
) -> dict[str, gpd.GeoDataFrame]:
    """Keep only features of `kinds` (None = all); drop layers left empty."""
    if kinds is None:
        return dict(layers)
    kept = {lid: gdf[gdf["kind"].isin(list(kinds))] for lid, gdf in layers.items()}
    return {lid: gdf for lid, gdf in kept.items() if len(gdf)}


def check_kinds(kinds: Sequence[str] | None) -> None:
    """Raise `BriefingError` for a kind not in ``geo.model.FEATURE_KINDS``."""
    for kind in kinds or ():
        if kind not in FEATURE_KINDS:
            known = ", ".join(FEATURE_KINDS)
            raise BriefingError(f"unknown kind {kind!r} (use one of: {known})")


def describe_layer(spec: LayerSpec) -> LayerInfo:
    """Read a catalog `LayerSpec`'s provenance as the briefing states it."""
    url = f"<{spec.source_url}>" if spec.source_url else ""
    return LayerInfo(
        id=spec.id,
        title=spec.title,
        source=" ".join(filter(None, (spec.attribution, url))),
        licence=spec.licence,
        scale=spec.scale,
        derivation=spec.derivation,
    )


def compute_bounds(
    layers: Mapping[str, gpd.GeoDataFrame], feature: str | None
) -> tuple[float, float, float, float]:
    """Return the view's extent (west, south, east, north), degrees, EPSG:4326.

    The selected feature's bounds padded by a third of its size (at least one
    degree, and at least two degrees across), else Afghanistan and Pakistan plus
    one degree.
    """
    ids = (feature,) if feature else REGION_IDS
    geoms = [
        geom
        for frame in layers.values()
        for geom in frame.loc[frame["feature_id"].isin(ids), "geometry"]
        if geom is not None and not geom.is_empty
    ]
    if not geoms:
        return REGION_FALLBACK
    west, south, east, north = gpd.GeoSeries(geoms, crs=4326).total_bounds
    if feature:
        half_w = max(east - west, 2.0) / 2 + max((east - west) / 3, 1.0)
        half_h = max(north - south, 2.0) / 2 + max((north - south) / 3, 1.0)
    else:
        half_w, half_h = (east - west) / 2 + 1.0, (north - south) / 2 + 1.0
    cx, cy = (west + east) / 2, (south + north) / 2
    return (
        float(max(-180.0, cx - half_w)),
        float(max(-85.0, cy - half_h)),
        float(min(180.0, cx + half_w)),
        float(min(85.0, cy + half_h)),
    )


def check_ids(
    filters: Filters, features: Mapping[str, Feature], actors: Mapping[str, str]
) -> None:
    """Raise `BriefingError` for an unknown feature or actor id in `filters`."""
    feature = filters.feature
    if feature and feature not in features:
        raise BriefingError(f"unknown feature id {feature!r}")
    for actor in filters.actors:
        if actor not in actors:
            raise BriefingError(f"unknown actor id {actor!r}")
