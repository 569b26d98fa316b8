"""Filters panel: date window and mode, actors (with members), articles, layer kinds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import streamlit as st

from articles.query import DATEMODES, Filters
from components.panels import dates
from components.view import View

if TYPE_CHECKING:
    from articles.model import Actor

KEY_DATEMODE = dates.KEY_DATEMODE
KEY_ACTORS = "filters.actors"
KEY_ARTICLES = "filters.articles"
KEY_ARTICLE_FIND = "filters.article_find"
KEY_KINDS = "filters.kinds"
KEY_INCLUDE = "filters.include_pending"
KEY_TO_REVIEW = "filters.to_review"
_KEY_SETTLE = "filters.settle_rerun"
MAX_MEMBERS_SHOWN = 3
#: The filters "Reset filters" and a hidden search result can clear.
CLEARABLE: dict[str, str] = {
    "dates": "the date window",
    "actors": "the actor filter",
    "articles": "the article filter",
}

Bounds = dates.Bounds


def build_actor_labels(
    actors: Sequence[Actor], expand: Callable[[Iterable[str]], Collection[str]]
) -> dict[str, str]:
    """Label each actor with the members it includes: "ISI - ... (+ Asim Malik)".

    Parameters
    ----------
    actors : sequence of Actor
        The registry.
    expand : callable
        ``articles.actors.expand_members`` (ids -> ids plus members, transitively).

    Returns
    -------
    dict of str to str
        Actor id -> display label, in the order of ``actors``.
    """
    names = {a.id: a.name for a in actors}
    labels: dict[str, str] = {}
    for actor in actors:
        name = _display_name(actor)
        members = sorted(names.get(m, m) for m in set(expand([actor.id])) - {actor.id})
        if not members:
            labels[actor.id] = name
            continue
        shown = ", ".join(members[:MAX_MEMBERS_SHOWN])
        more = len(members) - MAX_MEMBERS_SHOWN
        extra = f", +{more} more" if more > 0 else ""
        labels[actor.id] = f"{name} (+ {shown}{extra})"
    return labels


def _display_name(actor: Actor) -> str:
    """Prefix the name with the abbreviation the id stands for: "TTP - Tehreek..."."""
    slug = actor.id.replace("-", "")
    for abbr in actor.case_sensitive:
        if "".join(ch for ch in abbr if ch.isalnum()).lower() == slug:
            return f"{abbr} - {actor.name}"
    return actor.name


def build_view(
    *,
    datemode: str,
    window: tuple[dt.date, dt.date],
    bounds: tuple[dt.date, dt.date],
    actors: Sequence[str],
    articles: Sequence[str],
    kinds: Sequence[str],
    to_review: bool = False,
) -> View:
    """Turn widget values into a `View` (the full range means "no date filter").

    An edge of the window left at the corpus bound is open (None), so a passage
    dated later than the corpus range is not cut off. No article chosen means all.
    """
    lo, hi = bounds
    start, end = window
    filters = Filters(
        actors=tuple(actors),
        date_from=None if start <= lo else start,
        date_to=None if end >= hi else end,
        datemode=datemode if datemode in DATEMODES else "published",
        articles=tuple(articles) or None,
        to_review=to_review,
    )
    return View(filters=filters, kinds=tuple(kinds))


def init_state(
    view: View, bounds: Bounds, kinds: Sequence[str], actor_ids: Collection[str]
) -> None:
    """Seed this panel's keys from ``view`` (keys already set are left alone)."""
    f = view.filters
    defaults: dict[str, object] = {
        KEY_DATEMODE: f.datemode,
        KEY_ACTORS: [a for a in f.actors if a in actor_ids],
        KEY_ARTICLES: list(f.articles or ()),
        KEY_KINDS: list(view.kinds if view.kinds is not None else kinds),
        KEY_TO_REVIEW: f.to_review,
    }
    for mode in DATEMODES:
        window = (f.date_from, f.date_to) if mode == f.datemode else (None, None)
        mode_bounds = dates.safe_bounds(bounds, mode)
        defaults[dates.window_key(mode)] = dates.build_window(mode_bounds, *window)
    for name, value in defaults.items():
        if name not in st.session_state:
            st.session_state[name] = value


