"""Briefing values: what one exported view holds (filters, hits, layers, provenance)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from articles.query import Filters, Hit
from geo.model import Feature

if TYPE_CHECKING:
    import geopandas as gpd

#: Layers drawn back to front, polygons first (catalog ids, DESIGN.md).
LAYER_ORDER: tuple[str, ...] = (
    "countries",
    "provinces",
    "areas",
    "borders",
    "routes",
    "places",
)


@dataclass(frozen=True)
class LayerInfo:
    """Provenance of one layer as the briefing states it.

    Attributes
    ----------
    id, title : str
        Catalog id and display name.
    source, licence, scale, derivation : str
        Where the geometry came from, under which licence, at which scale, and how it
        was made.
    """

    id: str
    title: str
    source: str
    licence: str
    scale: str
    derivation: str


@dataclass(frozen=True)
class Briefing:
    """Everything one export of a view needs, gathered once.

    Attributes
    ----------
    filters : articles.query.Filters
        The view's filters (feature, actors, dates, datemode, q, articles).
    hits : tuple of articles.query.Hit
        The passages that match, in citation order.
    counts : dict
        Feature id -> number of matching passages (evidence).
    layers : dict
        Layer id -> GeoDataFrame in EPSG:4326 (``feature_id, name, kind, note,
        disputed, geometry``), only the layers shown.
    infos : dict
        Layer id -> `LayerInfo`.
    features : dict
        Feature id -> `geo.model.Feature` (names, notes, provenance).
    actors : dict
        Actor id -> display name.
    bounds : tuple of float
        The view's extent (west, south, east, north) in degrees, EPSG:4326.
    as_of : datetime.date
        The date the briefing states its evidence for.
    facts : dict
        Measured and published figures by feature id (``geo.facts``).
    kinds : tuple of str or None
        The feature kinds shown (the dashboard's layer toggles); None = all.
        ``layers`` holds only features of these kinds.
    actor_ids : frozenset of str
        The filtered actors with their members (whose mentions are highlighted).
    total, articles : int or None
        Exact counts of the matching passages and their articles; ``hits`` cites
        the best of them (None: ``hits`` is all of them).
    confirmed : frozenset of (passage id, kind, target)
        The cited links an analyst confirmed or added; the others are automatic.
    """

    filters: Filters
    hits: tuple[Hit, ...]
    counts: dict[str, int]
    layers: dict[str, gpd.GeoDataFrame]
    infos: dict[str, LayerInfo]
    features: dict[str, Feature]
    actors: dict[str, str]
    bounds: tuple[float, float, float, float]
    as_of: dt.date
    facts: dict[str, dict[str, object]] = field(default_factory=dict)
    kinds: tuple[str, ...] | None = None
    actor_ids: frozenset[str] = frozenset()
    total: int | None = None
    articles: int | None = None
    confirmed: frozenset[tuple[str, str, str]] = frozenset()

    @property
    def selected(self) -> str | None:
        """Return the id of the selected feature, if any."""
        return self.filters.feature

    @property
    def matching(self) -> int:
        """Return how many passages match the view (cited or not)."""
        return self.total if self.total is not None else len(self.hits)

    @property
    def matching_articles(self) -> int:
        """Return how many articles the matching passages come from."""
        if self.articles is not None:
            return self.articles
        return len({hit.article_id for hit in self.hits})

    def feature_name(self, feature_id: str) -> str:
        """Return the display name of a feature id (the id itself when unknown)."""
        feature = self.features.get(feature_id)
        return str(feature.name) if feature is not None else feature_id
