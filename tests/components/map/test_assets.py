"""Vendored assets: files exist, URLs are local, the guard refuses external ones."""

from __future__ import annotations

import re

import branca.colormap
import pytest

import folium

from components.map import assets
from components.map.builder import build_map

LINK = re.compile(r"<(?:script|link)\b[^>]*\b(?:src|href)=\"([^\"]+)\"", re.IGNORECASE)
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/a.js",
        "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js",
        "//cdnjs.cloudflare.com/x.css",
        "  HTTPS://EXAMPLE.COM/x.css",
    ],
)
def test_check_local_url_refuses_external(url: str) -> None:
    with pytest.raises(assets.ExternalAssetError):
        assets.check_local_url(url)


@pytest.mark.parametrize(
    "url", ["../../app/static/vendor/a.js", "static/x.css", "a.js"]
)
def test_check_local_url_accepts_relative(url: str) -> None:
    assert assets.check_local_url(url) == url


def test_asset_files_all_exist_with_licences() -> None:
    files = assets.asset_files()
    assert set(files) >= {"leaflet", "leaflet_css", "jquery", "bootstrap_css"}
    for name, path in files.items():
        assert path.is_file(), name
        assert path.stat().st_size > 0, name
    licence_dirs = {p.relative_to(assets.VENDOR_DIR).parts[0] for p in files.values()}
    for top in licence_dirs - {"icon-default.js", "folium-rotate"}:
        folder = assets.VENDOR_DIR / top
        assert any(folder.glob("LICENSE*")), f"no licence file in {folder}"


def test_vendor_readme_lists_every_asset() -> None:
    readme = (assets.VENDOR_DIR / "README.md").read_text(encoding="utf-8")
    for name in assets.asset_files():
        assert f"`{name}`" in readme, name


def test_css_urls_resolve_to_vendored_files() -> None:
    for name, path in assets.asset_files().items():
        if path.suffix != ".css":
            continue
        for ref in CSS_URL.findall(path.read_text(encoding="utf-8")):
            if ref.startswith(("data:", "#")):
                continue
            target = (path.parent / ref.split("?")[0].split("#")[0]).resolve()
            assert target.is_file(), f"{name}: {ref}"


def test_folium_defaults_cover_every_vendored_name() -> None:
    """Folium's own asset names must all have a local replacement."""
    names = {n for n, _ in folium.Map.default_js + folium.Map.default_css}
    local = {n for n, _ in assets.local_js() + assets.local_css()}
    assert names <= local


def test_local_lists_are_new_and_local() -> None:
    js = assets.local_js()
    assert js is not assets.local_js()
    assert js[0][0] == "leaflet"
    assert js[1][0] == "icon_default_path"
    for _, url in js + assets.local_css():
        assert url.startswith(assets.URL_PREFIX)


def test_localize_leaves_folium_class_untouched() -> None:
    before = list(folium.Map.default_js)
    m = assets.localize(folium.Map(tiles=None))
    assert folium.Map.default_js == before
    assert m.default_js == assets.local_js()


def test_check_map_assets_refuses_cdn_map() -> None:
    with pytest.raises(assets.ExternalAssetError):
        assets.check_map_assets(folium.Map(tiles=None))


def test_check_map_assets_refuses_branca_colormap() -> None:
    m = assets.localize(folium.Map(tiles=None))
    branca.colormap.LinearColormap(["red", "blue"]).add_to(m)
    with pytest.raises(assets.ExternalAssetError, match="colormap"):
        assets.check_map_assets(m)


def test_built_map_html_has_no_external_asset(toy_layers) -> None:
    html = build_map(toy_layers).get_root().render()
    urls = LINK.findall(html)
    assert urls, "expected script and link tags"
    for url in urls:
        assert not url.lower().startswith(("http:", "https:", "//")), url
        assert url.startswith(assets.URL_PREFIX), url
