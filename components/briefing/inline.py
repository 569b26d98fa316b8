"""Inline a folium page's scripts, styles, images and fonts: no network needed."""

from __future__ import annotations

import base64
import mimetypes
import re
from collections.abc import Callable
from pathlib import Path

from components.map.assets import is_unused

#: The repository's static directory (vendored assets under ``static/vendor``).
STATIC_ROOT = Path(__file__).resolve().parents[2] / "static"

_SCRIPT = re.compile(r'<script\b[^>]*?\bsrc="([^"]+)"[^>]*>\s*</script>', re.I)
_LINK = re.compile(r"<link\b[^>]*?\bhref=\"([^\"]+)\"[^>]*>", re.I)
_INLINE_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.I | re.S)
_CSS_URL = re.compile(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)")
_EXTERNAL = re.compile(
    r"""(?:\bsrc(?:set)?\s*=\s*["']?|<link\b[^>]*?\bhref\s*=\s*["']?|url\(\s*["']?)"""
    r"""((?:https?:)?//[^"')\s>]+)""",
    re.I,
)
_DROPPED_FONT = "data:,"
#: Shown in the exported map: hide interactive controls on paper.
_PRINT_CSS = (
    "@media print{.leaflet-control-zoom,.leaflet-control-layers,"
    ".leaflet-control-fullscreen{display:none!important}}"
)

Resolver = Callable[[str], Path | None]


class InlineError(ValueError):
    """An asset could not be inlined; the file would need the network."""


def inline_assets(html: str, resolve: Resolver | None = None) -> str:
    """Replace every external script, stylesheet, image and font with inline copies.

    Parameters
    ----------
    html : str
        A complete folium page (``folium.Map.get_root().render()``).
    resolve : callable, optional
        Maps an asset URL to a local file; by default, URLs that contain
        ``static/`` resolve under `STATIC_ROOT`.

    Returns
    -------
    str
        The page with scripts and styles inline, CSS ``url()`` as ``data:`` URIs, web
        fonts other than WOFF2 dropped and unused optional assets (jQuery, Bootstrap,
        icon fonts) removed.

    Raises
    ------
    InlineError
        An asset cannot be resolved to a local file, or an external reference remains.
    """
    resolver = resolve or resolve_static
    code = "\n".join(_INLINE_SCRIPT.findall(_SCRIPT.sub("", html)))
    html = _SCRIPT.sub(lambda m: _inline_script(m.group(1), resolver, code), html)
    html = _LINK.sub(
        lambda m: _inline_link(m.group(0), m.group(1), resolver, code), html
    )
    html = html.replace("</head>", f"<style>{_PRINT_CSS}</style>\n</head>", 1)
    leftovers = find_external(html)
    if leftovers:
        raise InlineError(f"external reference left in the map: {leftovers[0]}")
    return html


def find_external(html: str) -> list[str]:
    """List URLs in ``src``, ``<link href>`` or CSS ``url()`` that would be fetched."""
    return [m.group(1) for m in _EXTERNAL.finditer(html)]


def resolve_static(url: str) -> Path | None:
    """Map ``.../static/<path>`` (any prefix, no scheme) to a file under STATIC_ROOT."""
    if url.startswith(("http:", "https:", "//", "data:")) or "static/" not in url:
        return None
    path = STATIC_ROOT / url.split("static/", 1)[1].split("?", 1)[0]
    return path if path.is_file() else None


def _locate(url: str, resolver: Resolver) -> Path:
    path = resolver(url)
    if path is None:
        raise InlineError(f"no local copy of asset {url}")
    return path


def _inline_script(url: str, resolver: Resolver, code: str) -> str:
    if url.startswith("data:") or is_unused(url, code):
        return "" if not url.startswith("data:") else f'<script src="{url}"></script>'
    if "icon-default" in url:
        return ""  # replaced by the data: icons that follow leaflet.js
    path = _locate(url, resolver)
    text = path.read_text(encoding="utf-8").replace("</script", "<\\/script")
    if path.name == "leaflet.js":
        text += "\n" + _icon_default_script(resolver)
    return f"<script>{text}</script>"


def _inline_link(tag: str, url: str, resolver: Resolver, code: str) -> str:
    if "stylesheet" not in tag.lower() or url.startswith("data:"):
        return tag if url.startswith("data:") else ""
    if is_unused(url, code):
        return ""
    path = _locate(url, resolver)
    css = inline_css(path.read_text(encoding="utf-8"), path.parent)
    return "<style>" + css.replace("</style", "<\\/style") + "</style>"


def inline_css(css: str, base: Path) -> str:
    """Turn the ``url()`` references of a stylesheet into ``data:`` URIs.

    Web fonts other than WOFF2 (which every current browser reads first) become an
    empty ``data:`` URI; a reference to a missing file raises `InlineError`.
    """

    def replace(match: re.Match[str]) -> str:
        ref = match.group(2).strip()
        if ref.startswith(("data:", "#")):
            return match.group(0)
        path = (base / ref.split("?", 1)[0].split("#", 1)[0]).resolve()
        if path.suffix.lower() in {".ttf", ".woff", ".eot", ".svg", ".otf"}:
            return f'url("{_DROPPED_FONT}")'
        if not path.is_file():
            raise InlineError(f"stylesheet refers to a missing file: {ref}")
        return f'url("{to_data_uri(path)}")'

    return _CSS_URL.sub(replace, css)


def to_data_uri(path: Path) -> str:
    """Encode a file as a base64 ``data:`` URI with its MIME type."""
    mime = {".woff2": "font/woff2"}.get(path.suffix.lower())
    mime = mime or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{mime};base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def _icon_default_script(resolver: Resolver) -> str:
    images = STATIC_ROOT / "vendor" / "leaflet-1.9.3" / "images"
    found = resolver("static/vendor/leaflet-1.9.3/images/marker-icon.png")
    if found is not None:
        images = found.parent
    urls = {
        "iconUrl": to_data_uri(images / "marker-icon.png"),
        "iconRetinaUrl": to_data_uri(images / "marker-icon-2x.png"),
        "shadowUrl": to_data_uri(images / "marker-shadow.png"),
    }
    sets = ";".join(f'o.{k}="{v}"' for k, v in urls.items())
    return (
        "if(window.L){L.Icon.Default.imagePath='';"
        f"var o=L.Icon.Default.prototype.options;{sets};}}"
    )
