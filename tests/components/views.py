"""Build `components.view.View` values in tests from flat keyword arguments."""

from __future__ import annotations

import dataclasses

from articles.query import Filters
from components.view import View

_FILTER_FIELDS = {f.name for f in dataclasses.fields(Filters)}


def make_view(**fields: object) -> View:
    """``make_view(feature=..., actors=..., kinds=..., zoom=...)`` -> View."""
    filters = {k: v for k, v in fields.items() if k in _FILTER_FIELDS}
    rest = {k: v for k, v in fields.items() if k not in _FILTER_FIELDS}
    return View(filters=Filters(**filters), **rest)  # type: ignore[arg-type]
