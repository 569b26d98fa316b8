"""Places beyond the map: world places the passages name that the map does not show.

The map's window (`geo.derive.DISPLAY_BBOX`) holds the region; places news names
beyond it (London, Ankara, Washington, Moscow) are linked all the same, and this
list is how their passages are reached: pressing one selects it, as a map click
would, and the evidence panel shows its passages (issue 13).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

import streamlit as st

from components.highlight import escape_markdown
from components.map import selection

#: Key of the container (CSS class ``st-key-beyond-map``).
KEY = "beyond-map"


class Beyond(NamedTuple):
    """One place outside the map's window that has passages under the filters."""

    feature_id: str
    name: str
    passages: int


def places_beyond(
    outside: Mapping[str, tuple[float, float]],
    counts: Mapping[str, int],
    names: Mapping[str, str],
) -> list[Beyond]:
    """Return the places outside the map that have passages, most passages first.

    Parameters
    ----------
    outside : mapping
        Feature id -> (lon, lat) of each point feature outside the map's window.
    counts : mapping
        Feature id -> passages under the current filters.
    names : mapping
        Feature id -> display name.

    Returns
    -------
    list of Beyond
        Places with at least one passage, by passages (descending), then name.
    """
    rows = [
        Beyond(fid, names.get(fid, fid), counts[fid])
        for fid in outside
        if counts.get(fid, 0) > 0
    ]
    return sorted(rows, key=lambda r: (-r.passages, r.name))


def build_label(row: Beyond, selected: str | None) -> str:
    """Button text: "London - 3 passages", marked when it is the selection."""
    unit = "passage" if row.passages == 1 else "passages"
    mark = " (selected)" if row.feature_id == selected else ""
    return escape_markdown(f"{row.name} - {row.passages} {unit}{mark}")


def render(rows: Sequence[Beyond], selected: str | None) -> str | None:
    """List ``rows`` as buttons under an expander; return the id pressed, if any."""
    if not rows:
        return None
    with (
        st.container(key=KEY),
        st.expander(f"Places beyond the map ({len(rows)})"),
    ):
        st.caption("Named in the passages but outside the map: press one to read.")
        for row in rows:
            if st.button(
                build_label(row, selected),
                key=f"{KEY}.{row.feature_id}",
                type="primary" if row.feature_id == selected else "secondary",
            ):
                selection.select_feature(st.session_state, row.feature_id)
                st.rerun()
    return None
