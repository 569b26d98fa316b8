"""Dashboard view <-> URL query parameters: parse, report problems, never raise."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from components.notices import render_warning_list
from components.url.parse import (
    ParamValue,
    parse_date,
    parse_ids,
    parse_map_view,
    parse_q,
    parse_single_id,
    quote_value,
    read_last,
)

#: The two date modes: publication date of the article, or dates events are given.
DATEMODES: tuple[str, ...] = ("published", "events")
#: Parameters Streamlit itself reads (never reported as unknown).
STREAMLIT_PARAMS = frozenset({"embed", "embed_options"})
_KNOWN = frozenset(
    {"feature", "actor", "from", "to", "datemode", "q", "article", "lat", "lon", "zoom"}
)


@dataclass(frozen=True)
class ViewState:
    """What the URL can carry: the selected feature, the filters, the map's view.

    ``articles`` is None for "all articles"; ``kinds`` (layer kinds shown) is set by
    the filters panel and is not written to the URL. ``center`` is (lat, lon) in
    degrees and ``zoom`` a Leaflet zoom level (None: the map's default view).
    """

    feature: str | None = None
    actors: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    datemode: str = "published"
    q: str | None = None
    articles: tuple[str, ...] | None = None
    kinds: tuple[str, ...] | None = None
    center: tuple[float, float] | None = None
    zoom: int | None = None


def parse_view(
    params: Mapping[str, ParamValue],
    *,
    feature_ids: Collection[str] | None = None,
    actor_ids: Collection[str] | None = None,
    article_ids: Collection[str] | None = None,
) -> tuple[ViewState, list[str]]:
    """Parse URL query parameters into a view, reporting every invalid value.

    Parameters
    ----------
    params : mapping of str to str or list of str
        ``st.query_params.to_dict()`` or similar; repeated keys use the last value.
    feature_ids, actor_ids, article_ids : collection of str, optional
        Known ids; when given, other ids are reported and dropped.

    Returns
    -------
    (ViewState, list of str)
        The valid part of the view and human-readable problems (never raises).
    """
    problems: list[str] = []
    raw = {str(k): read_last(v) for k, v in params.items()}
    for name in sorted(set(raw) - _KNOWN - STREAMLIT_PARAMS):
        problems.append(f"Unknown URL parameter {quote_value(name)} ignored.")
    datemode = raw.get("datemode", "").strip() or "published"
    if datemode not in DATEMODES:
        problems.append(
            f"Bad datemode {quote_value(datemode)} (use published or events); ignored."
        )
        datemode = "published"
    date_from = parse_date(raw.get("from", ""), "from", problems)
    date_to = parse_date(raw.get("to", ""), "to", problems)
    if date_from and date_to and date_from > date_to:
        problems.append(f"'from' {date_from} is after 'to' {date_to}; both ignored.")
        date_from = date_to = None
    articles = parse_ids(raw.get("article", ""), article_ids, "article", problems)
    center, zoom = parse_map_view(raw, problems)
    view = ViewState(
        feature=parse_single_id(
            raw.get("feature", ""), feature_ids, "feature", problems
        ),
        actors=parse_ids(raw.get("actor", ""), actor_ids, "actor", problems),
        date_from=date_from,
        date_to=date_to,
        datemode=datemode,
        q=parse_q(raw.get("q", ""), problems),
        articles=articles or None,
        center=center,
        zoom=zoom,
    )
    return view, problems


def to_query_params(view: ViewState) -> dict[str, str]:
    """Build the URL query parameters that reopen ``view`` (defaults left out).

    Parameters
    ----------
    view : ViewState
        The current view.

    Returns
    -------
    dict of str to str
        Parameter names as in DESIGN.md (``feature``, ``actor``, ``from``, ``to``,
        ``datemode``, ``q``, ``article``) plus the map's view (``lat``, ``lon``
        to 4 decimals, about 10 m; ``zoom``).
    """
    params: dict[str, str] = {}
    if view.feature:
        params["feature"] = view.feature
    if view.actors:
        params["actor"] = ",".join(view.actors)
    if view.date_from:
        params["from"] = view.date_from.isoformat()
    if view.date_to:
        params["to"] = view.date_to.isoformat()
    if view.datemode != "published":
        params["datemode"] = view.datemode
    if view.q:
        params["q"] = view.q
    if view.articles:
        params["article"] = ",".join(view.articles)
    if view.center is not None:
        params["lat"], params["lon"] = (_format_degrees(v) for v in view.center)
        if view.zoom is not None:
            params["zoom"] = str(view.zoom)
    return params


def _format_degrees(value: float) -> str:
    """Degrees to 4 decimals (about 10 m), trailing zeros dropped: 36.5, -71.0123."""
    return f"{value:.4f}".rstrip("0").rstrip(".")


def build_share_url(base_url: str, view: ViewState, *, embed: bool = False) -> str:
    """Absolute link to ``view`` on the app at ``base_url`` (query string replaced)."""
    params = to_query_params(view)
    if embed:
        params["embed"] = "true"
    parts = urlsplit(base_url)
    # "http://host:8501" -> "http://host:8501/": a query string follows a path.
    base = urlunsplit((parts.scheme, parts.netloc, parts.path or "/", "", ""))
    query = urlencode(params)
    return f"{base}?{query}" if query else base


def read_view(
    *,
    feature_ids: Collection[str] | None = None,
    actor_ids: Collection[str] | None = None,
    article_ids: Collection[str] | None = None,
) -> tuple[ViewState, list[str]]:
    """Parse the page's current ``st.query_params`` (see `parse_view`)."""
    params = {k: st.query_params.get_all(k) for k in st.query_params}
    return parse_view(
        params, feature_ids=feature_ids, actor_ids=actor_ids, article_ids=article_ids
    )


def render_problems(problems: Sequence[str]) -> None:
    """Show URL problems as one warning; the text is escaped (it comes from a URL)."""
    render_warning_list("Some link parameters were ignored", problems)


def render(view: ViewState, *, key: str = "url_state") -> str | None:
    """Show a "Copy link" button that writes the URL (only on click) and the link.

    Changing query parameters reloads the map iframe, so the URL is written only
    here, on the user's explicit action.

    Returns
    -------
    str or None
        The shared link when the button was pressed in this run.
    """
    if not st.button("Copy link", key=f"{key}.copy", icon=":material/link:"):
        return None
    st.query_params.from_dict(to_query_params(view))  # keeps Streamlit's embed
    url = build_share_url(st.context.url or "", view)
    st.code(url, language=None)
    st.caption("Copy the link above (the copy icon at its right).")
    return url


def init_session_state(
    view: ViewState,
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
    from components.panels import filters
    from components.panels import passages as passage_panel
    from components.panels import search as search_box

    filters.init_state(view, bounds, kinds, actor_ids)
    passage_panel.init_state()
    search_box.init_state(view.q)
