"""Speed figures for the project (``make bench`` runs ``python -m bench``)."""
