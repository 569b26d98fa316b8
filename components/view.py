"""The page's one view value: the filters (with the selection), layer kinds, map view.

The URL, the widgets, the cached loaders, the evidence panel, the timeline and the
exports all read this one frozen value; it is hashable, so it is its own cache key.
Pure: imports `articles.query` values only (no Streamlit, no other component).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from articles.query import Filters


@dataclass(frozen=True)
class View:
    """What the page shows.

    Attributes
    ----------
    filters : articles.query.Filters
        The query: ``feature`` is the selected feature, and ``actors``, the date
        window and mode, ``q`` (full text) and ``articles`` narrow the evidence.
    kinds : tuple of str or None
        Feature kinds the map shows (None: all); not written to the URL.
    center : (float, float) or None
        The map's centre (lat, lon) in degrees, EPSG:4326 (None: default view).
    zoom : int or None
        The map's Leaflet zoom level (None: default view).
    """

    filters: Filters = field(default_factory=Filters)
    kinds: tuple[str, ...] | None = None
    center: tuple[float, float] | None = None
    zoom: int | None = None

    @property
    def feature(self) -> str | None:
        """The selected feature's id."""
        return self.filters.feature

    @property
    def evidence(self) -> Filters:
        """The query of the evidence panel and of every export: all the filters."""
        return self.filters

    @property
    def overview(self) -> Filters:
        """The query of map shading and the timeline: the filters, any feature."""
        return dataclasses.replace(self.filters, feature=None)

    def select(
        self,
        feature: str | None,
        *,
        q: str | None = None,
        center: tuple[float, float] | None = None,
        zoom: int | None = None,
    ) -> View:
        """Return this view with a selected feature, search text and map view."""
        text = (q or "").strip() or None
        filters = dataclasses.replace(self.filters, feature=feature, q=text)
        return dataclasses.replace(self, filters=filters, center=center, zoom=zoom)
