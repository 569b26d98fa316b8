"""The page's panels: feature, passages, search, filters, upload, export, timeline.

Each exposes ``render(...)``. May import `components.map`, `components.view`,
`components.loaders` and the briefing builders; never `dashboard` or
`components.basemap`.
"""
