"""The view's data: GeoJSON of the features in view, CSV of the matching passages."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import re

import pandas as pd

from articles.query import Filters
from components.briefing.frame import build_view_frame
from components.briefing.model import Briefing

#: CSV columns, one row per passage.
CSV_COLUMNS: tuple[str, ...] = (
    "citation",
    "passage_id",
    "article_id",
    "title",
    "author",
    "published",
    "source",
    "url",
    "paragraph",
    "heading",
    "text",
    "features",
    "actors",
    "dates",
    "confirmed",  # the linked ids an analyst confirmed (the rest are automatic)
)


def build_geojson(briefing: Briefing) -> bytes:
    """Encode the features in view, with evidence counts and provenance, as GeoJSON.

    Parameters
    ----------
    briefing : Briefing
        The exported view.

    Returns
    -------
    bytes
        A UTF-8 GeoJSON FeatureCollection (RFC 7946, EPSG:4326 longitude/latitude),
        one Feature per row of `components.briefing.frame.build_view_frame`, with a
        top-level ``briefing`` member stating the filters, the feature kinds shown
        (None = all) and the date.
    """
    frame = build_view_frame(briefing)
    collection = json.loads(frame.to_json(drop_id=True, to_wgs84=True))
    collection["briefing"] = {
        "as_of": briefing.as_of.isoformat(),
        "bounds": list(briefing.bounds),
        "filters": _filters_dict(briefing.filters),
        "kinds": list(briefing.kinds) if briefing.kinds else None,
    }
    return json.dumps(collection, ensure_ascii=False).encode("utf-8")


def build_passages_frame(briefing: Briefing) -> pd.DataFrame:
    """Tabulate the matching passages in citation order (`CSV_COLUMNS`).

    Linked features, actors and dates are ``;``-separated ids / ISO values;
    ``confirmed`` lists the linked ids an analyst confirmed or added.
    """
    rows = [
        {
            "citation": number,
            "passage_id": hit.passage_id,
            "article_id": hit.article_id,
            "title": hit.title,
            "author": hit.author,
            "published": hit.published.isoformat(),
            "source": hit.source,
            "url": hit.url or "",
            "paragraph": int(hit.n),
            "heading": hit.heading or "",
            "text": hit.text,
            "features": ";".join(link.id for link in hit.features),
            "actors": ";".join(link.id for link in hit.actors),
            "dates": ";".join(str(d.value) for d in hit.dates),
            "confirmed": ";".join(
                t for p, _, t in sorted(briefing.confirmed) if p == hit.passage_id
            ),
        }
        for number, hit in enumerate(briefing.hits, start=1)
    ]
    return pd.DataFrame(rows, columns=list(CSV_COLUMNS))


#: A cell, or a line within one, starting with one of these is a formula to a
#: spreadsheet (CSV injection; OWASP).
FORMULA_TRIGGERS = "=+-@\t\r\n"
#: Where a line starts inside a cell: after any break that ``str.splitlines`` knows
#: (a CR alone too: a spreadsheet may take it for a new row).
_LINE_START = re.compile(
    "(?:^|\r\n|\r(?!\n)|[\n\v\f\x1c\x1d\x1e\x85\u2028\u2029])(?=["
    + re.escape(FORMULA_TRIGGERS)
    + "])"
)


def defuse_cell(value: str) -> str:
    """Prefix an apostrophe to the cell and to each line in it that starts a formula.

    The apostrophe makes a spreadsheet show the text instead of running it (OWASP's
    advice); only the cell's first character was not enough, since a line break in
    a cell (a bare CR above all) lets a reader start a new row or cell there.
    """
    return _LINE_START.sub(lambda m: m.group() + "'", value)


def _defuse(value: object) -> object:
    return defuse_cell(value) if isinstance(value, str) else value


def build_csv(briefing: Briefing) -> bytes:
    """Encode the matching passages as UTF-8 CSV (with BOM, so spreadsheets agree).

    Every field is quoted (a bare CR or LF stays inside its cell) and article text
    is untrusted: a text cell, or any line within one, that a spreadsheet would run
    as a formula is prefixed with an apostrophe (`defuse_cell`), so it shows as text.
    """
    frame = build_passages_frame(briefing).map(_defuse)
    text = str(frame.to_csv(index=False, lineterminator="\n", quoting=csv.QUOTE_ALL))
    return text.encode("utf-8-sig")


def _filters_dict(filters: Filters) -> dict[str, object]:
    out: dict[str, object] = {}
    for field in dataclasses.fields(filters):
        value = getattr(filters, field.name)
        if isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = list(value)
        out[field.name] = value
    return out
