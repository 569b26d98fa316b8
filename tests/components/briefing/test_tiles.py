"""Basemap tiles carried inside the page: which tiles, and the lookup script."""

import json
import re

from components.briefing.tiles import BLANK_TILE, embed_tiles, fit_zoom, list_tiles

PAGE = (
    "<html><head><script>/*leaflet*/</script></head><body><script>\n"
    'var t = L.tileLayer(\n "../../app/static/tiles/{z}/{x}/{y}.png", {});'
    "</script></body></html>"
)


def _tile_root(tmp_path, tiles):
    for z, x, y in tiles:
        path = tmp_path / str(z) / str(x) / f"{y}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"\x89PNG" + bytes([z, x % 256, y % 256]))
    return tmp_path


def test_list_tiles_covers_the_wakhan_at_zoom_6():
    tiles = list_tiles((71.5, 36.5, 75.0, 37.5), 6)
    assert tiles == [(44, 24), (44, 25), (45, 24), (45, 25)]


def test_fit_zoom_grows_with_width_and_is_capped():
    bounds = (70.0, 35.0, 77.0, 39.0)
    assert fit_zoom(bounds, 680) <= fit_zoom(bounds, 1400)
    assert fit_zoom((72.0, 36.0, 72.01, 36.01), 1000) == 7


def test_embed_tiles_inlines_existing_tiles_only(tmp_path):
    root = _tile_root(tmp_path, [(6, 44, 24), (6, 45, 24), (4, 11, 6)])
    html = embed_tiles(PAGE, (71.5, 36.5, 75.0, 37.5), range(6, 7), root)
    table = json.loads(re.search(r"var t=(\{.*?\});L\.TileLayer", html).group(1))
    assert set(table) == {"6/44/24", "6/45/24", "4/11/6"}
    assert all(v.startswith("data:image/png;base64,") for v in table.values())
    assert BLANK_TILE in html
    assert html.index("var t=") < html.index("</head>")


def test_embed_tiles_leaves_a_page_without_tile_layers_alone(tmp_path):
    page = "<html><head></head><body></body></html>"
    assert embed_tiles(page, (0, 0, 1, 1), range(3), tmp_path) == page
