"""Everything that renders: folium maps, Streamlit widgets and briefing documents.

Layers, top to bottom (import-linter checks them): `panels`, `loaders` (the only
Streamlit caches), `briefing`, `map`, `url`, then `view` and `highlight`. The
build-only `basemap` is imported by nothing at run time. May import `articles` and
`geo`; never `dashboard`.
"""