def read_view(bounds: Bounds) -> View:
    """Return the view the filter keys hold, without drawing widgets (embed mode).

    Call after `init_state` (or `components.panels.state.init_session_state`).
    """
    _apply_include()
    datemode = str(st.session_state.get(KEY_DATEMODE, "published"))
    mode_bounds = dates.safe_bounds(bounds, datemode)
    saved = st.session_state.get(dates.window_key(datemode)) or mode_bounds
    window = dates.build_window(mode_bounds, *saved)
    return build_view(
        datemode=datemode, window=window, bounds=mode_bounds,
        actors=st.session_state.get(KEY_ACTORS, []),
        articles=st.session_state.get(KEY_ARTICLES, []),
        kinds=st.session_state.get(KEY_KINDS, []),
        to_review=bool(st.session_state.get(KEY_TO_REVIEW)),
    )  # fmt: skip


def settle(shown: View, drawn: View) -> None:
    """Rerun once when drawing the widgets changed the view the page was drawn with.

    The page draws the map and the panel from `read_view` before the sidebar's
    widgets; drawing them can still change the view (an unknown article id dropped,
    a moved date slider applied), and then the page reruns with it, once: a second
    difference in a row is left to the next interaction rather than looping.
    """
    if drawn == shown or st.session_state.pop(_KEY_SETTLE, False):
        st.session_state.pop(_KEY_SETTLE, None)
        return
    st.session_state[_KEY_SETTLE] = True
    st.rerun()


def select_actors(actor_ids: Sequence[str]) -> None:
    """Set the actor filter (call before `render` in the run, e.g. from a search)."""
    st.session_state[KEY_ACTORS] = list(actor_ids)


def clear_filter(name: str, bounds: Bounds) -> None:
    """Clear one filter of `CLEARABLE` (a widget callback, or before `render`).

    ``dates`` opens the window of both date modes to the corpus's whole range.
    """
    if name == "actors":
        st.session_state[KEY_ACTORS] = []
    elif name == "articles":
        st.session_state[KEY_ARTICLES] = []
    elif name == "dates":
        for mode in DATEMODES:
            whole = dates.safe_bounds(bounds, mode)
            st.session_state[dates.window_key(mode)] = whole
            st.session_state[dates.draft_key(mode)] = whole


def include_new_article(old: Bounds, new: Bounds, article_id: str) -> None:
    """Widen the filters so a just-added article is reachable in this session.

    Applied at the start of the next run, before the filter widgets exist: a date
    window that reached an edge of the old range then reaches that edge of the new
    one (dates the article adds beyond it are inside); a non-empty article filter
    gets the new id.
    """
    st.session_state[KEY_INCLUDE] = (dict(old), dict(new), article_id)


def _apply_include() -> None:
    pending = st.session_state.pop(KEY_INCLUDE, None)
    if not pending:
        return
    old, new, article_id = pending
    for mode in DATEMODES:
        if not (saved := st.session_state.get(dates.window_key(mode))):
            continue
        lo, hi = dates.safe_bounds(old, mode)
        new_lo, new_hi = dates.safe_bounds(new, mode)
        window = (
            new_lo if saved[0] <= lo else saved[0],
            new_hi if saved[1] >= hi else saved[1],
        )
        st.session_state[dates.window_key(mode)] = window
        st.session_state[dates.draft_key(mode)] = window
    chosen = list(st.session_state.get(KEY_ARTICLES) or [])
    if chosen and article_id not in chosen:
        st.session_state[KEY_ARTICLES] = [*chosen, article_id]


def reset_filters(bounds: Bounds, kinds: Sequence[str]) -> None:
    """Clear every filter and show every layer kind (the "Reset filters" button)."""
    for name in CLEARABLE:
        clear_filter(name, bounds)
    st.session_state[KEY_ARTICLE_FIND] = ""
    st.session_state[KEY_KINDS] = list(kinds)
    st.session_state[KEY_TO_REVIEW] = False


def order_actor_ids(actors: Sequence[Actor], labels: Mapping[str, str]) -> list[str]:
    """Order the Actors options by label, so a typed abbreviation's actor is first.

    Labels start with the abbreviation ("TTP - Tehreek-e-Taliban Pakistan"), so
    in label order the actor whose abbreviation was typed comes before those
    that merely contain the letters.
    """
    return sorted((a.id for a in actors), key=lambda i: labels.get(i, i).casefold())


