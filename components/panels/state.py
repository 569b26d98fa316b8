"""Seed every panel's session-state keys from the view the URL opened, once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence

from components.panels import filters, passages, search
from components.view import View


def init_session_state(
    view: View,
    *,
    bounds: Mapping[str, tuple[dt.date, dt.date]],
    kinds: Sequence[str],
    actor_ids: Collection[str],
) -> None:
    """Seed every evidence widget's session-state key from ``view``, once.

    The one place the keys of the filters (``filters.*``), the passage panel
    (``passage_panel.*``) and the search box (``search_box.*``) are initialised;
    keys already present (the user changed them) are left alone. Call it at the top
    of the page, before any of those components render.
    """
    filters.init_state(view, bounds, kinds, actor_ids)
    passages.init_state()
    search.init_state(view.filters.q)
