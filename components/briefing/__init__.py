"""Briefings: a view of the dashboard exported as HTML, PNG/SVG, GeoJSON and CSV."""
