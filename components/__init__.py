"""Everything that renders: folium maps, Streamlit widgets and briefing documents."""
