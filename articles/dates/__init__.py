"""Dates in text: find date phrases with exact spans and resolve them to ISO dates.

Pure: imports `articles.model` only; never the index, the corpus, Streamlit or Folium.
"""
