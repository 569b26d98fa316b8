/* Written for this project: Leaflet guesses the default marker image path from its CSS,
   which st_folium loads after the scripts; point it at the vendored images instead. */
if (window.L) { L.Icon.Default.imagePath = "../../app/static/vendor/leaflet-1.9.3/images/"; }
