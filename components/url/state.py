"""Dashboard view <-> URL query parameters: parse, report problems, never raise."""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from articles.query import DATEMODES, Filters
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
from components.view import View

#: Parameters Streamlit itself reads (never reported as unknown).
STREAMLIT_PARAMS = frozenset({"embed", "embed_options"})
_KNOWN = frozenset(
    {"feature", "actor", "from", "to", "datemode", "q", "article", "lat", "lon", "zoom",
     "review"}
)  # fmt: skip


def parse_view(
    params: Mapping[str, ParamValue],
    *,
    feature_ids: Container[str] | None = None,
    actor_ids: Container[str] | None = None,
    article_ids: Container[str] | None = None,
) -> tuple[View, list[str]]:
    """Parse URL query parameters into a view, reporting every invalid value.

    Parameters
    ----------
    params : mapping of str to str or list of str
        ``st.query_params.to_dict()`` or similar; repeated keys use the last value.
    feature_ids, actor_ids, article_ids : collection of str, optional
        Known ids; when given, other ids are reported and dropped.

    Returns
    -------
    (View, list of str)
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
    review = raw.get("review", "").strip()
    if review not in ("", "1"):
        problems.append(f"Bad review {quote_value(review)} (use review=1); ignored.")
    filters = Filters(
        feature=parse_single_id(
            raw.get("feature", ""), feature_ids, "feature", problems
        ),
        actors=parse_ids(raw.get("actor", ""), actor_ids, "actor", problems),
        date_from=date_from,
        date_to=date_to,
        datemode=datemode,
        q=parse_q(raw.get("q", ""), problems),
        articles=articles or None,
        to_review=review == "1",
    )
    return View(filters=filters, center=center, zoom=zoom), problems


def to_query_params(view: View) -> dict[str, str]:
    """Build the URL query parameters that reopen ``view`` (defaults left out).

    Parameters
    ----------
    view : View
        The current view.

    Returns
    -------
    dict of str to str
        Parameter names as in DESIGN.md (``feature``, ``actor``, ``from``, ``to``,
        ``datemode``, ``q``, ``article``), ``review=1`` for only the links to
        review (issue 14), plus the map's view (``lat``, ``lon``
        to 4 decimals, about 10 m; ``zoom``).
    """
    params: dict[str, str] = {}
    f = view.filters
    if f.feature:
        params["feature"] = f.feature
    if f.actors:
        params["actor"] = ",".join(f.actors)
    if f.date_from:
        params["from"] = f.date_from.isoformat()
    if f.date_to:
        params["to"] = f.date_to.isoformat()
    if f.datemode != "published":
        params["datemode"] = f.datemode
    if f.q:
        params["q"] = f.q
    if f.articles:
        params["article"] = ",".join(f.articles)
    if f.to_review:
        params["review"] = "1"
    if view.center is not None:
        params["lat"], params["lon"] = (_format_degrees(v) for v in view.center)
        if view.zoom is not None:
            params["zoom"] = str(view.zoom)
    return params


def _format_degrees(value: float) -> str:
    """Degrees to 4 decimals (about 10 m), trailing zeros dropped: 36.5, -71.0123."""
    return f"{value:.4f}".rstrip("0").rstrip(".")


def build_share_url(base_url: str, view: View, *, embed: bool = False) -> str:
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
    feature_ids: Container[str] | None = None,
    actor_ids: Container[str] | None = None,
    article_ids: Container[str] | None = None,
) -> tuple[View, list[str]]:
    """Parse the page's current ``st.query_params`` (see `parse_view`)."""
    params = {k: st.query_params.get_all(k) for k in st.query_params}
    return parse_view(
        params, feature_ids=feature_ids, actor_ids=actor_ids, article_ids=article_ids
    )


def render_problems(problems: Sequence[str]) -> None:
    """Show URL problems as one warning; the text is escaped (it comes from a URL)."""
    render_warning_list("Some link parameters were ignored", problems)


def render(view: View, *, key: str = "url_state") -> str | None:
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