def _keep_known(name: str, known: Collection[str]) -> None:
    """Drop values a multi-choice widget no longer offers (e.g. a removed article)."""
    dates.set_if_changed(name, [v for v in st.session_state[name] if v in known])


@dataclass(frozen=True)
class ArticleFinder:
    """How the Articles filter looks articles up (see `render`)."""

    find: Callable[[str], Mapping[str, str]]
    titles: Callable[[tuple[str, ...]], Mapping[str, str]]


def _render_articles(finder: ArticleFinder, chosen: Mapping[str, str]) -> list[str]:
    """Draw a title search and the Articles choice (chosen plus matches)."""
    text = st.text_input(
        "Find articles", key=KEY_ARTICLE_FIND, max_chars=200,
        placeholder="Words of a title or an article id",
    )  # fmt: skip
    offered = {**chosen, **finder.find(str(text or "").strip())}
    picked = st.multiselect(
        "Articles", list(offered), format_func=lambda i: offered.get(i, i),
        key=KEY_ARTICLES, placeholder="All articles",
        help="Offers the newest articles, or those whose title matches the search.",
    )  # fmt: skip
    return list(picked)


def render(
    *,
    bounds: Bounds,
    actors: Sequence[Actor],
    expand: Callable[[Iterable[str]], Collection[str]],
    articles: ArticleFinder,
    kinds: Sequence[str],
    kind_labels: Mapping[str, str] | None = None,
    view: View | None = None,
    key: str = "filters",
) -> View:
    """Draw the filters; return the chosen `View` (feature and q left unset).

    Parameters
    ----------
    bounds : mapping
        ``{"published": (first, last), "events": (first, last)}`` of the corpus.
    actors : sequence of Actor
        The registry; ``expand`` is ``articles.actors.expand_members``.
    articles : ArticleFinder
        ``articles.find(text)``: ids -> titles of the articles whose title or id
        holds ``text`` (newest first; ``""``: the newest); ``articles.titles(ids)``:
        titles of known ids. The corpus can hold 100,000 articles: the list offers
        what is chosen plus what matches, never every title.
    kinds : sequence of str
        Layer kinds the map can toggle.
    view : View, optional
        Initial view (from the URL) for keys not yet in session state.
    key : str
        Key of the container (CSS class ``st-key-<key>``).
    """
    ids = [a.id for a in actors]
    init_state(view or View(), bounds, kinds, set(ids))
    _apply_include()
    chosen = articles.titles(tuple(st.session_state.get(KEY_ARTICLES) or ()))
    for name, known in ((KEY_ACTORS, ids), (KEY_ARTICLES, chosen), (KEY_KINDS, kinds)):
        _keep_known(name, known)
    labels = build_actor_labels(actors, expand)
    labels_k = kind_labels or {}
    with st.container(key=key):
        st.button(
            "Reset filters", key=f"{key}.reset", icon=":material/filter_alt_off:",
            on_click=reset_filters, args=(bounds, list(kinds)), type="tertiary",
        )  # fmt: skip
        datemode, window, mode_bounds = dates.render_dates(bounds)
        chosen_actors = st.multiselect(
            "Actors", order_actor_ids(actors, labels),
            format_func=lambda i: labels.get(i, i), key=KEY_ACTORS,
            placeholder="All actors", select_all=False,
            help="Choosing an organisation includes its members. Type an "
            "abbreviation (TTP) or a name.",
        )  # fmt: skip
        chosen_articles = _render_articles(articles, chosen)
        chosen_kinds = st.pills(
            "Layers", list(kinds), selection_mode="multi", key=KEY_KINDS,
            format_func=lambda k: labels_k.get(k, k),
        )  # fmt: skip
        to_review = st.toggle(
            "Only links to review", key=KEY_TO_REVIEW,
            help="Passages with a doubtful link (implied, rolled up, a date whose "
            "year comes from the context) nobody has confirmed or rejected yet.",
        )  # fmt: skip
    return build_view(
        datemode=datemode, window=window, bounds=mode_bounds,
        actors=chosen_actors, articles=chosen_articles, kinds=chosen_kinds or [],
        to_review=to_review,
    )  # fmt: skip
