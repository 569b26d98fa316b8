"""Every export format of a briefing: builder, MIME type and file suffix."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from components.briefing.data_export import build_csv, build_geojson
from components.briefing.document import build_document
from components.briefing.map_html import build_map_html
from components.briefing.model import Briefing
from components.briefing.static_map import build_static_map


@dataclass(frozen=True)
class ExportFormat:
    """One downloadable form of a briefing."""

    id: str
    label: str
    suffix: str
    mime: str
    build: Callable[[Briefing], bytes]


def build_html(briefing: Briefing) -> bytes:
    """Build the self-contained briefing document (UTF-8 HTML)."""
    return build_document(briefing, build_map_html(briefing)).encode("utf-8")


FORMATS: dict[str, ExportFormat] = {
    f.id: f
    for f in (
        ExportFormat("html", "Briefing (HTML)", ".html", "text/html", build_html),
        ExportFormat(
            "png", "Map image (PNG)", ".png", "image/png",
            lambda b: build_static_map(b, "png"),
        ),
        ExportFormat(
            "svg", "Map image (SVG)", ".svg", "image/svg+xml",
            lambda b: build_static_map(b, "svg"),
        ),
        ExportFormat(
            "geojson", "Features (GeoJSON)", ".geojson", "application/geo+json",
            build_geojson,
        ),
        ExportFormat("csv", "Passages (CSV)", ".csv", "text/csv", build_csv),
    )
}  # fmt: skip


def build_exports(briefing: Briefing, formats: Iterable[str]) -> dict[str, bytes]:
    """Build the given formats (ids of `FORMATS`), in memory, in order."""
    return {fmt: FORMATS[fmt].build(briefing) for fmt in formats}


def name_export(briefing: Briefing, fmt: str) -> str:
    """Return a file name: ``briefing-<feature or region>-<date>.<ext>``."""
    subject = briefing.selected or "region"
    return f"briefing-{subject}-{briefing.as_of.isoformat()}{FORMATS[fmt].suffix}"
