"""Vendored Leaflet/Folium assets: local URLs, the external-URL guard, `localize`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import branca.colormap
import branca.element

import folium

#: The vendored files, served by Streamlit at ``app/static/vendor/...``.
VENDOR_DIR = Path(__file__).resolve().parents[2] / "static" / "vendor"

#: Prefix relative to the st_folium component iframe (works under a baseUrlPath).
URL_PREFIX = "../../app/static/vendor/"

#: Scripts in load order (st_folium loads them one by one, in this order).
JS_FILES: tuple[tuple[str, str], ...] = (
    ("leaflet", "leaflet-1.9.3/leaflet.js"),
    ("icon_default_path", "icon-default.js"),
    ("jquery", "jquery-3.7.1/jquery.min.js"),
    ("bootstrap", "bootstrap-5.2.2/bootstrap.bundle.min.js"),
    ("awesome_markers", "leaflet-awesome-markers-2.0.2/leaflet.awesome-markers.min.js"),
)

#: Stylesheets, under the names folium.Map declares them with.
CSS_FILES: tuple[tuple[str, str], ...] = (
    ("leaflet_css", "leaflet-1.9.3/leaflet.css"),
    ("bootstrap_css", "bootstrap-5.2.2/bootstrap.min.css"),
    ("glyphicons_css", "glyphicons-3.4.1/css/bootstrap-glyphicons.css"),
    ("awesome_markers_font_css", "fontawesome-free-6.2.0/css/all.min.css"),
    (
        "awesome_markers_css",
        "leaflet-awesome-markers-2.0.2/leaflet.awesome-markers.css",
    ),
    ("awesome_rotate_css", "folium-rotate/leaflet.awesome.rotate.min.css"),
)

_EXTERNAL_PREFIXES = ("http://", "https://", "//")
#: Assets folium declares that a map needs only when its own code uses them:
#: (path fragment, usage pattern), most specific fragment first.
OPTIONAL: tuple[tuple[str, str], ...] = (
    ("glyphicons", r"glyphicon"),
    ("awesome-markers", r"AwesomeMarkers"),
    ("fontawesome", r'"prefix":\s*"fa"|\bfa-(?!rotate)[a-z]'),
    ("rotate", r"fa-rotate-(?!0\b)\d"),
    ("jquery", r"jQuery|\$\("),
    ("bootstrap", r"data-bs-|bootstrap\.|\bbtn\b|\bcard\b"),
)


def is_unused(url: str, code: str) -> bool:
    """Return True when ``url`` is an `OPTIONAL` asset that ``code`` never uses."""
    lowered = url.lower().replace("_", "-").replace("font-awesome", "fontawesome")
    for fragment, pattern in OPTIONAL:
        if fragment in lowered:
            return re.search(pattern, code) is None
    return False


class ExternalAssetError(ValueError):
    """An asset URL would make the browser fetch from another host."""


def check_local_url(url: str) -> str:
    """Return `url` unchanged, or raise `ExternalAssetError` if it is external.

    Parameters
    ----------
    url : str
        A script or stylesheet URL about to be sent to the browser.

    Returns
    -------
    str
        The same URL.
    """
    if url.strip().lower().startswith(_EXTERNAL_PREFIXES):
        raise ExternalAssetError(f"external asset URL refused: {url}")
    return url


def asset_url(relpath: str) -> str:
    """Return the iframe-relative URL of a vendored file (``leaflet-1.9.3/...``)."""
    return check_local_url(URL_PREFIX + relpath)


def local_js() -> list[tuple[str, str]]:
    """Return a new ``default_js`` list pointing at the vendored scripts."""
    return [(name, asset_url(rel)) for name, rel in JS_FILES]


def local_css() -> list[tuple[str, str]]:
    """Return a new ``default_css`` list pointing at the vendored stylesheets."""
    return [(name, asset_url(rel)) for name, rel in CSS_FILES]


def asset_files() -> dict[str, Path]:
    """Map each asset name to its local file, in load order (JS first, then CSS).

    The self-contained export inlines these files instead of linking them.
    """
    return {name: VENDOR_DIR / rel for name, rel in (*JS_FILES, *CSS_FILES)}


def _walk(element: branca.element.Element) -> Iterator[branca.element.Element]:
    yield element
    for child in element._children.values():
        yield from _walk(child)


def check_map_assets(m: folium.Map) -> folium.Map:
    """Raise `ExternalAssetError` if any element of `m` would load an external asset.

    Branca colormaps are refused too: st_folium adds two CDN d3 scripts for them.

    Returns
    -------
    folium.Map
        The same map, for chaining.
    """
    for element in _walk(m):
        if isinstance(element, branca.colormap.ColorMap):
            raise ExternalAssetError(
                "branca colormaps make st_folium load d3 from a CDN; "
                "draw the legend in Streamlit"
            )
        for _name, url in getattr(element, "default_js", []):
            check_local_url(url)
        for _name, url in getattr(element, "default_css", []):
            check_local_url(url)
    return m


def localize(m: folium.Map) -> folium.Map:
    """Point `m` (and its children) at the vendored assets, then guard it.

    New lists are assigned on the instances; Folium's class attributes stay
    untouched. Any child element that declares assets this module does not vendor
    keeps its URLs, so the guard then raises (vendor that plugin first).

    Returns
    -------
    folium.Map
        The same map, for chaining.
    """
    m.default_js = local_js()
    m.default_css = local_css()
    return check_map_assets(m)
