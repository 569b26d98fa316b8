"""Build-only: rasterise the offline basemap tiles under ``static/tiles``.

Run by ``make tiles`` (``python -m components.basemap build``); imported by nothing at
run time (import-linter checks it). May import `components.map.tiles` (the tile grid)
and geo data; never Streamlit.
"""
