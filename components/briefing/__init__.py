"""Briefings: a view of the dashboard exported as HTML, PNG/SVG, GeoJSON and CSV.

May import `components.map` (the web map's builder and styles), `components.view`,
`components.highlight`, `articles` and `geo`; never `panels` or `loaders`
(no Streamlit: the CLI runs without it).
"""
