"""Linking: passages to the map features and actors they name, with exact spans.

Pure: imports `articles.model`, `articles.actors` and `geo` data values only; never
the index, the corpus on disk, Streamlit or Folium.
"""
