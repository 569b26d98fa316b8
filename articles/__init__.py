"""Pure article processing: cleaning, passages, links to features, actors and dates.

Also the index (SQLite) and its queries, ingestion and the CLI. May import `geo`
values; never Streamlit, Folium or `components` (ruff and import-linter check it).
"""
