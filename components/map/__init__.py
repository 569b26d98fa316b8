"""The Folium map: base frame, data layers, styles, legend, selection and view state.

May import `geo`, `articles` values and `components.view`/`components.highlight`;
never `components.panels`, `components.briefing` or the build-only `components.basemap`.
"""
