"""Inlining a folium page: local assets become inline, unused ones go, no URL leaves."""

import base64

import pytest

import folium

from components.briefing.inline import (
    InlineError,
    find_external,
    inline_assets,
    inline_css,
    resolve_static,
)
from components.map import assets


def _page(**marker):
    m = assets.localize(folium.Map(location=(36.9, 72.5), zoom_start=6, tiles=None))
    folium.GeoJson({"type": "Point", "coordinates": [72.5, 36.9]}, name="pt").add_to(m)
    if marker:
        folium.Marker((36.9, 72.5), icon=folium.Icon(**marker)).add_to(m)
    return m.get_root().render()


def test_inline_assets_leaves_no_fetchable_reference():
    html = inline_assets(_page())
    assert find_external(html) == []
    assert "<script src=" not in html
    assert "<link " not in html
    assert "Leaflet 1.9.3" in html  # leaflet.js itself


def test_inline_assets_drops_assets_the_map_does_not_use():
    html = inline_assets(_page())
    assert "jQuery" not in html
    assert "Bootstrap" not in html
    assert "Font Awesome" not in html
    assert "Glyphicons" not in html


def test_inline_assets_keeps_icon_assets_a_marker_uses():
    html = inline_assets(_page(icon="info-sign", prefix="glyphicon"))
    assert "AwesomeMarkers" in html
    assert "Glyphicons Halflings" in html
    assert "data:font/woff2;base64," in html


def test_inline_assets_sets_default_marker_icons_as_data_uris():
    html = inline_assets(_page())
    assert "L.Icon.Default.imagePath=''" in html
    assert 'o.iconUrl="data:image/png;base64,' in html
    assert "../../app/static/vendor/leaflet-1.9.3/images" not in html


def test_inline_assets_refuses_an_asset_it_cannot_find():
    page = (
        '<html><head><script src="https://cdn.example.org/x.js"></script></head></html>'
    )
    with pytest.raises(InlineError, match="no local copy"):
        inline_assets(page)


def test_inline_assets_hides_map_controls_in_print():
    html = inline_assets(_page())
    assert "@media print{.leaflet-control-zoom" in html


def test_find_external_ignores_plain_links_but_not_fetches():
    page = (
        '<a href="https://leafletjs.com">Leaflet</a>'
        '<img src="//example.org/a.png"><div style="background:url(http://x.org/b)">'
    )
    assert find_external(page) == ["//example.org/a.png", "http://x.org/b"]


def test_inline_css_encodes_images_and_drops_legacy_fonts(tmp_path):
    (tmp_path / "img.png").write_bytes(b"\x89PNG fake")
    (tmp_path / "f.woff2").write_bytes(b"wOF2")
    css = (
        ".a{background:url(img.png)}"
        "@font-face{src:url('f.woff2') format('woff2'),url(f.ttf) format('truetype')}"
    )
    out = inline_css(css, tmp_path)
    png = base64.b64encode(b"\x89PNG fake").decode()
    assert f'url("data:image/png;base64,{png}")' in out
    assert 'url("data:font/woff2;base64,' in out
    assert 'url("data:,")' in out


def test_inline_css_refuses_a_missing_image(tmp_path):
    with pytest.raises(InlineError, match="missing file"):
        inline_css(".a{background:url(nope.png)}", tmp_path)


@pytest.mark.parametrize(
    ("url", "found"),
    [
        ("../../app/static/vendor/leaflet-1.9.3/leaflet.js", True),
        ("app/static/vendor/leaflet-1.9.3/leaflet.css?v=1", True),
        ("../../app/static/vendor/missing.js", False),
        ("https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js", False),
    ],
)
def test_resolve_static_finds_only_local_files(url, found):
    assert (resolve_static(url) is not None) is found
