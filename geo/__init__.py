"""Pure geodata: layer catalog, derivation, loading, measured facts and gazetteer.

The bottom layer: imports neither `articles` nor `components`, never Streamlit or
Folium (ruff and import-linter check it).
"""
