"""Team mode's corpus in PostgreSQL: articles and review decisions, dump and load.

The database holds the corpus; each process keeps a mirror folder of it (the same
Markdown files and decisions file as the embedded mode) that the file-based
pipeline reads. Must not import the query side nor Streamlit.
"""
